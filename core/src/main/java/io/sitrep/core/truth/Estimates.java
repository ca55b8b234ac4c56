package io.sitrep.core.truth;

/**
 * TwoEstimates and ThreeEstimates: Galland, Abiteboul, Marian, Senellart, "Corroborating
 * information from disagreeing views", WSDM 2010.
 *
 * <p>A source (a <i>view</i> {@code v}) that claims value {@code f} of an item says {@code f}
 * is true and every other candidate of the item is false: it votes on every candidate of the
 * items it covers. {@code V(f)} are the views voting on {@code f}, {@code F(v)} the facts view
 * {@code v} votes on; {@code v(f) = T} when it asserts {@code f}.
 *
 * <p>TwoEstimates, with trust {@code T(v)} and truth {@code theta(f)}:
 *
 * <pre>
 *   theta(f) = sum_{v in V(f)} (v(f) = T ? T(v) : 1 - T(v)) / |V(f)|
 *   T(v)     = sum_{f in F(v)} (v(f) = T ? theta(f) : 1 - theta(f)) / |F(v)|
 * </pre>
 *
 * ThreeEstimates adds each view's error factor {@code eps(v)} and each fact's difficulty
 * {@code delta(f)}, a view being wrong on a fact with probability {@code eps(v) delta(f)}:
 *
 * <pre>
 *   theta(f) = sum_{v in V(f)} (v(f) = T ? 1 - eps(v) delta(f) : eps(v) delta(f)) / |V(f)|
 *   delta(f) = sum_{v in V(f)} (v(f) = T ? (1 - theta(f)) / eps(v) : theta(f) / eps(v)) / |V(f)|
 *   eps(v)   = sum_{f in F(v)} (v(f) = T ? (1 - theta(f)) / delta(f) : theta(f) / delta(f)) / |F(v)|
 * </pre>
 *
 * After every step each estimate is normalised linearly to [0, 1] (min to 0, max to 1), the
 * paper's normalisation without its rounding component. Divisors {@code eps} and {@code delta}
 * are floored at 0.01 so the best view and easiest fact stay finite. Initial trust 0.8 (or the
 * prior), {@code eps = 1 - T}, {@code delta = 0.5}. Sums over negative votes are computed from
 * per-item totals, so a run is linear in the number of claims. Reported trust is {@code T}
 * (TwoEstimates) or {@code 1 - eps} (ThreeEstimates).
 */
public final class Estimates implements TruthDiscovery {
  public static final String TWO_NAME = "two-estimates";
  public static final String THREE_NAME = "three-estimates";
  private static final double FLOOR = 0.01;

  private final boolean three;

  private Estimates(boolean three) {
    this.three = three;
  }

  public static Estimates twoEstimates() {
    return new Estimates(false);
  }

  public static Estimates threeEstimates() {
    return new Estimates(true);
  }

  @Override
  public String name() {
    return three ? THREE_NAME : TWO_NAME;
  }

  @Override
  public TruthResult run(ClaimMatrix m, TruthOptions options) {
    return three ? runThree(m, options) : runTwo(m, options);
  }

  private TruthResult runTwo(ClaimMatrix m, TruthOptions options) {
    int[] claimSource = m.claimSourceArray();
    int[] valueClaimStart = m.valueClaimStartArray();
    int[] itemValueStart = m.itemValueStartArray();
    int[] valueItem = m.valueItemArray();
    int[] sourceClaimStart = m.sourceClaimStartArray();
    int[] sourceClaimValue = m.sourceClaimValueArray();
    int numItems = m.numItems();
    int numSources = m.numSources();
    double[] T = Seeds.initialTrust(m, options, 0.8);
    double[] theta = new double[m.numValues()];
    double[] itemTheta = new double[numItems];
    int[] views = facts(m);
    double[] next = new double[numSources];
    Iterations it = new Iterations(options);
    while (it.next()) {
      for (int i = 0; i < numItems; i++) {
        it.poll(i);
        int first = itemValueStart[i];
        int last = itemValueStart[i + 1];
        int cFrom = valueClaimStart[first];
        int cTo = valueClaimStart[last];
        double trustAll = 0;
        for (int c = cFrom; c < cTo; c++) {
          trustAll += T[claimSource[c]];
        }
        int n = cTo - cFrom;
        for (int f = first; f < last; f++) {
          double trustFor = 0;
          for (int c = valueClaimStart[f]; c < valueClaimStart[f + 1]; c++) {
            trustFor += T[claimSource[c]];
          }
          int against = n - (valueClaimStart[f + 1] - valueClaimStart[f]);
          theta[f] = n > 0 ? (trustFor + against - (trustAll - trustFor)) / n : 0;
        }
      }
      normalise(theta);
      Seeds.clampGold(m, options, theta, 1, 0);
      itemSums(m, theta, null, itemTheta);
      for (int v = 0; v < numSources; v++) {
        it.work(m.sourceClaimCount(v) + 1);
        double sum = 0;
        for (int k = sourceClaimStart[v]; k < sourceClaimStart[v + 1]; k++) {
          int f = sourceClaimValue[k];
          int i = valueItem[f];
          int others = itemValueStart[i + 1] - itemValueStart[i] - 1;
          sum += theta[f] + others - (itemTheta[i] - theta[f]);
        }
        next[v] = views[v] > 0 ? sum / views[v] : T[v];
      }
      normalise(next);
      it.record(Iterations.replace(T, next));
    }
    return TruthResult.of(name(), m, theta, T, it, options);
  }

  private TruthResult runThree(ClaimMatrix m, TruthOptions options) {
    int[] claimSource = m.claimSourceArray();
    int[] valueClaimStart = m.valueClaimStartArray();
    int[] itemValueStart = m.itemValueStartArray();
    int[] valueItem = m.valueItemArray();
    int[] sourceClaimStart = m.sourceClaimStartArray();
    int[] sourceClaimValue = m.sourceClaimValueArray();
    int numItems = m.numItems();
    int numSources = m.numSources();
    int numValues = m.numValues();
    double[] eps = Seeds.initialTrust(m, options, 0.8);
    for (int v = 0; v < numSources; v++) {
      eps[v] = 1 - eps[v];
    }
    double[] delta = new double[numValues];
    java.util.Arrays.fill(delta, 0.5);
    double[] theta = new double[numValues];
    double[] itemQ = new double[numItems];
    int[] views = facts(m);
    double[] next = new double[numSources];
    double[] trust = new double[numSources];
    Iterations it = new Iterations(options);
    while (it.next()) {
      // theta from eps and delta, then delta from theta and eps.
      for (int i = 0; i < numItems; i++) {
        it.poll(i);
        int first = itemValueStart[i];
        int last = itemValueStart[i + 1];
        int cFrom = valueClaimStart[first];
        int cTo = valueClaimStart[last];
        int n = cTo - cFrom;
        double epsAll = 0;
        double invAll = 0;
        for (int c = cFrom; c < cTo; c++) {
          double e = eps[claimSource[c]];
          epsAll += e;
          invAll += 1 / Math.max(e, FLOOR);
        }
        for (int f = first; f < last; f++) {
          double epsFor = 0;
          double invFor = 0;
          for (int c = valueClaimStart[f]; c < valueClaimStart[f + 1]; c++) {
            double e = eps[claimSource[c]];
            epsFor += e;
            invFor += 1 / Math.max(e, FLOOR);
          }
          int support = valueClaimStart[f + 1] - valueClaimStart[f];
          theta[f] =
              n > 0 ? (support - delta[f] * epsFor + delta[f] * (epsAll - epsFor)) / n : 0;
          delta[f] = n > 0 ? ((1 - theta[f]) * invFor + theta[f] * (invAll - invFor)) / n : 0;
        }
      }
      normalise(theta);
      Seeds.clampGold(m, options, theta, 1, 0);
      normalise(delta);
      // eps from theta and delta.
      for (int i = 0; i < numItems; i++) {
        it.poll(i);
        double q = 0;
        for (int f = itemValueStart[i]; f < itemValueStart[i + 1]; f++) {
          q += theta[f] / Math.max(delta[f], FLOOR);
        }
        itemQ[i] = q;
      }
      for (int v = 0; v < numSources; v++) {
        it.work(m.sourceClaimCount(v) + 1);
        double sum = 0;
        for (int k = sourceClaimStart[v]; k < sourceClaimStart[v + 1]; k++) {
          int f = sourceClaimValue[k];
          double d = Math.max(delta[f], FLOOR);
          sum += (1 - theta[f]) / d + itemQ[valueItem[f]] - theta[f] / d;
        }
        next[v] = views[v] > 0 ? sum / views[v] : eps[v];
      }
      normalise(next);
      it.record(Iterations.replace(eps, next));
    }
    for (int v = 0; v < numSources; v++) {
      trust[v] = 1 - eps[v];
    }
    return TruthResult.of(name(), m, theta, trust, it, options);
  }

  /** |F(v)|: the number of candidates of the items a source covers. */
  private static int[] facts(ClaimMatrix m) {
    int[] itemValueStart = m.itemValueStartArray();
    int[] valueItem = m.valueItemArray();
    int[] sourceClaimStart = m.sourceClaimStartArray();
    int[] sourceClaimValue = m.sourceClaimValueArray();
    int[] f = new int[m.numSources()];
    for (int v = 0; v < f.length; v++) {
      int sum = 0;
      for (int k = sourceClaimStart[v]; k < sourceClaimStart[v + 1]; k++) {
        int i = valueItem[sourceClaimValue[k]];
        sum += itemValueStart[i + 1] - itemValueStart[i];
      }
      f[v] = sum;
    }
    return f;
  }

  private static void itemSums(
      ClaimMatrix m, double[] x, double @org.jspecify.annotations.Nullable [] unused, double[] out) {
    int[] itemValueStart = m.itemValueStartArray();
    for (int i = 0; i < out.length; i++) {
      double sum = 0;
      for (int f = itemValueStart[i]; f < itemValueStart[i + 1]; f++) {
        sum += x[f];
      }
      out[i] = sum;
    }
  }

  /** Linear normalisation to [0, 1]; a constant vector is left as is, clipped to [0, 1]. */
  static void normalise(double[] x) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double d : x) {
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
    if (max > min) {
      double inv = 1 / (max - min);
      for (int k = 0; k < x.length; k++) {
        x[k] = (x[k] - min) * inv;
      }
    } else {
      for (int k = 0; k < x.length; k++) {
        x[k] = Math.max(0, Math.min(1, x[k]));
      }
    }
  }
}
