package io.sitrep.core.ach;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

/**
 * What an ACH matrix says.
 *
 * @param ranking the hypotheses, least inconsistent first
 * @param diagnosticity per evidence claim: the spread of its weighted inconsistency across the
 *     hypotheses (max minus min); 0 means it does not help tell them apart
 * @param nonDiagnostic the evidence rated the same against every hypothesis (Heuer's step 4: drop
 *     or set aside, it does not help the judgement however important it seems)
 * @param weights per evidence claim: credibility × relevance × belief, the weight used
 */
public record AchResult(ImmutableList<HypothesisScore> ranking, ImmutableMap<String, Double> diagnosticity,
    ImmutableList<String> nonDiagnostic, ImmutableMap<String, Double> weights) {

  /** The least inconsistent hypothesis. */
  public HypothesisScore best() {
    return ranking.get(0);
  }
}
