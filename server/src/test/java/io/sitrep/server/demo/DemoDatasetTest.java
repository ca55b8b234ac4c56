package io.sitrep.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.Timestamps;
import io.sitrep.api.v1.Actor;
import io.sitrep.api.v1.ActorRelation;
import io.sitrep.api.v1.Attribution;
import io.sitrep.api.v1.Claim;
import io.sitrep.api.v1.Dataset;
import io.sitrep.api.v1.Event;
import io.sitrep.api.v1.EventLink;
import io.sitrep.api.v1.Participant;
import io.sitrep.api.v1.Proposition;
import io.sitrep.api.v1.Quotation;
import io.sitrep.api.v1.QuotationKind;
import io.sitrep.api.v1.Report;
import io.sitrep.api.v1.Source;
import io.sitrep.api.v1.SourceAffiliation;
import io.sitrep.api.v1.Stance;
import io.sitrep.api.v1.TimePrecision;
import io.sitrep.api.v1.TimeSpan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hand-encoded demo data set: it parses, hangs together, and holds the episode's disputes. */
class DemoDatasetTest {
  private static final String BLOG = "reports/musings-on-iraq-2020-12-27";
  private static final String AZIRJAWI = "actors/hossam-al-azirjawi";
  private static final Pattern NAME = Pattern.compile("[a-z]+/[a-z0-9][a-z0-9-]{0,62}");

  private static Dataset data;
  private static Map<String, Source> sources;
  private static Map<String, Report> reports;
  private static Map<String, Actor> actors;
  private static Map<String, Event> events;
  private static Map<String, Claim> claims;

  @BeforeAll
  static void load() {
    data = DemoDataset.load();
    sources = byName(data.getSourcesList(), Source::getName);
    reports = byName(data.getReportsList(), Report::getName);
    actors = byName(data.getActorsList(), Actor::getName);
    events = byName(data.getEventsList(), Event::getName);
    claims = byName(data.getClaimsList(), Claim::getName);
  }

  private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
    Map<String, T> map = new HashMap<>();
    items.forEach(i -> map.putIfAbsent(name.apply(i), i));
    return map;
  }

  // ------------------------------------------------------------------ shape

  @Test
  void hasTitleAndADescriptionThatStatesTheVocabulary() {
    assertThat(data.getTitle()).isNotBlank();
    assertThat(data.getDescription()).contains("Musings on Iraq").contains("Attribute vocabulary");
    Set<String> attributes = data.getClaimsList().stream().filter(Claim::hasProposition)
        .map(c -> c.getProposition().getAttribute()).collect(Collectors.toSet());
    for (String attribute : attributes) {
      assertThat(attribute).matches("[a-z]+(_[a-z]+)*");
      assertThat(data.getDescription()).as("vocabulary lists %s", attribute).contains("`" + attribute + "`");
    }
  }

  @Test
  void citesAtLeast35ReportsByAtLeast17Publishers() {
    Report blog = reports.get(BLOG);
    assertThat(blog).isNotNull();
    List<String> cited = blog.getQuotationsList().stream()
        .filter(q -> q.getKind() == QuotationKind.QUOTATION_KIND_REPORT && q.getDescription().equals("listed under SOURCES"))
        .map(Quotation::getReport).toList();
    assertThat(cited).hasSizeGreaterThanOrEqualTo(35);
    Set<String> publishers = cited.stream().map(r -> reports.get(r).getSource()).collect(Collectors.toSet());
    assertThat(publishers).hasSizeGreaterThanOrEqualTo(17).doesNotContain("sources/musings-on-iraq");
    assertThat(data.getReportsCount()).isGreaterThanOrEqualTo(36);
    assertThat(data.getSourcesCount()).isGreaterThanOrEqualTo(18);
  }

  @Test
  void namesAreUniqueAndWellFormed() {
    List<String> all = new ArrayList<>();
    data.getSourcesList().forEach(s -> all.add(s.getName()));
    data.getReportsList().forEach(r -> all.add(r.getName()));
    data.getActorsList().forEach(a -> all.add(a.getName()));
    data.getEventsList().forEach(e -> all.add(e.getName()));
    data.getClaimsList().forEach(c -> all.add(c.getName()));
    assertThat(all).doesNotHaveDuplicates().allMatch(n -> NAME.matcher(n).matches(), "lower-case kebab ids of at most 63 characters");
    assertThat(data.getSourcesList()).allMatch(s -> s.getName().startsWith("sources/"));
    assertThat(data.getReportsList()).allMatch(r -> r.getName().startsWith("reports/"));
    assertThat(data.getActorsList()).allMatch(a -> a.getName().startsWith("actors/"));
    assertThat(data.getEventsList()).allMatch(e -> e.getName().startsWith("events/"));
    assertThat(data.getClaimsList()).allMatch(c -> c.getName().startsWith("claims/"));
  }

  @Test
  void noAliasNamesTwoActors() {
    Map<String, String> owner = new HashMap<>();
    for (Actor a : data.getActorsList()) {
      Set<String> own = new HashSet<>();
      own.add(a.getDisplayName().toLowerCase());
      a.getAliasesList().forEach(x -> own.add(x.toLowerCase()));
      for (String alias : own) {
        String previous = owner.putIfAbsent(alias, a.getName());
        assertThat(previous).as("alias '%s'", alias).isNull();
      }
    }
  }

  @Test
  void everySourceIsGradedAndEveryResourceHasItsRequiredFields() {
    assertThat(data.getSourcesList()).allSatisfy(s -> {
      assertThat(s.getDisplayName()).isNotBlank();
      assertThat(s.getKindValue()).isPositive();
      assertThat(s.getReliabilityValue()).as(s.getName()).isPositive();
      assertThat(s.getDescription()).as(s.getName()).isNotBlank();
    });
    assertThat(data.getReportsList()).allSatisfy(r -> {
      assertThat(r.hasPublishTime()).as(r.getName()).isTrue();
      assertThat(r.getTitle()).as(r.getName()).isNotBlank();
      assertThat(r.getLanguage()).as(r.getName()).isNotBlank();
    });
    assertThat(data.getActorsList()).allSatisfy(a -> {
      assertThat(a.getDisplayName()).isNotBlank();
      assertThat(a.getKindValue()).as(a.getName()).isPositive();
    });
    assertThat(data.getEventsList()).allSatisfy(e -> {
      assertThat(e.getTypeValue()).as(e.getName()).isPositive();
      assertThat(e.getSummary()).as(e.getName()).isNotBlank();
      assertThat(e.hasTime()).as(e.getName()).isTrue();
      assertThat(e.getReportsList()).as(e.getName()).isNotEmpty();
    });
  }

  // ------------------------------------------------------------------ references

  @Test
  void everyReferenceResolves() {
    List<String> dangling = new ArrayList<>();
    for (Source s : data.getSourcesList()) {
      for (SourceAffiliation a : s.getAffiliationsList()) {
        check(dangling, s.getName() + " affiliation", a.getActor());
      }
    }
    for (Report r : data.getReportsList()) {
      check(dangling, r.getName() + " source", r.getSource());
      for (Quotation q : r.getQuotationsList()) {
        assertThat(q.getKindValue()).as(r.getName() + " quotation kind").isPositive();
        if (q.getKind() == QuotationKind.QUOTATION_KIND_REPORT) {
          check(dangling, r.getName() + " quotation", q.getReport());
          assertThat(q.getReport()).as("a report does not quote itself").isNotEqualTo(r.getName());
        }
        if (q.getKind() == QuotationKind.QUOTATION_KIND_SOURCE || q.getKind() == QuotationKind.QUOTATION_KIND_DOCUMENT) {
          check(dangling, r.getName() + " quotation", q.getSource());
        } else if (!q.getSource().isEmpty()) {
          check(dangling, r.getName() + " quotation", q.getSource());
        }
      }
    }
    for (Actor a : data.getActorsList()) {
      for (ActorRelation rel : a.getRelationsList()) {
        check(dangling, a.getName() + " relation", rel.getObject());
        assertThat(rel.getObject()).isNotEqualTo(a.getName());
        assertThat(rel.getKindValue()).isPositive();
        assertThat(rel.getReportsList()).as(a.getName() + " relation to " + rel.getObject()).isNotEmpty();
        rel.getReportsList().forEach(x -> check(dangling, a.getName() + " relation report", x));
      }
    }
    for (Event e : data.getEventsList()) {
      for (Participant p : e.getParticipantsList()) {
        check(dangling, e.getName() + " participant", p.getActor());
        assertThat(p.getRoleValue()).isPositive();
      }
      for (EventLink l : e.getLinksList()) {
        check(dangling, e.getName() + " link", l.getEvent());
        assertThat(l.getEvent()).isNotEqualTo(e.getName());
        assertThat(l.getKindValue()).isPositive();
      }
      e.getReportsList().forEach(x -> check(dangling, e.getName() + " report", x));
    }
    for (Claim c : data.getClaimsList()) {
      check(dangling, c.getName() + " report", c.getReport());
      if (!c.getEvent().isEmpty()) {
        check(dangling, c.getName() + " event", c.getEvent());
      }
      if (c.getAttributedTo().startsWith("sources/") || c.getAttributedTo().startsWith("actors/")) {
        check(dangling, c.getName() + " attributed_to", c.getAttributedTo());
      }
      if (c.hasProposition()) {
        Proposition p = c.getProposition();
        assertThat(p.getSubject()).as(c.getName()).matches("(actors|events)/.+");
        check(dangling, c.getName() + " subject", p.getSubject());
        if (p.getValue().startsWith("actors/") || p.getValue().startsWith("events/")) {
          check(dangling, c.getName() + " value", p.getValue());
        }
      }
    }
    assertThat(dangling).isEmpty();
  }

  private static void check(List<String> dangling, String where, String name) {
    boolean found = switch (name.contains("/") ? name.substring(0, name.indexOf('/')) : "") {
      case "sources" -> sources.containsKey(name);
      case "reports" -> reports.containsKey(name);
      case "actors" -> actors.containsKey(name);
      case "events" -> events.containsKey(name);
      case "claims" -> claims.containsKey(name);
      default -> false;
    };
    if (!found) {
      dangling.add(where + " -> '" + name + "'");
    }
  }

  // ------------------------------------------------------------------ claims and times

  @Test
  void everyClaimHasAStanceAnAttributionAndSomethingToBeAbout() {
    assertThat(data.getClaimsList()).allSatisfy(c -> {
      assertThat(c.getStance()).as(c.getName()).isIn(Stance.STANCE_ASSERTS, Stance.STANCE_DENIES);
      assertThat(c.getAttributionValue()).as(c.getName()).isPositive();
      assertThat(c.getText()).as(c.getName()).isNotBlank();
      assertThat(!c.getEvent().isEmpty() || c.hasProposition()).as(c.getName()).isTrue();
      if (c.getAttribution() == Attribution.ATTRIBUTION_QUOTING
          || c.getAttribution() == Attribution.ATTRIBUTION_CITING_DOCUMENT) {
        assertThat(c.getAttributedTo()).as(c.getName() + " says whom it quotes").isNotBlank();
      }
      if (c.hasProposition()) {
        assertThat(c.getProposition().getValue()).as(c.getName()).isNotBlank();
      }
    });
  }

  @Test
  void everyTimeSpanIsClosedOrderedAndHasAPrecision() {
    List<String> bad = new ArrayList<>();
    data.getReportsList().forEach(r -> checkSpan(bad, r.getName() + " publish_time", r.getPublishTime()));
    for (Actor a : data.getActorsList()) {
      for (ActorRelation rel : a.getRelationsList()) {
        if (rel.hasValidTime()) {
          checkSpan(bad, a.getName() + " relation to " + rel.getObject(), rel.getValidTime());
        }
      }
    }
    data.getEventsList().forEach(e -> checkSpan(bad, e.getName() + " time", e.getTime()));
    for (Claim c : data.getClaimsList()) {
      if (c.hasProposition() && c.getProposition().hasValidTime()) {
        checkSpan(bad, c.getName() + " valid_time", c.getProposition().getValidTime());
      }
    }
    assertThat(bad).isEmpty();
  }

  private static void checkSpan(List<String> bad, String where, TimeSpan t) {
    if (t.getPrecision() == TimePrecision.TIME_PRECISION_UNSPECIFIED) {
      bad.add(where + ": no precision");
    }
    if (!t.hasStartTime() || !t.hasEndTime()) {
      bad.add(where + ": open bound");
    } else if (Timestamps.compare(t.getStartTime(), t.getEndTime()) > 0) {
      bad.add(where + ": start after end");
    }
  }

  @Test
  void theEventsKeepTheirHonestPrecision() {
    assertThat(events.get("events/2020-09-rocket-strike-fell-short").getTime().getPrecision())
        .isEqualTo(TimePrecision.TIME_PRECISION_MONTH);
    assertThat(events.get("events/2020-06-cts-raid-on-kh-headquarters").getTime().getPrecision())
        .isEqualTo(TimePrecision.TIME_PRECISION_MONTH);
    assertThat(events.get("events/2020-11-qaani-visit-to-baghdad").getTime().getPrecision())
        .isEqualTo(TimePrecision.TIME_PRECISION_MONTH);
    assertThat(events.get("events/2020-12-20-green-zone-rocket-attack").getTime().getPrecision())
        .isEqualTo(TimePrecision.TIME_PRECISION_DAY);
    Event september = events.get("events/2020-09-rocket-strike-fell-short");
    assertThat(september.getFatalities().getLow() + september.getInjuries().getHigh()).isEqualTo(7);
    assertThat(september.getFatalities().getHigh() + september.getInjuries().getLow()).isEqualTo(7);
  }

  @Test
  void theEpisodeIsLinkedToItsJunePrecedent() {
    Event handover = events.get("events/2020-12-26-alleged-handover-of-azirjawi-to-hashd");
    assertThat(handover.getLinksList()).extracting(EventLink::getEvent)
        .contains("events/2020-06-kh-members-handed-to-hashd-commission", "events/2020-12-christmas-aah-government-standoff");
    assertThat(events.get("events/2020-12-christmas-aah-government-standoff").getLinksList())
        .extracting(EventLink::getEvent).contains("events/2020-06-kh-cts-standoff");
  }

  // ------------------------------------------------------------------ the disputes

  @Test
  void theInteriorMinistrysDenialContradictsTheHandoverToTheHashd() {
    Claim document = claim("musings-2020-12-27-alleged-document-handed-to-hashd-commission");
    Claim denial = claim("musings-2020-12-27-interior-ministry-denies-handover");
    assertThat(denial.getStance()).isEqualTo(Stance.STANCE_DENIES);
    assertThat(contradicts(document, denial)).isTrue();

    Claim stillHeld = claim("musings-2020-12-27-interior-ministry-still-in-custody");
    Claim spokesman = claim("al-masalah-2020-12-26-still-with-security-forces");
    for (String handedOver : List.of("habib-2020-12-26-handed-to-hashd",
        "malik-2020-12-26-handed-to-hashd-security-directorate",
        "musings-2020-12-27-alleged-document-handed-to-hashd-commission")) {
      Claim h = claim(handedOver);
      assertThat(h.getProposition().getSubject()).isEqualTo(AZIRJAWI);
      assertThat(h.getProposition().getAttribute()).isEqualTo("custody");
      assertThat(contradicts(h, stillHeld)).as(handedOver + " vs the Interior Ministry").isTrue();
      assertThat(contradicts(h, spokesman)).as(handedOver + " vs the C-in-C's spokesman").isTrue();
    }
    assertThat(contradicts(claim("malik-2020-12-26-handed-to-hashd-security-directorate"),
        claim("shafaaq-2020-12-26-authorities-deny-handover"))).isTrue();
    assertThat(contradicts(claim("malik-2020-12-26-government-sources-confirm-letter"),
        claim("al-masalah-2020-12-26-no-handover"))).as("the handover event itself").isTrue();
  }

  @Test
  void theReleaseWithin48HoursIsAThirdPositionOnCustody() {
    Claim released = claim("musings-2020-12-27-released-within-48-hours");
    assertThat(released.getProposition().getValue()).isEqualTo("released");
    assertThat(contradicts(released, claim("habib-2020-12-26-handed-to-hashd"))).isTrue();
    assertThat(contradicts(released, claim("al-masalah-2020-12-26-still-with-security-forces"))).isTrue();
    assertThat(contradicts(released, claim("malik-2020-12-25-no-release-within-48-hours"))).isTrue();

    Set<String> positionsOn26Dec = data.getClaimsList().stream()
        .filter(c -> c.hasProposition() && c.getStance() == Stance.STANCE_ASSERTS)
        .filter(c -> c.getProposition().getSubject().equals(AZIRJAWI) && c.getProposition().getAttribute().equals("custody"))
        .filter(c -> overlaps(c, released))
        .map(c -> c.getProposition().getValue()).collect(Collectors.toSet());
    assertThat(positionsOn26Dec).contains("released", "actors/iraqi-security-forces", "actors/hashd-security-directorate");
  }

  @Test
  void rabieesDenialContradictsTheParadeReports() {
    Claim denial = claim("badawi-2020-12-25-rabiee-denies-parade");
    Claim fakeNews = claim("badawi-2020-12-25-rabiee-parade-is-fake-news");
    for (String parade : List.of("habib-2020-12-25-aah-video-of-members-in-baghdad",
        "kohnavard-2020-12-25-videos-show-armed-aah-members", "malik-2020-12-25-official-militias-mobilized",
        "musings-2020-12-27-aah-units-hit-the-streets")) {
      Claim p = claim(parade);
      assertThat(p.getEvent()).isEqualTo("events/2020-12-25-aah-mobilisation-in-baghdad");
      assertThat(contradicts(p, denial)).as(parade + " vs the denial").isTrue();
      assertThat(contradicts(p, fakeNews)).as(parade + " vs 'fake news'").isTrue();
    }
    assertThat(fakeNews.getProposition().getValue()).isNotEqualTo(claim("habib-2020-12-25-aah-video-of-members-in-baghdad").getProposition().getValue());
  }

  @Test
  void theSourcesDisagreeOnWhatAahThreatenedToStorm() {
    List<Claim> targets = List.of(claim("habib-2020-12-25-intel-document-attack-intelligence-agency-hq"),
        claim("badawi-2020-12-25-intel-document-karrada-branch"),
        claim("musings-2020-12-27-aah-threat-to-liberate-their-brothers"));
    assertThat(targets).extracting(c -> c.getProposition().getAttribute()).containsOnly("threat_target");
    assertThat(targets).extracting(c -> c.getProposition().getSubject()).containsOnly("actors/asaib-ahl-al-haq");
    assertThat(targets).extracting(c -> c.getProposition().getValue()).doesNotHaveDuplicates();
    for (int i = 0; i < targets.size(); i++) {
      for (int j = i + 1; j < targets.size(); j++) {
        assertThat(contradicts(targets.get(i), targets.get(j))).isTrue();
      }
    }
  }

  @Test
  void theArrestAndTheHandoverAreAStateChangeNotAContradiction() {
    Claim arrested = claim("musings-2020-12-27-azirjawi-held-by-interior-ministry");
    Claim handedOver = claim("habib-2020-12-26-handed-to-hashd");
    assertThat(arrested.getProposition().getSubject()).isEqualTo(handedOver.getProposition().getSubject());
    assertThat(arrested.getProposition().getAttribute()).isEqualTo(handedOver.getProposition().getAttribute());
    assertThat(arrested.getProposition().getValue()).isNotEqualTo(handedOver.getProposition().getValue());
    assertThat(overlaps(arrested, handedOver)).isFalse();
    assertThat(contradicts(arrested, handedOver)).isFalse();
    assertThat(Timestamps.compare(arrested.getProposition().getValidTime().getEndTime(),
        handedOver.getProposition().getValidTime().getStartTime())).isLessThanOrEqualTo(0);
  }

  @Test
  void theSourcesDisagreeOnWhenTheArrestHappenedAndWhyAahWithdrew() {
    assertThat(contradicts(claim("malik-2020-12-25-official-arrested-sunday-night"),
        claim("habib-2020-12-25-arrested-two-days-ago"))).isTrue();
    assertThat(contradicts(claim("badawi-2020-12-25-resistance-channel-aah-withdrew-after-araji"),
        claim("malik-2020-12-25-official-withdrawal-after-show-of-force"))).isTrue();
    assertThat(contradicts(claim("musings-2020-12-27-kadhimi-stood-his-ground"),
        claim("badawi-2020-12-26-kadhimi-compromised-again"))).isTrue();
  }

  // ------------------------------------------------------------------ helpers

  private static Claim claim(String id) {
    Claim c = claims.get("claims/" + id);
    assertThat(c).as("claims/" + id).isNotNull();
    return c;
  }

  /**
   * True when both claims cannot hold: on one proposition key (subject and attribute) or one event,
   * at overlapping valid times, they assert different values or take opposite stances on one value.
   */
  private static boolean contradicts(Claim a, Claim b) {
    if (a.hasProposition() != b.hasProposition()) {
      return false;
    }
    if (!a.hasProposition()) {
      return a.getEvent().equals(b.getEvent()) && a.getStance() != b.getStance();
    }
    Proposition p = a.getProposition();
    Proposition q = b.getProposition();
    if (!p.getSubject().equals(q.getSubject()) || !p.getAttribute().equals(q.getAttribute()) || !overlaps(a, b)) {
      return false;
    }
    boolean sameValue = p.getValue().equals(q.getValue());
    return sameValue ? a.getStance() != b.getStance()
        : a.getStance() == Stance.STANCE_ASSERTS && b.getStance() == Stance.STANCE_ASSERTS;
  }

  /** [start, end) spans overlap; a claim without a valid time holds at all times. */
  private static boolean overlaps(Claim a, Claim b) {
    if (!a.getProposition().hasValidTime() || !b.getProposition().hasValidTime()) {
      return true;
    }
    TimeSpan s = a.getProposition().getValidTime();
    TimeSpan t = b.getProposition().getValidTime();
    return Timestamps.compare(s.getStartTime(), t.getEndTime()) < 0
        && Timestamps.compare(t.getStartTime(), s.getEndTime()) < 0;
  }
}
