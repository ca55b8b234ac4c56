package io.sitrep.core.model;

import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A count known within bounds, {@code low <= best <= high}. A null bound is unknown, never zero:
 * "at least 3 rockets" is {@code low = 3} with the rest unknown.
 */
public record CountRange(@Nullable Integer low, @Nullable Integer best, @Nullable Integer high) {
  public static final CountRange UNKNOWN = new CountRange(null, null, null);

  public CountRange {
    Check.of()
        .require(low == null || low >= 0, "low", "must not be negative")
        .require(best == null || best >= 0, "best", "must not be negative")
        .require(high == null || high >= 0, "high", "must not be negative")
        .require(low == null || best == null || low <= best, "best", "must not be below low")
        .require(best == null || high == null || best <= high, "high", "must not be below best")
        .require(low == null || high == null || low <= high, "high", "must not be below low")
        .done();
  }

  public static CountRange exactly(int n) {
    return new CountRange(n, n, n);
  }

  public OptionalInt bestEstimate() {
    return best == null ? OptionalInt.empty() : OptionalInt.of(best);
  }

  public boolean isUnknown() {
    return low == null && best == null && high == null;
  }
}
