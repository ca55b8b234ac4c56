-- V2: fewer, smaller rows per write. Same placeholders as V1.
--
-- 1. Single-valued filter fields become indexed columns f_<field> of their collection's table
--    (io.sitrep.core.store.jdbc.Indexes#COLUMNS lists them) instead of filter_values rows;
--    filter_values keeps the multi-valued ones (sources.affiliation, events.participant).
-- 2. The references claims.report, claims.event and reports.source are answered from those
--    columns (the in-use check of a delete reads them); refs keeps every other reference.
-- 3. Each payload is stored once: the current table holds the newest version of a live resource
--    (with its change, C or U, and update_time as the instant it became known); versions holds
--    only the superseded versions and the tombstones. A history is versions UNION the current row.
-- Existing data moves in place; nothing is decoded, so no payload is rewritten.

-- 3. The change of each current row, then the versions rows that duplicate it go.
ALTER TABLE sources ADD COLUMN change CHAR(1) NOT NULL DEFAULT 'U';
ALTER TABLE reports ADD COLUMN change CHAR(1) NOT NULL DEFAULT 'U';
ALTER TABLE actors ADD COLUMN change CHAR(1) NOT NULL DEFAULT 'U';
ALTER TABLE events ADD COLUMN change CHAR(1) NOT NULL DEFAULT 'U';
ALTER TABLE claims ADD COLUMN change CHAR(1) NOT NULL DEFAULT 'U';

UPDATE sources SET change = v.change FROM versions v WHERE v.name = sources.name AND v.revision = sources.revision;
UPDATE reports SET change = v.change FROM versions v WHERE v.name = reports.name AND v.revision = reports.revision;
UPDATE actors SET change = v.change FROM versions v WHERE v.name = actors.name AND v.revision = actors.revision;
UPDATE events SET change = v.change FROM versions v WHERE v.name = events.name AND v.revision = events.revision;
UPDATE claims SET change = v.change FROM versions v WHERE v.name = claims.name AND v.revision = claims.revision;

DELETE FROM versions WHERE EXISTS
  (SELECT 1 FROM sources t WHERE t.name = versions.name AND t.revision = versions.revision);
DELETE FROM versions WHERE EXISTS
  (SELECT 1 FROM reports t WHERE t.name = versions.name AND t.revision = versions.revision);
DELETE FROM versions WHERE EXISTS
  (SELECT 1 FROM actors t WHERE t.name = versions.name AND t.revision = versions.revision);
DELETE FROM versions WHERE EXISTS
  (SELECT 1 FROM events t WHERE t.name = versions.name AND t.revision = versions.revision);
DELETE FROM versions WHERE EXISTS
  (SELECT 1 FROM claims t WHERE t.name = versions.name AND t.revision = versions.revision);

-- 1. Filter columns, NULL where the field has no value.
ALTER TABLE sources ADD COLUMN f_kind TEXT;
ALTER TABLE sources ADD COLUMN f_country_code TEXT;
ALTER TABLE sources ADD COLUMN f_reliability TEXT;
ALTER TABLE sources ADD COLUMN f_display_name TEXT;
ALTER TABLE reports ADD COLUMN f_source ${name_type};
ALTER TABLE reports ADD COLUMN f_language TEXT;
ALTER TABLE actors ADD COLUMN f_kind TEXT;
ALTER TABLE actors ADD COLUMN f_country_code TEXT;
ALTER TABLE events ADD COLUMN f_type TEXT;
ALTER TABLE events ADD COLUMN f_mode TEXT;
ALTER TABLE claims ADD COLUMN f_report ${name_type};
ALTER TABLE claims ADD COLUMN f_event ${name_type};
ALTER TABLE claims ADD COLUMN f_stance TEXT;
ALTER TABLE claims ADD COLUMN f_subject TEXT;
ALTER TABLE claims ADD COLUMN f_attribute TEXT;

UPDATE sources SET f_kind = f.value FROM filter_values f
  WHERE f.collection = 'sources' AND f.field = 'kind' AND f.name = sources.name;
UPDATE sources SET f_country_code = f.value FROM filter_values f
  WHERE f.collection = 'sources' AND f.field = 'country_code' AND f.name = sources.name;
UPDATE sources SET f_reliability = f.value FROM filter_values f
  WHERE f.collection = 'sources' AND f.field = 'reliability' AND f.name = sources.name;
UPDATE sources SET f_display_name = f.value FROM filter_values f
  WHERE f.collection = 'sources' AND f.field = 'display_name' AND f.name = sources.name;
UPDATE reports SET f_source = f.value FROM filter_values f
  WHERE f.collection = 'reports' AND f.field = 'source' AND f.name = reports.name;
UPDATE reports SET f_language = f.value FROM filter_values f
  WHERE f.collection = 'reports' AND f.field = 'language' AND f.name = reports.name;
UPDATE actors SET f_kind = f.value FROM filter_values f
  WHERE f.collection = 'actors' AND f.field = 'kind' AND f.name = actors.name;
UPDATE actors SET f_country_code = f.value FROM filter_values f
  WHERE f.collection = 'actors' AND f.field = 'country_code' AND f.name = actors.name;
UPDATE events SET f_type = f.value FROM filter_values f
  WHERE f.collection = 'events' AND f.field = 'type' AND f.name = events.name;
UPDATE events SET f_mode = f.value FROM filter_values f
  WHERE f.collection = 'events' AND f.field = 'mode' AND f.name = events.name;
UPDATE claims SET f_report = f.value FROM filter_values f
  WHERE f.collection = 'claims' AND f.field = 'report' AND f.name = claims.name;
UPDATE claims SET f_event = f.value FROM filter_values f
  WHERE f.collection = 'claims' AND f.field = 'event' AND f.name = claims.name;
UPDATE claims SET f_stance = f.value FROM filter_values f
  WHERE f.collection = 'claims' AND f.field = 'stance' AND f.name = claims.name;
UPDATE claims SET f_subject = f.value FROM filter_values f
  WHERE f.collection = 'claims' AND f.field = 'subject' AND f.name = claims.name;
UPDATE claims SET f_attribute = f.value FROM filter_values f
  WHERE f.collection = 'claims' AND f.field = 'attribute' AND f.name = claims.name;

DELETE FROM filter_values WHERE
  (collection = 'sources' AND field IN ('kind', 'country_code', 'reliability', 'display_name'))
  OR (collection = 'reports' AND field IN ('source', 'language'))
  OR (collection = 'actors' AND field IN ('kind', 'country_code'))
  OR (collection = 'events' AND field IN ('type', 'mode'))
  OR (collection = 'claims' AND field IN ('report', 'event', 'stance', 'subject', 'attribute'));

-- 2. References now read from the columns.
DELETE FROM refs WHERE
  (field IN ('report', 'event') AND substr(from_name, 1, 7) = 'claims/')
  OR (field = 'source' AND substr(from_name, 1, 8) = 'reports/');

-- Every filter column indexed with the name after it, the order a filtered, keyset-paged
-- listing reads, and the in-use check's lookup of a referenced name.
CREATE INDEX sources_f_kind ON sources (f_kind, name);
CREATE INDEX sources_f_country_code ON sources (f_country_code, name);
CREATE INDEX sources_f_reliability ON sources (f_reliability, name);
CREATE INDEX sources_f_display_name ON sources (f_display_name, name);
CREATE INDEX reports_f_source ON reports (f_source, name);
CREATE INDEX reports_f_language ON reports (f_language, name);
CREATE INDEX actors_f_kind ON actors (f_kind, name);
CREATE INDEX actors_f_country_code ON actors (f_country_code, name);
CREATE INDEX events_f_type ON events (f_type, name);
CREATE INDEX events_f_mode ON events (f_mode, name);
CREATE INDEX claims_f_report ON claims (f_report, name);
CREATE INDEX claims_f_event ON claims (f_event, name);
CREATE INDEX claims_f_stance ON claims (f_stance, name);
CREATE INDEX claims_f_subject ON claims (f_subject, name);
CREATE INDEX claims_f_attribute ON claims (f_attribute, name);
