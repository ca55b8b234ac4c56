package io.sitrep.core.truth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** TruthFinder's gold seeds hold in the round's single pass and teach it whom to trust. */
class TruthFinderGoldTest {
  @Test
  void aGoldSeedClampsItsItemAndTeachesWhoToTrust() {
    ClaimMatrix m = TruthDiscoveryScenariosTest.ministryAgainstWitnessesWithOneGold();

    TruthResult r = new TruthFinder().run(m);

    int seeded = m.valueId(m.itemId("event-0").getAsInt(), "version-w-0").getAsInt();
    int other = m.valueId(m.itemId("event-0").getAsInt(), "version-m-0").getAsInt();
    assertThat(r.belief(seeded)).isEqualTo(1);
    assertThat(r.belief(other)).isEqualTo(0);
    int witness = m.sourceId("Eyewitness network").getAsInt();
    int ministry = m.sourceId("Ministry statement").getAsInt();
    assertThat(r.trust(witness)).isGreaterThan(r.trust(ministry));
    assertThat(r.chosenValueName(m.itemId("event-3").getAsInt())).isEqualTo("version-w-3");
    // Without the seed the two are even, and the tie goes to the first reported.
    TruthResult unseeded = new TruthFinder().run(m, TruthOptions.defaults().withGold(false));
    assertThat(unseeded.trust(witness)).isEqualTo(unseeded.trust(ministry));
  }
}
