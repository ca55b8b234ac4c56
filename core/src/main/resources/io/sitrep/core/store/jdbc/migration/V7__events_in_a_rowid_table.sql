-- V7: events live in a table with a rowid (SQLite; a plain heap table on PostgreSQL, as before),
-- the name a unique key beside it. Same placeholders as V1.
--
-- An event's payload (a GDELT event: 950 B on average, up to 1,250 B) is too big for a WITHOUT
-- ROWID table: SQLite keeps at most ~1,000 B of a row on a 4 KiB page of such a table (its rows
-- are index cells) and spills the rest into an overflow page of its own. Measured on 50,000
-- imported GDELT events: half of them had an overflow page, and the table took 35,276 pages
-- (138 MB, 90 MB of it unused) for 50 MB of payload; each overflow page is one more WAL frame
-- per commit. A rowid table keeps rows of up to ~4,000 B whole on its leaf pages, appended in
-- rowid order; the name's unique index holds only names. Reports and claims (150-360 B) stay
-- WITHOUT ROWID. Existing events move in place, payloads unchanged.
CREATE TABLE events_v7 (
  name ${name_type} NOT NULL PRIMARY KEY,
  revision BIGINT NOT NULL,
  etag TEXT NOT NULL,
  create_time BIGINT NOT NULL,
  update_time BIGINT NOT NULL,
  payload ${bytes_type} NOT NULL,
  change CHAR(1) NOT NULL DEFAULT 'U',
  f_type TEXT,
  f_mode TEXT,
  author TEXT NOT NULL DEFAULT 'anonymous'
);
INSERT INTO events_v7 (name, revision, etag, create_time, update_time, payload, change, f_type, f_mode, author)
  SELECT name, revision, etag, create_time, update_time, payload, change, f_type, f_mode, author FROM events
  ORDER BY name;
DROP TABLE events;
ALTER TABLE events_v7 RENAME TO events;
CREATE INDEX events_f_type ON events (f_type, name);
CREATE INDEX events_f_mode ON events (f_mode, name) WHERE f_mode IS NOT NULL;
