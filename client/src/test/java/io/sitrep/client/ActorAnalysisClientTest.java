package io.sitrep.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.sitrep.api.v1.ActorNetwork;
import io.sitrep.api.v1.ActorNode;
import io.sitrep.api.v1.Consistency;
import io.sitrep.api.v1.EpisodeMatch;
import io.sitrep.api.v1.HypothesisMatrix;
import io.sitrep.api.v1.HypothesisScores;
import io.sitrep.api.v1.ListRelationsRequest;
import io.sitrep.api.v1.Relation;
import io.sitrep.api.v1.RelationKind;
import io.sitrep.api.v1.ResolutionDecision;
import io.sitrep.api.v1.TensionPoint;
import io.sitrep.api.v1.TensionSeries;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The typed methods for ActorAnalysisService and HypothesisService, against the demo week in process. */
class ActorAnalysisClientTest {
  static final String PM = "actors/mustafa-al-kadhimi";
  static final String AAH = "actors/asaib-ahl-al-haq";
  static final String GOVERNMENT = "actors/iraqi-government";
  static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");

  @RegisterExtension final SitrepTestServer server = SitrepTestServer.withDemo();

  @Test
  void kadhimiIsThePrimeMinister() {
    var resolution = server.client().resolveActor("Kadhimi");

    assertThat(resolution.getDecision()).isEqualTo(ResolutionDecision.RESOLUTION_DECISION_RESOLVED);
    assertThat(resolution.getCandidates(0).getActor()).isEqualTo(PM);
  }

  @Test
  void everyRelationOfAahIsReadAcrossPages() {
    List<Relation> relations = server.client().listRelations(ListRelationsRequest.newBuilder().setSubject(AAH)
        .build());

    assertThat(relations).isNotEmpty().allSatisfy(r -> assertThat(r.getSubject()).isEqualTo(AAH))
        .doesNotHaveDuplicates();
    assertThat(relations).extracting(Relation::getKind).contains(RelationKind.RELATION_KIND_OPPOSES);
  }

  @Test
  void tensionBetweenAahAndTheGovernmentPeaksOnChristmasDay() {
    TensionSeries s = server.client().tensionBetween(AAH, GOVERNMENT, true,
        Instant.parse("2020-12-20T00:00:00+03:00"), Instant.parse("2020-12-28T00:00:00+03:00"), BAGHDAD);

    assertThat(s.getPointsList()).hasSize(8);
    TensionPoint peak = s.getPointsList().stream().max((x, y) -> Double.compare(x.getTension(), y.getTension()))
        .orElseThrow();
    assertThat(peak.getDay().getDay()).isEqualTo(25);
  }

  @Test
  void theNetworkOnChristmasEveningHoldsBothSides() {
    ActorNetwork n = server.client().getNetwork(Instant.parse("2020-12-25T18:00:00+03:00"));

    assertThat(n.getNodesList()).extracting(ActorNode::getActor).contains(PM, AAH);
    assertThat(server.client().getNetwork().hasTime()).isTrue();
  }

  @Test
  void theJuneStandoffIsTheChristmasStandoffsPrecedent() {
    List<EpisodeMatch> matches = server.client().findSimilarEpisodes(
        "events/2020-12-christmas-aah-government-standoff", 3);

    assertThat(matches).extracting(EpisodeMatch::getEpisode).startsWith("events/2020-06-kh-cts-standoff");
  }

  @Test
  void aMatrixIsCreatedRetitledScoredAndDeletedThroughTheTypedMethods() {
    SitrepClient sitrep = server.client();
    String claim = "claims/habib-2020-12-26-handed-to-hashd";
    HypothesisMatrix matrix = HypothesisMatrix.newBuilder()
        .setQuestion("Was Azirjawi handed to the Hashd?")
        .addHypotheses(HypothesisMatrix.Hypothesis.newBuilder().setId("handed"))
        .addHypotheses(HypothesisMatrix.Hypothesis.newBuilder().setId("kept"))
        .addEvidence(HypothesisMatrix.Evidence.newBuilder().setClaim(claim).setCredibility(0.7).setRelevance(1))
        .addCells(HypothesisMatrix.Cell.newBuilder().setClaim(claim).setHypothesis("kept")
            .setConsistency(Consistency.CONSISTENCY_INCONSISTENT))
        .build();

    HypothesisMatrix created = sitrep.createHypothesisMatrix(matrix, "handover", "client-test-1");
    assertThat(sitrep.createHypothesisMatrix(matrix, "handover", "client-test-1")).isEqualTo(created);
    HypothesisMatrix retitled = sitrep.updateHypothesisMatrix(created.toBuilder()
        .setQuestion("Was he handed over on the 26th?").build(), "question");
    assertThatThrownBy(() -> sitrep.updateHypothesisMatrix(created, "question"))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ABORTED));
    HypothesisScores scores = sitrep.scoreHypotheses(created.getName(), false);

    assertThat(sitrep.getHypothesisMatrix("hypothesisMatrices/handover")).isEqualTo(retitled);
    assertThat(sitrep.listHypothesisMatrices()).containsExactly(retitled);
    assertThat(scores.getHypotheses(0).getHypothesis()).isEqualTo("handed");

    sitrep.deleteHypothesisMatrix(retitled.getName(), retitled.getEtag());
    assertThat(sitrep.listHypothesisMatrices()).isEmpty();
  }
}
