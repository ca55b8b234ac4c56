package io.sitrep.core.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A deadline must stop a run on millions of claims within milliseconds, so every algorithm
 * polls its cancellation inside an iteration, every {@link Iterations#POLL_STEP} units of work,
 * and a cancelled run returns nothing. Counted in polls, never timed.
 */
class CancellationWithinAnIterationTest {
  private static final int CLAIMS = 600_000;

  /** 3,000 sources on 60,000 items, ten claims an item over four candidate values. */
  private static ClaimMatrix manyClaims() {
    SplittableRandom rnd = new SplittableRandom(7);
    int items = CLAIMS / 10;
    int[] source = new int[CLAIMS];
    int[] item = new int[CLAIMS];
    int[] value = new int[CLAIMS];
    for (int k = 0; k < CLAIMS; k++) {
      item[k] = k / 10;
      // Ten distinct sources per item: a random offset and stride-free run.
      source[k] = (int) ((long) (k / 10) * 7919 + k % 10) % 3000;
      value[k] = rnd.nextDouble() < 0.7 ? 0 : 1 + rnd.nextInt(3);
    }
    return ClaimMatrix.ofIndexedClaims(3000, items, source, item, value);
  }

  @Test
  void everyAlgorithmStopsInsideItsFirstIterationAndReturnsNothing() {
    ClaimMatrix m = manyClaims();
    for (String name : TruthDiscoveries.names()) {
      AtomicInteger polls = new AtomicInteger();
      AtomicInteger iterations = new AtomicInteger();
      TruthOptions options =
          TruthOptions.defaults()
              .withCancellation(() -> polls.incrementAndGet() >= 3)
              .withListener((iteration, change) -> iterations.incrementAndGet());

      assertThatThrownBy(() -> TruthDiscoveries.byName(name).orElseThrow().run(m, options))
          .as(name + " after %s polls", polls)
          .isInstanceOf(CancellationException.class);
      // The first poll lets the first iteration start; the third stops it before it ends.
      assertThat(iterations.get()).as(name).isZero();
      assertThat(polls.get()).as(name).isEqualTo(3);
    }
  }

  @Test
  void everyAlgorithmPollsAtLeastOncePerPollStepOfValuesInAnIteration() {
    ClaimMatrix m = manyClaims();
    for (String name : TruthDiscoveries.names()) {
      AtomicInteger polls = new AtomicInteger();
      TruthOptions options =
          TruthOptions.defaults()
              .withMaxIterations(1)
              .withCancellation(
                  () -> {
                    polls.incrementAndGet();
                    return false;
                  });

      TruthDiscoveries.byName(name).orElseThrow().run(m, options);

      // Every algorithm visits every value at least once an iteration (most every claim).
      assertThat(polls.get()).as(name).isGreaterThanOrEqualTo(m.numValues() / Iterations.POLL_STEP);
    }
  }
}
