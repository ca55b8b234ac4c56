-- V5: an event's participant actors and a source's affiliated actors are referenced once, by the
-- filter_values row of the participant / affiliation filter field, no longer also by a refs row:
-- the in-use check of an actor's delete reads those filter_values rows
-- (io.sitrep.core.store.jdbc.Indexes' ROW_REFERENCES). Each was a second index entry scattered by
-- actor name, written by every insert. Same placeholders as V1.
DELETE FROM refs WHERE substr(from_name, 1, 7) = 'events/' AND field LIKE 'participants[%].actor';
DELETE FROM refs WHERE substr(from_name, 1, 8) = 'sources/' AND field LIKE 'affiliations[%].actor';
