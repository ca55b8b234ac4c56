package io.sitrep.core.truth;

import java.util.Arrays;
import java.util.concurrent.CancellationException;

/** The iteration bookkeeping every iterative algorithm shares: limits, cancellation, history. */
final class Iterations {
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
    if (options.cancellation().getAsBoolean()) {
      throw new CancellationException("truth discovery cancelled after " + count + " iterations");
    }
    return true;
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
