package io.sitrep.server.service;

import static io.sitrep.server.testing.SeedEpisode.AAH;
import static io.sitrep.server.testing.SeedEpisode.ARREST;
import static io.sitrep.server.testing.SeedEpisode.ROCKET_ATTACK;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.sitrep.api.v1.Event;
import io.sitrep.api.v1.EventType;
import io.sitrep.api.v1.GetTimelineRequest;
import io.sitrep.api.v1.Participant;
import io.sitrep.api.v1.ParticipantRole;
import io.sitrep.api.v1.TemporalOrder;
import io.sitrep.api.v1.Timeline;
import io.sitrep.api.v1.TimelineEntry;
import io.sitrep.server.testing.InProcessSitrep;
import io.sitrep.server.testing.Refusal;
import io.sitrep.server.testing.SeedEpisode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AnalysisServiceTest {
  private static final String STANDOFF = "events/aah-deploys-in-baghdad-2020-12-22";

  @RegisterExtension final InProcessSitrep sitrep = InProcessSitrep.overAnEmptyStore();

  @BeforeEach
  void givenTheEpisodeAndAnAahDeploymentOnTheTwentySecond() {
    sitrep.load(SeedEpisode.dataset().toBuilder()
        .addEvents(Event.newBuilder()
            .setName(STANDOFF)
            .setType(EventType.EVENT_TYPE_MOBILIZE)
            .setSummary("AAH units deploy in Baghdad")
            .setTime(SeedEpisode.day(22, "on the 22nd"))
            .addParticipants(Participant.newBuilder().setActor(AAH)
                .setRole(ParticipantRole.PARTICIPANT_ROLE_PERPETRATOR)))
        .build());
  }

  @Test
  void theWholeWeekRunsFromTheRocketAttackToTheStandoffWithTheArrestUncertainAgainstIt() {
    Timeline timeline = sitrep.analysis().getTimeline(GetTimelineRequest.getDefaultInstance());

    assertThat(timeline.getEntriesList()).extracting(TimelineEntry::getEvent)
        .containsExactly(ROCKET_ATTACK, ARREST, STANDOFF);
    assertThat(timeline.getEntriesList()).extracting(TimelineEntry::getOrderAfterPrevious).containsExactly(
        TemporalOrder.TEMPORAL_ORDER_UNSPECIFIED, TemporalOrder.TEMPORAL_ORDER_AFTER,
        TemporalOrder.TEMPORAL_ORDER_UNCERTAIN);
    assertThat(timeline.getEntries(2).getUncertainWithList()).containsExactly(ARREST);
    assertThat(timeline.getEntries(0).getSummary()).isEqualTo(SeedEpisode.rocketAttack().getSummary());
    assertThat(timeline.getEntries(0).getTime()).isEqualTo(SeedEpisode.rocketAttack().getTime());
    assertThat(timeline.hasComputeTime()).isTrue();
  }

  @Test
  void asaibAhlAlHaqWithItsMembersIncludesTheArrestOfItsCommander() {
    Timeline timeline = sitrep.analysis().getTimeline(GetTimelineRequest.newBuilder()
        .setActor(AAH).setIncludeMembers(true).build());

    assertThat(timeline.getEntriesList()).extracting(TimelineEntry::getEvent).containsExactly(ARREST, STANDOFF);
  }

  @Test
  void asaibAhlAlHaqAloneIsOnlyItsOwnDeployment() {
    Timeline timeline = sitrep.analysis().getTimeline(GetTimelineRequest.newBuilder().setActor(AAH).build());

    assertThat(timeline.getEntriesList()).extracting(TimelineEntry::getEvent).containsExactly(STANDOFF);
  }

  @Test
  void theActorMayBeNamedByAnAlias() {
    Timeline timeline = sitrep.analysis().getTimeline(GetTimelineRequest.newBuilder()
        .setActor("AAH").setIncludeMembers(true).build());

    assertThat(timeline.getEntriesCount()).isEqualTo(2);
  }

  @Test
  void onlyTheGreenZoneHappenedInTheGreenZone() {
    Timeline timeline = sitrep.analysis().getTimeline(GetTimelineRequest.newBuilder().setPlace("green zone").build());

    assertThat(timeline.getEntriesList()).extracting(TimelineEntry::getEvent).containsExactly(ROCKET_ATTACK);
  }

  @Test
  void aTimeWindowKeepsTheEventsThatMayFallInIt() {
    Timeline timeline = sitrep.analysis().getTimeline(GetTimelineRequest.newBuilder()
        .setStartTime(SeedEpisode.at("2020-12-22T12:00:00+03:00"))
        .setEndTime(SeedEpisode.at("2020-12-23T00:00:00+03:00")).build());

    assertThat(timeline.getEntriesList()).extracting(TimelineEntry::getEvent).containsExactly(ARREST, STANDOFF);
  }

  @Test
  void anActorNobodyKnowsIsNotFoundNamingActor() {
    Refusal refusal = Refusal.of(() -> sitrep.analysis().getTimeline(GetTimelineRequest.newBuilder()
        .setActor("actors/kataib-hezbollah").build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(refusal.fields()).containsExactly("actor");
  }

  @Test
  void aStartTimeOutOfRangeIsRefusedNamingStartTime() {
    Refusal refusal = Refusal.of(() -> sitrep.analysis().getTimeline(GetTimelineRequest.newBuilder()
        .setStartTime(Timestamp.newBuilder().setSeconds(0).setNanos(-1)).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("start_time");
  }
}
