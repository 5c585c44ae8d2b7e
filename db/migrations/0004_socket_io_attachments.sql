-- The table @socket.io/postgres-adapter uses for broadcasts over NOTIFY's 8000-byte limit or with binary
-- data (its README, option `tableName`). Created here rather than at start-up, where two servers starting
-- together would race (DESIGN.md). Not in the Drizzle schema: only the adapter reads and writes it, and it
-- deletes rows older than 30 s itself. Harmless on PGlite, where the in-memory adapter is used.
CREATE TABLE IF NOT EXISTS socket_io_attachments (
    id          bigserial UNIQUE,
    created_at  timestamptz DEFAULT NOW(),
    payload     bytea
);
