package io.sitrep.core.truth;

/**
 * Sums, the Hubs-and-Authorities fact-finder: Kleinberg, "Authoritative sources in a
 * hyperlinked environment", JACM 1999, as a fact-finder in Pasternack &amp; Roth, "Knowing what
 * to believe (when you already know something)", COLING 2010, section 2.
 *
 * <pre>
 *   B^i(v) = sum_{s in S(v)} T^{i-1}(s)        T^i(s) = sum_{v in V(s)} B^i(v)
 * </pre>
 *
 * with {@code T^0(s) = 1} (or the source's prior) and both vectors divided by their maximum
 * every iteration so they stay bounded. Beliefs and trusts are therefore scores in [0, 1],
 * not probabilities. Gold seeds are clamped to belief 1 (others of the item 0).
 */
public final class Sums implements TruthDiscovery {
  public static final String NAME = "sums";

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
        double t = 0;
        for (int k = sourceClaimStart[s]; k < sourceClaimStart[s + 1]; k++) {
          t += B[sourceClaimValue[k]];
        }
        next[s] = t;
      }
      Iterations.scaleToMax(next);
      it.record(Iterations.replace(T, next));
    }
    return TruthResult.of(NAME, m, B, T, it, options);
  }
}
