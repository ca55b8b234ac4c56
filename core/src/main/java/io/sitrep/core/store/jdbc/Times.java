package io.sitrep.core.store.jdbc;

import java.time.Instant;

/** Instants as BIGINT nanoseconds since the epoch: exact, ordered, the same in every engine. */
final class Times {
  private static final long NANOS = 1_000_000_000L;

  private Times() {}

  static long toNanos(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), NANOS), t.getNano());
  }

  static Instant fromNanos(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
  }
}
