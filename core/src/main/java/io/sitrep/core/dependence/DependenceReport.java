package io.sitrep.core.dependence;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Optional;

/**
 * The result of the dependence analysis: every dependent pair with its evidence, and each
 * claim's independence weight in (0, 1] — 1 for a claim whose source stands alone behind its
 * position, 1/k when k mutually dependent sources back the same position.
 */
public record DependenceReport(ImmutableList<SourceDependence> pairs, ImmutableMap<String, Double> claimWeights) {

  public Optional<SourceDependence> between(String a, String b) {
    String lo = a.compareTo(b) <= 0 ? a : b;
    String hi = a.compareTo(b) <= 0 ? b : a;
    return pairs.stream().filter(p -> p.sourceA().equals(lo) && p.sourceB().equals(hi)).findFirst();
  }

  public double weightOf(String claim) {
    return claimWeights.getOrDefault(claim, 1.0);
  }
}
