package io.sitrep.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.api.v1.ClaimAssessment;
import io.sitrep.api.v1.Dispute;
import io.sitrep.api.v1.DisputeStatus;
import io.sitrep.api.v1.SourceAssessment;
import io.sitrep.api.v1.SourceDependency;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The typed methods for AnalysisService's disputes, assessments and source dependence reach the
 * server and read every page. What the answers mean is the server's tests' business.
 */
class AnalysisClientTest {
  static final String AZIRJAWI = "actors/hossam-al-azirjawi";

  @RegisterExtension final SitrepTestServer server = SitrepTestServer.withDemo();

  @Test
  void theDemoWeeksDisputesAreListedAndEachCanBeReadByName() {
    SitrepClient sitrep = server.client();

    List<Dispute> all = sitrep.listDisputes();

    assertThat(all).isNotEmpty().doesNotHaveDuplicates();
    assertThat(sitrep.getDispute(all.get(0).getName())).isEqualTo(all.get(0));
  }

  @Test
  void theFiltersReachTheServer() {
    SitrepClient sitrep = server.client();

    List<Dispute> aboutAzirjawi = sitrep.listDisputes(AZIRJAWI, DisputeStatus.DISPUTE_STATUS_UNSPECIFIED,
        Instant.parse("2020-12-26T00:00:00+03:00"), Instant.parse("2020-12-27T00:00:00+03:00"));
    List<Dispute> inTheFuture = sitrep.listDisputes("", DisputeStatus.DISPUTE_STATUS_UNSPECIFIED,
        Instant.parse("2030-01-01T00:00:00Z"), null);

    assertThat(aboutAzirjawi).isNotEmpty().allSatisfy(d -> assertThat(d.getSubject()).isEqualTo(AZIRJAWI));
    assertThat(sitrep.listDisputes()).containsAll(aboutAzirjawi);
    assertThat(inTheFuture.size()).isLessThan(sitrep.listDisputes().size());
  }

  @Test
  void anAssessmentASourcesStandingAndItsDependenciesComeBack() {
    SitrepClient sitrep = server.client();

    ClaimAssessment assessment = sitrep.assessClaims("");
    String source = assessment.getSources(0).getSource();
    SourceAssessment standing = sitrep.getSourceAssessment(source);
    List<SourceDependency> pairs = sitrep.listSourceDependencies();
    List<SourceDependency> strong = sitrep.listSourceDependencies("", 0.5);

    assertThat(assessment.getPropositionsList()).isNotEmpty();
    assertThat(standing.getSource()).isEqualTo(source);
    assertThat(pairs).doesNotHaveDuplicates().containsAll(strong);
    assertThat(strong).allSatisfy(p -> assertThat(p.getProbability()).isGreaterThanOrEqualTo(0.5));
  }
}
