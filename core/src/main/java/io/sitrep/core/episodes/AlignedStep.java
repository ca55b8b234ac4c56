package io.sitrep.core.episodes;

import org.jspecify.annotations.Nullable;

/**
 * One column of an alignment: two events matched (both set), or an event of one episode against a
 * gap (the other null), with the column's score and why.
 */
public record AlignedStep(@Nullable String queryEvent, @Nullable String pastEvent, double score, String why) {}
