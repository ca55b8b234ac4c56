package io.sitrep.core.dispute;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.sitrep.core.model.TimeSpan;
import org.jspecify.annotations.Nullable;

/**
 * Claims on one proposition key that cannot all be true: their positions side by side, the
 * conflicts that make them a dispute, and the span of valid time it is about (null when some
 * claim holds at all times).
 *
 * @param name {@code disputes/{id}}, stable while the dispute's earliest claim stays in it
 * @param selfContradiction true when one source stands behind conflicting positions
 */
public record Dispute(String name, PropositionKey key, @Nullable TimeSpan validTime,
    ImmutableList<Position> positions, ImmutableList<Conflict> conflicts, boolean selfContradiction) {

  public static final String COLLECTION = "disputes";

  public ImmutableSet<String> claims() {
    return positions.stream().flatMap(p -> p.claims().stream()).collect(ImmutableSet.toImmutableSet());
  }

  public ImmutableSet<String> sources() {
    return positions.stream().flatMap(p -> p.sources().stream()).collect(ImmutableSet.toImmutableSet());
  }

  /** One line on why this was flagged. */
  public String summary() {
    StringBuilder s = new StringBuilder().append(positions.size()).append(" positions on ").append(key)
        .append(": ");
    for (int i = 0; i < positions.size(); i++) {
      if (i > 0) {
        s.append(" | ");
      }
      Position p = positions.get(i);
      s.append(p.describe(key.attribute())).append(" (").append(p.sources().size()).append(" sources)");
    }
    return s.toString();
  }
}
