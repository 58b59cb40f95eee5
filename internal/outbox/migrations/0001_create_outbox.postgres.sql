-- One row per event waiting to be published; the relay deletes it once the
-- broker has acknowledged it. id orders rows by insertion, so a record's
-- events (inserted by successive transactions) come out in version order.
CREATE TABLE outbox (
    id                BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id          TEXT    NOT NULL UNIQUE,
    topic             TEXT    NOT NULL,
    aggregate_id      TEXT    NOT NULL,
    aggregate_version BIGINT  NOT NULL,
    headers           TEXT    NOT NULL, -- JSON object: the Kafka headers (CloudEvents binary mode)
    body              TEXT    NOT NULL, -- JSON: the event payload
    created_at        BIGINT  NOT NULL  -- unix nanoseconds
);
