package io.sitrep.core.tension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sitrep.core.model.EventType;
import org.junit.jupiter.api.Test;

class InteractionScoresTest {
  private final InteractionScores scores = InteractionScores.standard();

  @Test
  void everyEventTypeIsScoredFromTheOfficialTables() {
    for (EventType t : EventType.values()) {
      if (t != EventType.OTHER) {
        assertThat(scores.crosswalk(t)).as(t.name()).isNotEmpty();
      }
    }
    assertThat(scores.score(EventType.OTHER)).isZero();
    assertThat(scores.score(EventType.ASSAULT)).isLessThan(scores.score(EventType.THREATEN));
    assertThat(scores.score(EventType.THREATEN)).isLessThan(0);
    assertThat(scores.score(EventType.RETREAT)).isGreaterThan(scores.score(EventType.CONSULT));
  }

  @Test
  void theModePicksTheCameoCodes() {
    // COERCE in mode arrest is CAMEO 173 alone: Goldstein -5.0.
    assertThat(scores.score(EventType.COERCE, "arrest")).isCloseTo(-5.0, within(1e-9));
    assertThat(scores.cameo("173").orElseThrow().description()).containsIgnoringCase("arrest");
    // "release" is a PLOVER mode of RETREAT (0841).
    assertThat(scores.score(EventType.RETREAT, "release")).isCloseTo(scores.cameo("0841").orElseThrow().goldstein(),
        within(1e-9));
    // An unknown mode falls back to the category's mean.
    assertThat(scores.score(EventType.ASSAULT, "no-such-mode")).isEqualTo(scores.score(EventType.ASSAULT));
  }

  @Test
  void acledSubEventTypesAreMappedWithTheirReasons() {
    AcledMapping clash = scores.acled("Battles", "Armed clash").orElseThrow();
    assertThat(clash.type()).isEqualTo(EventType.ASSAULT);
    assertThat(clash.goldstein()).isEqualTo(-10.0);
    assertThat(scores.acled("Strategic developments", "Arrests").orElseThrow().cameoCode()).isEqualTo("173");
    assertThat(scores.acled("protests", "peaceful protest")).isPresent();
    assertThat(scores.acledMappings()).hasSizeGreaterThanOrEqualTo(24)
        .allSatisfy(m -> assertThat(m.reasoning()).isNotBlank());
  }
}
