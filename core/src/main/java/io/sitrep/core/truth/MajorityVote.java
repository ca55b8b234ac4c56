package io.sitrep.core.truth;

/**
 * Naive voting: every source's claim counts once and each item takes its most-claimed value.
 *
 * <p>Belief of value {@code v} of item {@code i} is {@code |S(v)| / |S(i)|}, the share of the
 * item's claims that assert it. <b>Tie-break:</b> among equally supported values, the one that
 * appeared first in the input wins (the lowest value id), so results are deterministic and do
 * not depend on hash order. Trust of a source is the share of its claims that agree with the
 * chosen values. Priors are ignored (every vote weighs the same); gold seeds fix their items.
 * One pass, no iteration.
 */
public final class MajorityVote implements TruthDiscovery {
  public static final String NAME = "majority-vote";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public TruthResult run(ClaimMatrix m, TruthOptions options) {
    Iterations it = new Iterations(options);
    it.next();
    int[] itemValueStart = m.itemValueStartArray();
    int[] valueClaimStart = m.valueClaimStartArray();
    double[] belief = new double[m.numValues()];
    int[] chosen = new int[m.numItems()];
    for (int i = 0; i < m.numItems(); i++) {
      int first = itemValueStart[i];
      int last = itemValueStart[i + 1];
      it.work(last - first + 1);
      double total = valueClaimStart[last] - valueClaimStart[first];
      int best = -1;
      int bestSupport = -1;
      for (int v = first; v < last; v++) {
        int support = valueClaimStart[v + 1] - valueClaimStart[v];
        belief[v] = total > 0 ? support / total : 0;
        if (support > bestSupport) {
          bestSupport = support;
          best = v;
        }
      }
      chosen[i] = best;
    }
    Seeds.clampGold(m, options, belief, 1, 0);
    int[] gold = m.goldValueArray();
    if (options.useGold() && gold != null) {
      for (int i = 0; i < gold.length; i++) {
        if (gold[i] >= 0) {
          chosen[i] = gold[i];
        }
      }
    }
    int[] sourceClaimStart = m.sourceClaimStartArray();
    int[] sourceClaimValue = m.sourceClaimValueArray();
    int[] valueItem = m.valueItemArray();
    double[] trust = new double[m.numSources()];
    for (int s = 0; s < trust.length; s++) {
      int agree = 0;
      for (int k = sourceClaimStart[s]; k < sourceClaimStart[s + 1]; k++) {
        int v = sourceClaimValue[k];
        if (chosen[valueItem[v]] == v) {
          agree++;
        }
      }
      int n = sourceClaimStart[s + 1] - sourceClaimStart[s];
      trust[s] = n > 0 ? (double) agree / n : 0;
    }
    it.finishedInOnePass();
    return TruthResult.of(NAME, m, belief, trust, it, options);
  }
}
