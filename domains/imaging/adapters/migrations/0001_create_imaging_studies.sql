-- One row per imaging study: the columns the queries filter and sort on,
-- the version, and the full state (contracts.ImagingStudyState as JSON).
CREATE TABLE imaging_studies (
    id           TEXT   NOT NULL PRIMARY KEY,
    patient_id   TEXT   NOT NULL,
    encounter_id TEXT   NOT NULL,
    ordered_at   BIGINT NOT NULL, -- unix nanoseconds
    version      BIGINT NOT NULL,
    state        TEXT   NOT NULL
);
CREATE INDEX imaging_studies_by_patient ON imaging_studies (patient_id, ordered_at);
