package io.sitrep.core.truth;

/**
 * Average·Log: Pasternack &amp; Roth, "Knowing what to believe (when you already know
 * something)", COLING 2010, section 2.
 *
 * <pre>
 *   B^i(v) = sum_{s in S(v)} T^{i-1}(s)
 *   T^i(s) = log|V(s)| * (sum_{v in V(s)} B^i(v)) / |V(s)|
 * </pre>
 *
 * The average rewards precision, the {@code log|V(s)|} factor rewards coverage (a source with a
 * single claim gets trust 0). {@code T^0 = 1} (or the prior); both vectors are divided by their
 * maximum every iteration, so they are scores, not probabilities.
 */
public final class AverageLog implements TruthDiscovery {
  public static final String NAME = "average-log";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public TruthResult run(ClaimMatrix m, TruthOptions options) {
    int[] claimSource = m.claimSourceArray();
    int[] valueClaimStart = m.valueClaimStartArray();
    int[] sourceClaimStart = m.sourceClaimStartArray();
    int[] sourceClaimValue = m.sourceClaimValueArray();
    double[] T = Seeds.initialTrust(m, options, 1.0);
    double[] B = new double[m.numValues()];
    double[] next = new double[m.numSources()];
    Iterations it = new Iterations(options);
    while (it.next()) {
      for (int v = 0; v < B.length; v++) {
        it.poll(v);
        double b = 0;
        for (int c = valueClaimStart[v]; c < valueClaimStart[v + 1]; c++) {
          b += T[claimSource[c]];
        }
        B[v] = b;
      }
      Iterations.scaleToMax(B);
      Seeds.clampGold(m, options, B, 1, 0);
      for (int s = 0; s < next.length; s++) {
        it.work(m.sourceClaimCount(s) + 1);
        int from = sourceClaimStart[s];
        int to = sourceClaimStart[s + 1];
        double sum = 0;
        for (int k = from; k < to; k++) {
          sum += B[sourceClaimValue[k]];
        }
        int n = to - from;
        next[s] = n > 0 ? Math.log(n) * sum / n : 0;
      }
      Iterations.scaleToMax(next);
      it.record(Iterations.replace(T, next));
    }
    return TruthResult.of(NAME, m, B, T, it, options);
  }
}
