-- Tables shared by every generation.

-- meta holds the active generation under key 'active'.
CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;

-- generations lists the generations whose tables exist.
CREATE TABLE generations (
	name       TEXT PRIMARY KEY,
	created_at TEXT NOT NULL
) STRICT;

-- access_log is not derived from events: it survives generation switches.
CREATE TABLE access_log (
	id         TEXT PRIMARY KEY, -- UUIDv7, time-ordered
	patient_id TEXT NOT NULL,
	doc        BLOB NOT NULL
) STRICT;
CREATE INDEX access_log_by_patient ON access_log (patient_id, id);
