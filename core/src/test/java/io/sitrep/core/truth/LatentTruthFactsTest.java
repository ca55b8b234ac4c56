package io.sitrep.core.truth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatentTruthFactsTest {
  @Test
  void aListThatNamesAnAuthorTwiceAssertsOneFactMore() {
    assertThat(LatentTruth.facts("paul shaw")).containsExactly("paul", "shaw");
    assertThat(LatentTruth.facts("d paul paul shaw shaw"))
        .containsExactly("d", "paul", "paul#2", "shaw", "shaw#2");
    assertThat(LatentTruth.facts("  ")).isEmpty();
  }
}
