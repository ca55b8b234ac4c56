-- V4: no index entry for a filter column without a value. Same placeholders as V1.
--
-- A claim about an event has no subject or attribute (NULL), and one about a proposition alone
-- has no event (''); GDELT reports have no language. Each of those still cost an entry in the
-- column's index, written by every insert and never read: a filter for a value asks "= ?", which
-- a partial index on IS NOT NULL serves on both engines. The single-valued columns below now hold
-- NULL for "" (io.sitrep.core.store.jdbc.Indexes' emptyAsNull), and a filter for "" reads IS NULL.
UPDATE claims SET f_event = NULL WHERE f_event = '';
UPDATE reports SET f_language = NULL WHERE f_language = '';
UPDATE events SET f_mode = NULL WHERE f_mode = '';

DROP INDEX claims_f_event;
DROP INDEX claims_f_subject;
DROP INDEX claims_f_attribute;
DROP INDEX reports_f_language;
DROP INDEX events_f_mode;
CREATE INDEX claims_f_event ON claims (f_event, name) WHERE f_event IS NOT NULL;
CREATE INDEX claims_f_subject ON claims (f_subject, name) WHERE f_subject IS NOT NULL;
CREATE INDEX claims_f_attribute ON claims (f_attribute, name) WHERE f_attribute IS NOT NULL;
CREATE INDEX reports_f_language ON reports (f_language, name) WHERE f_language IS NOT NULL;
CREATE INDEX events_f_mode ON events (f_mode, name) WHERE f_mode IS NOT NULL;
