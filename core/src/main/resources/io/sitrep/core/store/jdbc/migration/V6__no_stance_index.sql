-- V6: no index on a claim's stance. Same placeholders as V1.
--
-- A stance is one of a handful of values, so its index entry bought little: a listing filtered on
-- stance alone now walks the claims in name order (the primary key, from the page token on) and
-- stops at the page size, reading about page size / the stance's share of the claims rows per
-- page; a stance with another filter field is read through that field's index. No analysis lists
-- claims by stance. The entry cost every created claim a fifth index insert: measured with bare
-- SQLite inserts of the ingest bench's claims, 3-4 us of the writer's 13-15 us CPU per claim.
-- The f_stance column stays; the filter reads it.
DROP INDEX claims_f_stance;
