package io.sitrep.core.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Each floor does its algorithm's arithmetic: run for the algorithm's number of rounds, it ends
 * with exactly the same beliefs, trusts and chosen values. If an algorithm's model changes, its
 * floor must change with it, or the benchmark compares it with something else.
 */
class FloorTest {
  /**
   * Numeric claims (so similar values exist), sources of every size including one-claim
   * sources on contested items (the pooled copy model's pool), and copiers that repeat an
   * original's values, errors included (so AccuCopy discounts votes).
   */
  private static ClaimMatrix claims(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    ClaimMatrix.Builder b = ClaimMatrix.builder();
    int sources = 60;
    double[] accuracy = new double[sources];
    for (int s = 0; s < sources; s++) {
      accuracy[s] = 0.3 + 0.65 * rnd.nextDouble();
    }
    int anonymous = 0;
    for (int i = 0; i < 1500; i++) {
      int truth = 1000 + 10 * i;
      String[] given = new String[sources];
      for (int s = 0; s < sources; s++) {
        if (rnd.nextDouble() > 0.08 + 0.3 / (s + 1)) {
          continue;
        }
        long value =
            rnd.nextDouble() < accuracy[s]
                ? truth
                : rnd.nextDouble() < 0.5 ? truth + 5 : truth + 1 + rnd.nextInt(3) * 100;
        given[s] = Long.toString(value);
        b.addClaim("s" + s, "i" + i, given[s]);
      }
      // s1 and s2 copy s0 whenever it speaks.
      if (given[0] != null) {
        b.addClaim("copier1", "i" + i, given[0]);
        if (rnd.nextBoolean()) {
          b.addClaim("copier2", "i" + i, given[0]);
        }
      }
      if (rnd.nextDouble() < 0.2) {
        b.addClaim("anon" + anonymous++, "i" + i, Long.toString(truth + rnd.nextInt(2) * 300));
      }
    }
    return b.build();
  }

  private static void assertSame(TruthResult r, Floor.Run floor, ClaimMatrix m) {
    for (int v = 0; v < m.numValues(); v++) {
      assertThat(floor.belief()[v]).as("belief of value %s", v).isEqualTo(r.belief(v));
    }
    for (int s = 0; s < m.numSources(); s++) {
      assertThat(floor.trust()[s]).as("trust of %s", m.sourceName(s)).isEqualTo(r.trust(s));
    }
    for (int i = 0; i < m.numItems(); i++) {
      assertThat(floor.chosen()[i]).as("choice for item %s", i).isEqualTo(r.chosenValue(i));
    }
  }

  @Test
  void truthFinderFloorEndsWhereTruthFinderDoes() {
    ClaimMatrix m = claims(1);
    TruthResult r = new TruthFinder().run(m);
    assertSame(r, Floor.truthFinder(m, r.iterations()), m);
  }

  @Test
  void accuFloorEndsWhereAccuDoes() {
    ClaimMatrix m = claims(2);
    TruthResult r = Accu.accu().run(m);
    assertSame(r, Floor.accu(m, r.iterations()), m);
  }

  @Test
  void accuCopyFloorEndsWhereAccuCopyDoes() {
    ClaimMatrix m = claims(3);
    TruthResult r = Accu.accuCopy().run(m, TruthOptions.defaults().withEpsilon(0));
    assertThat(r.iterations()).isEqualTo(20);
    assertSame(r, Floor.accuCopy(m, r.iterations()), m);
    // And it did detect copying: the floor is not Accu's.
    assertThat(Floor.accu(m, r.iterations()).belief()).isNotEqualTo(Floor.accuCopy(m, 20).belief());
  }

  @Test
  void defaultFloorEndsWhereTheDefaultDoes() {
    ClaimMatrix m = claims(4);
    assertThat(LatentTruth.valuesAreSets(m)).isFalse();
    TruthResult r = TruthDiscoveries.defaultConfiguration().run(m);
    assertSame(r, Floor.defaultConfiguration(m, r.iterations()), m);
    // The pool and the similarity term both took part.
    assertThat(Accu.PooledCopy.build(m).items).isNotEmpty();
    assertThat(SimilarityTable.build(m, ValueSimilarity.automatic(), 1e-9).other).isNotEmpty();
  }

  @Test
  void theDefaultsFloorRefusesSets() {
    ClaimMatrix.Builder b = ClaimMatrix.builder();
    for (int i = 0; i < 20; i++) {
      b.addClaim("a", "book" + i, "robert seacord");
      b.addClaim("b", "book" + i, "c robert seacord");
    }
    assertThatThrownBy(() -> Floor.defaultConfiguration(b.build(), 3))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
