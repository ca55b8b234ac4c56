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

  private static double trustAfterOneIteration(boolean leaveOneOut) {
    Accu accu =
        new Accu(
            new Accu.Config(
                "t", 100, 0.8, null, 0, false, 0.2, 0.8, 0, true, false, false, leaveOneOut));
    TruthResult r = accu.run(TWO_SOURCES, TruthOptions.defaults().withMaxIterations(1));
    return r.trust(TWO_SOURCES.sourceId("s1").getAsInt());
  }

  @Test
  void aSourceIsScoredByTheOtherSourcesVotesOnly() {
    // Without s1's vote, a on x has C = 0 against b's ln 400 and 99 unclaimed values: 1 / 500;
    // c on y keeps s2's ln 400 against 100 unclaimed: 400 / 500. A(s1) = (0.002 + 0.8) / 2.
    assertThat(trustAfterOneIteration(true)).isCloseTo((1.0 / 500 + 400.0 / 500) / 2, within(1e-9));
  }

  @Test
  void withoutLeaveOneOutTheOwnVoteCounts() {
    // P(a) = 400 / (2 * 400 + 99), P(c) = 400^2 / (400^2 + 100).
    double expected = (400.0 / 899 + 160000.0 / 160100) / 2;
    assertThat(trustAfterOneIteration(false)).isCloseTo(expected, within(1e-9));
  }
}
