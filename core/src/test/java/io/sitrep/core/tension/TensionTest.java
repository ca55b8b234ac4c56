package io.sitrep.core.tension;

import static io.sitrep.core.actors.Seed.AAH;
import static io.sitrep.core.actors.Seed.GOVERNMENT;
import static io.sitrep.core.actors.Seed.KH;
import static io.sitrep.core.actors.Seed.PM;
import static io.sitrep.core.actors.Seed.december;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sitrep.core.actors.ActorRelations;
import io.sitrep.core.actors.Seed;
import io.sitrep.core.model.Event;
import io.sitrep.core.model.EventType;
import io.sitrep.core.model.ParticipantRole;
import io.sitrep.core.model.TimeSpan;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TensionTest {
  private final TensionOptions options = TensionOptions.DEFAULTS.withZone(Seed.BAGHDAD);
  private final TensionIndex index = TensionIndex.of(Seed.allEvents(), options);
  private final ActorRelations relations = ActorRelations.of(Seed.actors(), Seed.claims(), Seed.allEvents(), Map.of());

  @Test
  void aahVersusTheGovernmentRisesOnChristmasDayAndFallsByThe26th() {
    TensionSeries s = index.seriesWithMembers(AAH, GOVERNMENT, relations, december(18), december(31));
    assertThat(s.tension(december(25))).isGreaterThan(s.tension(december(24)) + 10);
    assertThat(s.tension(december(26))).isLessThan(s.tension(december(25)));
    assertThat(s.turningPoints()).extracting(TurningPoint::date, TurningPoint::direction).contains(
        org.assertj.core.groups.Tuple.tuple(december(25), TurningPoint.Direction.ESCALATION),
        org.assertj.core.groups.Tuple.tuple(december(26), TurningPoint.Direction.DE_ESCALATION));
  }

  @Test
  void khsThreatsKeepItsLineWithThePmHigh() {
    TensionSeries kh = index.series(KH, PM, december(18), december(31));
    TensionSeries aah = index.seriesWithMembers(AAH, GOVERNMENT, relations, december(18), december(31));
    assertThat(kh.tension(december(26))).isGreaterThan(kh.tension(december(25)));
    assertThat(kh.tension(december(27))).isGreaterThan(aah.tension(december(27)));
    assertThat(kh.turningPoints()).extracting(TurningPoint::direction)
        .doesNotContain(TurningPoint.Direction.DE_ESCALATION);
  }

  @Test
  void tensionDecaysByHalfEveryHalfLife() {
    TensionIndex one = TensionIndex.builder(options).add("actors/a", "actors/b", day(2020, 12, 1), day(2020, 12, 2), 8)
        .build();
    TensionSeries s = one.series("actors/a", "actors/b", LocalDate.of(2020, 12, 1), LocalDate.of(2020, 12, 15));
    assertThat(s.tension(LocalDate.of(2020, 12, 1))).isEqualTo(8);
    assertThat(s.tension(LocalDate.of(2020, 12, 8))).isCloseTo(4, within(1e-9));
    assertThat(s.tension(LocalDate.of(2020, 12, 15))).isCloseTo(2, within(1e-9));
  }

  @Test
  void anEventKnownOnlyToTheMonthIsSpreadOverItsDays() {
    Event sometimeInJune = Event.builder("events/x", EventType.THREATEN, "a threat sometime in June",
        TimeSpan.month(YearMonth.of(2020, 6), Seed.BAGHDAD)).participant(KH, ParticipantRole.PERPETRATOR)
        .participant(PM, ParticipantRole.TARGET).build();
    TensionIndex idx = TensionIndex.of(List.of(sometimeInJune), options);
    TensionSeries s = idx.series(KH, PM, LocalDate.of(2020, 6, 1), LocalDate.of(2020, 6, 30));
    double threat = -InteractionScores.standard().score(EventType.THREATEN);
    assertThat(s.intensity(LocalDate.of(2020, 6, 10))).isCloseTo(threat / 30, within(1e-9));
    double total = 0;
    for (double x : s.intensities()) {
      total += x;
    }
    assertThat(total).isCloseTo(threat, within(1e-9));
  }

  @Test
  void aWeightFromTruthDiscoveryScalesAnEvent() {
    TensionIndex doubted = TensionIndex.of(Seed.december(), Map.of("events/kh-threatens-kadhimi-2020-12-26", 0.25),
        InteractionScores.standard(), options);
    double full = index.series(KH, PM, december(26), december(26)).intensity(december(26));
    double quarter = doubted.series(KH, PM, december(26), december(26)).intensity(december(26));
    assertThat(quarter).isCloseTo(full / 4, within(1e-9));
  }

  private static long day(int y, int m, int d) {
    return LocalDate.of(y, m, d).toEpochDay();
  }
}
