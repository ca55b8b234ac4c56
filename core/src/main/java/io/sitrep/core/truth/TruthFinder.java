package io.sitrep.core.truth;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * TruthFinder: Yin, Han, Yu, "Truth discovery with multiple conflicting information providers
 * on the web", KDD 2007 (and TKDE 2008).
 *
 * <p>Websites {@code w} have trustworthiness {@code t(w)}, facts {@code f} confidence {@code
 * s(f)}:
 *
 * <pre>
 *   tau(w)     = -ln(1 - t(w))
 *   sigma(f)   = sum_{w in W(f)} tau(w)
 *   sigma*(f)  = sigma(f) + rho * sum_{f' != f, same item} sigma(f') * imp(f' -> f)
 *   s(f)       = 1 / (1 + exp(-gamma * sigma*(f)))
 *   t(w)       = sum_{f in F(w)} s(f) / |F(w)|
 * </pre>
 *
 * with the paper's parameters: initial trust {@code t0 = 0.9} (or the prior), dampening
 * {@code gamma = 0.3}, implication weight {@code rho = 0.5}, and {@code imp(f' -> f) = sim(f',
 * f) - base_sim} with {@code base_sim = 0.5}. The implication term is optional: without a
 * {@link ValueSimilarity} ({@link #TruthFinder()}), {@code rho = 0}. Trust is clamped below
 * {@code 1 - 1e-9} so {@code tau} stays finite. Gold seeds are clamped to confidence 1 / 0.
 */
public final class TruthFinder implements TruthDiscovery {
  public static final String NAME = "truthfinder";

  private final double t0;
  private final double gamma;
  private final double rho;
  private final double baseSim;
  private final @Nullable ValueSimilarity similarity;

  /** Without the implication term. */
  public TruthFinder() {
    this(0.9, 0.3, 0, 0.5, null);
  }

  public TruthFinder(
      double t0, double gamma, double rho, double baseSim, @Nullable ValueSimilarity similarity) {
    checkArgument(t0 > 0 && t0 < 1, "t0 %s outside (0, 1)", t0);
    checkArgument(gamma > 0, "gamma %s <= 0", gamma);
    this.t0 = t0;
    this.gamma = gamma;
    this.rho = rho;
    this.baseSim = baseSim;
    this.similarity = similarity;
  }

  /** The paper's parameters with the implication term over {@code similarity}. */
  public static TruthFinder withImplication(ValueSimilarity similarity) {
    return new TruthFinder(0.9, 0.3, 0.5, 0.5, checkNotNull(similarity));
  }

  @Override
  public String name() {
    return similarity == null ? NAME : NAME + "-sim";
  }

  @Override
  public TruthResult run(ClaimMatrix m, TruthOptions options) {
    Iterations it = new Iterations(options);
    int[] claimSource = m.claimSourceArray();
    int[] valueClaimStart = m.valueClaimStartArray();
    int[] valueItem = m.valueItemArray();
    int[] sourceClaimStart = m.sourceClaimStartArray();
    int numSources = m.numSources();
    int numValues = m.numValues();
    int @Nullable [] gold = options.useGold() ? m.goldValueArray() : null;
    SimilarityTable imp =
        similarity != null && rho != 0 ? SimilarityTable.build(m, similarity, 0, it) : null;
    double[] t = Seeds.initialTrust(m, options, t0);
    double[] tau = new double[numSources];
    double @Nullable [] sigma = imp != null ? new double[numValues] : null;
    double[] s = new double[numValues];
    double[] trustSum = new double[numSources];
    double[] next = new double[numSources];
    final double maxTrust = 1 - 1e-9;
    while (it.next()) {
      for (int w = 0; w < numSources; w++) {
        tau[w] = -Math.log(1 - Math.min(t[w], maxTrust));
      }
      Arrays.fill(trustSum, 0);
      if (imp == null) {
        // sigma* = sigma: one pass over the claims per round, each value's s(f) added to its
        // sources' sums as soon as it is known. A source's claims are in value order (see
        // ClaimMatrix), so each sum adds the same terms in the same order as a pass per source.
        for (int f = 0; f < numValues; f++) {
          int from = valueClaimStart[f];
          int to = valueClaimStart[f + 1];
          it.work(to - from + 1);
          double sum = 0;
          for (int c = from; c < to; c++) {
            sum += tau[claimSource[c]];
          }
          double sf = 1 / (1 + Math.exp(-gamma * sum));
          if (gold != null && gold[valueItem[f]] >= 0) {
            sf = gold[valueItem[f]] == f ? 1 : 0;
          }
          s[f] = sf;
          for (int c = from; c < to; c++) {
            trustSum[claimSource[c]] += sf;
          }
        }
      } else {
        for (int f = 0; f < numValues; f++) {
          it.poll(f);
          double sum = 0;
          for (int c = valueClaimStart[f]; c < valueClaimStart[f + 1]; c++) {
            sum += tau[claimSource[c]];
          }
          sigma[f] = sum;
        }
        for (int f = 0; f < numValues; f++) {
          it.poll(f);
          double adjusted = sigma[f];
          for (int k = imp.start[f]; k < imp.start[f + 1]; k++) {
            adjusted += rho * sigma[imp.other[k]] * (imp.sim[k] - baseSim);
          }
          s[f] = 1 / (1 + Math.exp(-gamma * adjusted));
        }
        Seeds.clampGold(m, options, s, 1, 0);
        for (int f = 0; f < numValues; f++) {
          it.poll(f);
          double sf = s[f];
          for (int c = valueClaimStart[f]; c < valueClaimStart[f + 1]; c++) {
            trustSum[claimSource[c]] += sf;
          }
        }
      }
      for (int w = 0; w < numSources; w++) {
        int from = sourceClaimStart[w];
        int to = sourceClaimStart[w + 1];
        next[w] = to > from ? trustSum[w] / (to - from) : t[w];
      }
      it.record(Iterations.replace(t, next));
    }
    return TruthResult.of(name(), m, s, t, it, options);
  }
}
