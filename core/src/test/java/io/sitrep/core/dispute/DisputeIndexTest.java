package io.sitrep.core.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.core.model.Actor;
import io.sitrep.core.model.ActorKind;
import io.sitrep.core.model.ActorRelation;
import io.sitrep.core.model.RelationKind;
import io.sitrep.core.model.Claim;
import io.sitrep.core.model.Proposition;
import io.sitrep.core.model.Stance;
import io.sitrep.core.model.TimeSpan;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contradictory reports of 25–26 December 2020 about Azirjawi and AAH. */
class DisputeIndexTest {
  private static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");
  private static final String AZIRJAWI = "actors/hissam-al-azirjawi";
  private static final String HASHD_SECURITY = "actors/hashd-security-directorate";
  private static final String INTERIOR = "actors/interior-ministry";
  private static final String PARADE = "events/2020-12-25-aah-parade";

  private static final String PMF = "actors/popular-mobilization-forces";
  private static final String HASHD_COMMISSION = "actors/hashd-commission";
  private static final String GOVERNMENT = "actors/iraqi-government";

  private static final List<Actor> ACTORS = List.of(
      Actor.of(HASHD_SECURITY, "Hashd security directorate", ActorKind.SECURITY_FORCE,
          List.of("PMF security directorate"), List.of(ActorRelation.of(RelationKind.PART_OF, PMF))),
      Actor.of(PMF, "Popular Mobilization Forces", ActorKind.ARMED_GROUP, List.of("Hashd", "PMF"), List.of()),
      Actor.of(HASHD_COMMISSION, "Hashd Commission", ActorKind.GOVERNMENT_BODY, List.of(),
          List.of(ActorRelation.of(RelationKind.CONTROLS, PMF), ActorRelation.of(RelationKind.PART_OF, GOVERNMENT))),
      Actor.of(GOVERNMENT, "Iraqi government", ActorKind.GOVERNMENT_BODY, List.of(), List.of()),
      Actor.of(INTERIOR, "Interior Ministry", ActorKind.GOVERNMENT_BODY, List.of("MoI"),
          List.of(ActorRelation.of(RelationKind.PART_OF, GOVERNMENT))));

  private DisputeIndex index;

  private static TimeSpan day(int d) {
    return TimeSpan.day(LocalDate.of(2020, 12, d), BAGHDAD);
  }

  private static TimeSpan days(int first, int last) {
    return TimeSpan.days(LocalDate.of(2020, 12, first), LocalDate.of(2020, 12, last), BAGHDAD);
  }

  private static Claim custody(String claim, String value, TimeSpan when) {
    return Claim.about(claim, "reports/" + claim.substring("claims/".length()), Stance.ASSERTS,
        new Proposition(AZIRJAWI, "custody", value, when));
  }

  @BeforeEach
  void setUp() {
    index = new DisputeIndex(Canonicalizer.withActors(ACTORS), AttributeSchema.DEFAULT);
  }

  @Test
  void theDetaineesCustodyOnTheTwentySixthHasThreePositions() {
    index.add(custody("claims/habib-handed-to-hashd", HASHD_SECURITY, day(26)), "sources/mustafa-habib");
    index.add(custody("claims/malik-handed-to-hashd", "PMF security directorate", day(26)), "sources/hamdi-malik");
    index.add(custody("claims/moi-still-in-custody", INTERIOR, day(26)), "sources/interior-ministry");
    index.add(custody("claims/malik-released-in-48-hours", "released", days(26, 27)), "sources/hamdi-malik");

    assertThat(index.disputes()).hasSize(1);
    Dispute custody = index.disputes().get(0);
    assertThat(custody.key()).isEqualTo(new PropositionKey(AZIRJAWI, "custody"));
    assertThat(custody.positions()).extracting(Position::value)
        .containsExactlyInAnyOrder(HASHD_SECURITY, INTERIOR, "released");
    // The alias "PMF security directorate" meets the actor's name: one position, two sources.
    Position hashd = custody.positions().stream().filter(p -> p.value().equals(HASHD_SECURITY)).findFirst().orElseThrow();
    assertThat(hashd.claims()).containsExactly("claims/habib-handed-to-hashd", "claims/malik-handed-to-hashd");
    assertThat(hashd.sources()).containsExactlyInAnyOrder("sources/mustafa-habib", "sources/hamdi-malik");
    assertThat(custody.conflicts()).allMatch(c -> c.kind() == ConflictKind.DIFFERENT_VALUES);
    assertThat(custody.summary()).contains("3 positions");
    // Malik reports both the handover and the 48-hour release.
    assertThat(custody.selfContradiction()).isTrue();
  }

  @Test
  void heldByTheMinistryBeforeTheTwentySixthAndByTheHashdOnItIsAChangeNotAContradiction() {
    index.add(custody("claims/arrest-held-by-moi", INTERIOR, days(20, 25)), "sources/al-mada");
    index.add(custody("claims/habib-handed-to-hashd", HASHD_SECURITY, day(26)), "sources/mustafa-habib");

    assertThat(index.disputes()).isEmpty();
    PropositionKey key = index.keyOf(AZIRJAWI, "Custody");
    assertThat(index.stateChanges(key)).singleElement().satisfies(change -> {
      assertThat(change.earlier().value()).isEqualTo(INTERIOR);
      assertThat(change.later().value()).isEqualTo(HASHD_SECURITY);
    });
  }

  @Test
  void theSpokesmansDenialOfTheParadeContradictsTheVideos() {
    index.add(Claim.aboutEvent("claims/habib-parade-video", "reports/habib-video", Stance.ASSERTS, PARADE),
        "sources/mustafa-habib");
    index.add(Claim.aboutEvent("claims/rabiee-denies-parade", "reports/badawi-rabiee", Stance.DENIES, PARADE),
        "sources/tamer-badawi");

    Dispute parade = index.disputes().get(0);
    assertThat(parade.key()).isEqualTo(new PropositionKey(PARADE, PropositionKey.OCCURRED));
    assertThat(parade.conflicts()).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(ConflictKind.ASSERTION_AND_DENIAL);
      assertThat(c.explanation()).startsWith("claims/rabiee-denies-parade denies what claims/habib-parade-video");
    });
    assertThat(parade.positions()).extracting(Position::stance).containsExactly(Stance.ASSERTS, Stance.DENIES);
  }

  @Test
  void aDenialOfOneValueDoesNotConflictWithAnotherValue() {
    index.add(custody("claims/moi-still-in-custody", INTERIOR, day(26)), "sources/interior-ministry");
    index.add(Claim.about("claims/shafaaq-deny-handover", "reports/shafaaq", Stance.DENIES,
        new Proposition(AZIRJAWI, "custody", HASHD_SECURITY, day(26))), "sources/shafaaq-news");
    assertThat(index.disputes()).isEmpty();

    index.add(custody("claims/habib-handed-to-hashd", HASHD_SECURITY, day(26)), "sources/mustafa-habib");
    Dispute d = index.disputes().get(0);
    assertThat(d.conflicts()).extracting(Conflict::kind)
        .containsExactlyInAnyOrder(ConflictKind.DIFFERENT_VALUES, ConflictKind.ASSERTION_AND_DENIAL);
    assertThat(d.positions()).hasSize(3);
  }

  @Test
  void multiValuedAttributesDoNotConflict() {
    index.add(Claim.about("claims/a", "reports/a", Stance.ASSERTS,
        new Proposition("actors/asaib-ahl-al-haq", "demand", "release the detainee", day(25))), "sources/a");
    index.add(Claim.about("claims/b", "reports/b", Stance.ASSERTS,
        new Proposition("actors/asaib-ahl-al-haq", "demand", "no court trial", day(25))), "sources/b");
    assertThat(index.disputes()).isEmpty();
  }

  @Test
  void numbersMeetWhateverTheirSpelling() {
    index.add(Claim.about("claims/a", "reports/a", Stance.ASSERTS,
        new Proposition("events/september-strike", "fatalities", "7", null)), "sources/al-mada");
    index.add(Claim.about("claims/b", "reports/b", Stance.ASSERTS,
        new Proposition("events/september-strike", "fatalities", " 07 ", null)), "sources/blog");
    assertThat(index.disputes()).isEmpty();
    index.add(Claim.about("claims/c", "reports/c", Stance.ASSERTS,
        new Proposition("events/september-strike", "fatalities", "5", null)), "sources/c");
    assertThat(index.disputes()).singleElement()
        .satisfies(d -> assertThat(d.validTime()).isNull());
  }

  @Test
  void addingAClaimLeavesTheDisputesOfOtherPropositionsUntouched() {
    index.add(Claim.aboutEvent("claims/habib-parade-video", "reports/x", Stance.ASSERTS, PARADE), "sources/x");
    index.add(Claim.aboutEvent("claims/rabiee-denies-parade", "reports/y", Stance.DENIES, PARADE), "sources/y");
    Dispute parade = index.disputes().get(0);

    index.add(custody("claims/habib-handed-to-hashd", HASHD_SECURITY, day(26)), "sources/mustafa-habib");
    index.add(custody("claims/moi-still-in-custody", INTERIOR, day(26)), "sources/interior-ministry");

    assertThat(index.disputes()).hasSize(2);
    assertThat(index.disputesOn(parade.key()).get(0)).isSameAs(parade);
  }

  @Test
  void removingAClaimDissolvesTheDisputeItAlonePropped() {
    index.add(custody("claims/habib-handed-to-hashd", HASHD_SECURITY, day(26)), "sources/mustafa-habib");
    index.add(custody("claims/moi-still-in-custody", INTERIOR, day(26)), "sources/interior-ministry");
    String name = index.disputes().get(0).name();
    assertThat(index.get(name)).isPresent();

    index.remove("claims/moi-still-in-custody");

    assertThat(index.disputes()).isEmpty();
    assertThat(index.get(name)).isEmpty();
    assertThat(index.claimCount()).isEqualTo(1);
  }

  @Test
  void aDisputesNameStaysWhileItsEarliestClaimStays() {
    index.add(custody("claims/a-handed", HASHD_SECURITY, day(26)), "sources/a");
    index.add(custody("claims/b-held", INTERIOR, day(26)), "sources/b");
    String before = index.disputes().get(0).name();
    index.add(custody("claims/c-released", "released", day(26)), "sources/c");
    assertThat(index.disputes().get(0).name()).isEqualTo(before);
  }

  @Test
  void theHashdItsCommissionAndItsSecurityDirectorateAreOnePositionWordedThreeWays() {
    index.add(custody("claims/habib-handed-to-hashd", "Hashd", day(26)), "sources/mustafa-habib");
    index.add(custody("claims/malik-handed-to-directorate", HASHD_SECURITY, day(26)), "sources/hamdi-malik");
    index.add(custody("claims/document-handed-to-commission", HASHD_COMMISSION, day(26)), "sources/leaked-document");
    assertThat(index.disputes()).isEmpty();

    index.add(custody("claims/moi-still-in-custody", INTERIOR, day(26)), "sources/interior-ministry");
    Dispute d = index.disputes().get(0);
    assertThat(d.positions()).hasSize(2);
    Position hashd = d.positions().stream().filter(p -> p.values().size() == 3).findFirst().orElseThrow();
    assertThat(hashd.value()).isEqualTo(HASHD_COMMISSION);
    assertThat(hashd.values()).containsExactly(HASHD_COMMISSION, HASHD_SECURITY, PMF);
    assertThat(d.conflicts()).hasSize(3);
  }

  @Test
  void denyingAHandoverToTheHashdContradictsAHandoverToItsDirectorateButNotToTheGovernment() {
    index.add(Claim.about("claims/shafaaq-deny-handover", "reports/shafaaq", Stance.DENIES,
        new Proposition(AZIRJAWI, "custody", PMF, day(26))), "sources/shafaaq-news");
    index.add(custody("claims/vague-government", GOVERNMENT, day(26)), "sources/x");
    assertThat(index.disputes()).isEmpty();
    index.add(custody("claims/malik-handed-to-directorate", HASHD_SECURITY, day(26)), "sources/hamdi-malik");
    assertThat(index.disputes()).singleElement().satisfies(d -> assertThat(d.conflicts())
        .extracting(Conflict::kind).containsExactly(ConflictKind.ASSERTION_AND_DENIAL));
  }
}
