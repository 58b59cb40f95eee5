-- A prescription: the full record as published (contracts.PrescriptionState
-- as JSON) plus the columns it is looked up and ordered by. version is the
-- aggregate version of its last event.
CREATE TABLE prescriptions (
    id           TEXT   PRIMARY KEY,
    patient_id   TEXT   NOT NULL,
    encounter_id TEXT   NOT NULL,
    status       TEXT   NOT NULL,
    issued_at    BIGINT NOT NULL, -- unix nanoseconds
    version      BIGINT NOT NULL,
    state        TEXT   NOT NULL
);
CREATE INDEX prescriptions_by_patient ON prescriptions (patient_id, issued_at, id);

-- The catalog a prescription is checked against.
CREATE TABLE prescribers (
    id        TEXT    PRIMARY KEY,
    name      TEXT    NOT NULL,
    specialty TEXT    NOT NULL,
    license   TEXT    NOT NULL,
    active    BOOLEAN NOT NULL
);
CREATE TABLE medications (
    code  TEXT PRIMARY KEY,
    name  TEXT NOT NULL,
    class TEXT NOT NULL
);
-- specialty_key and class_key are domain.Fold of specialty and class: they
-- are matched without regard to case or surrounding spaces.
CREATE TABLE authorizations (
    specialty_key    TEXT NOT NULL,
    class_key        TEXT NOT NULL,
    specialty        TEXT NOT NULL,
    medication_class TEXT NOT NULL,
    PRIMARY KEY (specialty_key, class_key)
);
