package io.sitrep.core.ach;

import static io.sitrep.core.ach.Consistency.CONSISTENT;
import static io.sitrep.core.ach.Consistency.INCONSISTENT;
import static io.sitrep.core.ach.Consistency.NEUTRAL;
import static io.sitrep.core.ach.Consistency.STRONGLY_INCONSISTENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.sitrep.core.model.ValidationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where was Azirjawi on 26 December 2020? The seed's custody question as an ACH matrix. */
class AchTest {
  static final String LEAKED_LETTER = "claims/habib-letter-handed-to-hashd";
  static final String MALIK_GENUINE = "claims/malik-letter-genuine";
  static final String MOI_DENIAL = "claims/moi-denies-handover";
  static final String SPOKESMAN = "claims/cinc-spokesman-still-in-custody";
  static final String RELEASE_48H = "claims/release-within-48-hours";
  static final String AAH_MOBILISED = "claims/aah-units-in-baghdad";

  static AchMatrix custody() {
    return AchMatrix.builder("Who held Hissam al-Azirjawi on 26 December 2020?")
        .hypothesis("handed-to-hashd", "He was handed to the Hashd security directorate")
        .hypothesis("still-in-custody", "He was still held by the government")
        .hypothesis("released", "He had been set free")
        .evidence(LEAKED_LETTER, "Leaked government letter: handed over to the Hashd", Evidence.MEDIUM, Evidence.HIGH)
        .evidence(MALIK_GENUINE, "Government sources confirm the letter is genuine (Malik)", Evidence.MEDIUM,
            Evidence.HIGH)
        .evidence(MOI_DENIAL, "Interior Ministry denies the handover", Evidence.MEDIUM, Evidence.HIGH)
        .evidence(SPOKESMAN, "Commander-in-chief's spokesman: still with the security forces", Evidence.MEDIUM,
            Evidence.HIGH)
        .evidence(RELEASE_48H, "Report that he would be released within 48 hours", Evidence.LOW, Evidence.MEDIUM)
        .evidence(AAH_MOBILISED, "AAH units deployed in Baghdad to free him", Evidence.HIGH, Evidence.LOW)
        .row(LEAKED_LETTER, CONSISTENT, STRONGLY_INCONSISTENT, INCONSISTENT)
        .row(MALIK_GENUINE, CONSISTENT, INCONSISTENT, INCONSISTENT)
        .row(MOI_DENIAL, STRONGLY_INCONSISTENT, CONSISTENT, INCONSISTENT)
        .row(SPOKESMAN, INCONSISTENT, CONSISTENT, STRONGLY_INCONSISTENT)
        .row(RELEASE_48H, NEUTRAL, CONSISTENT, INCONSISTENT)
        .row(AAH_MOBILISED, CONSISTENT, CONSISTENT, CONSISTENT)
        .build();
  }

  @Test
  void takenAtTheirWordTheLetterAndTheDenialsBalanceAndReleaseIsLeastLikely() {
    AchResult r = Ach.score(custody());
    assertThat(r.ranking().get(2).hypothesis()).isEqualTo("released");
    assertThat(r.ranking().get(0).inconsistency()).isCloseTo(r.ranking().get(1).inconsistency(), within(1e-9))
        .isCloseTo(0.7 * 1 * 2 + 0.7 * 1 * 1, within(1e-9));
    assertThat(r.ranking().get(2).inconsistentCount()).isEqualTo(5);
  }

  @Test
  void theMobilisationFitsEveryHypothesisSoItIsNotDiagnostic() {
    AchResult r = Ach.score(custody());
    assertThat(r.nonDiagnostic()).containsExactly(AAH_MOBILISED);
    assertThat(r.diagnosticity().get(AAH_MOBILISED)).isZero();
    assertThat(r.diagnosticity().get(LEAKED_LETTER)).isGreaterThan(0);
  }

  @Test
  void ifTruthDiscoveryDoubtsTheDenialsTheHandoverComesFirst() {
    AchResult r = Ach.score(custody(), Map.of(MOI_DENIAL, 0.1, SPOKESMAN, 0.1, LEAKED_LETTER, 0.9));
    assertThat(r.best().hypothesis()).isEqualTo("handed-to-hashd");
    assertThat(r.weights().get(MOI_DENIAL)).isCloseTo(0.07, within(1e-9));
  }

  @Test
  void aBadMatrixIsRefusedWithEveryReason() {
    assertThatThrownBy(() -> AchMatrix.builder("q").hypothesis("h1", "only one")
        .evidence("not-a-claim", "", 0, 1).rate("claims/unknown", "h1", INCONSISTENT).build())
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).violations()).extracting(v -> v.field())
            .contains("hypotheses", "evidence[0].claim", "evidence[0].credibility", "cells"));
  }

  @Test
  void aMatrixRoundTripsThroughItsBuilder() {
    AchMatrix m = custody();
    assertThat(m.toBuilder().build()).isEqualTo(m);
    assertThat(m.rating(RELEASE_48H, "handed-to-hashd")).isEqualTo(NEUTRAL);
  }
}
