package io.sitrep.server.service;

import static io.sitrep.api.v1.Consistency.CONSISTENCY_CONSISTENT;
import static io.sitrep.api.v1.Consistency.CONSISTENCY_INCONSISTENT;
import static io.sitrep.api.v1.Consistency.CONSISTENCY_NEUTRAL;
import static io.sitrep.api.v1.Consistency.CONSISTENCY_STRONGLY_INCONSISTENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.FieldMask;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.sitrep.api.v1.Consistency;
import io.sitrep.api.v1.CreateHypothesisMatrixRequest;
import io.sitrep.api.v1.DeleteHypothesisMatrixRequest;
import io.sitrep.api.v1.EvidenceScore;
import io.sitrep.api.v1.GetHypothesisMatrixRequest;
import io.sitrep.api.v1.HypothesisMatrix;
import io.sitrep.api.v1.HypothesisScore;
import io.sitrep.api.v1.HypothesisScores;
import io.sitrep.api.v1.HypothesisServiceGrpc;
import io.sitrep.api.v1.ListHypothesisMatricesRequest;
import io.sitrep.api.v1.ListHypothesisMatricesResponse;
import io.sitrep.api.v1.ScoreHypothesesRequest;
import io.sitrep.api.v1.UpdateHypothesisMatrixRequest;
import io.sitrep.core.ach.InMemoryAchStore;
import io.sitrep.core.store.InMemoryStore;
import io.sitrep.server.SitrepServer;
import io.sitrep.server.demo.DemoDataset;
import io.sitrep.server.testing.InProcessSitrep;
import io.sitrep.server.testing.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HypothesisService: "who held Azirjawi on 26 December 2020?" as an ACH matrix over the demo's claims. */
class HypothesisServiceTest {
  static final String CUSTODY = "hypothesisMatrices/azirjawi-custody";
  static final String HABIB_HANDED_TO_HASHD = "claims/habib-2020-12-26-handed-to-hashd";
  static final String MALIK_HANDED_TO_DIRECTORATE = "claims/malik-2020-12-26-handed-to-hashd-security-directorate";
  static final String AUTHORITIES_DENY = "claims/shafaaq-2020-12-26-authorities-deny-handover";
  static final String STILL_WITH_SECURITY_FORCES = "claims/al-masalah-2020-12-26-still-with-security-forces";
  static final String NO_RELEASE = "claims/malik-2020-12-25-no-release-within-48-hours";
  static final String AAH_IN_THE_STREETS = "claims/musings-2020-12-27-aah-units-hit-the-streets";

  @RegisterExtension final InProcessSitrep sitrep = InProcessSitrep.overAnEmptyStore();

  private HypothesisServiceGrpc.HypothesisServiceBlockingStub hypotheses;

  @BeforeEach
  void givenTheDemoWeek() {
    sitrep.load(DemoDataset.load());
    hypotheses = HypothesisServiceGrpc.newBlockingStub(sitrep.channel());
  }

  static HypothesisMatrix custody() {
    HypothesisMatrix.Builder m = HypothesisMatrix.newBuilder()
        .setQuestion("Who held Hossam al-Azirjawi on 26 December 2020?")
        .addHypotheses(hypothesis("handed-to-hashd", "He was handed to the Hashd security directorate"))
        .addHypotheses(hypothesis("still-in-custody", "He was still held by the government's forces"))
        .addHypotheses(hypothesis("released", "He had been set free"));
    row(m, HABIB_HANDED_TO_HASHD, 0.7, 1.0, CONSISTENCY_CONSISTENT, CONSISTENCY_STRONGLY_INCONSISTENT,
        CONSISTENCY_INCONSISTENT);
    row(m, MALIK_HANDED_TO_DIRECTORATE, 0.7, 1.0, CONSISTENCY_CONSISTENT, CONSISTENCY_INCONSISTENT,
        CONSISTENCY_INCONSISTENT);
    row(m, AUTHORITIES_DENY, 0.7, 1.0, CONSISTENCY_STRONGLY_INCONSISTENT, CONSISTENCY_CONSISTENT,
        CONSISTENCY_NEUTRAL);
    row(m, STILL_WITH_SECURITY_FORCES, 0.7, 1.0, CONSISTENCY_INCONSISTENT, CONSISTENCY_CONSISTENT,
        CONSISTENCY_STRONGLY_INCONSISTENT);
    row(m, NO_RELEASE, 0.4, 0.7, CONSISTENCY_NEUTRAL, CONSISTENCY_CONSISTENT, CONSISTENCY_INCONSISTENT);
    row(m, AAH_IN_THE_STREETS, 1.0, 0.4, CONSISTENCY_CONSISTENT, CONSISTENCY_CONSISTENT, CONSISTENCY_CONSISTENT);
    return m.build();
  }

  private static HypothesisMatrix.Hypothesis hypothesis(String id, String statement) {
    return HypothesisMatrix.Hypothesis.newBuilder().setId(id).setStatement(statement).build();
  }

  private static void row(HypothesisMatrix.Builder m, String claim, double credibility, double relevance,
      Consistency... ratings) {
    m.addEvidence(HypothesisMatrix.Evidence.newBuilder().setClaim(claim).setCredibility(credibility)
        .setRelevance(relevance));
    for (int i = 0; i < ratings.length; i++) {
      m.addCells(HypothesisMatrix.Cell.newBuilder().setClaim(claim).setHypothesis(m.getHypotheses(i).getId())
          .setConsistency(ratings[i]));
    }
  }

  private HypothesisMatrix create(HypothesisMatrix matrix, String id) {
    return hypotheses.createHypothesisMatrix(CreateHypothesisMatrixRequest.newBuilder().setHypothesisMatrix(matrix)
        .setHypothesisMatrixId(id).build());
  }

  private HypothesisMatrix get(String name) {
    return hypotheses.getHypothesisMatrix(GetHypothesisMatrixRequest.newBuilder().setName(name).build());
  }

  private HypothesisMatrix retitle(HypothesisMatrix current, String question, String etag) {
    return hypotheses.updateHypothesisMatrix(UpdateHypothesisMatrixRequest.newBuilder()
        .setHypothesisMatrix(HypothesisMatrix.newBuilder().setName(current.getName()).setQuestion(question)
            .setEtag(etag))
        .setUpdateMask(FieldMask.newBuilder().addPaths("question")).build());
  }

  // --- Create, get, list ---

  @Test
  void theCustodyMatrixIsStoredAndReadBackAsWritten() {
    HypothesisMatrix created = create(custody(), "azirjawi-custody");

    assertThat(created.getName()).isEqualTo(CUSTODY);
    assertThat(created.getEtag()).isNotEmpty();
    assertThat(created.hasCreateTime()).isTrue();
    assertThat(created.toBuilder().clearName().clearEtag().clearCreateTime().clearUpdateTime().build())
        .isEqualTo(custody());
    assertThat(get(CUSTODY)).isEqualTo(created);
  }

  @Test
  void aMatrixCreatedWithoutAnIdGetsOne() {
    HypothesisMatrix created = create(custody(), "");

    assertThat(created.getName()).matches("hypothesisMatrices/[a-z2-7]{12}");
  }

  @Test
  void aRetriedCreateWithTheSameRequestIdStoresOneMatrix() {
    CreateHypothesisMatrixRequest request = CreateHypothesisMatrixRequest.newBuilder().setHypothesisMatrix(custody())
        .setRequestId("analyst-7-custody").build();

    HypothesisMatrix first = hypotheses.createHypothesisMatrix(request);
    HypothesisMatrix retried = hypotheses.createHypothesisMatrix(request);

    assertThat(retried).isEqualTo(first);
    assertThat(hypotheses.listHypothesisMatrices(ListHypothesisMatricesRequest.getDefaultInstance())
        .getHypothesisMatricesList()).containsExactly(first);
  }

  @Test
  void threeMatricesAreListedTwoAtATimeInNameOrder() {
    create(custody(), "question-c");
    create(custody(), "question-a");
    create(custody(), "question-b");

    List<String> names = new ArrayList<>();
    String token = "";
    do {
      ListHypothesisMatricesResponse page = hypotheses.listHypothesisMatrices(ListHypothesisMatricesRequest
          .newBuilder().setPageSize(2).setPageToken(token).build());
      page.getHypothesisMatricesList().forEach(m -> names.add(m.getName()));
      token = page.getNextPageToken();
    } while (!token.isEmpty());

    assertThat(names).containsExactly("hypothesisMatrices/question-a", "hypothesisMatrices/question-b",
        "hypothesisMatrices/question-c");
  }

  // --- Update and delete ---

  @Test
  void retitlingWithTheCurrentEtagKeepsTheRestAndAStaleEtagIsAbortedAndChangesNothing() {
    HypothesisMatrix created = create(custody(), "azirjawi-custody");

    HypothesisMatrix retitled = retitle(created, "Where was Azirjawi held on Boxing Day?", created.getEtag());
    assertThat(retitled.getQuestion()).isEqualTo("Where was Azirjawi held on Boxing Day?");
    assertThat(retitled.getCellsList()).isEqualTo(created.getCellsList());
    assertThat(retitled.getEtag()).isNotEqualTo(created.getEtag());

    Refusal stale = Refusal.of(() -> retitle(created, "Was he ever arrested?", created.getEtag()));

    assertThat(stale.code()).isEqualTo(Status.Code.ABORTED);
    assertThat(stale.reason()).isEqualTo(Errors.ETAG_MISMATCH);
    assertThat(get(CUSTODY)).isEqualTo(retitled);
  }

  @Test
  void droppingAHypothesisTheCellsStillRateIsRefusedAndChangesNothing() {
    HypothesisMatrix created = create(custody(), "azirjawi-custody");

    Refusal refusal = Refusal.of(() -> hypotheses.updateHypothesisMatrix(UpdateHypothesisMatrixRequest.newBuilder()
        .setHypothesisMatrix(HypothesisMatrix.newBuilder().setName(CUSTODY)
            .addAllHypotheses(created.getHypothesesList().subList(0, 2)))
        .setUpdateMask(FieldMask.newBuilder().addPaths("hypotheses")).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("hypothesis_matrix.cells");
    assertThat(get(CUSTODY)).isEqualTo(created);
  }

  @Test
  void anUpdateMaskNamingNoFieldOfTheMatrixIsRefusedNamingUpdateMask() {
    create(custody(), "azirjawi-custody");

    Refusal refusal = Refusal.of(() -> hypotheses.updateHypothesisMatrix(UpdateHypothesisMatrixRequest.newBuilder()
        .setHypothesisMatrix(HypothesisMatrix.newBuilder().setName(CUSTODY))
        .setUpdateMask(FieldMask.newBuilder().addPaths("verdict")).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("update_mask");
  }

  @Test
  void aStaleDeleteIsAbortedAndACurrentOneRemovesTheMatrix() {
    HypothesisMatrix created = create(custody(), "azirjawi-custody");
    HypothesisMatrix retitled = retitle(created, "Where was he?", "");

    Refusal stale = Refusal.of(() -> hypotheses.deleteHypothesisMatrix(DeleteHypothesisMatrixRequest.newBuilder()
        .setName(CUSTODY).setEtag(created.getEtag()).build()));
    assertThat(stale.code()).isEqualTo(Status.Code.ABORTED);
    assertThat(get(CUSTODY)).isEqualTo(retitled);

    hypotheses.deleteHypothesisMatrix(DeleteHypothesisMatrixRequest.newBuilder().setName(CUSTODY)
        .setEtag(retitled.getEtag()).build());
    assertThat(Refusal.of(() -> get(CUSTODY)).code()).isEqualTo(Status.Code.NOT_FOUND);
  }

  // --- Score ---

  @Test
  void takenAtTheirWordTheReportsMakeReleaseTheLeastLikelyAndTheStreetsNonDiagnostic() {
    create(custody(), "azirjawi-custody");

    HypothesisScores scores = hypotheses.scoreHypotheses(ScoreHypothesesRequest.newBuilder().setName(CUSTODY)
        .build());

    assertThat(scores.getName()).isEqualTo(CUSTODY);
    assertThat(scores.getUsedAssessment()).isFalse();
    assertThat(scores.getHypothesesList()).extracting(HypothesisScore::getRank).containsExactly(1, 2, 3);
    assertThat(scores.getHypotheses(2).getHypothesis()).isEqualTo("released");
    assertThat(scores.getHypotheses(0).getWeightedInconsistency())
        .isLessThanOrEqualTo(scores.getHypotheses(1).getWeightedInconsistency());
    assertThat(scores.getEvidenceList()).filteredOn(EvidenceScore::getNonDiagnostic)
        .extracting(EvidenceScore::getClaim).containsExactly(AAH_IN_THE_STREETS);
    assertThat(scores.getEvidenceList()).allSatisfy(e -> assertThat(e.getBelief()).isEqualTo(1.0));
    EvidenceScore habib = scores.getEvidence(0);
    assertThat(habib.getClaim()).isEqualTo(HABIB_HANDED_TO_HASHD);
    assertThat(habib.getWeight()).isEqualTo(0.7);
    assertThat(habib.getDiagnosticity()).isEqualTo(0.7 * 2);
  }

  @Test
  void withTheAssessmentContestedReportsWeighTheirBelief() {
    create(custody(), "azirjawi-custody");

    HypothesisScores scores = hypotheses.scoreHypotheses(ScoreHypothesesRequest.newBuilder().setName(CUSTODY)
        .setUseAssessment(true).build());

    assertThat(scores.getUsedAssessment()).isTrue();
    assertThat(scores.getEvidenceList()).allSatisfy(e -> {
      assertThat(e.getBelief()).isBetween(0.0, 1.0);
      assertThat(e.getWeight()).isLessThanOrEqualTo(1.0);
    });
    assertThat(scores.getEvidenceList()).anySatisfy(e -> assertThat(e.getBelief()).isLessThan(1.0));
    assertThat(scores.getHypothesesList()).hasSize(3);
  }

  // --- Refusals ---

  @Test
  void anEmptyCreateIsRefusedNamingTheMatrix() {
    Refusal refusal = Refusal.of(() -> hypotheses.createHypothesisMatrix(CreateHypothesisMatrixRequest
        .getDefaultInstance()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("hypothesis_matrix");
  }

  @Test
  void aMatrixWithOneHypothesisAnUnratedCellAndNoCredibilityIsRefusedNamingEachField() {
    HypothesisMatrix bad = HypothesisMatrix.newBuilder()
        .setQuestion("Was he handed over?")
        .addHypotheses(hypothesis("yes", "He was"))
        .addEvidence(HypothesisMatrix.Evidence.newBuilder().setClaim(HABIB_HANDED_TO_HASHD).setRelevance(1))
        .addCells(HypothesisMatrix.Cell.newBuilder().setClaim(HABIB_HANDED_TO_HASHD).setHypothesis("yes"))
        .build();

    Refusal refusal = Refusal.of(() -> create(bad, "handed-over"));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactlyInAnyOrder("hypothesis_matrix.hypotheses",
        "hypothesis_matrix.evidence[0].credibility", "hypothesis_matrix.cells[0].consistency");
    assertThat(hypotheses.listHypothesisMatrices(ListHypothesisMatricesRequest.getDefaultInstance())
        .getHypothesisMatricesList()).isEmpty();
  }

  @Test
  void evidenceNamingAClaimNobodyStoredIsNotFoundNamingTheRow() {
    HypothesisMatrix matrix = custody().toBuilder()
        .setEvidence(1, custody().getEvidence(1).toBuilder().setClaim("claims/invented"))
        .clearCells().build();

    Refusal refusal = Refusal.of(() -> create(matrix, "azirjawi-custody"));

    assertThat(refusal.code()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(refusal.fields()).containsExactly("hypothesis_matrix.evidence[1].claim");
  }

  @Test
  void anIdWithCapitalsIsRefusedNamingTheId() {
    Refusal refusal = Refusal.of(() -> create(custody(), "Azirjawi"));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("hypothesis_matrix_id");
  }

  @Test
  void aMatrixNobodyStoredIsNotFoundWhetherReadScoredUpdatedOrDeleted() {
    List<Refusal> refusals = List.of(
        Refusal.of(() -> get(CUSTODY)),
        Refusal.of(() -> hypotheses.scoreHypotheses(ScoreHypothesesRequest.newBuilder().setName(CUSTODY).build())),
        Refusal.of(() -> retitle(HypothesisMatrix.newBuilder().setName(CUSTODY).build(), "?", "")),
        Refusal.of(() -> hypotheses.deleteHypothesisMatrix(DeleteHypothesisMatrixRequest.newBuilder()
            .setName(CUSTODY).build())));

    assertThat(refusals).extracting(Refusal::code).containsOnly(Status.Code.NOT_FOUND);
    assertThat(refusals).extracting(Refusal::reason).containsOnly(Errors.RESOURCE_NOT_FOUND);
  }

  @Test
  void aNameFromAnotherCollectionIsRefusedNamingName() {
    Refusal refusal = Refusal.of(() -> get("claims/habib-2020-12-26-handed-to-hashd"));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("name");
  }

  @Test
  void aNegativePageSizeIsRefusedNamingPageSize() {
    Refusal refusal = Refusal.of(() -> hypotheses.listHypothesisMatrices(ListHypothesisMatricesRequest.newBuilder()
        .setPageSize(-1).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("page_size");
  }

  // --- The server's ACH store ---

  @Test
  void aServerGivenAnAchStoreKeepsTheMatricesThere() throws Exception {
    InMemoryAchStore matrices = InMemoryAchStore.create();
    InMemoryStore store = new InMemoryStore();
    String name = InProcessServerBuilder.generateName();
    SitrepServer server = new SitrepServer(InProcessServerBuilder.forName(name).directExecutor(), store, matrices)
        .start();
    ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    try {
      HypothesisServiceGrpc.newBlockingStub(channel).createHypothesisMatrix(CreateHypothesisMatrixRequest
          .newBuilder().setHypothesisMatrixId("empty-evidence").setHypothesisMatrix(HypothesisMatrix.newBuilder()
              .setQuestion("Did AAH parade?").addHypotheses(hypothesis("yes", "It did"))
              .addHypotheses(hypothesis("no", "It did not")))
          .build());

      assertThat(server.achStore()).isSameAs(matrices);
      assertThat(matrices.get("hypothesisMatrices/empty-evidence")).isPresent();
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      server.stop();
      store.close();
      matrices.close();
    }
  }
}
