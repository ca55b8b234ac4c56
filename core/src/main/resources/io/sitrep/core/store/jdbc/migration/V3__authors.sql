-- V3: every version records its author, the principal the write was made as (the API key's
-- principal, or 'anonymous' on a server without authentication). Rows written before V3 were
-- all made without authentication, so they read as 'anonymous'. Same placeholders as V1.
ALTER TABLE sources ADD COLUMN author TEXT NOT NULL DEFAULT 'anonymous';
ALTER TABLE reports ADD COLUMN author TEXT NOT NULL DEFAULT 'anonymous';
ALTER TABLE actors ADD COLUMN author TEXT NOT NULL DEFAULT 'anonymous';
ALTER TABLE events ADD COLUMN author TEXT NOT NULL DEFAULT 'anonymous';
ALTER TABLE claims ADD COLUMN author TEXT NOT NULL DEFAULT 'anonymous';
ALTER TABLE versions ADD COLUMN author TEXT NOT NULL DEFAULT 'anonymous';
