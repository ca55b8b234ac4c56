-- The Sitrep store, one schema for SQLite and PostgreSQL. Dialect differences are placeholders
-- set by io.sitrep.core.store.jdbc.Dialect:
--   ${name_type}      TEXT (SQLite compares bytes) or TEXT COLLATE "C" (byte order on PostgreSQL,
--                     so keyset paging on names agrees with every other engine)
--   ${bytes_type}     BLOB or BYTEA
--   ${table_options}  WITHOUT ROWID on SQLite (one B-tree per table: half the writes per row), empty
--                     on PostgreSQL
-- Instants are BIGINT nanoseconds since the epoch, so a Clock's instants come back exactly.
-- Payloads are io.sitrep.core.store.jdbc.ResourceCodec's encoding of the core records.

-- One row: the last revision handed out. Every write locks it first, so writes are serialised
-- on PostgreSQL as on SQLite and revisions are global, as in InMemoryStore.
CREATE TABLE store_meta (
  id INTEGER NOT NULL PRIMARY KEY,
  last_revision BIGINT NOT NULL,
  index_fingerprint TEXT NOT NULL
);
INSERT INTO store_meta (id, last_revision, index_fingerprint) VALUES (1, 0, '');

-- The current version of every live resource, one table per collection.
CREATE TABLE sources (
  name ${name_type} NOT NULL PRIMARY KEY,
  revision BIGINT NOT NULL,
  etag TEXT NOT NULL,
  create_time BIGINT NOT NULL,
  update_time BIGINT NOT NULL,
  payload ${bytes_type} NOT NULL
) ${table_options};

CREATE TABLE reports (
  name ${name_type} NOT NULL PRIMARY KEY,
  revision BIGINT NOT NULL,
  etag TEXT NOT NULL,
  create_time BIGINT NOT NULL,
  update_time BIGINT NOT NULL,
  payload ${bytes_type} NOT NULL
) ${table_options};

CREATE TABLE actors (
  name ${name_type} NOT NULL PRIMARY KEY,
  revision BIGINT NOT NULL,
  etag TEXT NOT NULL,
  create_time BIGINT NOT NULL,
  update_time BIGINT NOT NULL,
  payload ${bytes_type} NOT NULL
) ${table_options};

CREATE TABLE events (
  name ${name_type} NOT NULL PRIMARY KEY,
  revision BIGINT NOT NULL,
  etag TEXT NOT NULL,
  create_time BIGINT NOT NULL,
  update_time BIGINT NOT NULL,
  payload ${bytes_type} NOT NULL
) ${table_options};

CREATE TABLE claims (
  name ${name_type} NOT NULL PRIMARY KEY,
  revision BIGINT NOT NULL,
  etag TEXT NOT NULL,
  create_time BIGINT NOT NULL,
  update_time BIGINT NOT NULL,
  payload ${bytes_type} NOT NULL
) ${table_options};

-- Every version of every resource, deleted ones included. change: C(reated), U(pdated),
-- D(eleted); a tombstone has no payload.
CREATE TABLE versions (
  name ${name_type} NOT NULL,
  revision BIGINT NOT NULL,
  known_from BIGINT NOT NULL,
  change CHAR(1) NOT NULL,
  etag TEXT NOT NULL,
  payload ${bytes_type},
  PRIMARY KEY (name, revision)
) ${table_options};

-- References held by live resources, keyed by the referenced name for the InUse check of a
-- delete. A writer removes a resource's rows by recomputing them from its old payload.
CREATE TABLE refs (
  to_name ${name_type} NOT NULL,
  from_name ${name_type} NOT NULL,
  field TEXT NOT NULL,
  PRIMARY KEY (to_name, from_name, field)
) ${table_options};

-- The values of every filterable field of every live resource, in the key order a filtered,
-- keyset-paged listing reads them: (collection, field, value) then name.
CREATE TABLE filter_values (
  collection TEXT NOT NULL,
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  name ${name_type} NOT NULL,
  PRIMARY KEY (collection, field, value, name)
) ${table_options};

-- Request ids of creates and batches (AIP-155) and the names they stored, newline-separated.
CREATE TABLE requests (
  request_id TEXT NOT NULL PRIMARY KEY,
  names TEXT NOT NULL,
  create_time BIGINT NOT NULL
) ${table_options};
