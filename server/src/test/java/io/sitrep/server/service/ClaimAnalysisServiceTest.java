package io.sitrep.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.sitrep.api.v1.AssessClaimsRequest;
import io.sitrep.api.v1.Claim;
import io.sitrep.api.v1.ClaimAssessment;
import io.sitrep.api.v1.ConflictKind;
import io.sitrep.api.v1.CreateClaimRequest;
import io.sitrep.api.v1.DependenceEvidenceKind;
import io.sitrep.api.v1.Dispute;
import io.sitrep.api.v1.DisputePosition;
import io.sitrep.api.v1.DisputeStatus;
import io.sitrep.api.v1.GetDisputeRequest;
import io.sitrep.api.v1.GetSourceAssessmentRequest;
import io.sitrep.api.v1.ListDisputesRequest;
import io.sitrep.api.v1.ListDisputesResponse;
import io.sitrep.api.v1.ListSourceDependenciesRequest;
import io.sitrep.api.v1.ListSourceDependenciesResponse;
import io.sitrep.api.v1.Proposition;
import io.sitrep.api.v1.Reliability;
import io.sitrep.api.v1.SourceAssessment;
import io.sitrep.api.v1.SourceDependency;
import io.sitrep.api.v1.Stance;
import io.sitrep.server.demo.DemoDataset;
import io.sitrep.server.testing.InProcessSitrep;
import io.sitrep.server.testing.Refusal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The disputes of the Baghdad week, as the analyst of the seed found them, over gRPC. */
class ClaimAnalysisServiceTest {
  private static final String AZIRJAWI = "actors/hossam-al-azirjawi";
  private static final String AAH = "actors/asaib-ahl-al-haq";

  @RegisterExtension final InProcessSitrep sitrep = InProcessSitrep.overAnEmptyStore();

  @BeforeEach
  void givenTheDemoWeek() {
    sitrep.load(DemoDataset.load());
  }

  private List<Dispute> allDisputes(ListDisputesRequest request) {
    List<Dispute> out = new ArrayList<>();
    String token = "";
    do {
      ListDisputesResponse page = sitrep.analysis().listDisputes(request.toBuilder().setPageToken(token).build());
      out.addAll(page.getDisputesList());
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    return out;
  }

  private Dispute custody() {
    return allDisputes(ListDisputesRequest.newBuilder().setSubject(AZIRJAWI).build()).stream()
        .filter(d -> d.getAttribute().equals("custody")).findFirst().orElseThrow();
  }

  private static List<DisputePosition> asserted(Dispute d) {
    return d.getPositionsList().stream().filter(p -> p.getStance() == Stance.STANCE_ASSERTS).toList();
  }

  @Test
  void theDetaineesCustodyOnTheTwentySixthHasThreePositions() {
    Dispute custody = custody();

    assertThat(asserted(custody)).extracting(DisputePosition::getValue).containsExactlyInAnyOrder(
        "actors/hashd-commission", "actors/iraqi-security-forces", "released");
    DisputePosition hashd = asserted(custody).stream()
        .filter(p -> p.getValue().equals("actors/hashd-commission")).findFirst().orElseThrow();
    // The tweets say "the Hashd" and "the Hashd security directorate", the letter "the Hashd
    // Commission": one position in three wordings.
    assertThat(hashd.getValuesList()).contains("actors/popular-mobilization-forces",
        "actors/hashd-security-directorate", "actors/hashd-commission");
    assertThat(hashd.getSourcesList()).contains("sources/mustafa-habib", "sources/hamdi-malik");
    assertThat(custody.getConflictsList()).extracting(c -> c.getKind())
        .contains(ConflictKind.CONFLICT_KIND_DIFFERENT_VALUES, ConflictKind.CONFLICT_KIND_ASSERTION_AND_DENIAL);
    assertThat(custody.getConflictsList()).allMatch(c -> !c.getExplanation().isEmpty());
    assertThat(custody.getSummary()).contains("custody");
    assertThat(custody.getStatus()).isEqualTo(DisputeStatus.DISPUTE_STATUS_OPEN);
  }

  @Test
  void beingHeldByTheMinistryBeforeTheTwentySixthIsAChangeOfStateNotAContradiction() {
    for (Dispute d : allDisputes(ListDisputesRequest.getDefaultInstance())) {
      assertThat(d.getPositionsList()).flatExtracting(DisputePosition::getClaimsList)
          .doesNotContain("claims/musings-2020-12-27-azirjawi-held-by-interior-ministry");
    }
  }

  @Test
  void theSpokesmansDenialOfTheParadeContradictsTheVideos() {
    Dispute parade = allDisputes(ListDisputesRequest.getDefaultInstance()).stream()
        .filter(d -> d.getPositionsList().stream().anyMatch(
            p -> p.getClaimsList().contains("claims/badawi-2020-12-25-rabiee-denies-parade")))
        .findFirst().orElseThrow();
    assertThat(parade.getPositionsList()).flatExtracting(DisputePosition::getClaimsList)
        .contains("claims/habib-2020-12-25-aah-video-of-members-in-baghdad");
    assertThat(parade.getConflictsList()).extracting(c -> c.getKind())
        .contains(ConflictKind.CONFLICT_KIND_ASSERTION_AND_DENIAL);
  }

  @Test
  void whatAahThreatenedToStormIsDisputed() {
    Dispute threat = allDisputes(ListDisputesRequest.newBuilder().setSubject(AAH).build()).stream()
        .filter(d -> d.getAttribute().equals("threat_target")).findFirst().orElseThrow();
    assertThat(asserted(threat)).extracting(DisputePosition::getValue).contains(
        "intelligence-agency-hq-baghdad", "intelligence-branch-karrada", "detention-site-of-azirjawi");
  }

  @Test
  void pagingTwoAtATimeReturnsEveryDisputeOnce() {
    List<Dispute> all = allDisputes(ListDisputesRequest.getDefaultInstance());
    List<Dispute> paged = allDisputes(ListDisputesRequest.newBuilder().setPageSize(2).build());
    assertThat(paged).extracting(Dispute::getName).containsExactlyElementsOf(
        all.stream().map(Dispute::getName).toList());
    assertThat(new HashSet<>(paged.stream().map(Dispute::getName).toList())).hasSize(paged.size());
    assertThat(all.size()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void aDisputeCanBeReadByName() {
    Dispute custody = custody();
    assertThat(sitrep.analysis().getDispute(GetDisputeRequest.newBuilder().setName(custody.getName()).build()))
        .isEqualTo(custody);
    Refusal unknown = Refusal.of(() -> sitrep.analysis().getDispute(
        GetDisputeRequest.newBuilder().setName("disputes/0000000000000000").build()));
    assertThat(unknown.code()).isEqualTo(Status.Code.NOT_FOUND);
    Refusal bad = Refusal.of(() -> sitrep.analysis().getDispute(
        GetDisputeRequest.newBuilder().setName("claims/x").build()));
    assertThat(bad.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(bad.fields()).containsExactly("name");
  }

  @Test
  void aNewClaimJoinsTheCustodyDisputeAtOnce() {
    Dispute before = custody();
    Claim stillHeld = Claim.newBuilder()
        .setReport("reports/shafaaq-2020-12-26-authorities-deny-handover")
        .setStance(Stance.STANCE_ASSERTS)
        .setProposition(Proposition.newBuilder().setSubject(AZIRJAWI).setAttribute("custody")
            .setValue("released").setValidTime(before.getValidTime()))
        .build();
    sitrep.claims().createClaim(CreateClaimRequest.newBuilder().setClaim(stillHeld).setClaimId("late-release-rumour").build());

    Dispute after = custody();
    assertThat(after.getPositionsList()).flatExtracting(DisputePosition::getClaimsList)
        .contains("claims/late-release-rumour");
  }

  @Test
  void anAssessmentWeighsThePositionsAndAnnotatesTheDispute() {
    ClaimAssessment a = sitrep.analysis().assessClaims(AssessClaimsRequest.newBuilder()
        .setSubject(AZIRJAWI).setAttribute("custody").build());
    assertThat(a.getAlgorithm()).isEqualTo("default");
    assertThat(a.getPropositionsList()).isNotEmpty()
        .allMatch(p -> p.getSubject().equals(AZIRJAWI) && p.getAttribute().equals("custody"));
    assertThat(a.getSourcesList()).extracting(s -> s.getSource()).contains("sources/hamdi-malik");

    Dispute custody = custody();
    assertThat(custody.getPositionsList()).anyMatch(DisputePosition::hasBelief);
    for (DisputePosition p : custody.getPositionsList()) {
      if (p.hasBelief()) {
        assertThat(p.getBelief()).isBetween(0.0, 1.0);
      }
    }
  }

  @Test
  void anUnknownAlgorithmOrABadLimitIsRefusedByName() {
    Refusal algorithm = Refusal.of(() -> sitrep.analysis().assessClaims(
        AssessClaimsRequest.newBuilder().setAlgorithm("oracle").build()));
    assertThat(algorithm.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(algorithm.fields()).containsExactly("algorithm");
    Refusal iterations = Refusal.of(() -> sitrep.analysis().assessClaims(
        AssessClaimsRequest.newBuilder().setMaxIterations(-1).build()));
    assertThat(iterations.fields()).containsExactly("max_iterations");
  }

  @Test
  void maliksGradeSitsBesideWhatTheEvidenceShowsAndHisSharedLetter() {
    SourceAssessment malik = sitrep.analysis().getSourceAssessment(
        GetSourceAssessmentRequest.newBuilder().setSource("sources/hamdi-malik").build());
    assertThat(malik.getAnalystGrade()).isEqualTo(Reliability.RELIABILITY_B);
    assertThat(malik.getEvidenceGrade()).isNotEqualTo(Reliability.RELIABILITY_UNSPECIFIED);
    assertThat(malik.getClaimCount()).isPositive();
    // Habib and Malik both post the alleged handover letter of 26 December.
    assertThat(malik.getDependenciesList()).anySatisfy(d -> {
      assertThat(List.of(d.getSourceA(), d.getSourceB())).contains("sources/mustafa-habib");
      assertThat(d.getEvidenceList()).extracting(e -> e.getKind())
          .contains(DependenceEvidenceKind.DEPENDENCE_EVIDENCE_KIND_SAME_DOCUMENT);
    });
    Refusal unknown = Refusal.of(() -> sitrep.analysis().getSourceAssessment(
        GetSourceAssessmentRequest.newBuilder().setSource("sources/nobody").build()));
    assertThat(unknown.code()).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void dependenciesPageOnceEachMostDependentFirst() {
    List<SourceDependency> all = new ArrayList<>();
    String token = "";
    do {
      ListSourceDependenciesResponse page = sitrep.analysis().listSourceDependencies(
          ListSourceDependenciesRequest.newBuilder().setPageSize(2).setPageToken(token).build());
      all.addAll(page.getDependenciesList());
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    Set<String> pairs = new HashSet<>();
    all.forEach(d -> assertThat(pairs.add(d.getSourceA() + "|" + d.getSourceB())).isTrue());
    assertThat(all).isNotEmpty();
    assertThat(all).extracting(SourceDependency::getProbability).isSortedAccordingTo((x, y) -> Double.compare(y, x));
    Refusal bad = Refusal.of(() -> sitrep.analysis().listSourceDependencies(
        ListSourceDependenciesRequest.newBuilder().setMinProbability(2).build()));
    assertThat(bad.fields()).containsExactly("min_probability");
  }
}
