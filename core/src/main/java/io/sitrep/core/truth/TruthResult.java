package io.sitrep.core.truth;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link TruthDiscovery} run concluded: a belief for every candidate value, the chosen
 * value of every item, a trust for every source, and how the iteration went.
 *
 * <p>The chosen value of an item is the candidate with the highest belief; ties go to the
 * candidate that appeared first in the input (the lowest value id). A gold-seeded item chooses
 * its seed when the run used gold. Items nobody claims choose nothing ({@code -1}).
 */
public final class TruthResult {
  private final String algorithm;
  private final ClaimMatrix claims;
  private final double[] belief;
  private final double[] trust;
  private final int[] chosen;
  private final int iterations;
  private final boolean converged;
  private final double[] changes;

  private TruthResult(
      String algorithm,
      ClaimMatrix claims,
      double[] belief,
      double[] trust,
      int[] chosen,
      int iterations,
      boolean converged,
      double[] changes) {
    this.algorithm = algorithm;
    this.claims = claims;
    this.belief = belief;
    this.trust = trust;
    this.chosen = chosen;
    this.iterations = iterations;
    this.converged = converged;
    this.changes = changes;
  }

  /** Takes ownership of {@code belief} and {@code trust}; chooses the highest belief. */
  static TruthResult of(
      String algorithm,
      ClaimMatrix claims,
      double[] belief,
      double[] trust,
      Iterations iterations,
      TruthOptions options) {
    return of(algorithm, claims, belief, trust, null, iterations, options);
  }

  /** As above, with the algorithm's own choice per item where {@code choice} is not null. */
  static TruthResult of(
      String algorithm,
      ClaimMatrix claims,
      double[] belief,
      double[] trust,
      int @Nullable [] choice,
      Iterations iterations,
      TruthOptions options) {
    checkArgument(belief.length == claims.numValues(), "belief per value");
    checkArgument(trust.length == claims.numSources(), "trust per source");
    int[] itemValueStart = claims.itemValueStartArray();
    int @Nullable [] gold = options.useGold() ? claims.goldValueArray() : null;
    int[] chosen = new int[claims.numItems()];
    for (int i = 0; i < chosen.length; i++) {
      int best = -1;
      double bestBelief = Double.NEGATIVE_INFINITY;
      for (int v = itemValueStart[i]; v < itemValueStart[i + 1]; v++) {
        if (belief[v] > bestBelief) {
          bestBelief = belief[v];
          best = v;
        }
      }
      if (choice != null && choice[i] >= 0) {
        best = choice[i];
      }
      if (gold != null && gold[i] >= 0) {
        best = gold[i];
      }
      chosen[i] = best;
    }
    return new TruthResult(
        algorithm,
        claims,
        belief,
        trust,
        chosen,
        iterations.count(),
        iterations.converged(),
        iterations.changes());
  }

  public String algorithm() {
    return algorithm;
  }

  public ClaimMatrix claims() {
    return claims;
  }

  /** The algorithm's belief in {@code value} (a probability for the Bayesian algorithms). */
  public double belief(int value) {
    return belief[value];
  }

  /**
   * {@code item}'s candidates' beliefs, in value-id order, rescaled to sum to 1 (uniform when
   * all beliefs are zero).
   */
  public double[] distribution(int item) {
    int from = claims.itemValueStart(item);
    int to = claims.itemValueStart(item + 1);
    double[] d = Arrays.copyOfRange(belief, from, to);
    double sum = 0;
    for (double x : d) {
      sum += Math.max(0, x);
    }
    for (int k = 0; k < d.length; k++) {
      d[k] = sum > 0 ? Math.max(0, d[k]) / sum : 1.0 / d.length;
    }
    return d;
  }

  /** The chosen value id of {@code item}, or -1 if nobody claims it. */
  public int chosenValue(int item) {
    return chosen[item];
  }

  /** The chosen value's string, or null if nobody claims the item. */
  public @Nullable String chosenValueName(int item) {
    int v = chosen[item];
    return v < 0 ? null : claims.valueName(v);
  }

  /** How far to trust {@code source}: a probability for the Bayesian algorithms. */
  public double trust(int source) {
    return trust[source];
  }

  public int iterations() {
    return iterations;
  }

  public boolean converged() {
    return converged;
  }

  /** The largest trust change in each iteration, first to last. */
  public double[] changes() {
    return changes.clone();
  }

  /** {@code source}'s Admiralty reliability grade; see {@link AdmiraltyGrades}. */
  public AdmiraltyGrades.SourceGrade sourceGrade(int source) {
    return AdmiraltyGrades.sourceGrade(trust[source], claims.sourceClaimCount(source));
  }

  /** Admiralty credibility (1..6) of {@code value}; see {@link AdmiraltyGrades}. */
  public int credibility(int value) {
    return AdmiraltyGrades.credibility(belief[value], claims.valueSupport(value));
  }
}
