package io.sitrep.core.timeline;

import static io.sitrep.core.model.ParticipantRole.PERPETRATOR;
import static io.sitrep.core.model.ParticipantRole.TARGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import io.sitrep.core.model.Actor;
import io.sitrep.core.model.ActorKind;
import io.sitrep.core.model.ActorRelation;
import io.sitrep.core.model.Event;
import io.sitrep.core.model.EventType;
import io.sitrep.core.model.GeoPrecision;
import io.sitrep.core.model.Place;
import io.sitrep.core.model.RelationKind;
import io.sitrep.core.model.TimePrecision;
import io.sitrep.core.model.TimeSpan;
import io.sitrep.core.store.InMemoryStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Timelines of the Baghdad week of December 2020, with its honestly imprecise times. */
class TimelinesTest {
  private static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");

  private static final Actor AAH = Actor.of("actors/asaib-ahl-al-haq", "Asa'ib Ahl al-Haq",
      ActorKind.ARMED_GROUP, List.of("AAH", "Asaib Ahl al-Haq", "Asaib"), List.of());
  private static final Actor MISSILE_UNIT = Actor.of("actors/aah-missile-unit", "AAH missile unit",
      ActorKind.ARMED_GROUP, List.of(), List.of(ActorRelation.of(RelationKind.PART_OF, AAH.name())));
  private static final Actor AZIRJAWI = Actor.of("actors/hissam-al-azirjawi", "Hissam al-Azirjawi",
      ActorKind.PERSON, List.of("Azirjawi", "Hossam Al-Azirjawi"),
      List.of(ActorRelation.of(RelationKind.COMMANDS, MISSILE_UNIT.name())));
  private static final Actor KAZEMI = Actor.of("actors/mustafa-al-kadhimi", "Mustafa al-Kadhimi",
      ActorKind.PERSON, List.of("Kazemi", "Kadhimi", "MK", "@MAKadhimi"), List.of());
  private static final Actor INTERIOR = Actor.of("actors/interior-ministry", "Interior Ministry",
      ActorKind.GOVERNMENT_BODY, List.of(), List.of());
  private static final Actor KH = Actor.of("actors/kataib-hezbollah", "Kata'ib Hezbollah",
      ActorKind.ARMED_GROUP, List.of("KH"), List.of());
  private static final List<Actor> ACTORS = List.of(AAH, MISSILE_UNIT, AZIRJAWI, KAZEMI, INTERIOR, KH);

  private static final Place GREEN_ZONE = Place.named("Green Zone", "Baghdad", "IQ", GeoPrecision.NEAR);

  private static TimeSpan day(int month, int day) {
    return TimeSpan.day(LocalDate.of(2020, month, day), BAGHDAD);
  }

  private static TimeSpan at(String isoInstant) {
    return TimeSpan.instant(Instant.parse(isoInstant));
  }

  /** The 20 Dec rocket attack, known to the evening. */
  private static final Event ROCKETS = Event.builder("events/2020-12-20-green-zone-rocket-attack",
          EventType.ASSAULT, "Katyusha rockets hit the Green Zone", at("2020-12-20T17:30:00Z"))
      .participant(AZIRJAWI.name(), PERPETRATOR).place(GREEN_ZONE).build();
  /** The arrest "Sunday night", known to the day. */
  private static final Event ARREST = Event.builder("events/2020-12-20-azirjawi-arrest",
          EventType.COERCE, "Interior Ministry arrests Azirjawi and three others", day(12, 20))
      .participant(INTERIOR.name(), PERPETRATOR).participant(AZIRJAWI.name(), TARGET).build();
  /** The September strike that fell short, known only to the month. */
  private static final Event SEPTEMBER = Event.builder("events/2020-09-green-zone-strike-fell-short",
          EventType.ASSAULT, "Rockets aimed at the Green Zone fall short, killing and wounding 7",
          TimeSpan.month(YearMonth.of(2020, 9), BAGHDAD))
      .participant(MISSILE_UNIT.name(), PERPETRATOR).build();
  private static final Event MOBILISATION = Event.builder("events/2020-12-25-aah-mobilisation",
          EventType.MOBILIZE, "AAH units take to the streets of Baghdad", day(12, 25))
      .participant(AAH.name(), PERPETRATOR).participant(KAZEMI.name(), TARGET)
      .place(Place.named("Baghdad", "Baghdad", "IQ", GeoPrecision.PROVINCE)).build();
  private static final Event DEPLOYMENT = Event.builder("events/2020-12-25-cts-deployment",
          EventType.MOBILIZE, "Kazemi deploys the Counter Terrorism Service", day(12, 25))
      .participant(KAZEMI.name(), PERPETRATOR).participant(AAH.name(), TARGET).build();
  private static final Event KH_THREAT = Event.builder("events/2020-12-26-kh-ears-threat",
          EventType.THREATEN, "KH threatens to cut off Kazemi's ears", day(12, 26))
      .participant(KH.name(), PERPETRATOR).participant(KAZEMI.name(), TARGET).build();
  /** "Late December", a range that overlaps the 25th and 26th. */
  private static final Event LATE_DECEMBER = Event.builder("events/2020-12-late-aah-statement",
          EventType.STATEMENT, "AAH says tensions are resolved",
          TimeSpan.days(LocalDate.of(2020, 12, 24), LocalDate.of(2020, 12, 31), BAGHDAD))
      .participant(AAH.name(), PERPETRATOR).build();

  private static final List<Event> EVENTS =
      List.of(KH_THREAT, DEPLOYMENT, LATE_DECEMBER, SEPTEMBER, MOBILISATION, ARREST, ROCKETS);

  @Test
  void aahsTimelineWithItsMembersRunsFromTheSeptemberStrikeToTheStatement() {
    Timeline t = Timelines.of(EVENTS, ACTORS, TimelineQuery.ofActor(AAH.name(), true));
    assertThat(t.eventNames()).containsExactly(SEPTEMBER.name(), ARREST.name(), ROCKETS.name(),
        LATE_DECEMBER.name(), MOBILISATION.name(), DEPLOYMENT.name());
  }

  @Test
  void withoutMembersOnlyAahsOwnEventsAreShown() {
    Timeline t = Timelines.of(EVENTS, ACTORS, TimelineQuery.ofActor(AAH.name(), false));
    assertThat(t.eventNames()).containsExactly(LATE_DECEMBER.name(), MOBILISATION.name(), DEPLOYMENT.name());
  }

  @Test
  void anAliasFindsTheActor() {
    Timeline byAlias = Timelines.of(EVENTS, ACTORS, TimelineQuery.ofActor("kadhimi", false));
    assertThat(byAlias.eventNames()).containsExactly(MOBILISATION.name(), DEPLOYMENT.name(), KH_THREAT.name());
  }

  @Test
  void anUnknownActorIsAnError() {
    assertThatThrownBy(() -> Timelines.of(EVENTS, ACTORS, TimelineQuery.ofActor("Muqtada al-Sadr", false)))
        .isInstanceOf(Timelines.UnknownActorException.class)
        .hasMessageContaining("Muqtada al-Sadr");
  }

  @Test
  void theArrestAndTheRocketsOnTheSameDayHaveNoCertainOrder() {
    Timeline t = Timelines.of(EVENTS, ACTORS, TimelineQuery.ofActor(AAH.name(), true));
    TimelineEntry rockets = entry(t, ROCKETS);
    // The arrest is known only to the day; the rockets fell that evening. Sources say the
    // arrest came after, but the times alone cannot order them.
    assertThat(rockets.orderAfterPrevious()).isEqualTo(TemporalOrder.UNCERTAIN);
    assertThat(rockets.uncertainWith()).containsExactly(ARREST.name());
  }

  @Test
  void theSeptemberStrikeIsCertainlyBeforeDecember() {
    Timeline t = Timelines.of(EVENTS, ACTORS, TimelineQuery.ofActor(AAH.name(), true));
    assertThat(entry(t, SEPTEMBER).orderAfterPrevious()).isEqualTo(TemporalOrder.FIRST);
    assertThat(entry(t, ARREST).orderAfterPrevious()).isEqualTo(TemporalOrder.AFTER);
    assertThat(entry(t, SEPTEMBER).uncertainWith()).isEmpty();
  }

  @Test
  void lateDecemberOverlapsTheTwentyFifthButNotTheArrest() {
    Timeline t = Timelines.of(EVENTS, ACTORS, TimelineQuery.ALL);
    assertThat(entry(t, LATE_DECEMBER).uncertainWith())
        .containsExactlyInAnyOrder(MOBILISATION.name(), DEPLOYMENT.name(), KH_THREAT.name());
    assertThat(entry(t, LATE_DECEMBER).orderAfterPrevious()).isEqualTo(TemporalOrder.AFTER);
    assertThat(entry(t, MOBILISATION).orderAfterPrevious()).isEqualTo(TemporalOrder.UNCERTAIN);
    assertThat(entry(t, KH_THREAT).orderAfterPrevious()).isEqualTo(TemporalOrder.AFTER);
  }

  @Test
  void twoInstantsAtTheSameMomentAreUncertainButConsecutiveDaysAreOrdered() {
    assertThat(day(12, 25).surelyBefore(day(12, 26))).isTrue();
    assertThat(day(12, 25).overlaps(day(12, 26))).isFalse();
    TimeSpan a = at("2020-12-25T20:00:00Z");
    assertThat(a.surelyBefore(a)).isFalse();
    assertThat(a.overlaps(a)).isTrue();
    assertThat(a.surelyBefore(at("2020-12-25T20:00:01Z"))).isTrue();
  }

  @Test
  void aTimeWindowKeepsEventsThatMayFallWithinIt() {
    Instant from = day(12, 25).start();
    Instant to = day(12, 26).start();
    Timeline t = Timelines.of(EVENTS, ACTORS, new TimelineQuery(null, false, null, from, to));
    // The late-December range may fall on the 25th, so it stays.
    assertThat(t.eventNames()).containsExactly(LATE_DECEMBER.name(), MOBILISATION.name(), DEPLOYMENT.name());
  }

  @Test
  void aPlaceFilterMatchesAnyLevelOfThePlaceIgnoringCase() {
    Timeline t = Timelines.of(EVENTS, ACTORS, new TimelineQuery(null, false, "green zone", null, null));
    assertThat(t.eventNames()).containsExactly(ROCKETS.name());
  }

  @Test
  void aMembershipThatEndedBeforeAnEventDoesNotBringItIn() {
    TimeSpan untilAugust = new TimeSpan(Instant.parse("2019-01-01T00:00:00Z"),
        Instant.parse("2020-08-01T00:00:00Z"), TimePrecision.MONTH, "");
    Actor formerUnit = Actor.of("actors/aah-missile-unit", "AAH missile unit", ActorKind.ARMED_GROUP,
        List.of(), List.of(new ActorRelation(RelationKind.PART_OF, AAH.name(), untilAugust,
            ImmutableList.of(), "")));
    List<Actor> actors = List.of(AAH, formerUnit, KAZEMI, INTERIOR, KH);
    Timeline t = Timelines.of(List.of(SEPTEMBER), actors, TimelineQuery.ofActor(AAH.name(), true));
    assertThat(t.entries()).isEmpty();
  }

  @Test
  void buildingFromAStoreGivesTheSameTimeline() {
    try (InMemoryStore store = new InMemoryStore()) {
      store.createAll(ImmutableList.<io.sitrep.core.model.Resource>builder().addAll(ACTORS).addAll(EVENTS).build(), null);
      assertThat(Timelines.build(store, TimelineQuery.ofActor("AAH", true)).eventNames())
          .isEqualTo(Timelines.of(EVENTS, ACTORS, TimelineQuery.ofActor(AAH.name(), true)).eventNames());
    }
  }

  private static TimelineEntry entry(Timeline t, Event e) {
    return t.entries().stream().filter(x -> x.event().name().equals(e.name())).findFirst().orElseThrow();
  }
}
