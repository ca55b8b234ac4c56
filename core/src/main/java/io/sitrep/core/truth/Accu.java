package io.sitrep.core.truth;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Accu, AccuSim and AccuCopy: Dong, Berti-Equille, Srivastava, "Integrating conflicting data:
 * the role of source dependence", VLDB 2009. One implementation, configured by {@link Config}.
 *
 * <h2>Accuracy and vote count (Accu, section 3)</h2>
 *
 * Each item has one true value and {@code n} false ones, uniformly distributed. A source
 * {@code S} of accuracy {@code A(S)} votes for its value with
 *
 * <pre>
 *   A'(S) = ln(n A(S) / (1 - A(S)))
 *   C(v)  = sum_{S in S(v)} A'(S) I(S, v)          (I = 1 without copy detection)
 *   P(v)  = exp(C(v)) / sum_{v0 in D(item)} exp(C(v0))
 *   A(S)  = sum_{v in V(S)} P(v) / |V(S)|
 * </pre>
 *
 * The domain {@code D(item)} has {@code n + 1} values; the ones nobody claims have {@code C =
 * 0}, so the denominator adds {@code n + 1 - k} for an item with {@code k} claimed candidates.
 * Parameters as in the paper: {@code n = 100}, initial accuracy {@code 0.8}. Accuracies are
 * kept inside [0.001, 0.999] so {@code A'} stays finite.
 *
 * <h2>Similar values (AccuSim, section 3.3)</h2>
 *
 * <pre>
 *   C*(v) = C(v) + rho * sum_{v' != v} C(v') sim(v, v')
 * </pre>
 *
 * replaces {@code C} in {@code P}. The paper leaves {@code rho} in [0, 1] open; we use 0.5,
 * TruthFinder's weight for the same kind of term.
 *
 * <h2>Copy detection (AccuCopy, section 2 with accuracy, section 3.2)</h2>
 *
 * For sources {@code S1, S2} sharing items: on {@code kt} items they give the same true value,
 * on {@code kf} the same false value, on {@code kd} different values. With {@code Pt = A1 A2},
 * {@code Pf = (1 - A1)(1 - A2) / n}, {@code Pd = 1 - Pt - Pf}:
 *
 * <pre>
 *   Pr(Phi | S1 indep S2) = Pt^kt Pf^kf Pd^kd
 *   Pr(Phi | S1 -> S2)    = (A2 c + Pt (1 - c))^kt ((1 - A2) c + Pf (1 - c))^kf (Pd (1 - c))^kd
 * </pre>
 *
 * and symmetrically for {@code S2 -> S1}; Bayes with prior {@code alpha} of dependence (split
 * evenly between directions) gives {@code Pr(S1 ~ S2 | Phi)}. Sharing a false value is strong
 * evidence of copying (it has probability {@code Pf}, tiny when {@code n} is large, under
 * independence), sharing a true value weak. With soft truth, {@code kt = sum P(v)} and {@code kf
 * = sum (1 - P(v))} over the shared equal values (expected counts). Parameters as in the paper:
 * {@code alpha = 0.2}, copy rate {@code c = 0.8}. The independent vote of a source on a value
 * it shares with a likely-dependent source is
 *
 * <pre>
 *   I(S, v) = prod_{S0 before S, S0 in S(v)} (1 - c Pr(S ~ S0 | Phi))
 * </pre>
 *
 * where of two sources the more accurate comes first, so the better source keeps its full vote.
 * We discount by the probability of dependence in either direction, since either way one of the
 * two votes is redundant. Dependence is computed from the previous iteration's {@code P} and
 * {@code A}, starting in the second iteration. Only pairs sharing at least one equal value and
 * at least two items are considered, counted in one pass per item over its claim pairs
 * ({@link CopyIndex}, on a hash sample of the items beyond {@code max(2^20, claims / 16)}
 * claim pairs). The discounts are
 * kept sparse: the vote is the plain sum of {@code A'} minus the discounted part of the few
 * claims with {@code I < 1}, so an iteration costs Accu's own passes over the claims plus one
 * pass over the sampled agreeing claim pairs and one logarithm per source pair when detection
 * runs (every iteration with exact counts, iterations 1, 4, 16 on a sample; {@link
 * #detectsIn}).
 *
 * <h2>Uncontested claims</h2>
 *
 * On an item only source {@code S} claims (and without gold), {@code P(v) = A(S)} exactly: the
 * claim is no evidence about {@code S} and only holds its accuracy where it was. A source with
 * thousands of such claims (a bot filling in a table) then barely moves from its initial
 * accuracy however often it loses contested items, since the update contracts by the share of
 * uncontested claims per iteration. With {@link Config#onlyContested} the update skips those
 * claims, which jumps straight to the same fixed point: {@code A(S)} is the mean of {@code P}
 * over the contested claims.
 *
 * <h2>Leave-one-out accuracy</h2>
 *
 * In {@code A(S) = sum P(v) / |V(S)|} the source's own vote is part of every {@code P(v)} it is
 * scored on: on an item two sources contest, the one already trusted more wins, and the win
 * raises its accuracy further (self-confirmation; a source that asserts one wrong figure on many
 * small towns ends with an accuracy of .997 because its own vote decides its contests). With
 * {@link Config#leaveOneOut} each claim is scored as in leave-one-out cross-validation (Stone,
 * "Cross-validatory choice and assessment of statistical predictions", JRSS B 1974) by
 *
 * <pre>
 *   P_{-S}(v) = exp(C*(v) - A'(S) I(S, v)) / (Z - exp(C*(v)) + exp(C*(v) - A'(S) I(S, v)))
 *   A(S)      = sum_{v in V'(S)} P_{-S}(v) / |V'(S)|       (contested claims V'(S) only)
 * </pre>
 *
 * where {@code Z} is the item's normaliser of {@code P}: the posterior of {@code v} from the other
 * sources' votes (the own vote's share of the similarity term is left in, a second-order term
 * that changed no Population item when measured; {@code I} is the pooled copy discount, the
 * sparse pairwise discounts are left in). Dividing by {@code Z}, {@code P_{-S}(v) = P(v) r / (1 -
 * P(v) + P(v) r)} with {@code r = exp(-A'(S) I) = ((1 - A) / (n A))^I}: one multiplication and
 * division per claim, no exponential. Gold-seeded items keep their clamped {@code P}. The same leave-one-out judgement is what the
 * pooled copy model below uses for a source's agreements. This {@code A} is the rate at which
 * the other sources corroborate a source, lower than its accuracy when they err too (on
 * Population the best sources settle near 0.3); it weighs the votes, but the trust reported (and
 * graded) is the paper's {@code A(S)}, the mean final {@code P} of the source's contested claims
 * under the same Beta prior.
 *
 * <h2>Priors</h2>
 *
 * A source's prior (when priors are on) replaces the initial accuracy. With {@link
 * Config#priorStrength} {@code kappa > 0} accuracy is also the posterior mean under a Beta
 * prior worth {@code kappa} claims: {@code A(S) = (sum P(v) + kappa a0(S)) / (|V(S)| + kappa)},
 * where {@code a0(S)} is the prior or the initial accuracy. The paper's algorithms use {@code
 * kappa = 0}.
 *
 * <h2>Empirical-Bayes prior by source size</h2>
 *
 * One initial accuracy for every source treats a one-claim anonymous editor like a source with
 * hundreds of claims. With {@link Config#empiricalPrior} the prior mean {@code a0(S)} of a source
 * without an analyst's prior is instead {@code mu_b}, fitted in every iteration (the M-step of
 * the same EM) from the data itself, never from gold: sources are bucketed by {@code b = floor(
 * log2 |V(S)|)}, and
 *
 * <pre>
 *   mu_b = (sum_{S in b} sum P(v) + m0 mu) / (sum_{S in b} |V'(S)| + m0)
 * </pre>
 *
 * over the claims {@code V'(S)} that inform accuracy, where {@code mu} is the same mean over all
 * sources and {@code m0 = 10} pseudo-claims shrink a thin bucket toward it (a hierarchical Beta
 * prior with a size covariate). Size is a covariate of reliability on open platforms (Wikipedia
 * edit histories: anonymous one-edit contributors vs. editors and bots with thousands of edits;
 * web stores: small resellers vs. large catalogues); the fit decides in which direction, if any.
 *
 * <h2>Copying from the crowd of one-claim sources (pooled copy model)</h2>
 *
 * Pairwise copy detection needs a pair to share items; a one-claim source shares at most one
 * with anyone, so a source that copies whatever one-claim contributor last touched an item (a
 * bot copying a wiki page after an anonymous edit) is invisible to it, and its agreement with
 * each of them counts as two independent votes. With {@link Config#pooledCopy} the one-claim
 * sources are pooled into one class {@code Q} and Dong et al.'s test of section 2 is applied to
 * every pair {@code (S, Q)}, for the direction {@code S -> Q} (the members of {@code Q} are
 * disjoint and cannot copy systematically): over the contested items where both claim, each
 * member's claim adds to {@code kd} if it differs from {@code S}'s, else to {@code kt} and
 * {@code kf} by {@code P_{-S}(v)} and {@code 1 - P_{-S}(v)}, the probability of the shared value
 * by everyone's votes but {@code S}'s own (a source's agreement is judged by the others, or a
 * copier that decides its contests would certify its own copies as true). With {@code A2 =
 * A(Q)}, the accuracy of the class (the size-bucket mean {@code mu_0}),
 *
 * <pre>
 *   Pr(S -> Q | Phi) = alpha L1 / (alpha L1 + (1 - alpha) L0),   L0, L1 as in section 2
 *   I(S, v) *= 1 - c Pr(S -> Q | Phi)      on the values v that some member of Q claims
 * </pre>
 *
 * with the paper's {@code alpha = 0.2} and {@code c = 0.8}, updated every iteration from the
 * previous one's accuracies.
 */
public final class Accu implements TruthDiscovery {
  public static final String NAME = "accu";
  public static final String SIM_NAME = "accu-sim";
  public static final String COPY_NAME = "accu-copy";

  private static final double MIN_ACCURACY = 0.001;
  private static final double MAX_ACCURACY = 0.999;

  private final Config config;

  /**
   * Parameters of the Accu family.
   *
   * @param name reported by {@link #name()}
   * @param n number of false values per item
   * @param initialAccuracy {@code A} before the first iteration when a source has no prior
   * @param similarity for AccuSim, or null
   * @param rho weight of similar values' votes
   * @param copyDetection whether to discount dependent sources (AccuCopy)
   * @param alpha prior probability that two sources are dependent
   * @param c probability that a copier copies a given value
   * @param priorStrength {@code kappa}, pseudo-claims of the Beta prior on accuracy
   * @param onlyContested estimate accuracy only from claims on items that someone else also
   *     claims (or that are gold-seeded); see the class comment
   * @param empiricalPrior fit the prior mean per source-size bucket from the data (empirical
   *     Bayes) instead of using {@code initialAccuracy} for everyone; see the class comment
   * @param pooledCopy test every source for copying from the pool of one-claim sources and
   *     discount its vote on the values it shares with them; see the class comment
   * @param leaveOneOut estimate a source's accuracy from {@code P_{-S}(v)}, its values judged
   *     by everyone's votes but its own (implies {@code onlyContested}); see the class comment
   */
  public record Config(
      String name,
      double n,
      double initialAccuracy,
      @Nullable ValueSimilarity similarity,
      double rho,
      boolean copyDetection,
      double alpha,
      double c,
      double priorStrength,
      boolean onlyContested,
      boolean empiricalPrior,
      boolean pooledCopy,
      boolean leaveOneOut) {
    public Config {
      checkNotNull(name, "name");
      checkArgument(n >= 1, "n %s < 1", n);
      checkArgument(initialAccuracy > 0 && initialAccuracy < 1, "initial accuracy");
      checkArgument(alpha > 0 && alpha < 1, "alpha %s outside (0, 1)", alpha);
      checkArgument(c > 0 && c < 1, "c %s outside (0, 1)", c);
      checkArgument(priorStrength >= 0, "prior strength %s < 0", priorStrength);
    }

    /**
     * A builder starting from the paper's Accu: {@code n = 100}, initial accuracy {@code 0.8}, no
     * similarity, no copy detection ({@code alpha = 0.2}, {@code c = 0.8} when it is turned on),
     * {@code kappa = 0}, every Sitrep extension off. Each configuration then names only what it
     * changes.
     */
    public static Builder builder(String name) {
      return new Builder(name);
    }

    /** Builds a {@link Config}; see {@link Config#builder}. */
    public static final class Builder {
      private final String name;
      private double n = 100;
      private double initialAccuracy = 0.8;
      private @Nullable ValueSimilarity similarity;
      private double rho;
      private boolean copyDetection;
      private double alpha = 0.2;
      private double c = 0.8;
      private double priorStrength;
      private boolean onlyContested;
      private boolean empiricalPrior;
      private boolean pooledCopy;
      private boolean leaveOneOut;

      private Builder(String name) {
        this.name = checkNotNull(name, "name");
      }

      /** The number of false values per item. */
      public Builder n(double n) {
        this.n = n;
        return this;
      }

      public Builder initialAccuracy(double initialAccuracy) {
        this.initialAccuracy = initialAccuracy;
        return this;
      }

      /** AccuSim's similarity term, weighted by {@code rho}. */
      public Builder similarity(ValueSimilarity similarity, double rho) {
        this.similarity = checkNotNull(similarity, "similarity");
        this.rho = rho;
        return this;
      }

      /** AccuCopy's pairwise copy detection. */
      public Builder copyDetection() {
        this.copyDetection = true;
        return this;
      }

      /** The prior probability of dependence and the copy rate, for either copy model. */
      public Builder copyParameters(double alpha, double c) {
        this.alpha = alpha;
        this.c = c;
        return this;
      }

      /** {@code kappa}: pseudo-claims of the Beta prior on accuracy. */
      public Builder priorStrength(double priorStrength) {
        this.priorStrength = priorStrength;
        return this;
      }

      public Builder onlyContested() {
        this.onlyContested = true;
        return this;
      }

      public Builder empiricalPrior() {
        this.empiricalPrior = true;
        return this;
      }

      public Builder pooledCopy() {
        this.pooledCopy = true;
        return this;
      }

      /** Leave-one-out accuracy (implies {@link #onlyContested}). */
      public Builder leaveOneOut(boolean leaveOneOut) {
        this.leaveOneOut = leaveOneOut;
        return this;
      }

      public Config build() {
        return new Config(name, n, initialAccuracy, similarity, rho, copyDetection, alpha, c,
            priorStrength, onlyContested || leaveOneOut, empiricalPrior, pooledCopy, leaveOneOut);
      }
    }
  }

  public Accu(Config config) {
    this.config = checkNotNull(config);
  }

  /** Accu with the paper's parameters: {@code n = 100}, {@code A0 = 0.8}. */
  public static Accu accu() {
    return new Accu(Config.builder(NAME).build());
  }

  /** AccuSim: Accu with the similarity term over {@code similarity}, {@code rho = 0.5}. */
  public static Accu accuSim(ValueSimilarity similarity) {
    return new Accu(Config.builder(SIM_NAME).similarity(similarity, 0.5).build());
  }

  /** AccuCopy: Accu with copy detection, {@code alpha = 0.2}, {@code c = 0.8}. */
  public static Accu accuCopy() {
    return new Accu(Config.builder(COPY_NAME).copyDetection().build());
  }

  public Config config() {
    return config;
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public TruthResult run(ClaimMatrix m, TruthOptions options) {
    Iterations it = new Iterations(options);
    final double n = config.n();
    final double c = config.c();
    final double kappa = config.priorStrength();
    int[] claimSource = m.claimSourceArray();
    int[] valueClaimStart = m.valueClaimStartArray();
    int[] itemValueStart = m.itemValueStartArray();
    int[] sourceClaimStart = m.sourceClaimStartArray();
    int numSources = m.numSources();
    int numValues = m.numValues();
    int numItems = m.numItems();

    double[] A = Seeds.initialTrust(m, options, config.initialAccuracy());
    double[] a0 = A.clone();
    double[] analystPrior = Seeds.priors(m, options);
    int[] bucket = config.empiricalPrior() ? sizeBuckets(m) : null;
    double[] bucketSum = bucket != null ? new double[SIZE_BUCKETS] : null;
    double[] bucketCount = bucket != null ? new double[SIZE_BUCKETS] : null;
    double[] contestedSum = bucket != null ? new double[numSources] : null;
    double[] contestedCount = bucket != null ? new double[numSources] : null;
    for (int s = 0; s < numSources; s++) {
      A[s] = clampAccuracy(A[s]);
    }
    double[] Aprime = new double[numSources];
    double[] C = new double[numValues];
    double[] P = new double[numValues];
    double[] next = new double[numSources];
    double[] accuracySum = new double[numSources];
    double[] sourceR = new double[numSources];
    double[] sourceRPooled = new double[numSources];
    SimilarityTable sim =
        config.similarity() != null && config.rho() != 0
            ? SimilarityTable.build(m, config.similarity(), 1e-9, it)
            : null;
    if (sim != null && sim.other.length == 0) {
      sim = null; // no two candidates are similar: C* = C
    }
    double[] Cstar = sim != null ? new double[numValues] : C;
    CopyIndex copies = config.copyDetection() ? CopyIndex.build(m, it) : null;
    CopyIndex.Discounts discounts = CopyIndex.Discounts.NONE;

    int[] valueItem = m.valueItemArray();
    boolean[] informative =
        config.onlyContested() || config.leaveOneOut() ? informativeItems(m, options) : null;
    int[] gold = options.useGold() && m.hasGold() ? m.goldValueArray() : null;
    // With onlyContested: P masked to the informative values, and each source's count of them
    // (fixed), so the accuracy pass reads one array per claim as the plain one does.
    double[] Pinformative = informative != null ? new double[numValues] : null;
    int[] informativeClaims = informative != null ? new int[numSources] : null;
    if (informative != null) {
      // In value order: the claims are read sequentially, only the per-source counts jump.
      for (int v = 0; v < numValues; v++) {
        if (informative[valueItem[v]]) {
          for (int k = valueClaimStart[v]; k < valueClaimStart[v + 1]; k++) {
            informativeClaims[claimSource[k]]++;
          }
        }
      }
    }
    PooledCopy pooled = config.pooledCopy() ? PooledCopy.build(m) : null;
    if (pooled != null && pooled.items.length == 0) {
      pooled = null; // nobody shares an item with a one-claim source: every discount stays 1
    }
    // The dense I(S, v) only the pooled copy model reads; the vote uses the sparse discounts.
    double[] I = pooled != null && copies != null ? new double[m.numClaims()] : null;
    if (I != null) {
      Arrays.fill(I, 1.0);
    }
    while (it.next()) {
      if (pooled != null && it.count() > 0) {
        double poolAccuracy =
            bucket != null ? bucketSum[0] : PooledCopy.meanAccuracy(pooled.pool, A);
        pooled.update(m, A, I, poolAccuracy, n, config.alpha(), c);
      }
      // Independence of each claim's vote, from last iteration's P and A.
      if (copies != null && it.count() > 0 && detectsIn(copies, it.count())) {
        discounts = detectCopies(m, copies, A, P, n, config.alpha(), c, it);
        if (I != null) {
          discounts.fill(I);
        }
      }
      for (int s = 0; s < numSources; s++) {
        Aprime[s] = Math.log(n * A[s] / (1 - A[s]));
      }
      // Each pass is a method of its own: small methods compile in a few milliseconds and are
      // shared by every configuration, where one large loop body was recompiled whole (about a
      // second of compiler time on two cores) for each loop the JIT entered it by.
      vote(m, Aprime, pooled, C, it);
      // C(v) = sum A'(S) I(S, v): take off the discounted part of the few votes with I < 1.
      int[] discountedValue = discounts.value;
      int[] discountedSource = discounts.source;
      double[] independence = discounts.independence;
      for (int q = 0; q < independence.length; q++) {
        int v = discountedValue[q];
        int s = discountedSource[q];
        double w = pooled != null ? Aprime[s] * pooled.discount(s, v) : Aprime[s];
        C[v] -= w * (1 - independence[q]);
      }
      if (sim != null) {
        similarityTerm(sim, config.rho(), C, Cstar, it);
      }
      softmax(itemValueStart, numItems, n, Cstar, P, it);
      Seeds.clampGold(m, options, P, 1, 0);
      if (Pinformative != null) {
        for (int v = 0; v < numValues; v++) {
          Pinformative[v] = informative[valueItem[v]] ? P[v] : 0;
        }
      }
      // Each source's sum over its claims, in one pass over the claims in value order: a
      // source's claims are in value order (ClaimMatrix), so every sum adds the same terms in
      // the same order as a pass per source would, and P is read sequentially, not at random.
      if (informative == null) {
        sumOverClaims(m, P, accuracySum, it);
      } else if (config.leaveOneOut()) {
        leaveOneOutSums(m, A, n, Pinformative, pooled, gold, sourceR, sourceRPooled, accuracySum, it);
      } else {
        sumOverClaims(m, Pinformative, accuracySum, it);
      }
      for (int s = 0; s < numSources; s++) {
        double sum = accuracySum[s];
        double count =
            informative == null
                ? sourceClaimStart[s + 1] - sourceClaimStart[s]
                : informativeClaims[s];
        if (bucket != null) {
          contestedSum[s] = sum;
          contestedCount[s] = count;
        } else {
          next[s] =
              count + kappa > 0 ? clampAccuracy((sum + kappa * a0[s]) / (count + kappa)) : A[s];
        }
      }
      if (bucket != null) {
        fitBucketMeans(bucket, contestedSum, contestedCount, bucketSum, bucketCount);
        for (int s = 0; s < numSources; s++) {
          if (Double.isNaN(analystPrior[s])) {
            a0[s] = bucketSum[bucket[s]];
          }
          double count = contestedCount[s];
          next[s] =
              count + kappa > 0
                  ? clampAccuracy((contestedSum[s] + kappa * a0[s]) / (count + kappa))
                  : A[s];
        }
      }
      it.record(Iterations.replace(A, next));
    }
    if (config.leaveOneOut()) {
      // Report A(S) as the paper defines it, the mean belief of the source's (contested)
      // claims under the same prior: the leave-one-out rate weighs the votes, but it is a rate
      // of corroboration, lower than accuracy, and the Admiralty grades read trust as accuracy.
      double[] sum = new double[numSources];
      double[] count = new double[numSources];
      sumOverClaims(m, Pinformative, sum, it);
      for (int s = 0; s < numSources; s++) {
        count[s] = informativeClaims[s];
      }
      double[] mean = a0;
      if (bucket != null) {
        // The prior means refitted on the same scale as the reported accuracies.
        fitBucketMeans(bucket, sum, count, bucketSum, bucketCount);
        mean = a0.clone();
        for (int s = 0; s < numSources; s++) {
          if (Double.isNaN(analystPrior[s])) {
            mean[s] = bucketSum[bucket[s]];
          }
        }
      }
      double[] reported = new double[numSources];
      for (int s = 0; s < numSources; s++) {
        reported[s] =
            count[s] + kappa > 0
                ? clampAccuracy((sum[s] + kappa * mean[s]) / (count[s] + kappa))
                : A[s];
      }
      return TruthResult.of(name(), m, P, reported, it, options);
    }
    return TruthResult.of(name(), m, P, A, it, options);
  }

  /** {@code C(v) = sum_{S in S(v)} A'(S)}, times the pooled copy discount where there is one. */
  private static void vote(
      ClaimMatrix m, double[] Aprime, @Nullable PooledCopy pooled, double[] C, Iterations it) {
    int[] valueClaimStart = m.valueClaimStartArray();
    int[] claimSource = m.claimSourceArray();
    for (int v = 0; v < C.length; v++) {
      it.poll(v);
      double sum = 0;
      if (pooled != null) {
        for (int k = valueClaimStart[v]; k < valueClaimStart[v + 1]; k++) {
          sum += Aprime[claimSource[k]] * pooled.discount(claimSource[k], v);
        }
      } else {
        for (int k = valueClaimStart[v]; k < valueClaimStart[v + 1]; k++) {
          sum += Aprime[claimSource[k]];
        }
      }
      C[v] = sum;
    }
  }

  /** {@code C*(v) = C(v) + rho sum_{v'} C(v') sim(v, v')}. */
  private static void similarityTerm(
      SimilarityTable sim, double rho, double[] C, double[] Cstar, Iterations it) {
    for (int v = 0; v < C.length; v++) {
      it.poll(v);
      double sum = C[v];
      for (int k = sim.start[v]; k < sim.start[v + 1]; k++) {
        sum += rho * C[sim.other[k]] * sim.sim[k];
      }
      Cstar[v] = sum;
    }
  }

  /** {@code P(v)}: the softmax of {@code C*} over each item's {@code n + 1} values. */
  private static void softmax(
      int[] itemValueStart, int numItems, double n, double[] Cstar, double[] P, Iterations it) {
    for (int i = 0; i < numItems; i++) {
      it.poll(i);
      int first = itemValueStart[i];
      int last = itemValueStart[i + 1];
      double max = 0;
      for (int v = first; v < last; v++) {
        max = Math.max(max, Cstar[v]);
      }
      double unclaimed = Math.max(0, n + 1 - (last - first));
      double z = unclaimed * Math.exp(-max);
      for (int v = first; v < last; v++) {
        double e = Math.exp(Cstar[v] - max);
        P[v] = e;
        z += e;
      }
      double inv = 1 / z;
      for (int v = first; v < last; v++) {
        P[v] *= inv;
      }
    }
  }

  /**
   * {@code sum[S] = sum_{v in V(S)} perValue[v]} for every source, in one pass over the claims
   * in value order: a source's claims are in value order ({@link ClaimMatrix}), so every sum
   * adds the same terms in the same order as a pass per source would, and {@code perValue} is
   * read sequentially, not at random.
   */
  private static void sumOverClaims(ClaimMatrix m, double[] perValue, double[] sum, Iterations it) {
    int[] valueClaimStart = m.valueClaimStartArray();
    int[] claimSource = m.claimSourceArray();
    Arrays.fill(sum, 0);
    for (int v = 0; v < perValue.length; v++) {
      int from = valueClaimStart[v];
      int to = valueClaimStart[v + 1];
      it.work(to - from + 1);
      double p = perValue[v];
      for (int k = from; k < to; k++) {
        sum[claimSource[k]] += p;
      }
    }
  }

  /**
   * {@code sum[S]} of {@code P_{-S}(v) = P(v) r / (1 - P(v) + P(v) r)} over the source's
   * contested claims, with {@code r = exp(-A'(S)) = (1 - A) / (n A)}: the claim's value judged
   * by every vote but S's own, without an exponential; gold-seeded values count their clamped
   * {@code P}. The pooled copy model's {@code I(S, v)} is one factor per source, on the values
   * the pool claims: {@code r^I} is taken once per source, not per claim. Same pass as {@link
   * #sumOverClaims}.
   */
  private static void leaveOneOutSums(
      ClaimMatrix m,
      double[] A,
      double n,
      double[] Pinformative,
      @Nullable PooledCopy pooled,
      int @Nullable [] gold,
      double[] sourceR,
      double[] sourceRPooled,
      double[] sum,
      Iterations it) {
    int[] valueClaimStart = m.valueClaimStartArray();
    int[] claimSource = m.claimSourceArray();
    int[] valueItem = m.valueItemArray();
    for (int s = 0; s < A.length; s++) {
      double r = (1 - A[s]) / (n * A[s]);
      sourceR[s] = r;
      sourceRPooled[s] =
          pooled != null && !pooled.pool[s] && pooled.discount[s] != 1
              ? Math.pow(r, pooled.discount[s])
              : r;
    }
    Arrays.fill(sum, 0);
    for (int v = 0; v < Pinformative.length; v++) {
      int from = valueClaimStart[v];
      int to = valueClaimStart[v + 1];
      it.work(to - from + 1);
      // Pinformative is 0 off the contested items, and a claim with P = 0 adds 0.
      double p = Pinformative[v];
      if (p == 0) {
        continue;
      }
      if (gold != null && gold[valueItem[v]] >= 0) {
        for (int k = from; k < to; k++) {
          sum[claimSource[k]] += p;
        }
        continue;
      }
      double[] rOf = pooled != null && pooled.valueHasPool[v] ? sourceRPooled : sourceR;
      for (int k = from; k < to; k++) {
        int s = claimSource[k];
        double rv = rOf[s];
        sum[s] += p * rv / (1 - p + p * rv);
      }
    }
  }

  /**
   * Whether copy detection runs in iteration {@code count} (1-based after the first). With
   * exact pair statistics (every data set under {@link CopyIndex#pairInstanceBudget}) in every
   * iteration, as in the paper; on a sample of the items, in iterations 1, 4, 16, 64, ...:
   * Dong et al. alternate copy detection and truth discovery until both settle, and the
   * accuracies a detection depends on move less and less from one iteration to the next, so
   * re-detecting at quadrupling intervals tracks them at a logarithmic share of the cost.
   */
  static boolean detectsIn(CopyIndex copies, int count) {
    return !copies.sampled || (count & (count - 1)) == 0 && Integer.numberOfTrailingZeros(count) % 2 == 0;
  }

  /**
   * The discount {@code 1 - c Pr(dependent)} of the later (less accurate) source of every
   * likely-dependent pair, on each claim the pair agrees on. The counts per pair: {@code kt =
   * sum P(v)} over the agreed values, {@code kf = same - kt}, {@code kd} fixed; see {@link
   * CopyIndex}. The likelihoods' logarithms factor into per-source terms ({@code ln Pt = ln A1
   * + ln A2}, {@code ln(A2 c + Pt (1 - c)) = ln A2 + ln(c + A1 (1 - c))}, ...), so a pair costs
   * one logarithm and three exponentials.
   */
  static CopyIndex.Discounts detectCopies(
      ClaimMatrix m, CopyIndex copies, double[] A, double[] P, double n, double alpha, double c,
      Iterations it) {
    int numPairs = copies.numPairs;
    double[] kt = new double[numPairs];
    double[] factor = new double[numPairs];
    boolean[] aLater = new boolean[numPairs];
    copies.expectedTrue(P, kt);
    int numSources = A.length;
    double[] logA = new double[numSources];
    double[] log1mA = new double[numSources];
    double[] logTrueCopy = new double[numSources];
    double[] logFalseCopy = new double[numSources];
    for (int s = 0; s < numSources; s++) {
      logA[s] = Math.log(A[s]);
      log1mA[s] = Math.log(1 - A[s]);
      // ln(c + A (1 - c)) and ln(c + (1 - A)(1 - c) / n): the copier's side of the terms.
      logTrueCopy[s] = Math.log(c + A[s] * (1 - c));
      logFalseCopy[s] = Math.log(c + (1 - A[s]) * (1 - c) / n);
    }
    double logN = Math.log(n);
    double logIndependent = Math.log(1 - alpha);
    double logDirection = Math.log(alpha / 2);
    double log1mc = Math.log(1 - c);
    boolean any = false;
    for (int p = 0; p < numPairs; p++) {
      it.poll(p);
      int a = copies.pairA[p];
      int b = copies.pairB[p];
      double A1 = A[a];
      double A2 = A[b];
      double kT = kt[p];
      double kF = Math.max(0, copies.same[p] - kT);
      double kD = copies.different[p];
      double Pt = A1 * A2;
      double Pf = (1 - A1) * (1 - A2) / n;
      double logPd = Math.log(1 - Pt - Pf);
      double L0 = kT * (logA[a] + logA[b]) + kF * (log1mA[a] + log1mA[b] - logN) + kD * logPd;
      double logDiffCopy = kD * (logPd + log1mc);
      // S_a copies S_b: ln(A2 c + Pt (1 - c)) = ln A2 + ln(c + A1 (1 - c)), and so on.
      double Lab =
          kT * (logA[b] + logTrueCopy[a]) + kF * (log1mA[b] + logFalseCopy[a]) + logDiffCopy;
      double Lba =
          kT * (logA[a] + logTrueCopy[b]) + kF * (log1mA[a] + logFalseCopy[b]) + logDiffCopy;
      double w0 = logIndependent + L0;
      double wab = logDirection + Lab;
      double wba = logDirection + Lba;
      double max = Math.max(w0, Math.max(wab, wba));
      double e0 = Math.exp(w0 - max);
      double dependent = Math.exp(wab - max) + Math.exp(wba - max);
      double f = 1 - c * dependent / (e0 + dependent);
      factor[p] = f < 1 - CopyIndex.MIN_DISCOUNT ? f : 1;
      any |= factor[p] < 1;
      aLater[p] = A1 < A2 || (A1 == A2 && a > b);
    }
    return any ? copies.discounts(m, factor, aLater, it) : CopyIndex.Discounts.NONE;
  }

  /** Buckets of source size, {@code floor(log2 |V(S)|)}, for the empirical prior. */
  static final int SIZE_BUCKETS = 32;

  /** Pseudo-claims at the overall mean that each bucket's mean is shrunk with. */
  static final double BUCKET_SHRINKAGE = 10;

  static int[] sizeBuckets(ClaimMatrix m) {
    int[] b = new int[m.numSources()];
    for (int s = 0; s < b.length; s++) {
      int n = m.sourceClaimCount(s);
      b[s] = n <= 1 ? 0 : 31 - Integer.numberOfLeadingZeros(n);
    }
    return b;
  }

  /** {@code mu_b} into {@code mean} (indexed by bucket); {@code count} is scratch. */
  static void fitBucketMeans(
      int[] bucket, double[] sum, double[] count, double[] mean, double[] total) {
    java.util.Arrays.fill(mean, 0);
    java.util.Arrays.fill(total, 0);
    double allSum = 0;
    double allCount = 0;
    for (int s = 0; s < bucket.length; s++) {
      mean[bucket[s]] += sum[s];
      total[bucket[s]] += count[s];
      allSum += sum[s];
      allCount += count[s];
    }
    double mu = allCount > 0 ? allSum / allCount : 0.8;
    for (int b = 0; b < mean.length; b++) {
      mean[b] = clampAccuracy((mean[b] + BUCKET_SHRINKAGE * mu) / (total[b] + BUCKET_SHRINKAGE));
    }
  }

  /** Items claimed by two or more sources, or seeded with gold. */
  private static boolean[] informativeItems(ClaimMatrix m, TruthOptions options) {
    boolean[] informative = new boolean[m.numItems()];
    int[] gold = options.useGold() ? m.goldValueArray() : null;
    for (int i = 0; i < informative.length; i++) {
      informative[i] = m.itemClaimCount(i) >= 2 || (gold != null && gold[i] >= 0);
    }
    return informative;
  }

  private static double clampAccuracy(double a) {
    return Math.max(MIN_ACCURACY, Math.min(MAX_ACCURACY, a));
  }

  /** The pooled copy model's state: one-claim pool, per-source discount; see the class comment. */
  static final class PooledCopy {
    final boolean[] pool;
    final boolean[] valueHasPool;
    final double[] discount;
    /** Items claimed by two or more sources, at least one in the pool. */
    final int[] items;

    private PooledCopy(boolean[] pool, boolean[] valueHasPool, int[] items) {
      this.pool = pool;
      this.valueHasPool = valueHasPool;
      this.items = items;
      this.discount = new double[pool.length];
      Arrays.fill(discount, 1);
    }

    static PooledCopy build(ClaimMatrix m) {
      boolean[] pool = new boolean[m.numSources()];
      for (int s = 0; s < pool.length; s++) {
        pool[s] = m.sourceClaimCount(s) == 1;
      }
      int[] valueClaimStart = m.valueClaimStartArray();
      int[] claimSource = m.claimSourceArray();
      int[] itemValueStart = m.itemValueStartArray();
      boolean[] valueHasPool = new boolean[m.numValues()];
      SimilarityTable.IntList items = new SimilarityTable.IntList();
      for (int i = 0; i < m.numItems(); i++) {
        boolean any = false;
        for (int v = itemValueStart[i]; v < itemValueStart[i + 1]; v++) {
          for (int k = valueClaimStart[v]; k < valueClaimStart[v + 1]; k++) {
            valueHasPool[v] |= pool[claimSource[k]];
          }
          any |= valueHasPool[v];
        }
        if (any && m.itemClaimCount(i) >= 2) {
          items.add(i);
        }
      }
      return new PooledCopy(pool, valueHasPool, items.toArray());
    }

    static double meanAccuracy(boolean[] pool, double[] A) {
      double sum = 0;
      int count = 0;
      for (int s = 0; s < pool.length; s++) {
        if (pool[s]) {
          sum += A[s];
          count++;
        }
      }
      return count > 0 ? sum / count : 0.8;
    }

    /** The factor on source {@code s}'s vote for value {@code v}. */
    double discount(int s, int v) {
      return valueHasPool[v] && !pool[s] ? discount[s] : 1;
    }

    /** Re-estimates every source's {@code Pr(S -> Q)} from the accuracies {@code A}. */
    void update(
        ClaimMatrix m, double[] A, double @Nullable [] I, double poolAccuracy, double n,
        double alpha, double c) {
      int numSources = pool.length;
      double[] kt = new double[numSources];
      double[] kf = new double[numSources];
      double[] kd = new double[numSources];
      int[] itemValueStart = m.itemValueStartArray();
      int[] valueClaimStart = m.valueClaimStartArray();
      int[] claimSource = m.claimSourceArray();
      double[] C = new double[SimilarityTable.MAX_VALUES_PER_ITEM];
      for (int i : items) {
        int first = itemValueStart[i];
        int last = itemValueStart[i + 1];
        if (last - first > C.length) {
          continue;
        }
        for (int v = first; v < last; v++) {
          double sum = 0;
          for (int k = valueClaimStart[v]; k < valueClaimStart[v + 1]; k++) {
            sum += weight(claimSource[k], v, k, A, I, n);
          }
          C[v - first] = sum;
        }
        double unclaimed = Math.max(0, n + 1 - (last - first));
        for (int v = first; v < last; v++) {
          for (int k = valueClaimStart[v]; k < valueClaimStart[v + 1]; k++) {
            int s = claimSource[k];
            if (pool[s]) {
              continue;
            }
            // P_{-S}(v): the item's posterior without S's own vote.
            double own = weight(s, v, k, A, I, n);
            double max = 0;
            for (int u = first; u < last; u++) {
              max = Math.max(max, u == v ? C[u - first] - own : C[u - first]);
            }
            double z = unclaimed * Math.exp(-max);
            double pv = 0;
            for (int u = first; u < last; u++) {
              double e = Math.exp((u == v ? C[u - first] - own : C[u - first]) - max);
              z += e;
              if (u == v) {
                pv = e;
              }
            }
            pv /= z;
            for (int u = first; u < last; u++) {
              for (int k2 = valueClaimStart[u]; k2 < valueClaimStart[u + 1]; k2++) {
                if (pool[claimSource[k2]]) {
                  if (u == v) {
                    kt[s] += pv;
                    kf[s] += 1 - pv;
                  } else {
                    kd[s] += 1;
                  }
                }
              }
            }
          }
        }
      }
      double A2 = clampAccuracy(poolAccuracy);
      for (int s = 0; s < numSources; s++) {
        if (kt[s] + kf[s] + kd[s] == 0) {
          continue;
        }
        double A1 = A[s];
        double Pt = A1 * A2;
        double Pf = (1 - A1) * (1 - A2) / n;
        double logPd = Math.log(1 - Pt - Pf);
        double L0 = kt[s] * Math.log(Pt) + kf[s] * Math.log(Pf) + kd[s] * logPd;
        double L1 =
            kt[s] * Math.log(A2 * c + Pt * (1 - c))
                + kf[s] * Math.log((1 - A2) * c + Pf * (1 - c))
                + kd[s] * (logPd + Math.log(1 - c));
        double w0 = Math.log(1 - alpha) + L0;
        double w1 = Math.log(alpha) + L1;
        double max = Math.max(w0, w1);
        double dependent = Math.exp(w1 - max) / (Math.exp(w0 - max) + Math.exp(w1 - max));
        discount[s] = 1 - c * dependent;
      }
    }

    private double weight(int s, int v, int k, double[] A, double @Nullable [] I, double n) {
      double w = Math.log(n * A[s] / (1 - A[s])) * discount(s, v);
      return I != null ? w * I[k] : w;
    }
  }
}
