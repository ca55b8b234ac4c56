package io.sitrep.core.dependence;

/**
 * Parameters of the dependence analysis.
 *
 * @param quotation probability of dependence a quotation alone gives
 * @param sameDocument probability two sources resting on one document are dependent
 * @param sharedAffiliation probability two sources tied to one actor are dependent
 * @param alpha Dong et al.'s α: the prior probability that one source copies from a given other
 * @param c Dong et al.'s c: the probability a copier copies any one value
 * @param n Dong et al.'s n: the number of false values an item has, uniformly likely
 * @param minSharedItems pairs sharing fewer items get no statistical estimate
 * @param threshold dependence at or above which two sources count as one for claim weights
 */
public record DependenceParameters(double quotation, double sameDocument, double sharedAffiliation,
    double alpha, double c, int n, int minSharedItems, double threshold) {

  /** Dong et al.'s defaults (α = 0.2, c = 0.8, n = 100) and structural strengths set by hand. */
  public static final DependenceParameters DEFAULT =
      new DependenceParameters(0.95, 0.9, 0.5, 0.2, 0.8, 100, 2, 0.5);

  public DependenceParameters {
    if (alpha <= 0 || alpha >= 0.5) {
      throw new IllegalArgumentException("alpha must be in (0, 0.5): it is the prior of each direction");
    }
    if (c <= 0 || c >= 1 || n < 1) {
      throw new IllegalArgumentException("c must be in (0, 1) and n at least 1");
    }
  }
}
