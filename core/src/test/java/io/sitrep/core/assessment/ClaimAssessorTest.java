package io.sitrep.core.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitrep.core.dispute.Canonicalizer;
import io.sitrep.core.model.Claim;
import io.sitrep.core.model.Proposition;
import io.sitrep.core.model.Reliability;
import io.sitrep.core.model.Report;
import io.sitrep.core.model.Source;
import io.sitrep.core.model.SourceKind;
import io.sitrep.core.model.Stance;
import io.sitrep.core.model.TimeSpan;
import io.sitrep.core.truth.TruthDiscoveries;
import io.sitrep.core.truth.TruthOptions;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class ClaimAssessorTest {
  private static final TimeSpan DEC_26 = TimeSpan.day(LocalDate.of(2020, 12, 26), ZoneId.of("Asia/Baghdad"));
  private static final String AZIRJAWI = "actors/hissam-al-azirjawi";
  private static final String PARADE = "events/2020-12-25-aah-parade";

  private final List<Source> sources = new ArrayList<>();
  private final List<Report> reports = new ArrayList<>();
  private final List<Claim> claims = new ArrayList<>();


  private void source(String id, Reliability grade) {
    sources.add(Source.builder("sources/" + id, id, SourceKind.NEWS_OUTLET).reliability(grade).build());
    reports.add(Report.of("reports/" + id, "sources/" + id, DEC_26, id, List.of()));
  }

  private void custody(String source, String value) {
    claims.add(Claim.about("claims/" + source + "-custody", "reports/" + source, Stance.ASSERTS,
        new Proposition(AZIRJAWI, "custody", value, DEC_26)));
  }

  @Test
  void theSpokesmenOfficialLineOutweighsASingleTweetWhenGradesSaySo() {
    source("interior-ministry", Reliability.B);
    source("cinc-spokesman", Reliability.B);
    source("shafaaq-news", Reliability.C);
    source("anonymous-channel", Reliability.E);
    custody("interior-ministry", "actors/interior-ministry");
    custody("cinc-spokesman", "actors/interior-ministry");
    custody("shafaaq-news", "actors/interior-ministry");
    custody("anonymous-channel", "actors/hashd-security-directorate");

    ClaimAssessment a = ClaimAssessor.assess(sources, reports, claims, Canonicalizer.basic(),
        AssessmentScope.ALL, TruthDiscoveries.defaultConfiguration(), TruthOptions.defaults(), List.of());

    assertThat(a.algorithm()).isEqualTo("default");
    PropositionAssessment p = a.propositions().get(0);
    assertThat(p.key().attribute()).isEqualTo("custody");
    assertThat(p.chosen().value()).isEqualTo("actors/interior-ministry");
    assertThat(p.chosen().claims()).hasSize(3);
    assertThat(p.chosen().belief()).isGreaterThan(p.values().get(1).belief());
    assertThat(a.source("sources/interior-ministry").orElseThrow().analystGrade()).isEqualTo(Reliability.B);
    assertThat(a.sources()).hasSize(4);
  }

  @Test
  void aDenialOfTheParadeCompetesWithItsAssertions() {
    source("mustafa-habib", Reliability.C);
    source("tamer-badawi", Reliability.B);
    claims.add(Claim.aboutEvent("claims/habib-parade", "reports/mustafa-habib", Stance.ASSERTS, PARADE));
    claims.add(Claim.aboutEvent("claims/rabiee-denies-parade", "reports/tamer-badawi", Stance.DENIES, PARADE));

    ClaimAssessment a = ClaimAssessor.assess(sources, reports, claims, Canonicalizer.basic(),
        new AssessmentScope(PARADE, null), TruthDiscoveries.byName("majority-vote").orElseThrow(),
        TruthOptions.defaults(), List.of());

    assertThat(a.propositions()).singleElement().satisfies(p ->
        assertThat(p.values()).extracting(ValueBelief::value).containsExactlyInAnyOrder("true", "false"));
  }

  @Test
  void goldSeedsTheKnownCustodian() {
    source("a", Reliability.C);
    source("b", Reliability.C);
    custody("a", "actors/interior-ministry");
    custody("b", "actors/hashd-security-directorate");

    ClaimAssessment a = ClaimAssessor.assess(sources, reports, claims, Canonicalizer.basic(), AssessmentScope.ALL,
        TruthDiscoveries.defaultConfiguration(), TruthOptions.defaults(),
        List.of(new Proposition(AZIRJAWI, "Custody", "actors/hashd-security-directorate", DEC_26)));

    assertThat(a.propositions().get(0).chosen().value()).isEqualTo("actors/hashd-security-directorate");
  }

  @Test
  void aCancelledRunThrowsAndReturnsNothing() {
    source("a", Reliability.C);
    custody("a", "actors/interior-ministry");
    assertThatThrownBy(() -> ClaimAssessor.assess(sources, reports, claims, Canonicalizer.basic(), AssessmentScope.ALL,
        TruthDiscoveries.defaultConfiguration(), TruthOptions.defaults().withCancellation(() -> true), List.of()))
        .isInstanceOf(CancellationException.class);
  }
}
