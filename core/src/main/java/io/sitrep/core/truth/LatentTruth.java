package io.sitrep.core.truth;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The Latent Truth Model, by expectation maximisation: Zhao, Rubinstein, Gemmell, Han, "A
 * Bayesian approach to discovering truth from conflicting sources for data integration", VLDB
 * 2012.
 *
 * <p>A value is read as a set of facts: its whitespace-separated tokens, counted as a multiset
 * ({@link #facts}: an author list "c robert seacord" is the facts {c, robert, seacord} of its
 * item, and "paul paul shaw", which names the author twice, is {paul, paul#2, shaw}, so it
 * asserts a fact "paul shaw" does not and the two no longer tie). The facts of an item {@code
 * F(i)} are the tokens of all its candidates. Every claim of source {@code s} on item {@code i}
 * is an observation {@code o} of every fact {@code f} in {@code F(i)}: 1 if the claimed value
 * contains it, 0 if not. Each fact has a latent truth {@code t_f}; each source a sensitivity
 * {@code phi1(s) = Pr(o = 1 | t = 1)} (recall) and a false-positive rate {@code phi0(s) = Pr(o =
 * 1 | t = 0)}. So a store that habitually drops initials has a low sensitivity, and its silence
 * about an initial barely counts against it, while its assertions still count.
 *
 * <pre>
 *   logit Pr(t_f = 1) = ln(beta1 / beta0)
 *                      + sum_{claims on i} (o ? ln(phi1 / phi0) : ln((1 - phi1) / (1 - phi0)))
 *   phi1(s) = (E[tp] + a11) / (E[tp] + E[fn] + a11 + a10)
 *   phi0(s) = (E[fp] + a01) / (E[fp] + E[tn] + a01 + a00)
 * </pre>
 *
 * the E-step and M-step of EM (the paper samples by Gibbs; EM on the same model reaches the
 * posterior mode of the same Beta priors). Priors as in the paper's experiments: {@code beta =
 * (10, 10)}, sensitivity {@code (a11, a10) = (50, 50)}, specificity prior {@code (a01, a00) =
 * (10, 1000)} (false positives are rare: a source seldom invents an author). An analyst's prior
 * {@code r} for a source replaces its sensitivity prior mean (strength 100). Gold items clamp
 * their facts to the gold value's tokens.
 *
 * <p>The model infers facts, but Sitrep reports one value per item: the claimed candidate most
 * likely under the fact beliefs, {@code score(v) = sum_{f in v} ln p_f + sum_{f in F(i) \ v}
 * ln(1 - p_f)}, with belief the softmax of the scores over the item's candidates. A source's
 * trust is the mean belief of the candidates it claims. Each iteration is linear in the claims
 * plus the (value, token) incidences.
 *
 * <p><b>Leave-one-out M-step</b> (off in {@link #LatentTruth()}, on in Sitrep's default): the
 * expected counts {@code E[tp], E[fp], E[fn], E[tn]} of source {@code s} use {@code p_{-s}(f)},
 * the fact's truth from the logit above without {@code s}'s own term, so a source's
 * observations are scored by the other sources (leave-one-out, Stone, JRSS B 1974) and a
 * source that lists an author twice or adds an initial does not confirm its own habit; claims
 * on items nobody else claims are then no evidence and are skipped, as in {@link Accu}'s
 * contested-only accuracy. It costs the facts of the item per claim.
 */
public final class LatentTruth implements TruthDiscovery {
  public static final String NAME = "ltm";

  private static final double BETA1 = 10;
  private static final double BETA0 = 10;
  private static final double A11 = 50;
  private static final double A10 = 50;
  private static final double A01 = 10;
  private static final double A00 = 1000;
  private static final double SENSITIVITY_PRIOR_STRENGTH = A11 + A10;

  private final String name;
  private final boolean leaveOneOut;

  /** The model with the paper's priors. */
  public LatentTruth() {
    this(NAME);
  }

  LatentTruth(String name) {
    this(name, false);
  }

  /**
   * The model with the paper's priors; with {@code leaveOneOut} the M-step scores each claim's
   * observations by the facts' truth without the source's own observations (see the class
   * comment).
   */
  LatentTruth(String name, boolean leaveOneOut) {
    this.name = name;
    this.leaveOneOut = leaveOneOut;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public TruthResult run(ClaimMatrix m, TruthOptions options) {
    int numValues = m.numValues();
    int numSources = m.numSources();
    int numItems = m.numItems();
    int[] itemValueStart = m.itemValueStartArray();
    int[] valueClaimStart = m.valueClaimStartArray();
    int[] claimSource = m.claimSourceArray();
    int[] valueItem = m.valueItemArray();
    int[] sourceClaimStart = m.sourceClaimStartArray();
    int[] sourceClaimValue = m.sourceClaimValueArray();

    // Facts: per item, its distinct tokens; per value, the fact ids it contains (CSR).
    int[] itemFactStart = new int[numItems + 1];
    int[] valueFactStart = new int[numValues + 1];
    SimilarityTable.IntList valueFacts = new SimilarityTable.IntList();
    int numFacts = 0;
    Map<String, Integer> local = new HashMap<>();
    for (int i = 0; i < numItems; i++) {
      local.clear();
      itemFactStart[i] = numFacts;
      for (int v = itemValueStart[i]; v < itemValueStart[i + 1]; v++) {
        for (String token : facts(m.valueName(v))) {
          Integer f = local.get(token);
          if (f == null) {
            f = numFacts++;
            local.put(token, f);
          }
          valueFacts.add(f);
        }
        valueFactStart[v + 1] = valueFacts.size;
      }
    }
    itemFactStart[numItems] = numFacts;
    int[] fact = valueFacts.toArray();
    int[] factItem = new int[numFacts];
    for (int i = 0; i < numItems; i++) {
      Arrays.fill(factItem, itemFactStart[i], itemFactStart[i + 1], i);
    }

    double[] prior = Seeds.priors(m, options);
    double[] sensPriorMean = new double[numSources];
    double[] phi1 = new double[numSources];
    double[] phi0 = new double[numSources];
    for (int s = 0; s < numSources; s++) {
      sensPriorMean[s] = Double.isNaN(prior[s]) ? A11 / (A11 + A10) : prior[s];
      phi1[s] = Double.isNaN(prior[s]) ? 0.9 : clamp(prior[s]);
      phi0[s] = A01 / (A01 + A00);
    }
    int @org.jspecify.annotations.Nullable [] gold = options.useGold() ? m.goldValueArray() : null;

    double[] p = new double[numFacts];
    double[] xs = new double[numFacts];
    int maxFacts = 0;
    for (int i = 0; i < numItems; i++) {
      maxFacts = Math.max(maxFacts, itemFactStart[i + 1] - itemFactStart[i]);
    }
    boolean[] inV = new boolean[maxFacts];
    double[] logit = new double[numFacts];
    double[] itemBase = new double[numItems];
    double[] present = new double[numSources];
    double[] absent = new double[numSources];
    double[] valueMass = new double[numValues];
    double[] itemMass = new double[numItems];
    double[] tp = new double[numSources];
    double[] fn = new double[numSources];
    double[] fp = new double[numSources];
    double[] tn = new double[numSources];
    double[] nextPhi1 = new double[numSources];
    double priorLogit = Math.log(BETA1 / BETA0);
    Iterations it = new Iterations(options);
    while (it.next()) {
      // E-step: every fact's truth from the sources' observations of it.
      for (int s = 0; s < numSources; s++) {
        it.work(m.sourceClaimCount(s) + 1);
        absent[s] = Math.log((1 - phi1[s]) / (1 - phi0[s]));
        present[s] = Math.log(phi1[s] / phi0[s]) - absent[s];
      }
      Arrays.fill(itemBase, priorLogit);
      Arrays.fill(logit, 0);
      for (int v = 0; v < numValues; v++) {
        it.poll(v);
        double w = 0;
        double base = 0;
        for (int c = valueClaimStart[v]; c < valueClaimStart[v + 1]; c++) {
          w += present[claimSource[c]];
          base += absent[claimSource[c]];
        }
        itemBase[valueItem[v]] += base;
        for (int k = valueFactStart[v]; k < valueFactStart[v + 1]; k++) {
          logit[fact[k]] += w;
        }
      }
      for (int f = 0; f < numFacts; f++) {
        it.poll(f);
        double x = logit[f] + itemBase[factItem[f]];
        xs[f] = x;
        p[f] = 1 / (1 + Math.exp(-Math.max(-50, Math.min(50, x))));
      }
      if (gold != null) {
        for (int i = 0; i < numItems; i++) {
          it.poll(i);
          if (gold[i] >= 0) {
            Arrays.fill(p, itemFactStart[i], itemFactStart[i + 1], 0);
            for (int k = valueFactStart[gold[i]]; k < valueFactStart[gold[i] + 1]; k++) {
              p[fact[k]] = 1;
            }
          }
        }
      }
      // M-step: expected confusion counts of every source.
      Arrays.fill(itemMass, 0);
      for (int i = 0; i < numItems; i++) {
        it.poll(i);
        double sum = 0;
        for (int f = itemFactStart[i]; f < itemFactStart[i + 1]; f++) {
          sum += p[f];
        }
        itemMass[i] = sum;
      }
      for (int v = 0; v < numValues; v++) {
        it.poll(v);
        double sum = 0;
        for (int k = valueFactStart[v]; k < valueFactStart[v + 1]; k++) {
          sum += p[fact[k]];
        }
        valueMass[v] = sum;
      }
      for (int s = 0; s < numSources; s++) {
        it.work(m.sourceClaimCount(s) + 1);
        double tps = 0;
        double fps = 0;
        double fns = 0;
        double tns = 0;
        if (leaveOneOut) {
          for (int k = sourceClaimStart[s]; k < sourceClaimStart[s + 1]; k++) {
            int v = sourceClaimValue[k];
            int i = valueItem[v];
            boolean clamped = gold != null && gold[i] >= 0;
            if (!clamped && m.itemClaimCount(i) < 2) {
              continue; // judged by nobody else: no evidence about s
            }
            int fFirst = itemFactStart[i];
            int fLast = itemFactStart[i + 1];
            for (int f = fFirst; f < fLast; f++) {
              inV[f - fFirst] = false;
            }
            for (int q = valueFactStart[v]; q < valueFactStart[v + 1]; q++) {
              inV[fact[q] - fFirst] = true;
            }
            for (int f = fFirst; f < fLast; f++) {
              boolean o = inV[f - fFirst];
              double pf = p[f];
              if (!clamped) {
                // p_{-s}(f): the logit without s's own observation of f.
                double y = xs[f] - absent[s] - (o ? present[s] : 0);
                pf = 1 / (1 + Math.exp(-Math.max(-50, Math.min(50, y))));
              }
              if (o) {
                tps += pf;
                fps += 1 - pf;
              } else {
                fns += pf;
                tns += 1 - pf;
              }
            }
          }
          tp[s] = tps;
          fp[s] = fps;
          fn[s] = fns;
          tn[s] = tns;
          continue;
        }
        for (int k = sourceClaimStart[s]; k < sourceClaimStart[s + 1]; k++) {
          int v = sourceClaimValue[k];
          int i = valueItem[v];
          int size = valueFactStart[v + 1] - valueFactStart[v];
          int others = itemFactStart[i + 1] - itemFactStart[i] - size;
          tps += valueMass[v];
          fps += size - valueMass[v];
          double missed = itemMass[i] - valueMass[v];
          fns += missed;
          tns += others - missed;
        }
        tp[s] = tps;
        fp[s] = fps;
        fn[s] = fns;
        tn[s] = tns;
      }
      for (int s = 0; s < numSources; s++) {
        it.work(m.sourceClaimCount(s) + 1);
        double a11 = SENSITIVITY_PRIOR_STRENGTH * sensPriorMean[s];
        double a10 = SENSITIVITY_PRIOR_STRENGTH - a11;
        nextPhi1[s] = clamp((tp[s] + a11) / (tp[s] + fn[s] + a11 + a10));
        phi0[s] = clamp((fp[s] + A01) / (fp[s] + tn[s] + A01 + A00));
      }
      it.record(Iterations.replace(phi1, nextPhi1));
    }

    // Each candidate's log-likelihood under the fact beliefs; belief is its softmax.
    double[] belief = new double[numValues];
    for (int i = 0; i < numItems; i++) {
      double base = 0;
      for (int f = itemFactStart[i]; f < itemFactStart[i + 1]; f++) {
        base += Math.log(1 - clamp(p[f]));
      }
      int first = itemValueStart[i];
      int last = itemValueStart[i + 1];
      double max = Double.NEGATIVE_INFINITY;
      for (int v = first; v < last; v++) {
        double score = base;
        for (int k = valueFactStart[v]; k < valueFactStart[v + 1]; k++) {
          double q = clamp(p[fact[k]]);
          score += Math.log(q) - Math.log(1 - q);
        }
        belief[v] = score;
        max = Math.max(max, score);
      }
      double z = 0;
      for (int v = first; v < last; v++) {
        belief[v] = Math.exp(belief[v] - max);
        z += belief[v];
      }
      for (int v = first; v < last; v++) {
        belief[v] /= z;
      }
    }
    Seeds.clampGold(m, options, belief, 1, 0);
    double[] trust = new double[numSources];
    for (int s = 0; s < numSources; s++) {
      int from = sourceClaimStart[s];
      int to = sourceClaimStart[s + 1];
      double sum = 0;
      for (int k = from; k < to; k++) {
        sum += belief[sourceClaimValue[k]];
      }
      trust[s] = to > from ? sum / (to - from) : phi1[s];
    }
    return TruthResult.of(name(), m, belief, trust, it, options);
  }

  /** Items the {@link #valuesAreSets} test reads at most. */
  static final int SET_TEST_ITEMS = 1 << 14;

  /**
   * Whether a matrix's values read as sets of tokens: among the items with two or more textual
   * candidates, at least a quarter have two candidates of which one's tokens are a proper subset
   * of the other's ("robert seacord" and "c robert seacord"), i.e. sources leave parts out. A
   * structural test on the claims, never on gold. Numbers never count as sets.
   *
   * <p>Beyond {@link #SET_TEST_ITEMS} items with two or more candidates, the test reads an
   * evenly spaced sample of that many of them (every {@code k}-th): a proportion estimated from
   * 2^14 items is within a percent or so of the whole, and tokenising every candidate of a
   * million items would cost more than the run it decides.
   */
  public static boolean valuesAreSets(ClaimMatrix m) {
    int[] itemValueStart = m.itemValueStartArray();
    int contested = 0;
    for (int i = 0; i < m.numItems(); i++) {
      int k = itemValueStart[i + 1] - itemValueStart[i];
      if (k >= 2 && k <= SimilarityTable.MAX_VALUES_PER_ITEM) {
        contested++;
      }
    }
    int stride = Math.max(1, (contested + SET_TEST_ITEMS - 1) / SET_TEST_ITEMS);
    int textual = 0;
    int nested = 0;
    int seen = 0;
    for (int i = 0; i < m.numItems(); i++) {
      int first = itemValueStart[i];
      int last = itemValueStart[i + 1];
      if (last - first < 2 || last - first > SimilarityTable.MAX_VALUES_PER_ITEM) {
        continue;
      }
      if (seen++ % stride != 0) {
        continue;
      }
      String[][] t = new String[last - first][];
      boolean numeric = false;
      for (int v = first; v < last && !numeric; v++) {
        t[v - first] = tokens(m.valueName(v));
        numeric = !Double.isNaN(m.valueNumber(v));
      }
      if (numeric) {
        continue;
      }
      textual++;
      search:
      for (int a = 0; a < t.length; a++) {
        for (int b = 0; b < t.length; b++) {
          if (a != b && t[a].length < t[b].length && containsAll(t[b], t[a])) {
            nested++;
            break search;
          }
        }
      }
    }
    return textual >= 10 && nested * 4 >= textual;
  }

  private static boolean containsAll(String[] sortedSuper, String[] sortedSub) {
    int j = 0;
    for (String x : sortedSub) {
      while (j < sortedSuper.length && sortedSuper[j].compareTo(x) < 0) {
        j++;
      }
      if (j == sortedSuper.length || !sortedSuper[j].equals(x)) {
        return false;
      }
    }
    return true;
  }

  /** Distinct whitespace-separated tokens, sorted. */
  static String[] tokens(String s) {
    String t = s.trim();
    if (t.isEmpty()) {
      return new String[0];
    }
    return Arrays.stream(t.split("\\s+")).distinct().sorted().toArray(String[]::new);
  }

  /**
   * The facts a value asserts: its whitespace-separated tokens as a multiset, the {@code k}-th
   * occurrence of a token being its own fact ({@code "paul paul shaw"} is {paul, paul#2, shaw}).
   * A list that names an author twice asserts one more author than a list that names him once;
   * as plain sets the two would tie.
   */
  static String[] facts(String s) {
    String t = s.trim();
    if (t.isEmpty()) {
      return new String[0];
    }
    String[] tokens = t.split("\\s+");
    Arrays.sort(tokens);
    String[] out = new String[tokens.length];
    int k = 1;
    for (int j = 0; j < tokens.length; j++) {
      k = j > 0 && tokens[j].equals(tokens[j - 1]) ? k + 1 : 1;
      out[j] = k == 1 ? tokens[j] : tokens[j] + '#' + k;
    }
    return out;
  }

  private static double clamp(double x) {
    return Math.max(1e-6, Math.min(1 - 1e-6, x));
  }
}
