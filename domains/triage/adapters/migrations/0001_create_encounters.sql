-- One row per encounter: the columns the queries filter and sort on, the
-- version, and the full state (contracts.EncounterState as JSON).
CREATE TABLE encounters (
    id         TEXT   NOT NULL PRIMARY KEY,
    patient_id TEXT   NOT NULL,
    arrived_at BIGINT NOT NULL, -- unix nanoseconds
    version    BIGINT NOT NULL,
    state      TEXT   NOT NULL
);
CREATE INDEX encounters_by_patient ON encounters (patient_id, arrived_at);
