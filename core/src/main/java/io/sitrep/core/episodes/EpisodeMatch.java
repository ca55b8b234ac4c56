package io.sitrep.core.episodes;

import com.google.common.collect.ImmutableList;

/**
 * A past episode like the query, with the local alignment that explains the likeness.
 *
 * @param score the Smith–Waterman score of the best local alignment
 * @param similarity the score over the query's score against itself: 1 is a perfect copy
 */
public record EpisodeMatch(String episode, double score, double similarity, ImmutableList<AlignedStep> alignment) {}
