package io.sitrep.core.actors;

import static io.sitrep.core.actors.Seed.ARAJI;
import static io.sitrep.core.actors.Seed.HASHD_SECURITY;
import static io.sitrep.core.actors.Seed.IRAN;
import static io.sitrep.core.actors.Seed.KH;
import static io.sitrep.core.actors.Seed.PM;
import static io.sitrep.core.actors.Seed.US;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sitrep.core.model.Claim;
import io.sitrep.core.model.Proposition;
import io.sitrep.core.model.RelationKind;
import io.sitrep.core.model.Stance;
import io.sitrep.core.model.TimeSpan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActorRelationsTest {
  private final ActorRelations relations =
      ActorRelations.of(Seed.actors(), Seed.claims(), Seed.allEvents(), Map.of());

  @Test
  void washingtonAndTehranBackedThePmInDecember2020() {
    // By the seed's claims, and the CTS by its part in the Christmas deployment (an event's SUPPORTER).
    assertThat(relations.who(RelationKind.BACKS, PM, Seed.december2020()))
        .extracting(RelationFact::subject, RelationFact::origin).containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(US, RelationFact.Origin.CLAIMED),
            org.assertj.core.groups.Tuple.tuple(IRAN, RelationFact.Origin.CLAIMED),
            org.assertj.core.groups.Tuple.tuple(Seed.CTS, RelationFact.Origin.EVENT));
    // Not in June: the claims are about December.
    assertThat(relations.who(RelationKind.BACKS, PM, Seed.day(LocalDate.of(2020, 6, 26)))).isEmpty();
  }

  @Test
  void kataibHezbollahControlsTheHashdSecurityDirectorateByHamdiMaliksWord() {
    List<RelationFact> controllers = relations.who(RelationKind.CONTROLS, HASHD_SECURITY, null);
    assertThat(controllers).extracting(RelationFact::subject).containsExactly(KH);
    assertThat(controllers.get(0).origin()).isEqualTo(RelationFact.Origin.CLAIMED);
    assertThat(controllers.get(0).evidence()).containsExactly("claims/malik-directorate-controlled-by-kh");
  }

  @Test
  void theMediatorOfChristmasDayMediatesBetweenAahAndTheGovernment() {
    assertThat(relations.whom(ARAJI, RelationKind.MEDIATES, Seed.decemberSpan(25)))
        .extracting(RelationFact::object).containsExactlyInAnyOrder(Seed.AAH, Seed.GOVERNMENT);
    assertThat(relations.whom(ARAJI, RelationKind.MEDIATES, Seed.decemberSpan(20))).isEmpty();
  }

  @Test
  void aDenialAndTruthDiscoveryBeliefsPoolIntoTheRelationsBelief() {
    TimeSpan dec = Seed.december2020();
    List<Claim> claims = new ArrayList<>(Seed.claims());
    claims.add(Claim.about("claims/denial-iran-backs", "reports/x", Stance.DENIES, new Proposition(IRAN, "backs", PM, dec)));
    ActorRelations pooled = ActorRelations.of(Seed.actors(), claims, List.of(),
        Map.of("claims/wing-iran-backs-kadhimi", 0.8, "claims/denial-iran-backs", 0.4));
    RelationFact iranBacksPm = pooled.who(RelationKind.BACKS, PM, dec).stream()
        .filter(f -> f.subject().equals(IRAN)).findFirst().orElseThrow();
    // mean of 0.8 (asserted, believed 0.8) and 1 - 0.4 (denied, denial believed 0.4)
    assertThat(iranBacksPm.belief()).isCloseTo(0.7, within(1e-9));
    assertThat(pooled.query(RelationQuery.any().kind(RelationKind.BACKS).object(PM).minBelief(0.75)))
        .extracting(RelationFact::subject).doesNotContain(IRAN).contains(US);
  }
}
