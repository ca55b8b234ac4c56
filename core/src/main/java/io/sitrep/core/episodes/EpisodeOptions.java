package io.sitrep.core.episodes;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The scoring of episode alignment.
 *
 * @param sameType the score of two events of the same type (plus {@code sameMode} if their modes agree)
 * @param goldsteinScale how many Goldstein points of difference cost one point: two events of
 *     different types score {@code sameType − |g_a − g_b| / goldsteinScale}, at least {@code −sameType}
 * @param roleWeight how much role agreement adds: {@code roleWeight × (2J − 1)} with {@code J} the
 *     Jaccard index of the events' (role, actor kind) pairs
 * @param gapOpen the cost of the first of a run of unmatched events
 * @param gapExtend the cost of each further unmatched event of the run
 */
public record EpisodeOptions(double sameType, double sameMode, double goldsteinScale, double roleWeight,
    double gapOpen, double gapExtend) {
  /** Same type 2, same mode 0.5, 2.5 Goldstein points per point, roles up to ±1, gaps 1.5 then 0.3. */
  public static final EpisodeOptions DEFAULTS = new EpisodeOptions(2, 0.5, 2.5, 1, 1.5, 0.3);

  public EpisodeOptions {
    checkArgument(sameType > 0 && goldsteinScale > 0 && gapOpen > 0 && gapExtend > 0 && roleWeight >= 0
        && sameMode >= 0, "weights must be positive");
  }
}
