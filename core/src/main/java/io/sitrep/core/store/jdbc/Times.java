package io.sitrep.core.store.jdbc;

import java.time.Instant;

/** Instants as BIGINT nanoseconds since the epoch: exact, ordered, the same in every engine. */
final class Times {
  private static final long NANOS = 1_000_000_000L;

  private Times() {}

  /** {@code t} in nanoseconds; throws if it is outside 1677-09-21 .. 2262-04-11 (a write's clock instant). */
  static long toNanos(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), NANOS), t.getNano());
  }

  /**
   * {@code t} in nanoseconds, or the nearest end of the range for an instant outside it: a bound
   * for reads ("known at t"), where any instant is a fair question (read_time 0001-01-01, which
   * the API accepts) and every stored instant lies inside the range, so comparisons keep their
   * answer.
   */
  static long toNanosSaturated(Instant t) {
    try {
      return toNanos(t);
    } catch (ArithmeticException outOfRange) {
      return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  static Instant fromNanos(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
  }
}
