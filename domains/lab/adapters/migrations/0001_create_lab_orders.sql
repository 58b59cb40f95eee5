-- A lab order with its results: the full record as published
-- (contracts.LabOrderState as JSON) plus the columns it is looked up and
-- ordered by. version is the aggregate version of its last event.
CREATE TABLE lab_orders (
    id           TEXT   PRIMARY KEY,
    patient_id   TEXT   NOT NULL,
    encounter_id TEXT   NOT NULL,
    ordered_at   BIGINT NOT NULL, -- unix nanoseconds
    version      BIGINT NOT NULL,
    state        TEXT   NOT NULL
);
CREATE INDEX lab_orders_by_patient ON lab_orders (patient_id, ordered_at, id);
