-- The hypothesis-matrix store (io.sitrep.core.ach.jdbc.JdbcAchStore), one schema for SQLite and
-- PostgreSQL. Its own Flyway location and history table (flyway_ach_history), in its own SQLite
-- file or PostgreSQL schema, so it never meets the main store's migrations. Placeholders:
--   ${name_type}      TEXT, or TEXT COLLATE "C" on PostgreSQL (byte order, as keyset paging needs)
--   ${bytes_type}     BLOB or BYTEA
--   ${table_options}  WITHOUT ROWID on SQLite, empty on PostgreSQL
-- Instants are BIGINT nanoseconds since the epoch; payloads are AchMatrixCodec's encoding.

-- One row: the last revision handed out. Every write locks it first.
CREATE TABLE ach_meta (
  id INTEGER NOT NULL PRIMARY KEY,
  last_revision BIGINT NOT NULL
);
INSERT INTO ach_meta (id, last_revision) VALUES (1, 0);

-- The current version of every live matrix.
CREATE TABLE ach_matrices (
  name ${name_type} NOT NULL PRIMARY KEY,
  revision BIGINT NOT NULL,
  etag TEXT NOT NULL,
  create_time BIGINT NOT NULL,
  update_time BIGINT NOT NULL,
  payload ${bytes_type} NOT NULL
) ${table_options};

-- Every version of every matrix, deleted ones included: change C(reated), U(pdated), D(eleted);
-- a tombstone has no payload. known_from is when the store learned of the version.
CREATE TABLE ach_versions (
  name ${name_type} NOT NULL,
  revision BIGINT NOT NULL,
  known_from BIGINT NOT NULL,
  change CHAR(1) NOT NULL,
  etag TEXT NOT NULL,
  payload ${bytes_type},
  PRIMARY KEY (name, revision)
) ${table_options};

-- Request ids of creates (AIP-155) and the version each one stored.
CREATE TABLE ach_requests (
  request_id TEXT NOT NULL PRIMARY KEY,
  name ${name_type} NOT NULL,
  revision BIGINT NOT NULL
) ${table_options};
