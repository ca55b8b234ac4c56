package io.sitrep.core.truth;

import java.util.Arrays;

/**
 * For each algorithm the benchmark times, the same arithmetic written as bare loops over the
 * matrix's primitive arrays: the floor (memory bandwidth and arithmetic) its implementation is
 * compared with. Not for analysis.
 *
 * <p>Each floor computes what its algorithm computes, adding every sum's terms in the same
 * order, so it ends with the same beliefs, trusts and chosen values ({@link Run}; {@code
 * FloorTest} checks this): the per-iteration passes over claims, values and sources, the
 * convergence measure (largest trust change) of every round, and the final choice of a value
 * per item. It runs exactly the number of rounds it is given (the algorithm's own count), with
 * no options, priors, gold, cancellation polls, listeners or result object, and allocates its
 * own arrays once, before the first round. Per-source sums are taken in one pass over the
 * claims in value order, which adds each source's terms in its own claim order ({@link
 * ClaimMatrix}) while reading the per-value arrays sequentially.
 *
 * <ul>
 *   <li>{@link #truthFinder}: TruthFinder without implication, as {@link TruthFinder#TruthFinder()}.
 *   <li>{@link #accu}: Accu with the paper's parameters, as {@link Accu#accu()}.
 *   <li>{@link #accuCopy}: AccuCopy as {@link Accu#accuCopy()}: Accu's rounds, plus the copy
 *       detection in the rounds {@link Accu#detectsIn} picks and the correction of the
 *       discounted votes in every round.
 *   <li>{@link #defaultConfiguration}: the default on data whose values are not sets (the
 *       value branch of {@link TruthDiscoveries#defaultConfiguration()}): the set test, the
 *       similarity term, contested-only leave-one-out accuracy, the empirical-Bayes prior per
 *       size bucket, the pooled copy model and the reported accuracies of the last pass.
 * </ul>
 *
 * <p>Work that is not a plain loop over the claim arrays uses the algorithm's own code, itself
 * passes over primitive arrays, so it costs the same on both sides: once per run, the
 * set test ({@link LatentTruth#valuesAreSets}, string work on a sample of items), the
 * similarity table ({@link SimilarityTable#build}, one similarity per pair of candidates), the
 * copy pair statistics ({@link CopyIndex#build}, one radix sort of the claim pairs) and the
 * pooled copy model's pool ({@link Accu.PooledCopy#build}); in the rounds that run them, a copy
 * detection's pair likelihoods and discounts ({@link Accu#detectCopies}) and the pooled copy
 * model's update ({@link Accu.PooledCopy#update}). Everything else an implementation does
 * beyond these loops (allocation per round, boxed or indirect access, repeated set-up,
 * bookkeeping) is its overhead over the floor.
 */
public final class Floor {
  private Floor() {}

  /** What a floor computed: belief per value, trust per source, chosen value per item. */
  public record Run(double[] belief, double[] trust, int[] chosen) {
    /** A sum of everything, so the JIT cannot drop the work and a reader can compare runs. */
    public double checksum() {
      double sum = 0;
      for (double b : belief) {
        sum += b;
      }
      for (double t : trust) {
        sum += t;
      }
      return sum;
    }
  }

  /**
   * {@code iterations} rounds of TruthFinder without implication, in one pass over the claims
   * per round: each value's confidence is added to its sources' trust sums as soon as it is
   * known (a source's claims are in value order, so the sums are those of a pass per source).
   */
  public static Run truthFinder(ClaimMatrix m, int iterations) {
    int[] claimSource = m.claimSourceArray();
    int[] valueClaimStart = m.valueClaimStartArray();
    int[] sourceClaimStart = m.sourceClaimStartArray();
    int numSources = m.numSources();
    int numValues = m.numValues();
    double[] t = new double[numSources];
    Arrays.fill(t, 0.9);
    double[] tau = new double[numSources];
    double[] s = new double[numValues];
    double[] trustSum = new double[numSources];
    double[] next = new double[numSources];
    double change = 0;
    for (int round = 0; round < iterations; round++) {
      for (int w = 0; w < numSources; w++) {
        tau[w] = -Math.log(1 - Math.min(t[w], 1 - 1e-9));
      }
      Arrays.fill(trustSum, 0);
      for (int f = 0; f < numValues; f++) {
        int from = valueClaimStart[f];
        int to = valueClaimStart[f + 1];
        double sum = 0;
        for (int c = from; c < to; c++) {
          sum += tau[claimSource[c]];
        }
        double sf = 1 / (1 + Math.exp(-0.3 * sum));
        s[f] = sf;
        for (int c = from; c < to; c++) {
          trustSum[claimSource[c]] += sf;
        }
      }
      for (int w = 0; w < numSources; w++) {
        int from = sourceClaimStart[w];
        int to = sourceClaimStart[w + 1];
        next[w] = to > from ? trustSum[w] / (to - from) : t[w];
      }
      change = Iterations.replace(t, next);
    }
    return new Run(s, t, choose(m, s, change));
  }

  /** {@code iterations} rounds of Accu: vote, softmax per item, accuracy. */
  public static Run accu(ClaimMatrix m, int iterations) {
    return accu(m, iterations, false);
  }

  /**
   * {@code iterations} rounds of AccuCopy: Accu's, with the copy detection of {@link
   * Accu#detectsIn} rounds and the correction of the discounted votes.
   */
  public static Run accuCopy(ClaimMatrix m, int iterations) {
    return accu(m, iterations, true);
  }

  private static Run accu(ClaimMatrix m, int iterations, boolean copyDetection) {
    int[] claimSource = m.claimSourceArray();
    int[] valueClaimStart = m.valueClaimStartArray();
    int[] itemValueStart = m.itemValueStartArray();
    int[] sourceClaimStart = m.sourceClaimStartArray();
    int numSources = m.numSources();
    int numValues = m.numValues();
    int numItems = m.numItems();
    final double n = 100;
    final double alpha = 0.2;
    final double c = 0.8;
    double[] A = new double[numSources];
    Arrays.fill(A, 0.8);
    double[] Aprime = new double[numSources];
    double[] next = new double[numSources];
    double[] P = new double[numValues];
    double[] C = new double[numValues];
    double[] accuracySum = new double[numSources];
    Iterations none = new Iterations(TruthOptions.defaults());
    CopyIndex copies = copyDetection ? CopyIndex.build(m, none) : null;
    CopyIndex.Discounts discounts = CopyIndex.Discounts.NONE;
    double change = 0;
    for (int round = 0; round < iterations; round++) {
      if (copies != null && round > 0 && Accu.detectsIn(copies, round)) {
        discounts = Accu.detectCopies(m, copies, A, P, n, alpha, c, none);
      }
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
      int[] discountedValue = discounts.value;
      int[] discountedSource = discounts.source;
      double[] independence = discounts.independence;
      for (int q = 0; q < independence.length; q++) {
        C[discountedValue[q]] -= Aprime[discountedSource[q]] * (1 - independence[q]);
      }
      softmax(itemValueStart, numItems, n, C, P);
      Arrays.fill(accuracySum, 0);
      for (int v = 0; v < numValues; v++) {
        double p = P[v];
        for (int k = valueClaimStart[v]; k < valueClaimStart[v + 1]; k++) {
          accuracySum[claimSource[k]] += p;
        }
      }
      for (int s = 0; s < numSources; s++) {
        int claims = sourceClaimStart[s + 1] - sourceClaimStart[s];
        next[s] = claims > 0 ? clampAccuracy(accuracySum[s] / claims) : A[s];
      }
      change = Iterations.replace(A, next);
    }
    return new Run(P, A, choose(m, P, change));
  }

  /**
   * {@code iterations} rounds of the default on values that are not sets: AccuSim ({@code n =
   * 100}, {@code rho = 0.5}) with the pooled copy model, contested-only leave-one-out accuracy
   * under a Beta prior worth {@code kappa = 2} claims whose mean is fitted per size bucket, and
   * the reported accuracies of the final pass; see {@link Accu}.
   *
   * @throws IllegalArgumentException when the values are sets (the default then runs {@link
   *     LatentTruth}, which has no floor here)
   */
  public static Run defaultConfiguration(ClaimMatrix m, int iterations) {
    if (LatentTruth.valuesAreSets(m)) {
      throw new IllegalArgumentException("values are sets: the default runs LTM, no floor");
    }
    int[] claimSource = m.claimSourceArray();
    int[] valueClaimStart = m.valueClaimStartArray();
    int[] itemValueStart = m.itemValueStartArray();
    int[] valueItem = m.valueItemArray();
    int numSources = m.numSources();
    int numValues = m.numValues();
    int numItems = m.numItems();
    final double n = 100;
    final double rho = 0.5;
    final double kappa = 2;
    final double alpha = 0.2;
    final double c = 0.8;
    double[] A = new double[numSources];
    Arrays.fill(A, 0.8);
    double[] a0 = A.clone();
    int[] bucket = Accu.sizeBuckets(m);
    double[] bucketMean = new double[Accu.SIZE_BUCKETS];
    double[] bucketCount = new double[Accu.SIZE_BUCKETS];
    double[] contestedSum = new double[numSources];
    double[] contestedCount = new double[numSources];
    double[] Aprime = new double[numSources];
    double[] next = new double[numSources];
    double[] C = new double[numValues];
    double[] P = new double[numValues];
    double[] Pinformative = new double[numValues];
    double[] sourceR = new double[numSources];
    double[] sourceRPooled = new double[numSources];
    Iterations none = new Iterations(TruthOptions.defaults());
    SimilarityTable sim = SimilarityTable.build(m, ValueSimilarity.automatic(), 1e-9, none);
    if (sim.other.length == 0) {
      sim = null;
    }
    double[] Cstar = sim != null ? new double[numValues] : C;
    // Contested items (two or more claims), and each source's count of claims on them.
    boolean[] informative = new boolean[numItems];
    for (int i = 0; i < numItems; i++) {
      informative[i] = valueClaimStart[itemValueStart[i + 1]] - valueClaimStart[itemValueStart[i]] >= 2;
    }
    int[] informativeClaims = new int[numSources];
    for (int v = 0; v < numValues; v++) {
      if (informative[valueItem[v]]) {
        for (int k = valueClaimStart[v]; k < valueClaimStart[v + 1]; k++) {
          informativeClaims[claimSource[k]]++;
        }
      }
    }
    Accu.PooledCopy pooled = Accu.PooledCopy.build(m);
    if (pooled.items.length == 0) {
      pooled = null;
    }
    double[] AprimeDiscounted = pooled != null ? new double[numSources] : Aprime;
    double change = 0;
    for (int round = 0; round < iterations; round++) {
      if (pooled != null && round > 0) {
        pooled.update(m, A, null, bucketMean[0], n, alpha, c);
      }
      for (int s = 0; s < numSources; s++) {
        Aprime[s] = Math.log(n * A[s] / (1 - A[s]));
      }
      if (pooled != null) {
        for (int s = 0; s < numSources; s++) {
          AprimeDiscounted[s] = pooled.pool[s] ? Aprime[s] : Aprime[s] * pooled.discount[s];
        }
      }
      for (int v = 0; v < numValues; v++) {
        double[] w = pooled != null && pooled.valueHasPool[v] ? AprimeDiscounted : Aprime;
        double sum = 0;
        for (int k = valueClaimStart[v]; k < valueClaimStart[v + 1]; k++) {
          sum += w[claimSource[k]];
        }
        C[v] = sum;
      }
      if (sim != null) {
        for (int v = 0; v < numValues; v++) {
          double sum = C[v];
          for (int k = sim.start[v]; k < sim.start[v + 1]; k++) {
            sum += rho * C[sim.other[k]] * sim.sim[k];
          }
          Cstar[v] = sum;
        }
      }
      softmax(itemValueStart, numItems, n, Cstar, P);
      for (int v = 0; v < numValues; v++) {
        Pinformative[v] = informative[valueItem[v]] ? P[v] : 0;
      }
      // P_{-S}(v) = P(v) r / (1 - P(v) + P(v) r), r = (1 - A) / (n A), raised to I(S, v).
      for (int s = 0; s < numSources; s++) {
        double r = (1 - A[s]) / (n * A[s]);
        sourceR[s] = r;
        sourceRPooled[s] =
            pooled != null && !pooled.pool[s] && pooled.discount[s] != 1
                ? Math.pow(r, pooled.discount[s])
                : r;
      }
      Arrays.fill(contestedSum, 0);
      for (int v = 0; v < numValues; v++) {
        double p = Pinformative[v];
        if (p != 0) {
          double[] rOf = pooled != null && pooled.valueHasPool[v] ? sourceRPooled : sourceR;
          for (int k = valueClaimStart[v]; k < valueClaimStart[v + 1]; k++) {
            int s = claimSource[k];
            double rv = rOf[s];
            contestedSum[s] += p * rv / (1 - p + p * rv);
          }
        }
      }
      for (int s = 0; s < numSources; s++) {
        contestedCount[s] = informativeClaims[s];
      }
      Accu.fitBucketMeans(bucket, contestedSum, contestedCount, bucketMean, bucketCount);
      for (int s = 0; s < numSources; s++) {
        a0[s] = bucketMean[bucket[s]];
        double count = contestedCount[s];
        next[s] = clampAccuracy((contestedSum[s] + kappa * a0[s]) / (count + kappa));
      }
      change = Iterations.replace(A, next);
    }
    // Reported accuracy: the mean final P of the contested claims, under refitted bucket means.
    Arrays.fill(contestedSum, 0);
    for (int v = 0; v < numValues; v++) {
      double p = Pinformative[v];
      for (int k = valueClaimStart[v]; k < valueClaimStart[v + 1]; k++) {
        contestedSum[claimSource[k]] += p;
      }
    }
    for (int s = 0; s < numSources; s++) {
      contestedCount[s] = informativeClaims[s];
    }
    Accu.fitBucketMeans(bucket, contestedSum, contestedCount, bucketMean, bucketCount);
    double[] reported = new double[numSources];
    for (int s = 0; s < numSources; s++) {
      reported[s] =
          clampAccuracy(
              (contestedSum[s] + kappa * bucketMean[bucket[s]]) / (contestedCount[s] + kappa));
    }
    return new Run(P, reported, choose(m, P, change));
  }

  /** Accu's {@code P}: softmax of the votes over each item's {@code n + 1} values. */
  private static void softmax(int[] itemValueStart, int numItems, double n, double[] C, double[] P) {
    for (int i = 0; i < numItems; i++) {
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
  }

  /** The highest belief per item, first on ties, as {@link TruthResult} chooses. */
  private static int[] choose(ClaimMatrix m, double[] belief, double change) {
    int[] itemValueStart = m.itemValueStartArray();
    int[] chosen = new int[m.numItems()];
    for (int i = 0; i < chosen.length; i++) {
      int best = -1;
      double bestBelief = Double.NEGATIVE_INFINITY;
      for (int v = itemValueStart[i]; v < itemValueStart[i + 1]; v++) {
        if (belief[v] > bestBelief) {
          bestBelief = belief[v];
          best = v;
        }
      }
      chosen[i] = best;
    }
    if (Double.isNaN(change)) {
      throw new IllegalStateException("trust change NaN");
    }
    return chosen;
  }

  private static double clampAccuracy(double a) {
    return Math.max(0.001, Math.min(0.999, a));
  }
}
