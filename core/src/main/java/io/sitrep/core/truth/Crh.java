package io.sitrep.core.truth;

import java.util.Arrays;

/**
 * CRH, Conflict Resolution on Heterogeneous data: Li, Li, Gao, Zhao, Fan, Han, "Resolving
 * conflicts in heterogeneous data by truth discovery and source reliability estimation",
 * SIGMOD 2014.
 *
 * <p>Alternates two steps that minimise {@code sum_k w_k sum_i d_m(v_ik, v*_i)}:
 *
 * <pre>
 *   truths:  v*_i = argmin_v sum_k w_k d_m(v_ik, v)
 *   weights: w_k  = -log( sum_i d_m(v_ik, v*_i) / sum_k' sum_i d_m(v_ik', v*_i) )
 * </pre>
 *
 * For numeric items (every candidate has a {@linkplain ClaimMatrix#valueNumber number}) the
 * loss is the normalised absolute deviation {@code |v_ik - v*_i| / std_i}, whose minimiser is
 * the weighted median (or, in {@link #mean()} mode, the squared loss and weighted mean, reported
 * as the nearest candidate); other items use the 0-1 loss and a weighted vote. A source with no
 * loss at all has its loss floored at 1e-10 of the total. Weights start at 1 (so the first
 * truths are the plain median / majority). Belief of a value is its supporters' share of the
 * item's weight; trust is {@code w_k} divided by the largest weight.
 */
public final class Crh implements TruthDiscovery {
  public static final String NAME = "crh";
  public static final String MEAN_NAME = "crh-mean";

  private final boolean mean;

  private Crh(boolean mean) {
    this.mean = mean;
  }

  /** Weighted median on numbers (absolute-deviation loss), the paper's default for continuous data. */
  public static Crh median() {
    return new Crh(false);
  }

  /** Weighted mean on numbers (squared loss). */
  public static Crh mean() {
    return new Crh(true);
  }

  @Override
  public String name() {
    return mean ? MEAN_NAME : NAME;
  }

  @Override
  public TruthResult run(ClaimMatrix m, TruthOptions options) {
    int[] claimSource = m.claimSourceArray();
    int[] valueClaimStart = m.valueClaimStartArray();
    int[] itemValueStart = m.itemValueStartArray();
    int[] valueItem = m.valueItemArray();
    int[] sourceClaimStart = m.sourceClaimStartArray();
    int[] sourceClaimValue = m.sourceClaimValueArray();
    int numItems = m.numItems();
    int numValues = m.numValues();
    int numSources = m.numSources();
    double[] x = m.valueNumberArray();
    int[] gold = options.useGold() ? m.goldValueArray() : null;

    // Numeric items: values sorted by number, and the spread of the claims.
    boolean[] numeric = new boolean[numItems];
    double[] std = new double[numItems];
    int[] order = new int[numValues];
    for (int v = 0; v < numValues; v++) {
      order[v] = v;
    }
    if (x != null) {
      for (int i = 0; i < numItems; i++) {
        int first = itemValueStart[i];
        int last = itemValueStart[i + 1];
        boolean all = last > first;
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (int v = first; v < last && all; v++) {
          if (Double.isNaN(x[v])) {
            all = false;
          }
          int k = valueClaimStart[v + 1] - valueClaimStart[v];
          sum += k * x[v];
          sq += k * x[v] * x[v];
          n += k;
        }
        numeric[i] = all;
        if (all) {
          double mu = n > 0 ? sum / n : 0;
          double var = n > 0 ? Math.max(0, sq / n - mu * mu) : 0;
          std[i] = var > 0 ? Math.sqrt(var) : 1;
          Integer[] boxed = new Integer[last - first];
          for (int v = first; v < last; v++) {
            boxed[v - first] = v;
          }
          Arrays.sort(boxed, (p, q) -> Double.compare(x[p], x[q]));
          for (int v = first; v < last; v++) {
            order[v] = boxed[v - first];
          }
        }
      }
    }

    double[] w = Seeds.initialTrust(m, options, 1.0);
    if (!options.usePriors() || !m.hasPriors()) {
      Arrays.fill(w, 1.0);
    }
    double[] W = new double[numValues];
    double[] belief = new double[numValues];
    int[] truth = new int[numItems];
    double[] loss = new double[numSources];
    double[] next = new double[numSources];
    Iterations it = new Iterations(options);
    while (it.next()) {
      for (int v = 0; v < numValues; v++) {
        it.poll(v);
        double sum = 0;
        for (int k = valueClaimStart[v]; k < valueClaimStart[v + 1]; k++) {
          sum += w[claimSource[k]];
        }
        W[v] = sum;
      }
      for (int i = 0; i < numItems; i++) {
        it.poll(i);
        int first = itemValueStart[i];
        int last = itemValueStart[i + 1];
        double total = 0;
        for (int v = first; v < last; v++) {
          total += W[v];
        }
        for (int v = first; v < last; v++) {
          belief[v] = total > 0 ? W[v] / total : 0;
        }
        int best = first < last ? first : -1;
        if (gold != null && gold[i] >= 0) {
          best = gold[i];
        } else if (numeric[i] && !mean) {
          double acc = 0;
          for (int r = first; r < last; r++) {
            int v = order[r];
            acc += W[v];
            if (acc >= total / 2) {
              best = v;
              break;
            }
          }
        } else if (numeric[i]) {
          double mu = 0;
          for (int v = first; v < last; v++) {
            mu += W[v] * x[v];
          }
          mu = total > 0 ? mu / total : x[first];
          double bestDistance = Double.POSITIVE_INFINITY;
          for (int v = first; v < last; v++) {
            double d = Math.abs(x[v] - mu);
            if (d < bestDistance) {
              bestDistance = d;
              best = v;
            }
          }
        } else {
          for (int v = first; v < last; v++) {
            if (W[v] > W[best]) {
              best = v;
            }
          }
        }
        truth[i] = best;
      }
      double totalLoss = 0;
      for (int s = 0; s < numSources; s++) {
        it.work(m.sourceClaimCount(s) + 1);
        double l = 0;
        for (int k = sourceClaimStart[s]; k < sourceClaimStart[s + 1]; k++) {
          int v = sourceClaimValue[k];
          int i = valueItem[v];
          int t = truth[i];
          if (numeric[i]) {
            double d = Math.abs(x[v] - x[t]) / std[i];
            l += mean ? d * d : d;
          } else if (v != t) {
            l += 1;
          }
        }
        loss[s] = l;
        totalLoss += l;
      }
      double maxW = 0;
      for (int s = 0; s < numSources; s++) {
        it.work(m.sourceClaimCount(s) + 1);
        boolean claims = sourceClaimStart[s + 1] > sourceClaimStart[s];
        next[s] =
            !claims
                ? 0
                : totalLoss > 0 ? -Math.log(Math.max(loss[s], 1e-10 * totalLoss) / totalLoss) : 1;
        maxW = Math.max(maxW, next[s]);
      }
      double oldMax = Math.max(max(w), 1e-300);
      double change = 0;
      for (int s = 0; s < numSources; s++) {
        it.work(m.sourceClaimCount(s) + 1);
        if (maxW > 0) {
          change = Math.max(change, Math.abs(next[s] / maxW - w[s] / oldMax));
        }
      }
      System.arraycopy(next, 0, w, 0, numSources);
      it.record(change);
    }
    double maxW = max(w);
    double[] trust = new double[numSources];
    for (int s = 0; s < numSources; s++) {
      trust[s] = maxW > 0 ? w[s] / maxW : 0;
    }
    return TruthResult.of(name(), m, belief, trust, truth, it, options);
  }

  private static double max(double[] a) {
    double m = 0;
    for (double d : a) {
      m = Math.max(m, d);
    }
    return m;
  }
}
