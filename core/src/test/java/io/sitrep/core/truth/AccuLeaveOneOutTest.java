package io.sitrep.core.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Accu's leave-one-out accuracy against the numbers worked out by hand from the class comment. */
class AccuLeaveOneOutTest {
  /** s1 and s2 contest x (a vs b) and agree on y (c); n = 100, A0 = 0.8, so A' = ln 400. */
  private static final ClaimMatrix TWO_SOURCES = twoSources();

  private static ClaimMatrix twoSources() {
    ClaimMatrix.Builder b = ClaimMatrix.builder();
    b.addClaim("s1", "x", "a");
    b.addClaim("s2", "x", "b");
    b.addClaim("s1", "y", "c");
    b.addClaim("s2", "y", "c");
    return b.build();
  }

  /** s1's reported trust after two iterations: the mean P of its claims in the second. */
  private static double trustAfterTwoIterations(boolean leaveOneOut) {
    Accu accu =
        new Accu(
            Accu.Config.builder("t").onlyContested().leaveOneOut(leaveOneOut).build());
    TruthResult r = accu.run(TWO_SOURCES, TruthOptions.defaults().withMaxIterations(2));
    return r.trust(TWO_SOURCES.sourceId("s1").getAsInt());
  }

  /** The mean of P(a) and P(c) when both sources vote with accuracy {@code a}. */
  private static double meanBelief(double a) {
    double w = 100 * a / (1 - a); // exp(A')
    return (w / (2 * w + 99) + w * w / (w * w + 100)) / 2;
  }

  @Test
  void aSourceIsScoredByTheOtherSourcesVotesOnly() {
    // Iteration 1, without s1's vote: a on x has C = 0 against b's ln 400 and 99 unclaimed
    // values, 1 / 500; c on y keeps s2's ln 400 against 100 unclaimed, 400 / 500. Iteration 2
    // votes with A = (0.002 + 0.8) / 2 and reports the paper's A(S), the mean P.
    assertThat(trustAfterTwoIterations(true))
        .isCloseTo(meanBelief((1.0 / 500 + 400.0 / 500) / 2), within(1e-9));
  }

  @Test
  void withoutLeaveOneOutTheOwnVoteCounts() {
    // Iteration 1: P(a) = 400 / (2 * 400 + 99), P(c) = 400^2 / (400^2 + 100).
    double a1 = (400.0 / 899 + 160000.0 / 160100) / 2;
    assertThat(trustAfterTwoIterations(false)).isCloseTo(meanBelief(a1), within(1e-9));
  }
}
