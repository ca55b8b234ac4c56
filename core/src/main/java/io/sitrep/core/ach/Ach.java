package io.sitrep.core.ach;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores an {@link AchMatrix} as Heuer's <i>Psychology of Intelligence Analysis</i> (1999), ch. 8,
 * prescribes: the hypotheses are judged by the evidence against them, not for them.
 *
 * <p>Each evidence row {@code e} weighs {@code w_e = credibility × relevance × belief_e}, where
 * {@code belief_e} is the probability that the claim is true, from truth discovery when supplied
 * (a claim not in the map has belief 1). A hypothesis's weighted inconsistency is
 * {@code Σ_e w_e × inconsistency(e, h)} with INCONSISTENT counting 1 and STRONGLY_INCONSISTENT 2, as
 * in the PARC ACH 2.0 software; the least inconsistent hypothesis ranks first. A row rated alike
 * across all hypotheses is non-diagnostic.
 */
public final class Ach {
  private Ach() {}

  /** The matrix scored with every claim believed. */
  public static AchResult score(AchMatrix matrix) {
    return score(matrix, Map.of());
  }

  /** The matrix scored with {@code belief} (claim name to probability true) from truth discovery. */
  public static AchResult score(AchMatrix matrix, Map<String, Double> belief) {
    Map<String, Double> weights = new LinkedHashMap<>();
    for (Evidence e : matrix.evidence()) {
      double b = belief.getOrDefault(e.claim(), 1.0);
      if (!(b >= 0 && b <= 1)) {
        throw new IllegalArgumentException("belief of " + e.claim() + " must be in [0, 1], got " + b);
      }
      weights.put(e.claim(), e.credibility() * e.relevance() * b);
    }
    record Partial(String hypothesis, double inconsistency, int count, int order) {}
    List<Partial> partials = new ArrayList<>();
    for (int i = 0; i < matrix.hypotheses().size(); i++) {
      String h = matrix.hypotheses().get(i).id();
      double sum = 0;
      int count = 0;
      for (Evidence e : matrix.evidence()) {
        int inc = matrix.rating(e.claim(), h).inconsistency();
        sum += weights.get(e.claim()) * inc;
        count += inc > 0 ? 1 : 0;
      }
      partials.add(new Partial(h, sum, count, i));
    }
    partials.sort(Comparator.comparingDouble(Partial::inconsistency).thenComparingInt(Partial::order));
    ImmutableList.Builder<HypothesisScore> ranking = ImmutableList.builder();
    for (int i = 0; i < partials.size(); i++) {
      Partial p = partials.get(i);
      ranking.add(new HypothesisScore(p.hypothesis(), p.inconsistency(), p.count(), i + 1));
    }
    ImmutableMap.Builder<String, Double> diagnosticity = ImmutableMap.builder();
    ImmutableList.Builder<String> nonDiagnostic = ImmutableList.builder();
    for (Evidence e : matrix.evidence()) {
      int min = Integer.MAX_VALUE;
      int max = Integer.MIN_VALUE;
      boolean same = true;
      Consistency first = null;
      for (Hypothesis h : matrix.hypotheses()) {
        Consistency c = matrix.rating(e.claim(), h.id());
        first = first == null ? c : first;
        same &= c == first;
        min = Math.min(min, c.inconsistency());
        max = Math.max(max, c.inconsistency());
      }
      diagnosticity.put(e.claim(), weights.get(e.claim()) * (max - min));
      if (same) {
        nonDiagnostic.add(e.claim());
      }
    }
    return new AchResult(ranking.build(), diagnosticity.buildOrThrow(), nonDiagnostic.build(),
        ImmutableMap.copyOf(weights));
  }
}
