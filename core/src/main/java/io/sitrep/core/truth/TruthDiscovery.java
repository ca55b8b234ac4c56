package io.sitrep.core.truth;

/**
 * A truth-discovery algorithm: from conflicting claims, estimate how far to trust each source
 * and which candidate value of each item is true. Implementations are stateless and
 * thread-safe; a run is a pure function of the matrix and the options.
 */
public interface TruthDiscovery {

  /** A short stable name, as used on the command line ({@code accu-copy}, {@code sums}). */
  String name();

  /**
   * Runs the algorithm.
   *
   * @throws java.util.concurrent.CancellationException if {@link TruthOptions#cancellation()}
   *     reported true; it is polled once per iteration
   */
  TruthResult run(ClaimMatrix claims, TruthOptions options);

  /** Runs with {@link TruthOptions#defaults()}. */
  default TruthResult run(ClaimMatrix claims) {
    return run(claims, TruthOptions.defaults());
  }
}
