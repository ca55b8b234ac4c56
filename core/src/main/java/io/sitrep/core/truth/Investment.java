package io.sitrep.core.truth;

/**
 * Investment and PooledInvestment: Pasternack &amp; Roth, "Knowing what to believe (when you
 * already know something)", COLING 2010, section 2 (and their COLING 2010 predecessor
 * "Knowing what to believe").
 *
 * <p>A source invests its trust equally in its claims and earns returns in proportion to its
 * share of each value's investment:
 *
 * <pre>
 *   H^i(v) = sum_{s in S(v)} T^{i-1}(s) / |V(s)|
 *   Investment:        B^i(v) = G(H^i(v)),   G(x) = x^g,  g = 1.2
 *   PooledInvestment:  B^i(v) = H^i(v) * G(H^i(v)) / sum_{r in M(v)} G(H^i(r)),  g = 1.4
 *   T^i(s) = sum_{v in V(s)} B^i(v) * (T^{i-1}(s) / |V(s)|) / H^i(v)
 * </pre>
 *
 * where {@code M(v)} is the set of mutually exclusive values (the item's candidates). The
 * exponents are the paper's. The order is the paper's: trust {@code T^i} is paid from the
 * previous beliefs {@code B^{i-1}}, then {@code B^i} is computed from {@code T^i}. {@code T^0 =
 * 1} (or the prior) and {@code B^0} is each candidate's share of its item's claims (the voted
 * prior belief, as in the reference implementations). Starting instead from {@code B^0 =
 * G(H(T^0))} makes the first returns a function of investment per claim, so sources with one
 * claim (which invest their whole trust in it) win every dispute: that scored .50 on
 * Population. Trust and belief are divided by their maximum each iteration; they are scores, not
 * probabilities.
 */
public final class Investment implements TruthDiscovery {
  public static final String NAME = "investment";
  public static final String POOLED_NAME = "pooled-investment";

  private final boolean pooled;
  private final double g;

  private Investment(boolean pooled, double g) {
    this.pooled = pooled;
    this.g = g;
  }

  /** Investment with the paper's {@code g = 1.2}. */
  public static Investment investment() {
    return new Investment(false, 1.2);
  }

  /** PooledInvestment with the paper's {@code g = 1.4}. */
  public static Investment pooled() {
    return new Investment(true, 1.4);
  }

  /** {@code H(v) = sum_{s in S(v)} T(s) / |V(s)|}, into {@code H}. */
  private static void investments(
      double[] T, double[] invCount, int[] valueClaimStart, int[] claimSource, double[] H) {
    for (int v = 0; v < H.length; v++) {
      double h = 0;
      for (int c = valueClaimStart[v]; c < valueClaimStart[v + 1]; c++) {
        int s = claimSource[c];
        h += T[s] * invCount[s];
      }
      H[v] = h;
    }
  }

  /** {@code B^0}: each candidate's share of its item's claims (the voted prior belief). */
  private static double[] votedShare(ClaimMatrix m) {
    int[] itemValueStart = m.itemValueStartArray();
    int[] valueClaimStart = m.valueClaimStartArray();
    double[] b = new double[m.numValues()];
    for (int i = 0; i < m.numItems(); i++) {
      int first = itemValueStart[i];
      int last = itemValueStart[i + 1];
      double total = valueClaimStart[last] - valueClaimStart[first];
      for (int v = first; v < last; v++) {
        b[v] = total > 0 ? (valueClaimStart[v + 1] - valueClaimStart[v]) / total : 0;
      }
    }
    return b;
  }

  @Override
  public String name() {
    return pooled ? POOLED_NAME : NAME;
  }

  @Override
  public TruthResult run(ClaimMatrix m, TruthOptions options) {
    int[] claimSource = m.claimSourceArray();
    int[] valueClaimStart = m.valueClaimStartArray();
    int[] itemValueStart = m.itemValueStartArray();
    int[] sourceClaimStart = m.sourceClaimStartArray();
    int[] sourceClaimValue = m.sourceClaimValueArray();
    int numSources = m.numSources();
    double[] T = Seeds.initialTrust(m, options, 1.0);
    double[] invCount = new double[numSources];
    for (int s = 0; s < numSources; s++) {
      int n = sourceClaimStart[s + 1] - sourceClaimStart[s];
      invCount[s] = n > 0 ? 1.0 / n : 0;
    }
    double[] H = new double[m.numValues()];
    double[] B = votedShare(m);
    Seeds.clampGold(m, options, B, 1, 0);
    double[] next = new double[numSources];
    Iterations it = new Iterations(options);
    while (it.next()) {
      // T^i from B^{i-1} and T^{i-1}: each source's returns on what it invested.
      investments(T, invCount, valueClaimStart, claimSource, H);
      for (int s = 0; s < numSources; s++) {
        it.work(m.sourceClaimCount(s) + 1);
        double share = T[s] * invCount[s];
        double t = 0;
        for (int k = sourceClaimStart[s]; k < sourceClaimStart[s + 1]; k++) {
          int v = sourceClaimValue[k];
          if (H[v] > 0) {
            t += B[v] * share / H[v];
          }
        }
        next[s] = t;
      }
      Iterations.scaleToMax(next);
      double change = Iterations.replace(T, next);
      // B^i from T^i.
      investments(T, invCount, valueClaimStart, claimSource, H);
      if (pooled) {
        for (int i = 0; i < m.numItems(); i++) {
          double pool = 0;
          for (int v = itemValueStart[i]; v < itemValueStart[i + 1]; v++) {
            pool += Math.pow(H[v], g);
          }
          for (int v = itemValueStart[i]; v < itemValueStart[i + 1]; v++) {
            B[v] = pool > 0 ? H[v] * Math.pow(H[v], g) / pool : 0;
          }
        }
      } else {
        for (int v = 0; v < H.length; v++) {
          it.poll(v);
          B[v] = Math.pow(H[v], g);
        }
      }
      Iterations.scaleToMax(B);
      Seeds.clampGold(m, options, B, 1, 0);
      it.record(change);
    }
    return TruthResult.of(name(), m, B, T, it, options);
  }
}
