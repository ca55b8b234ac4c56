package io.sitrep.core.truth;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.function.BooleanSupplier;

/**
 * How to run a {@link TruthDiscovery}: iteration limits, whether to use the matrix's priors and
 * gold seeds, and hooks for cancellation and progress.
 *
 * @param maxIterations upper bound on iterations (default 20, Pasternack and Roth's setting)
 * @param epsilon converged when the largest change of any source's trust in one iteration is
 *     below this (default 1e-4)
 * @param usePriors start (and, for the Bayesian algorithms, smooth) source trust from the
 *     matrix's reliability priors when it has them (default true)
 * @param useGold clamp seeded items to their known value so they train source trust (default
 *     true)
 * @param cancellation polled before every iteration and, inside one, every 2^16 claims, values
 *     or claim pairs of work (a few milliseconds on ten million claims); when it returns true
 *     the run throws {@link java.util.concurrent.CancellationException} and returns nothing. A
 *     server passes a deadline check here, so it must be cheap.
 * @param listener told after every iteration
 */
public record TruthOptions(
    int maxIterations,
    double epsilon,
    boolean usePriors,
    boolean useGold,
    BooleanSupplier cancellation,
    IterationListener listener) {

  private static final TruthOptions DEFAULTS =
      new TruthOptions(20, 1e-4, true, true, () -> false, (iteration, change) -> {});

  public TruthOptions {
    checkArgument(maxIterations >= 1, "maxIterations %s < 1", maxIterations);
    checkArgument(epsilon >= 0, "epsilon %s < 0", epsilon);
    checkNotNull(cancellation, "cancellation");
    checkNotNull(listener, "listener");
  }

  public static TruthOptions defaults() {
    return DEFAULTS;
  }

  public TruthOptions withMaxIterations(int maxIterations) {
    return new TruthOptions(maxIterations, epsilon, usePriors, useGold, cancellation, listener);
  }

  public TruthOptions withEpsilon(double epsilon) {
    return new TruthOptions(maxIterations, epsilon, usePriors, useGold, cancellation, listener);
  }

  public TruthOptions withPriors(boolean usePriors) {
    return new TruthOptions(maxIterations, epsilon, usePriors, useGold, cancellation, listener);
  }

  public TruthOptions withGold(boolean useGold) {
    return new TruthOptions(maxIterations, epsilon, usePriors, useGold, cancellation, listener);
  }

  public TruthOptions withCancellation(BooleanSupplier cancellation) {
    return new TruthOptions(maxIterations, epsilon, usePriors, useGold, cancellation, listener);
  }

  public TruthOptions withListener(IterationListener listener) {
    return new TruthOptions(maxIterations, epsilon, usePriors, useGold, cancellation, listener);
  }

  /** Progress of an iterative run. */
  @FunctionalInterface
  public interface IterationListener {
    /**
     * Called after iteration {@code iteration} (1-based) with the largest change of any
     * source's trust.
     */
    void onIteration(int iteration, double change);
  }
}
