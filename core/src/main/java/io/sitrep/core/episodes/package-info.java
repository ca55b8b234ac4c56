/**
 * Similar episodes: past sequences of linked events that resemble a given one in the order of
 * their event types and the roles of their actors, found by Smith–Waterman local alignment with
 * a substitution score from event-type similarity (the Goldstein scale) and role agreement. See
 * {@link io.sitrep.core.episodes.Episodes}.
 */
@NullMarked
package io.sitrep.core.episodes;

import org.jspecify.annotations.NullMarked;
