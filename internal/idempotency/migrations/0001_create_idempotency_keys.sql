-- The first successful answer to each Idempotency-Key.
CREATE TABLE idempotency_keys (
    idem_key     TEXT   NOT NULL PRIMARY KEY,
    request_hash TEXT   NOT NULL, -- SHA-256 of method, path and canonical body
    answer       TEXT   NOT NULL, -- JSON, replayed verbatim
    created_at   BIGINT NOT NULL  -- unix nanoseconds
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
