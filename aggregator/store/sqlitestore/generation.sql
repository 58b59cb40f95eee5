-- The tables of one generation; {g} is replaced by "g_<name>_".

CREATE TABLE IF NOT EXISTS "{g}patients" (
	id         TEXT PRIMARY KEY,
	revision   INTEGER NOT NULL,
	birth_date TEXT NOT NULL, -- '' when demographics are unknown
	doc        BLOB NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS "{g}patients_by_birth_date" ON "{g}patients" (birth_date, id);

-- name_prefixes holds every prefix of every normalized word of a patient's
-- name (package namesearch): a name query word matches by equality.
CREATE TABLE IF NOT EXISTS "{g}name_prefixes" (
	prefix     TEXT NOT NULL,
	patient_id TEXT NOT NULL,
	PRIMARY KEY (prefix, patient_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS "{g}name_prefixes_by_patient" ON "{g}name_prefixes" (patient_id);

CREATE TABLE IF NOT EXISTS "{g}encounters" (
	id         TEXT PRIMARY KEY,
	patient_id TEXT NOT NULL,
	sort_time  TEXT NOT NULL, -- codec.TimeKey
	revision   INTEGER NOT NULL,
	doc        BLOB NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS "{g}encounters_by_patient" ON "{g}encounters" (patient_id, sort_time DESC, id DESC);

CREATE TABLE IF NOT EXISTS "{g}billable" (
	id           TEXT PRIMARY KEY,
	encounter_id TEXT NOT NULL,
	service_date TEXT NOT NULL, -- codec.TimeKey
	doc          BLOB NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS "{g}billable_by_date" ON "{g}billable" (service_date, id);
CREATE INDEX IF NOT EXISTS "{g}billable_by_encounter" ON "{g}billable" (encounter_id);

CREATE TABLE IF NOT EXISTS "{g}audit" (
	event_id    TEXT PRIMARY KEY,
	patient_id  TEXT NOT NULL,
	occurred_at TEXT NOT NULL, -- codec.TimeKey
	source      TEXT NOT NULL,
	doc         BLOB NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS "{g}audit_by_patient" ON "{g}audit" (patient_id, occurred_at, event_id);
CREATE INDEX IF NOT EXISTS "{g}audit_by_source" ON "{g}audit" (source);

CREATE TABLE IF NOT EXISTS "{g}dead_letters" (
	id     TEXT PRIMARY KEY, -- topic/partition/offset
	source TEXT NOT NULL,
	doc    BLOB NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS "{g}dead_letters_by_source" ON "{g}dead_letters" (source);

CREATE TABLE IF NOT EXISTS "{g}freshness" (
	source            TEXT PRIMARY KEY,
	newest_event_time TEXT NOT NULL, -- codec.TimeKey
	newest_applied_at TEXT NOT NULL  -- codec.TimeKey
) STRICT;

CREATE TABLE IF NOT EXISTS "{g}offsets" (
	source      TEXT NOT NULL,
	partition   TEXT NOT NULL,
	last_offset INTEGER NOT NULL,
	PRIMARY KEY (source, partition)
) STRICT, WITHOUT ROWID;
