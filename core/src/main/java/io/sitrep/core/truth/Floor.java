package io.sitrep.core.truth;

/**
 * Bare loops doing an algorithm's per-claim arithmetic over a matrix's claim arrays, with no
 * options, gold, priors, cancellation, listeners, convergence test, copy detection or result:
 * the memory-bandwidth and arithmetic floor a benchmark compares the real implementation with.
 * Everything an algorithm does beyond these passes (AccuCopy's pair statistics, the default's
 * similarity and priors) counts against it, never into the floor. Not for analysis; each
 * returns a checksum so the JIT cannot drop the work.
 */
public final class Floor {
  private Floor() {}

  /** {@code iterations} rounds of TruthFinder without implication. */
  public static double truthFinder(ClaimMatrix m, int iterations) {
    int[] claimSource = m.claimSourceArray();
    int[] valueClaimStart = m.valueClaimStartArray();
    int[] sourceClaimStart = m.sourceClaimStartArray();
    int[] sourceClaimValue = m.sourceClaimValueArray();
    int numSources = m.numSources();
    int numValues = m.numValues();
    double[] t = new double[numSources];
    java.util.Arrays.fill(t, 0.9);
    double[] tau = new double[numSources];
    double[] s = new double[numValues];
    for (int round = 0; round < iterations; round++) {
      for (int w = 0; w < numSources; w++) {
        tau[w] = -Math.log(1 - Math.min(t[w], 1 - 1e-9));
      }
      for (int f = 0; f < numValues; f++) {
        double sum = 0;
        for (int c = valueClaimStart[f]; c < valueClaimStart[f + 1]; c++) {
          sum += tau[claimSource[c]];
        }
        s[f] = 1 / (1 + Math.exp(-0.3 * sum));
      }
      for (int w = 0; w < numSources; w++) {
        int from = sourceClaimStart[w];
        int to = sourceClaimStart[w + 1];
        double sum = 0;
        for (int k = from; k < to; k++) {
          sum += s[sourceClaimValue[k]];
        }
        t[w] = to > from ? sum / (to - from) : t[w];
      }
    }
    return t[0] + s[0];
  }

  /**
   * {@code iterations} rounds of Accu's vote, softmax and accuracy update: two passes over the
   * claims and one over the values per round, the floor of Accu, AccuCopy and the default alike.
   */
  public static double accu(ClaimMatrix m, int iterations) {
    int[] claimSource = m.claimSourceArray();
    int[] valueClaimStart = m.valueClaimStartArray();
    int[] itemValueStart = m.itemValueStartArray();
    int[] sourceClaimStart = m.sourceClaimStartArray();
    int[] sourceClaimValue = m.sourceClaimValueArray();
    int numSources = m.numSources();
    int numValues = m.numValues();
    double n = 100;
    double[] A = new double[numSources];
    java.util.Arrays.fill(A, 0.8);
    double[] Aprime = new double[numSources];
    double[] P = new double[numValues];
    double[] C = new double[numValues];
    for (int round = 0; round < iterations; round++) {
      for (int s = 0; s < numSources; s++) {
        Aprime[s] = Math.log(n * A[s] / (1 - A[s]));
      }
      for (int v = 0; v < numValues; v++) {
        double sum = 0;
        for (int k = valueClaimStart[v]; k < valueClaimStart[v + 1]; k++) {
          sum += Aprime[claimSource[k]];
        }
        C[v] = sum;
      }
      for (int i = 0; i < m.numItems(); i++) {
        int first = itemValueStart[i];
        int last = itemValueStart[i + 1];
        double max = 0;
        for (int v = first; v < last; v++) {
          max = Math.max(max, C[v]);
        }
        double z = Math.max(0, n + 1 - (last - first)) * Math.exp(-max);
        for (int v = first; v < last; v++) {
          double e = Math.exp(C[v] - max);
          P[v] = e;
          z += e;
        }
        double inv = 1 / z;
        for (int v = first; v < last; v++) {
          P[v] *= inv;
        }
      }
      for (int s = 0; s < numSources; s++) {
        int from = sourceClaimStart[s];
        int to = sourceClaimStart[s + 1];
        double sum = 0;
        for (int k = from; k < to; k++) {
          sum += P[sourceClaimValue[k]];
        }
        if (to > from) {
          A[s] = Math.max(0.001, Math.min(0.999, sum / (to - from)));
        }
      }
    }
    return A[0] + P[0];
  }
}
