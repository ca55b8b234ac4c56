package io.sitrep.core.dispute;

import io.sitrep.core.model.Claim;
import io.sitrep.core.model.Proposition;
import io.sitrep.core.model.Stance;
import io.sitrep.core.model.TimeSpan;
import org.jspecify.annotations.Nullable;

/**
 * A claim reduced to what can conflict: on {@code key}, the claim's {@code stance} toward
 * {@code value} during {@code validTime} (null: at all times), made by {@code source}.
 */
public record Assertion(String claim, String source, PropositionKey key, String value, Stance stance,
    @Nullable TimeSpan validTime) {

  /** Reduces {@code claim} (made in a report by {@code source}) to an assertion. */
  public static Assertion of(Claim claim, String source, Canonicalizer canon) {
    Proposition p = claim.proposition();
    if (p == null) {
      return new Assertion(claim.name(), source,
          new PropositionKey(canon.subject(claim.event()), PropositionKey.OCCURRED), "true",
          claim.stance(), null);
    }
    return new Assertion(claim.name(), source,
        new PropositionKey(canon.subject(p.subject()), canon.attribute(p.attribute())),
        canon.value(p.value()), claim.stance(), p.validTime());
  }

  /** True when both may hold at some common moment (a null valid time holds always). */
  boolean overlapsInTime(Assertion other) {
    return validTime == null || other.validTime == null || validTime.overlaps(other.validTime);
  }
}
