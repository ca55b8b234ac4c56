package io.sitrep.core.truth;

import java.util.Arrays;

/** Where the iterative algorithms start from, and how gold seeds hold them. */
final class Seeds {
  private Seeds() {}

  /** {@code t0} for every source, or its prior when the matrix has one and priors are on. */
  static double[] initialTrust(ClaimMatrix m, TruthOptions options, double t0) {
    double[] t = new double[m.numSources()];
    Arrays.fill(t, t0);
    double[] prior = m.sourcePriorArray();
    if (options.usePriors() && prior != null) {
      for (int s = 0; s < t.length; s++) {
        if (!Double.isNaN(prior[s])) {
          t[s] = prior[s];
        }
      }
    }
    return t;
  }

  /** The prior of each source when priors are on, else NaN everywhere ("no prior"). */
  static double[] priors(ClaimMatrix m, TruthOptions options) {
    double[] p = new double[m.numSources()];
    Arrays.fill(p, Double.NaN);
    double[] prior = m.sourcePriorArray();
    if (options.usePriors() && prior != null) {
      System.arraycopy(prior, 0, p, 0, p.length);
    }
    return p;
  }

  /**
   * Sets each seeded item's gold value to {@code yes} and its other candidates to {@code no}.
   */
  static void clampGold(ClaimMatrix m, TruthOptions options, double[] belief, double yes, double no) {
    int[] gold = m.goldValueArray();
    if (!options.useGold() || gold == null) {
      return;
    }
    int[] start = m.itemValueStartArray();
    for (int i = 0; i < gold.length; i++) {
      if (gold[i] >= 0) {
        for (int v = start[i]; v < start[i + 1]; v++) {
          belief[v] = v == gold[i] ? yes : no;
        }
      }
    }
  }
}
