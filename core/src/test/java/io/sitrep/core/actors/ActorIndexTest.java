package io.sitrep.core.actors;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import io.sitrep.core.model.Actor;
import io.sitrep.core.model.ActorKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Resolution as the seed episode needs it: the reports' spellings of the December 2020 actors. */
class ActorIndexTest {
  static final String KADHIMI = "actors/mustafa-al-kadhimi";
  static final String AAH = "actors/asaib-ahl-al-haq";
  static final String KH = "actors/kataib-hezbollah";
  static final String KSS = "actors/kataib-sayyid-al-shuhada";
  static final String ARAJI = "actors/qasim-al-araji";
  static final String SOLEIMANI = "actors/qasem-soleimani";

  static List<Actor> actors() {
    return List.of(
        person(KADHIMI, "Mustafa al-Kadhimi"),
        group(AAH, "Asa'ib Ahl al-Haq"),
        group(KH, "Kata'ib Hizballah"),
        group(KSS, "Kata'ib Sayyid al-Shuhada"),
        person(ARAJI, "Qasim al-Araji"),
        person(SOLEIMANI, "Qasem Soleimani"));
  }

  static Actor person(String name, String display, String... aliases) {
    return new Actor(name, display, ActorKind.PERSON, ImmutableList.copyOf(aliases), "IQ", "", ImmutableList.of());
  }

  static Actor group(String name, String display, String... aliases) {
    return new Actor(name, display, ActorKind.ARMED_GROUP, ImmutableList.copyOf(aliases), "IQ", "", ImmutableList.of());
  }

  private final ActorIndex index = ActorIndex.of(actors());

  @Test
  void theSeedsPmKazemiIsMustafaAlKadhimi() {
    Resolution r = index.resolve("PM Kazemi");
    assertThat(r.decision()).isEqualTo(Resolution.Decision.RESOLVED);
    assertThat(r.actor()).contains(KADHIMI);
    assertThat(r.candidates().get(0).why()).contains("kazemi~kadhimi").contains("same key");
  }

  @Test
  void anAcronymIsTheInitialsWithoutArticles() {
    assertThat(index.resolve("AAH").actor()).contains(AAH);
    assertThat(index.resolve("KH").actor()).contains(KH);
    assertThat(index.resolve("KH").candidates().get(0).why()).contains("acronym");
  }

  @Test
  void aSharedGivenNameIsNotEnough() {
    // Qasim al-Araji and Qasem Soleimani share a given name: "Qasim" alone names neither.
    Resolution r = index.resolve("Qasim");
    assertThat(r.decision()).isNotEqualTo(Resolution.Decision.RESOLVED);
    assertThat(index.resolve("Qassem al-Araji").actor()).contains(ARAJI);
  }

  @Test
  void aNamesakeIsNeverResolvedToTheKnownActor() {
    assertThat(index.resolve("Ali al-Araji").actor()).isEmpty();
    assertThat(index.resolve("Mustafa Habib").actor()).isEmpty();
  }

  @Test
  void anAmbiguousFragmentIsProposedWithBothCandidates() {
    Resolution r = index.resolve("Kataib");
    assertThat(r.decision()).isNotEqualTo(Resolution.Decision.RESOLVED);
    assertThat(r.candidates()).extracting(ActorCandidate::actor).contains(KH, KSS);
  }

  @Test
  void theResourceNameResolvesToItself() {
    assertThat(index.resolve(KH).actor()).contains(KH);
  }

  @Test
  void aMergeInTheLedgerSendsTheMergedActorsNamesToTheSurvivorAndAnUndoRestoresThem() {
    Instant t = Instant.parse("2020-12-26T10:00:00Z");
    List<Actor> actors = ImmutableList.<Actor>builder().addAll(actors())
        .add(person("actors/qassem-al-araji-dup", "Qassem al-A'raji", "NSA Araji")).build();
    AliasLedger ledger = AliasLedger.empty()
        .merge(ARAJI, "actors/qassem-al-araji-dup", "analyst-1", t, "same National Security Adviser");
    ActorIndex merged = ActorIndex.of(actors, ledger);
    assertThat(merged.resolve("NSA Araji").actor()).contains(ARAJI);
    assertThat(merged.resolve("actors/qassem-al-araji-dup").actor()).contains(ARAJI);
    assertThat(merged.size()).isEqualTo(actors.size() - 1);

    AliasLedger undone = ledger.undo(1, "analyst-2", t.plusSeconds(60), "two records kept apart until checked");
    assertThat(undone.inForce()).isEmpty();
    assertThat(undone.decisions()).hasSize(2);
    assertThat(ActorIndex.of(actors, undone).size()).isEqualTo(actors.size());
    assertThat(undone.undo(2, "analyst-1", t.plusSeconds(120), "checked: same man").survivorOf(
        "actors/qassem-al-araji-dup")).isEqualTo(ARAJI);
  }

  @Test
  void aSplitTakesAWrongAliasAwayAndGivesItToItsOwner() {
    Instant t = Instant.parse("2020-12-26T10:00:00Z");
    List<Actor> actors = List.of(person(SOLEIMANI, "Qasem Soleimani", "Qasim"), person(ARAJI, "Qasim al-Araji"));
    assertThat(ActorIndex.of(actors).resolve("Qasim").candidates().get(0).actor()).isEqualTo(SOLEIMANI);
    AliasLedger ledger = AliasLedger.empty().split(SOLEIMANI, "Qasim", "", "analyst-1", t,
        "a bare given name is not an alias");
    assertThat(ActorIndex.of(actors, ledger).resolve("Qasim").candidates())
        .extracting(ActorCandidate::actor).doesNotContain(SOLEIMANI);
    AliasLedger added = ledger.addAlias(ARAJI, "NSA", "analyst-1", t, "the seed calls him NSA");
    assertThat(ActorIndex.of(actors, added).resolve("NSA").actor()).contains(ARAJI);
  }
}
