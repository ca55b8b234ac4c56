-- The API key store (io.sitrep.server.auth.JdbcKeyStore), one schema for SQLite and PostgreSQL.
-- Its own Flyway location and history table (flyway_keys_history), in its own SQLite file
-- (keys.db) or PostgreSQL schema (sitrep_keys), so it never meets the other stores' migrations.
-- Tokens are never stored: only a random salt and HMAC-SHA256(salt, secret) (ApiKeyTokens).
-- Instants are BIGINT nanoseconds since the epoch; revoke_time is NULL while a key is valid.
CREATE TABLE api_keys (
  id VARCHAR(16) NOT NULL PRIMARY KEY,
  principal TEXT NOT NULL,
  role VARCHAR(16) NOT NULL,
  create_time BIGINT NOT NULL,
  revoke_time BIGINT,
  salt ${bytes_type} NOT NULL,
  hash ${bytes_type} NOT NULL
);
CREATE INDEX api_keys_principal ON api_keys (principal);
