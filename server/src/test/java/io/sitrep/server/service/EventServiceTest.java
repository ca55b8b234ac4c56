package io.sitrep.server.service;

import static io.sitrep.server.testing.SeedEpisode.ARREST;
import static io.sitrep.server.testing.SeedEpisode.AZIRJAWI;
import static io.sitrep.server.testing.SeedEpisode.ROCKET_ATTACK;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.sitrep.api.v1.CountRange;
import io.sitrep.api.v1.CreateEventRequest;
import io.sitrep.api.v1.DeleteEventRequest;
import io.sitrep.api.v1.Event;
import io.sitrep.api.v1.GetEventRequest;
import io.sitrep.api.v1.ListEventsRequest;
import io.sitrep.api.v1.Participant;
import io.sitrep.api.v1.UpdateEventRequest;
import io.sitrep.server.testing.InProcessSitrep;
import io.sitrep.server.testing.Refusal;
import io.sitrep.server.testing.SeedEpisode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EventServiceTest {
  @RegisterExtension final InProcessSitrep sitrep = InProcessSitrep.overAnEmptyStore();

  /** The episode without its events and the claims about them. */
  private void givenEverythingButTheEvents() {
    sitrep.load(SeedEpisode.dataset().toBuilder().clearEvents().clearClaims().build());
  }

  private Event createRocketAttack() {
    return sitrep.events().createEvent(CreateEventRequest.newBuilder()
        .setEvent(SeedEpisode.rocketAttack()).setEventId("green-zone-rocket-attack-2020-12-20").build());
  }

  @Test
  void theGreenZoneRocketAttackIsStoredWithItsHonestlyImpreciseTimeAndPlace() {
    givenEverythingButTheEvents();

    Event created = createRocketAttack();

    assertThat(created.toBuilder().clearEtag().clearCreateTime().clearUpdateTime().build())
        .isEqualTo(SeedEpisode.rocketAttack());
    assertThat(sitrep.events().getEvent(GetEventRequest.newBuilder().setName(ROCKET_ATTACK).build()))
        .isEqualTo(created);
  }

  @Test
  void anArrestWhoseTargetNobodyStoredIsRefusedNamingTheParticipant() {
    sitrep.load(SeedEpisode.dataset().toBuilder().clearEvents().clearClaims().removeActors(2).build());
    Map<String, String> before = sitrep.snapshot();

    Refusal refusal = Refusal.of(() -> sitrep.events().createEvent(CreateEventRequest.newBuilder()
        .setEvent(SeedEpisode.azirjawiArrest().toBuilder().clearLinks()).setEventId("azirjawi-arrest").build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(refusal.fields()).containsExactly("event.participants[1].actor");
    assertThat(refusal.resourceInfo().getResourceName()).isEqualTo(AZIRJAWI);
    assertThat(sitrep.snapshot()).isEqualTo(before);
  }

  @Test
  void anEventWithoutTypeSummaryOrTimeIsRefusedNamingAllThree() {
    Refusal refusal = Refusal.of(() -> sitrep.events().createEvent(CreateEventRequest.newBuilder()
        .setEvent(Event.newBuilder().setMode("arrest")).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactlyInAnyOrder("event.type", "event.summary", "event.time");
  }

  @Test
  void everyBadPartOfAnEventIsNamedAtOnce() {
    Event bad = SeedEpisode.rocketAttack().toBuilder()
        .setTime(SeedEpisode.rocketAttack().getTime().toBuilder().clearPrecision())
        .addParticipants(Participant.newBuilder().setActor("Asaib"))
        .setFatalities(CountRange.newBuilder().setLow(5).setBest(3))
        .build();

    Refusal refusal = Refusal.of(() -> sitrep.events().createEvent(CreateEventRequest.newBuilder()
        .setEvent(bad).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactlyInAnyOrder("event.time.precision",
        "event.participants[0].actor", "event.participants[0].role", "event.fatalities.best");
  }

  @Test
  void anEmptyCreateIsRefusedNamingEvent() {
    Refusal refusal = Refusal.of(() -> sitrep.events().createEvent(CreateEventRequest.getDefaultInstance()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("event");
  }

  @Test
  void gettingAnEventNobodyStoredIsNotFound() {
    Refusal refusal = Refusal.of(() -> sitrep.events().getEvent(GetEventRequest.newBuilder().setName(ARREST).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void listingTheEventsAzirjawiTookPartInFindsOnlyHisArrest() {
    sitrep.load(SeedEpisode.dataset());

    var page = sitrep.events().listEvents(ListEventsRequest.newBuilder()
        .setFilter("participant = \"" + AZIRJAWI + "\"").build());

    assertThat(page.getEventsList()).extracting(Event::getName).containsExactly(ARREST);
  }

  @Test
  void aFilterWithoutAValueIsRefusedNamingFilter() {
    Refusal refusal = Refusal.of(() -> sitrep.events().listEvents(ListEventsRequest.newBuilder()
        .setFilter("type =").build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("filter");
  }

  @Test
  void learningTheCasualtyCountUpdatesOnlyTheFatalities() {
    givenEverythingButTheEvents();
    Event created = createRocketAttack();

    Event updated = sitrep.events().updateEvent(UpdateEventRequest.newBuilder()
        .setEvent(Event.newBuilder().setName(ROCKET_ATTACK).setFatalities(CountRange.newBuilder().setBest(1)))
        .setUpdateMask(FieldMask.newBuilder().addPaths("fatalities")).build());

    assertThat(updated.getFatalities()).isEqualTo(CountRange.newBuilder().setBest(1).build());
    assertThat(updated.getInjuries()).isEqualTo(created.getInjuries());
    assertThat(updated.getPlace()).isEqualTo(created.getPlace());
  }

  @Test
  void clearingThePlaceThroughTheMaskLeavesItUnknown() {
    givenEverythingButTheEvents();
    createRocketAttack();

    Event updated = sitrep.events().updateEvent(UpdateEventRequest.newBuilder()
        .setEvent(Event.newBuilder().setName(ROCKET_ATTACK))
        .setUpdateMask(FieldMask.newBuilder().addPaths("place")).build());

    assertThat(updated.hasPlace()).isFalse();
  }

  @Test
  void aMaskPathThroughARepeatedFieldIsRefusedNamingUpdateMask() {
    givenEverythingButTheEvents();
    createRocketAttack();

    Refusal refusal = Refusal.of(() -> sitrep.events().updateEvent(UpdateEventRequest.newBuilder()
        .setEvent(Event.newBuilder().setName(ROCKET_ATTACK))
        .setUpdateMask(FieldMask.newBuilder().addPaths("participants.role")).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("update_mask");
  }

  @Test
  void anUpdateWithAStaleEtagIsAbortedAndChangesNothing() {
    givenEverythingButTheEvents();
    Event created = createRocketAttack();
    sitrep.events().updateEvent(UpdateEventRequest.newBuilder()
        .setEvent(Event.newBuilder().setName(ROCKET_ATTACK).setMode("Katyusha attack"))
        .setUpdateMask(FieldMask.newBuilder().addPaths("mode")).build());
    Map<String, String> before = sitrep.snapshot();

    Refusal refusal = Refusal.of(() -> sitrep.events().updateEvent(UpdateEventRequest.newBuilder()
        .setEvent(Event.newBuilder().setName(ROCKET_ATTACK).setMode("drone attack").setEtag(created.getEtag()))
        .setUpdateMask(FieldMask.newBuilder().addPaths("mode")).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.ABORTED);
    assertThat(sitrep.snapshot()).isEqualTo(before);
  }

  @Test
  void deletingTheRocketAttackThatTheArrestAnswersIsRefused() {
    sitrep.load(SeedEpisode.dataset());
    Map<String, String> before = sitrep.snapshot();

    Refusal refusal = Refusal.of(() -> sitrep.events().deleteEvent(DeleteEventRequest.newBuilder()
        .setName(ROCKET_ATTACK).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(sitrep.snapshot()).isEqualTo(before);
  }

  @Test
  void deletingAnEventNothingRefersToRemovesIt() {
    givenEverythingButTheEvents();
    createRocketAttack();

    sitrep.events().deleteEvent(DeleteEventRequest.newBuilder().setName(ROCKET_ATTACK).build());

    assertThat(sitrep.snapshot()).doesNotContainKey(ROCKET_ATTACK);
  }
}
