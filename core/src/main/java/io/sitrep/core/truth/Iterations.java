package io.sitrep.core.truth;

import java.util.Arrays;
import java.util.concurrent.CancellationException;

/**
 * The iteration bookkeeping every iterative algorithm shares: limits, cancellation, history.
 *
 * <p>Cancellation is polled before every iteration and, inside one, every {@link #POLL_STEP}
 * units of work (claims, claim pairs) through {@link #poll()}, so a run over ten million claims
 * stops within a few milliseconds of its deadline rather than at the end of an iteration.
 * Either way the run throws {@link CancellationException} and returns nothing: no partial state.
 */
final class Iterations {
  /** Units of work (claims, values, claim pairs) between two polls inside an iteration. */
  static final int POLL_STEP = 1 << 16;

  /** For loops indexed by an int: poll when {@code (index & POLL_MASK) == 0}. */
  static final int POLL_MASK = POLL_STEP - 1;

  private final TruthOptions options;
  private double[] changes = new double[8];
  private int count;
  private boolean converged;

  Iterations(TruthOptions options) {
    this.options = options;
  }

  /** Whether to run another iteration; polls cancellation. */
  boolean next() {
    if (converged || count >= options.maxIterations()) {
      return false;
    }
    poll();
    return true;
  }

  /** Throws {@link CancellationException} if the run is cancelled. */
  void poll() {
    if (options.cancellation().getAsBoolean()) {
      throw new CancellationException("truth discovery cancelled after " + count + " iterations");
    }
  }

  private long pendingWork;

  /** Counts {@code units} of work done, and polls once {@link #POLL_STEP} have accumulated. */
  void work(long units) {
    pendingWork += units;
    if (pendingWork >= POLL_STEP) {
      pendingWork = 0;
      poll();
    }
  }

  /** {@link #poll()} every {@link #POLL_STEP} values of a loop index. */
  void poll(int index) {
    if ((index & POLL_MASK) == 0) {
      poll();
    }
  }

  /** Records one finished iteration and its largest trust change. */
  void record(double change) {
    if (count == changes.length) {
      changes = Arrays.copyOf(changes, count * 2);
    }
    changes[count++] = change;
    options.listener().onIteration(count, change);
    if (change < options.epsilon()) {
      converged = true;
    }
  }

  /** For algorithms that finish in one pass. */
  void finishedInOnePass() {
    record(0);
  }

  int count() {
    return count;
  }

  boolean converged() {
    return converged;
  }

  double[] changes() {
    return Arrays.copyOf(changes, count);
  }

  /** Largest absolute difference, writing {@code next} into {@code current}. */
  static double replace(double[] current, double[] next) {
    double max = 0;
    for (int k = 0; k < current.length; k++) {
      double d = Math.abs(next[k] - current[k]);
      if (d > max) {
        max = d;
      }
      current[k] = next[k];
    }
    return max;
  }

  /** Divides by the largest entry (the normalisation of Sums, AverageLog, Investment). */
  static void scaleToMax(double[] x) {
    double max = 0;
    for (double d : x) {
      max = Math.max(max, d);
    }
    if (max > 0) {
      double inv = 1 / max;
      for (int k = 0; k < x.length; k++) {
        x[k] *= inv;
      }
    }
  }
}
