package io.sitrep.core.dependence;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import io.sitrep.core.dispute.Canonicalizer;
import io.sitrep.core.model.Claim;
import io.sitrep.core.model.Proposition;
import io.sitrep.core.model.Quotation;
import io.sitrep.core.model.QuotationKind;
import io.sitrep.core.model.Report;
import io.sitrep.core.model.Source;
import io.sitrep.core.model.SourceAffiliation;
import io.sitrep.core.model.SourceKind;
import io.sitrep.core.model.Stance;
import io.sitrep.core.model.TimeSpan;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceDependenceAnalysisTest {
  private static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");
  private static final TimeSpan DEC_26 = TimeSpan.day(LocalDate.of(2020, 12, 26), BAGHDAD);
  private static final SourceDependenceAnalysis ANALYSIS = new SourceDependenceAnalysis(DependenceParameters.DEFAULT);

  private static Source source(String id, SourceAffiliation... affiliations) {
    return Source.builder("sources/" + id, id, SourceKind.SOCIAL_MEDIA_ACCOUNT)
        .affiliations(List.of(affiliations)).build();
  }

  private static Report report(String id, String source, Quotation... quotes) {
    return Report.of("reports/" + id, "sources/" + source, DEC_26, id, List.of(quotes));
  }

  private static Claim custody(String id, String report, String value) {
    return Claim.about("claims/" + id, "reports/" + report, Stance.ASSERTS,
        new Proposition("actors/hissam-al-azirjawi", "custody", value, DEC_26));
  }

  private static final Quotation LEAKED_LETTER = new Quotation(QuotationKind.DOCUMENT, "", "",
      "Iraqi intelligence document of 26 Dec on the handover");

  @Test
  void habibAndMalikRestOnTheSameLeakedLetterSoTheirHandoverClaimsCountOnce() {
    List<Source> sources = List.of(source("mustafa-habib"), source("hamdi-malik"), source("interior-ministry"));
    List<Report> reports = List.of(report("habib-26", "mustafa-habib", LEAKED_LETTER),
        report("malik-26", "hamdi-malik", LEAKED_LETTER), report("moi-26", "interior-ministry"));
    List<Claim> claims = List.of(custody("habib", "habib-26", "actors/hashd-security-directorate"),
        custody("malik", "malik-26", "actors/hashd-security-directorate"),
        custody("moi", "moi-26", "actors/interior-ministry"));

    DependenceReport result = ANALYSIS.analyse(sources, reports, claims, Canonicalizer.basic(), Map.of());

    SourceDependence pair = result.between("sources/hamdi-malik", "sources/mustafa-habib").orElseThrow();
    assertThat(pair.sourceA()).isEqualTo("sources/hamdi-malik");
    assertThat(pair.evidence()).extracting(DependenceEvidence::kind).containsExactly(EvidenceKind.SAME_DOCUMENT);
    assertThat(pair.probability()).isEqualTo(0.9);
    assertThat(result.weightOf("claims/habib")).isEqualTo(0.5);
    assertThat(result.weightOf("claims/malik")).isEqualTo(0.5);
    assertThat(result.weightOf("claims/moi")).isEqualTo(1.0);
  }

  /**
   * Found by fuzzing the server: a source repeating one claim thousands of times, and many reports
   * resting on one document, made the analysis quadratic in claims and reports (over a minute).
   * A source's repeated claims share its one vote, and one document links two sources once.
   */
  @Test
  void aSourceRepeatingItselfSharesOneVoteAndManyReportsOnOneDocumentLinkTheirSourcesOnce() {
    List<Source> sources = List.of(source("mustafa-habib"), source("hamdi-malik"), source("interior-ministry"));
    List<Report> reports = new ArrayList<>();
    List<Claim> claims = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      reports.add(report("habib-" + i, "mustafa-habib", LEAKED_LETTER));
      claims.add(custody("habib-" + i, "habib-" + i, "actors/hashd-security-directorate"));
    }
    for (int i = 0; i < 200; i++) {
      reports.add(report("malik-" + i, "hamdi-malik", LEAKED_LETTER));
    }
    reports.add(report("moi-26", "interior-ministry"));
    claims.add(custody("moi", "moi-26", "actors/hashd-security-directorate"));

    DependenceReport result = ANALYSIS.analyse(sources, reports, claims, Canonicalizer.basic(), Map.of());

    SourceDependence pair = result.between("sources/hamdi-malik", "sources/mustafa-habib").orElseThrow();
    assertThat(pair.evidence()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(EvidenceKind.SAME_DOCUMENT);
      assertThat(e.description()).isEqualTo("reports/malik-0 and reports/habib-0 both rest on "
          + "iraqi intelligence document of 26 dec on the handover");
    });
    assertThat(pair.probability()).isEqualTo(0.9);
    assertThat(result.weightOf("claims/habib-0")).isEqualTo(1.0 / 3_000);
    assertThat(result.weightOf("claims/habib-2999")).isEqualTo(1.0 / 3_000);
    assertThat(result.weightOf("claims/moi")).isEqualTo(1.0);
  }

  /** Found by fuzzing: a source naming one actor ten thousand times was paired with itself 50M times. */
  @Test
  void aSourceNamingItsAffiliationManyTimesIsLinkedOnceToEachOtherOutletOfThatActor() {
    SourceAffiliation closeToAah = new SourceAffiliation("actors/asaib-ahl-al-haq", "close to");
    List<Source> sources = List.of(source("al-maalomah", java.util.Collections.nCopies(10_000, closeToAah)
        .toArray(SourceAffiliation[]::new)), source("sabreen-news", closeToAah));

    DependenceReport result = ANALYSIS.analyse(sources, List.of(), List.of(), Canonicalizer.basic(), Map.of());

    assertThat(result.pairs()).singleElement().satisfies(pair -> {
      assertThat(pair.evidence()).singleElement().extracting(DependenceEvidence::kind)
          .isEqualTo(EvidenceKind.SHARED_AFFILIATION);
      assertThat(pair.probability()).isEqualTo(0.5);
    });
  }

  @Test
  void aReportQuotingAnotherMakesItsSourceDependent() {
    List<Source> sources = List.of(source("al-hurra"), source("shafaaq-news"));
    List<Report> reports = List.of(report("shafaaq-denial", "shafaaq-news"),
        report("hurra-night", "al-hurra", Quotation.ofReport("reports/shafaaq-denial")));
    DependenceReport result = ANALYSIS.analyse(sources, reports, List.of(), Canonicalizer.basic(), Map.of());
    assertThat(result.between("sources/shafaaq-news", "sources/al-hurra")).hasValueSatisfying(p -> {
      assertThat(p.evidence()).singleElement().satisfies(e -> {
        assertThat(e.kind()).isEqualTo(EvidenceKind.QUOTATION);
        assertThat(e.description()).isEqualTo("reports/hurra-night quotes reports/shafaaq-denial");
      });
    });
  }

  @Test
  void outletsTiedToTheSameFactionAreLinkedButNotCountedAsOne() {
    SourceAffiliation closeToAah = new SourceAffiliation("actors/asaib-ahl-al-haq", "close to");
    List<Source> sources = List.of(source("al-maalomah", closeToAah), source("sabreen-news", closeToAah));
    DependenceReport result = ANALYSIS.analyse(sources, List.of(), List.of(), Canonicalizer.basic(), Map.of());
    SourceDependence pair = result.pairs().get(0);
    assertThat(pair.evidence()).extracting(DependenceEvidence::kind).containsExactly(EvidenceKind.SHARED_AFFILIATION);
    // 0.5 is at the threshold: tied outlets share their vote.
    assertThat(pair.probability()).isEqualTo(0.5);
  }

  @Test
  void twoSourcesSharingTheSameMistakesAreCaughtCopying() {
    // Five honest sources agree on 10 facts; two copiers repeat each other's wrong values on 6.
    List<Source> sources = new ArrayList<>();
    List<Report> reports = new ArrayList<>();
    List<Claim> claims = new ArrayList<>();
    List<String> names = List.of("a", "b", "c", "d", "e", "copier-1", "copier-2");
    for (String n : names) {
      sources.add(source(n));
      reports.add(report(n, n));
    }
    for (int item = 0; item < 10; item++) {
      for (String n : names) {
        boolean copier = n.startsWith("copier");
        String value = copier && item < 6 ? "wrong-" + item : "right-" + item;
        claims.add(Claim.about("claims/" + n + "-" + item, "reports/" + n, Stance.ASSERTS,
            new Proposition("events/e" + item, "fatalities", value, null)));
      }
    }
    DependenceReport result = ANALYSIS.analyse(sources, reports, claims, Canonicalizer.basic(), Map.of());

    SourceDependence copiers = result.between("sources/copier-1", "sources/copier-2").orElseThrow();
    assertThat(copiers.evidence()).extracting(DependenceEvidence::kind).containsExactly(EvidenceKind.COPYING);
    assertThat(copiers.probability()).isGreaterThan(0.99);
    assertThat(copiers.evidence().get(0).description()).startsWith("6 shared false values, 4 shared true");
    // Honest sources agreeing on true values are not suspected.
    assertThat(result.between("sources/a", "sources/b")).isEmpty();
    assertThat(result.weightOf("claims/copier-1-0")).isEqualTo(0.5);
    assertThat(result.weightOf("claims/a-0")).isEqualTo(1.0);
  }

  @Test
  void pairsComeMostDependentFirst() {
    SourceDependenceAnalysis analysis = new SourceDependenceAnalysis(DependenceParameters.DEFAULT);
    SourceAffiliation kdp = new SourceAffiliation("actors/kdp", "owned by");
    List<Source> sources = List.of(source("rudaw", kdp), source("kurdistan-24", kdp), source("nrt"));
    List<Report> reports = List.of(report("nrt-1", "nrt"), report("rudaw-1", "rudaw", Quotation.ofReport("reports/nrt-1")));
    DependenceReport result = analysis.analyse(sources, reports, ImmutableList.of(), Canonicalizer.basic(), Map.of());
    assertThat(result.pairs()).extracting(SourceDependence::probability).isSortedAccordingTo((x, y) -> Double.compare(y, x));
    assertThat(result.pairs()).hasSize(2);
  }
}
