package io.sitrep.server.service;

import static io.sitrep.server.testing.SeedEpisode.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.type.Date;
import io.grpc.Status;
import io.sitrep.api.v1.Actor;
import io.sitrep.api.v1.ActorAnalysisServiceGrpc;
import io.sitrep.api.v1.ActorCandidate;
import io.sitrep.api.v1.ActorKind;
import io.sitrep.api.v1.ActorNetwork;
import io.sitrep.api.v1.ActorNode;
import io.sitrep.api.v1.ActorResolution;
import io.sitrep.api.v1.ActorTie;
import io.sitrep.api.v1.AlignedEvents;
import io.sitrep.api.v1.Broker;
import io.sitrep.api.v1.CreateActorRequest;
import io.sitrep.api.v1.Dataset;
import io.sitrep.api.v1.EpisodeMatch;
import io.sitrep.api.v1.Event;
import io.sitrep.api.v1.EventLink;
import io.sitrep.api.v1.EventLinkKind;
import io.sitrep.api.v1.EventType;
import io.sitrep.api.v1.FindSimilarEpisodesRequest;
import io.sitrep.api.v1.FindSimilarEpisodesResponse;
import io.sitrep.api.v1.GetNetworkRequest;
import io.sitrep.api.v1.GetTensionRequest;
import io.sitrep.api.v1.ListRelationsRequest;
import io.sitrep.api.v1.ListRelationsResponse;
import io.sitrep.api.v1.Participant;
import io.sitrep.api.v1.ParticipantRole;
import io.sitrep.api.v1.Relation;
import io.sitrep.api.v1.RelationKind;
import io.sitrep.api.v1.RelationOrigin;
import io.sitrep.api.v1.ResolutionDecision;
import io.sitrep.api.v1.ResolveActorRequest;
import io.sitrep.api.v1.TensionPoint;
import io.sitrep.api.v1.TensionSeries;
import io.sitrep.api.v1.TimePrecision;
import io.sitrep.api.v1.TimeSpan;
import io.sitrep.api.v1.TurningPoint;
import io.sitrep.api.v1.TurningPointKind;
import io.sitrep.api.v1.UpdateActorRequest;
import io.sitrep.server.demo.DemoDataset;
import io.sitrep.server.testing.InProcessSitrep;
import io.sitrep.server.testing.Refusal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ActorAnalysisService over the demo week (Baghdad, 20–27 December 2020). */
class ActorAnalysisServiceTest {
  static final String PM = "actors/mustafa-al-kadhimi";
  static final String AAH = "actors/asaib-ahl-al-haq";
  static final String KH = "actors/kataib-hezbollah";
  static final String GOVERNMENT = "actors/iraqi-government";
  static final String IRAN = "actors/iran";
  static final String UNITED_STATES = "actors/united-states";
  static final String ARAJI = "actors/qasim-al-araji";
  static final String CTS = "actors/counter-terrorism-service";
  static final String HASHD_SECURITY = "actors/hashd-security-directorate";
  static final String CHRISTMAS_STANDOFF = "events/2020-12-christmas-aah-government-standoff";
  static final String JUNE_KH_STANDOFF = "events/2020-06-kh-cts-standoff";
  static final String ROCKET_CAMPAIGN = "events/2020-pro-iran-factions-attacks-on-us-targets";
  static final String COUNTER_MOBILISATION = "events/2020-12-25-government-counter-mobilisation";

  @RegisterExtension final InProcessSitrep sitrep = InProcessSitrep.overAnEmptyStore();

  private ActorAnalysisServiceGrpc.ActorAnalysisServiceBlockingStub analyses;

  @BeforeEach
  void givenTheDemoWeek() {
    sitrep.load(DemoDataset.load());
    analyses = ActorAnalysisServiceGrpc.newBlockingStub(sitrep.channel());
  }

  private ActorResolution resolve(String written) {
    return analyses.resolveActor(ResolveActorRequest.newBuilder().setName(written).build());
  }

  private static Date december(int day) {
    return Date.newBuilder().setYear(2020).setMonth(12).setDay(day).build();
  }

  // --- ResolveActor ---

  @Test
  void kadhimiResolvesToThePrimeMinisterBySurname() {
    ActorResolution r = resolve("Kadhimi");

    assertThat(r.getDecision()).isEqualTo(ResolutionDecision.RESOLUTION_DECISION_RESOLVED);
    assertThat(r.getCandidates(0).getActor()).isEqualTo(PM);
    assertThat(r.getCandidates(0).getDisplayName()).isEqualTo("Mustafa al-Kadhimi");
    assertThat(r.getCandidates(0).getExplanation()).contains("surname");
  }

  @Test
  void theKazemiSpellingFindsThePrimeMinisterToo() {
    assertThat(resolve("al-Kazemi").getCandidates(0).getActor()).isEqualTo(PM);
  }

  @Test
  void kataibAloneIsOnlyProposedNeverGuessed() {
    ActorResolution r = resolve("Kataib");

    assertThat(r.getDecision()).isEqualTo(ResolutionDecision.RESOLUTION_DECISION_PROPOSED);
    assertThat(r.getCandidates(0).getActor()).isEqualTo(KH);
  }

  @Test
  void qasimFitsAarajiAndSoleimaniEquallySoNothingIsResolved() {
    ActorResolution r = resolve("Qasim");

    assertThat(r.getDecision()).isNotEqualTo(ResolutionDecision.RESOLUTION_DECISION_RESOLVED);
    assertThat(r.getCandidatesList()).extracting(ActorCandidate::getActor)
        .contains(ARAJI, "actors/qasim-soleimani");
  }

  @Test
  void aLowerThresholdResolvesWhatTheDefaultOnlyProposes() {
    ActorResolution r = analyses.resolveActor(ResolveActorRequest.newBuilder().setName("Kataib").setThreshold(0.6)
        .build());

    assertThat(r.getDecision()).isEqualTo(ResolutionDecision.RESOLUTION_DECISION_RESOLVED);
  }

  @Test
  void maxCandidatesCutsTheList() {
    ActorResolution r = analyses.resolveActor(ResolveActorRequest.newBuilder().setName("Hezbollah")
        .setMaxCandidates(1).build());

    assertThat(r.getCandidatesList()).extracting(ActorCandidate::getActor).containsExactly(KH);
  }

  @Test
  void anAliasAddedThroughTheApiIsResolvedAtOnce() {
    assertThat(resolve("Abu Fadak").getDecision()).isEqualTo(ResolutionDecision.RESOLUTION_DECISION_NONE);
    Actor kh = sitrep.actors().getActor(io.sitrep.api.v1.GetActorRequest.newBuilder().setName(KH).build());

    sitrep.actors().updateActor(UpdateActorRequest.newBuilder()
        .setActor(kh.toBuilder().addAliases("Abu Fadak"))
        .setUpdateMask(com.google.protobuf.FieldMask.newBuilder().addPaths("aliases")).build());

    assertThat(resolve("Abu Fadak").getCandidates(0).getActor()).isEqualTo(KH);
  }

  @Test
  void anActorCreatedAfterTheIndexWasBuiltIsResolved() {
    resolve("Kadhimi");

    sitrep.actors().createActor(CreateActorRequest.newBuilder().setActorId("saraya-awliya-al-dam")
        .setActor(Actor.newBuilder().setDisplayName("Saraya Awliya al-Dam").setKind(ActorKind.ACTOR_KIND_ARMED_GROUP))
        .build());

    assertThat(resolve("Awliya al-Dam").getCandidates(0).getActor()).isEqualTo("actors/saraya-awliya-al-dam");
  }

  @Test
  void anActorWrittenStraightToTheStoreIsResolvedOnceTheCountChanges() {
    resolve("Kadhimi");

    sitrep.load(Dataset.newBuilder().addActors(Actor.newBuilder().setName("actors/rabaallah")
        .setDisplayName("Rab'Allah").setKind(ActorKind.ACTOR_KIND_ARMED_GROUP)).build());

    assertThat(resolve("Rab'Allah").getCandidates(0).getActor()).isEqualTo("actors/rabaallah");
  }

  @Test
  void anEmptyNameIsRefusedNamingName() {
    Refusal refusal = Refusal.of(() -> analyses.resolveActor(ResolveActorRequest.getDefaultInstance()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("name");
  }

  /** Found by the long fuzz run: scoring a 4 MiB name against every alias took over a minute. */
  @Test
  void aNameLongerThanAnyActorsIsRefusedNamingName() {
    Refusal refusal = Refusal.of(() -> analyses.resolveActor(ResolveActorRequest.newBuilder()
        .setName("é".repeat(ActorAnalysisServiceImpl.MAX_NAME_CHARS + 1)).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("name");
    assertThat(resolve("é".repeat(ActorAnalysisServiceImpl.MAX_NAME_CHARS)).getCandidatesList())
        .hasSizeLessThanOrEqualTo(ActorAnalysisServiceImpl.DEFAULT_CANDIDATES);
  }

  @Test
  void aNegativeMaxCandidatesOrAThresholdAboveOneIsRefusedNamingTheField() {
    Refusal negative = Refusal.of(() -> analyses.resolveActor(ResolveActorRequest.newBuilder().setName("AAH")
        .setMaxCandidates(-1).build()));
    Refusal above = Refusal.of(() -> analyses.resolveActor(ResolveActorRequest.newBuilder().setName("AAH")
        .setThreshold(1.5).build()));

    assertThat(negative.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(negative.fields()).containsExactly("max_candidates");
    assertThat(above.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(above.fields()).containsExactly("threshold");
  }

  // --- ListRelations ---

  private static ListRelationsRequest.Builder inDecember2020() {
    return ListRelationsRequest.newBuilder()
        .setStartTime(at("2020-12-01T00:00:00+03:00"))
        .setEndTime(at("2021-01-01T00:00:00+03:00"));
  }

  @Test
  void iranAndTheUnitedStatesBackedThePmInDecember2020AndHisForcesBackedHimOnTheStreets() {
    ListRelationsResponse backers = analyses.listRelations(inDecember2020()
        .setKind(RelationKind.RELATION_KIND_BACKS).setObject(PM).build());

    assertThat(backers.getRelationsList()).filteredOn(r -> r.getOrigin() == RelationOrigin.RELATION_ORIGIN_ACTOR_RECORD)
        .extracting(Relation::getSubject).containsExactlyInAnyOrder(IRAN, UNITED_STATES);
    assertThat(backers.getRelationsList()).filteredOn(r -> r.getOrigin() == RelationOrigin.RELATION_ORIGIN_EVENT)
        .extracting(Relation::getSubject).contains(CTS);
    assertThat(backers.getRelationsList()).allSatisfy(r -> {
      assertThat(r.getKind()).isEqualTo(RelationKind.RELATION_KIND_BACKS);
      assertThat(r.getObject()).isEqualTo(PM);
      assertThat(r.getBelief()).isEqualTo(1.0);
    });
    assertThat(backers.getRelationsList()).filteredOn(r -> r.getSubject().equals(CTS)).allSatisfy(r ->
        assertThat(r.getEvidenceList()).allMatch(e -> e.startsWith("events/2020-12-25-")));
    assertThat(backers.getNextPageToken()).isEmpty();
  }

  @Test
  void nobodyBackedThePmInJuneExceptWhoBacksHimAtAllTimes() {
    ListRelationsResponse backers = analyses.listRelations(ListRelationsRequest.newBuilder()
        .setKind(RelationKind.RELATION_KIND_BACKS).setObject(PM)
        .setStartTime(at("2020-06-01T00:00:00+03:00")).setEndTime(at("2020-07-01T00:00:00+03:00")).build());

    assertThat(backers.getRelationsList()).extracting(Relation::getSubject).doesNotContain(IRAN, UNITED_STATES);
  }

  @Test
  void kataibHezbollahControlsTheHashdSecurityDirectorate() {
    ListRelationsResponse controllers = analyses.listRelations(ListRelationsRequest.newBuilder()
        .setKind(RelationKind.RELATION_KIND_CONTROLS).setObject(HASHD_SECURITY).build());

    assertThat(controllers.getRelationsList()).extracting(Relation::getSubject).containsExactly(KH);
    Relation control = controllers.getRelations(0);
    assertThat(control.getValidTime().getStartTime()).isEqualTo(at("2020-12-26T00:00:00+03:00"));
    assertThat(control.getOrigin()).isEqualTo(RelationOrigin.RELATION_ORIGIN_ACTOR_RECORD);
  }

  @Test
  void everyRelationOfAahIsReadTwoAtATimeWithoutRepeatsOrGaps() {
    ListRelationsResponse whole = analyses.listRelations(ListRelationsRequest.newBuilder().setSubject(AAH).build());
    List<Relation> paged = new ArrayList<>();
    String token = "";
    do {
      ListRelationsResponse page = analyses.listRelations(ListRelationsRequest.newBuilder().setSubject(AAH)
          .setPageSize(2).setPageToken(token).build());
      assertThat(page.getRelationsCount()).isLessThanOrEqualTo(2);
      paged.addAll(page.getRelationsList());
      token = page.getNextPageToken();
    } while (!token.isEmpty());

    assertThat(whole.getRelationsCount()).isGreaterThan(2);
    assertThat(paged).containsExactlyElementsOf(whole.getRelationsList());
  }

  @Test
  void aPageTokenIsRefusedForAnotherQuery() {
    String token = analyses.listRelations(ListRelationsRequest.newBuilder().setSubject(AAH).setPageSize(1).build())
        .getNextPageToken();

    Refusal refusal = Refusal.of(() -> analyses.listRelations(ListRelationsRequest.newBuilder().setSubject(KH)
        .setPageSize(1).setPageToken(token).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("page_token");
  }

  @Test
  void relationsOfAnActorNobodyStoredAreNotFoundNamingSubject() {
    Refusal refusal = Refusal.of(() -> analyses.listRelations(ListRelationsRequest.newBuilder()
        .setSubject("actors/saraya-awliya-al-dam").build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(refusal.fields()).containsExactly("subject");
  }

  @Test
  void aMalformedObjectAWindowEndingBeforeItStartsAndANegativePageSizeAreRefusedNamingTheField() {
    Refusal object = Refusal.of(() -> analyses.listRelations(ListRelationsRequest.newBuilder()
        .setObject("Kadhimi").build()));
    Refusal window = Refusal.of(() -> analyses.listRelations(ListRelationsRequest.newBuilder()
        .setStartTime(at("2021-01-01T00:00:00Z")).setEndTime(at("2020-12-01T00:00:00Z")).build()));
    Refusal pageSize = Refusal.of(() -> analyses.listRelations(ListRelationsRequest.newBuilder()
        .setPageSize(-1).build()));

    assertThat(List.of(object, window, pageSize)).extracting(Refusal::code).containsOnly(Status.Code.INVALID_ARGUMENT);
    assertThat(object.fields()).containsExactly("object");
    assertThat(window.fields()).containsExactly("end_time");
    assertThat(pageSize.fields()).containsExactly("page_size");
  }

  // --- GetTension ---

  private static GetTensionRequest.Builder aahAndTheGovernmentInLateDecember() {
    return GetTensionRequest.newBuilder().setActorA(AAH).setActorB(GOVERNMENT).setIncludeMembers(true)
        .setStartTime(at("2020-12-18T00:00:00+03:00")).setEndTime(at("2021-01-01T00:00:00+03:00"))
        .setTimeZone("Asia/Baghdad");
  }

  private static TensionPoint on(TensionSeries s, int day) {
    return s.getPointsList().stream().filter(p -> p.getDay().equals(december(day))).findFirst().orElseThrow();
  }

  @Test
  void aahVersusTheGovernmentRisesOnChristmasDayAndFallsByThe26th() {
    TensionSeries s = analyses.getTension(aahAndTheGovernmentInLateDecember().build());

    assertThat(s.getPointsList()).hasSize(14);
    assertThat(s.getPoints(0).getDay()).isEqualTo(december(18));
    assertThat(on(s, 25).getTension()).isGreaterThan(on(s, 24).getTension() + 10);
    assertThat(on(s, 26).getTension()).isLessThan(on(s, 25).getTension());
    assertThat(s.getTurningPointsList()).extracting(TurningPoint::getDay, TurningPoint::getKind).contains(
        org.assertj.core.groups.Tuple.tuple(december(25), TurningPointKind.TURNING_POINT_KIND_ESCALATION),
        org.assertj.core.groups.Tuple.tuple(december(26), TurningPointKind.TURNING_POINT_KIND_DE_ESCALATION));
  }

  @Test
  void kataibHezbollahsThreatsRaiseItsLineWithThePmAsAahCalmsDownAndKeepItRaised() {
    TensionSeries kh = analyses.getTension(GetTensionRequest.newBuilder().setActorA(KH).setActorB(PM)
        .setIncludeMembers(true).setStartTime(at("2020-12-18T00:00:00+03:00"))
        .setEndTime(at("2021-01-01T00:00:00+03:00")).setTimeZone("Asia/Baghdad").build());
    TensionSeries aah = analyses.getTension(aahAndTheGovernmentInLateDecember().build());

    // "Cut off his ears like goats" on the 26th: KH's line rises as AAH's falls, and it stays
    // above its pre-threat level to the end of the month.
    assertThat(on(kh, 26).getTension()).isGreaterThan(on(kh, 25).getTension());
    assertThat(on(aah, 26).getTension()).isLessThan(on(aah, 25).getTension());
    assertThat(on(kh, 31).getTension()).isGreaterThan(on(kh, 25).getTension());
  }

  @Test
  void christmasDayListsTheParadeTheThreatsAndTheMediationAndThe26thTheHandover() {
    TensionSeries s = analyses.getTension(aahAndTheGovernmentInLateDecember().build());

    assertThat(on(s, 25).getEventsList()).contains("events/2020-12-25-aah-mobilisation-in-baghdad",
        "events/2020-12-25-aah-threat-to-storm-intelligence-site", "events/2020-12-25-araji-mediation",
        "events/2020-12-25-pm-tweet-against-outlaws");
    assertThat(on(s, 26).getEventsList()).containsExactly("events/2020-12-26-alleged-handover-of-azirjawi-to-hashd");
    assertThat(on(s, 24).getEventsList()).isEmpty();
  }

  @Test
  void withTheirMembersTheSidesTakeInKhazaliAndThePrimeMinister() {
    TensionSeries s = analyses.getTension(aahAndTheGovernmentInLateDecember().build());

    assertThat(s.getSideAList()).contains(AAH, "actors/qais-al-khazali", "actors/hossam-al-azirjawi");
    assertThat(s.getSideBList()).contains(GOVERNMENT, PM, CTS);
    assertThat(s.getTimeZone()).isEqualTo("Asia/Baghdad");
  }

  @Test
  void withoutMembersOnlyAahsOwnDealingsWithTheGovernmentCount() {
    TensionSeries alone = analyses.getTension(aahAndTheGovernmentInLateDecember().setIncludeMembers(false).build());
    TensionSeries withMembers = analyses.getTension(aahAndTheGovernmentInLateDecember().build());

    assertThat(alone.getSideAList()).containsExactly(AAH);
    assertThat(on(alone, 25).getTension()).isPositive().isLessThan(on(withMembers, 25).getTension());
    assertThat(on(alone, 25).getEventsList()).doesNotContain("events/2020-12-25-pm-tweet-against-outlaws");
  }

  @Test
  void inUtcTheBaghdadDayOfChristmasSpillsIntoChristmasEve() {
    TensionSeries utc = analyses.getTension(aahAndTheGovernmentInLateDecember().setTimeZone("").build());

    assertThat(utc.getTimeZone()).isEqualTo("Z");
    assertThat(on(utc, 24).getEventsList()).contains("events/2020-12-25-aah-mobilisation-in-baghdad");
  }

  @Test
  void tensionWithAnActorNobodyStoredIsNotFoundNamingTheSide() {
    Refusal refusal = Refusal.of(() -> analyses.getTension(aahAndTheGovernmentInLateDecember()
        .setActorB("actors/saraya-awliya-al-dam").build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(refusal.fields()).containsExactly("actor_b");
  }

  @Test
  void aTensionRequestWithoutItsWindowOrWithAnUnknownZoneIsRefusedNamingTheField() {
    Refusal noStart = Refusal.of(() -> analyses.getTension(aahAndTheGovernmentInLateDecember().clearStartTime()
        .build()));
    Refusal badZone = Refusal.of(() -> analyses.getTension(aahAndTheGovernmentInLateDecember()
        .setTimeZone("Baghdad/Karrada").build()));
    Refusal sameSide = Refusal.of(() -> analyses.getTension(aahAndTheGovernmentInLateDecember().setActorB(AAH)
        .build()));
    Refusal empty = Refusal.of(() -> analyses.getTension(GetTensionRequest.getDefaultInstance()));

    assertThat(noStart.fields()).containsExactly("start_time");
    assertThat(badZone.fields()).containsExactly("time_zone");
    assertThat(sameSide.fields()).containsExactly("actor_b");
    assertThat(empty.fields()).containsExactly("actor_a");
    assertThat(List.of(noStart, badZone, sameSide, empty)).extracting(Refusal::code)
        .containsOnly(Status.Code.INVALID_ARGUMENT);
  }

  // --- GetNetwork ---

  @Test
  void onChristmasEveningArajisMediationTiesHimToBothSidesAndMakesHimABroker() {
    ActorNetwork n = analyses.getNetwork(GetNetworkRequest.newBuilder()
        .setTime(at("2020-12-25T18:00:00+03:00")).build());

    assertThat(n.getTime()).isEqualTo(at("2020-12-25T18:00:00+03:00"));
    assertThat(n.getNodesList()).extracting(ActorNode::getActor).contains(PM, AAH, ARAJI);
    assertThat(n.getTiesList()).anySatisfy(t -> {
      assertThat(List.of(t.getActorA(), t.getActorB())).containsExactlyInAnyOrder(AAH, ARAJI);
      assertThat(t.getBasisList()).contains("MEDIATES");
    });
    assertThat(n.getBrokersList()).extracting(Broker::getActor).contains(ARAJI);
    assertThat(n.getOppositionsList()).extracting(ActorTie::getBasisList).anySatisfy(b -> assertThat(b)
        .contains("OPPOSES"));
    assertThat(n.getNodesList()).allSatisfy(node ->
        assertThat(node.getFaction()).isBetween(0, n.getFactionsCount() - 1));
  }

  @Test
  void aNetworkTimeOutOfRangeIsRefusedNamingTime() {
    Refusal refusal = Refusal.of(() -> analyses.getNetwork(GetNetworkRequest.newBuilder()
        .setTime(com.google.protobuf.Timestamp.newBuilder().setSeconds(Long.MAX_VALUE)).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("time");
  }

  // --- FindSimilarEpisodes ---

  /**
   * A cooperative episode added to the demo week, so that the June standoff has a rival: talks
   * and an agreement between the government and the Hashd in October 2020.
   */
  private static Dataset octoberTalks() {
    TimeSpan october = TimeSpan.newBuilder().setStartTime(at("2020-10-01T00:00:00+03:00"))
        .setEndTime(at("2020-11-01T00:00:00+03:00")).setPrecision(TimePrecision.TIME_PRECISION_MONTH).build();
    Event.Builder head = Event.newBuilder().setName("events/2020-10-hashd-budget-talks")
        .setType(EventType.EVENT_TYPE_OTHER).setSummary("episode: budget talks").setTime(october);
    EventLink partOf = EventLink.newBuilder().setKind(EventLinkKind.EVENT_LINK_KIND_PART_OF)
        .setEvent("events/2020-10-hashd-budget-talks").build();
    return Dataset.newBuilder()
        .addEvents(head)
        .addEvents(Event.newBuilder().setName("events/2020-10-hashd-budget-meeting").setType(EventType.EVENT_TYPE_CONSULT)
            .setSummary("the PM meets the Hashd Commission on its budget").setTime(october).addLinks(partOf)
            .addParticipants(participant(PM, ParticipantRole.PARTICIPANT_ROLE_PERPETRATOR))
            .addParticipants(participant("actors/hashd-commission", ParticipantRole.PARTICIPANT_ROLE_TARGET)))
        .addEvents(Event.newBuilder().setName("events/2020-10-hashd-budget-agreed").setType(EventType.EVENT_TYPE_AGREE)
            .setSummary("the budget is agreed").setTime(october).addLinks(partOf)
            .addParticipants(participant(GOVERNMENT, ParticipantRole.PARTICIPANT_ROLE_PERPETRATOR))
            .addParticipants(participant("actors/hashd-commission", ParticipantRole.PARTICIPANT_ROLE_TARGET)))
        .build();
  }

  private static Participant participant(String actor, ParticipantRole role) {
    return Participant.newBuilder().setActor(actor).setRole(role).build();
  }

  @Test
  void theJuneKhStandoffIsTheClosestPrecedentOfTheChristmasStandoff() {
    sitrep.load(octoberTalks());

    FindSimilarEpisodesResponse r = analyses.findSimilarEpisodes(FindSimilarEpisodesRequest.newBuilder()
        .setEpisode(CHRISTMAS_STANDOFF).build());

    assertThat(r.getMatchesList()).extracting(EpisodeMatch::getEpisode).startsWith(JUNE_KH_STANDOFF);
    EpisodeMatch june = r.getMatches(0);
    assertThat(june.getSimilarity()).isPositive();
    assertThat(june.getAlignmentList()).anySatisfy(s -> {
      assertThat(s.getQueryEvent()).isEqualTo("events/2020-12-26-alleged-handover-of-azirjawi-to-hashd");
      assertThat(s.getMatchEvent()).isEqualTo("events/2020-06-kh-members-handed-to-hashd-commission");
      assertThat(s.getExplanation()).contains("CONCEDE");
    });
    r.getMatchesList().stream().skip(1).forEach(m -> assertThat(m.getSimilarity()).isLessThan(june.getSimilarity()));
  }

  @Test
  void episodesNestedInTheStandoffOrSharingItsEventsAreNotPrecedents() {
    FindSimilarEpisodesResponse r = analyses.findSimilarEpisodes(FindSimilarEpisodesRequest.newBuilder()
        .setEpisode(CHRISTMAS_STANDOFF).build());

    assertThat(r.getMatchesList()).extracting(EpisodeMatch::getEpisode)
        .doesNotContain(CHRISTMAS_STANDOFF, COUNTER_MOBILISATION, ROCKET_CAMPAIGN);
  }

  @Test
  void maxResultsCutsTheMatches() {
    sitrep.load(octoberTalks());

    FindSimilarEpisodesResponse r = analyses.findSimilarEpisodes(FindSimilarEpisodesRequest.newBuilder()
        .setEpisode(CHRISTMAS_STANDOFF).setMaxResults(1).build());

    assertThat(r.getMatchesList()).extracting(EpisodeMatch::getEpisode).containsExactly(JUNE_KH_STANDOFF);
    assertThat(r.getMatches(0).getAlignmentList()).extracting(AlignedEvents::getScore).isNotEmpty();
  }

  @Test
  void anEpisodeNobodyStoredIsNotFoundNamingEpisode() {
    Refusal refusal = Refusal.of(() -> analyses.findSimilarEpisodes(FindSimilarEpisodesRequest.newBuilder()
        .setEpisode("events/2021-03-papal-visit").build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(refusal.fields()).containsExactly("episode");
  }

  @Test
  void anEventThatNothingIsPartOfIsNotAnEpisode() {
    Refusal refusal = Refusal.of(() -> analyses.findSimilarEpisodes(FindSimilarEpisodesRequest.newBuilder()
        .setEpisode("events/2020-12-25-araji-mediation").build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("episode");
  }

  @Test
  void anEmptyEpisodeOrANegativeMaxResultsIsRefusedNamingTheField() {
    Refusal empty = Refusal.of(() -> analyses.findSimilarEpisodes(FindSimilarEpisodesRequest.getDefaultInstance()));
    Refusal negative = Refusal.of(() -> analyses.findSimilarEpisodes(FindSimilarEpisodesRequest.newBuilder()
        .setEpisode(CHRISTMAS_STANDOFF).setMaxResults(-3).build()));

    assertThat(empty.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(empty.fields()).containsExactly("episode");
    assertThat(negative.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(negative.fields()).containsExactly("max_results");
  }
}
