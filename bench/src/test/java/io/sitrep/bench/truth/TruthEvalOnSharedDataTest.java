package io.sitrep.bench.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sitrep.core.truth.ClaimMatrix;
import io.sitrep.core.truth.TruthDiscoveries;
import io.sitrep.core.truth.TruthOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default configuration against the best published figures, on the real shared files:
 * AccuSim's .89 on Book (Dong et al. 2009) and LCA's 86.13% on Population (Pasternack &amp; Roth
 * 2010), the latter scored here over all 308 truth rows.
 */
class TruthEvalOnSharedDataTest {
  @TempDir Path work;

  private static Path sharedData() {
    String root = System.getProperty("sitrep.repo.root");
    if (root != null) {
      Path p = Path.of(root).resolve("../shared/data/truth").normalize();
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    return Path.of("/work/shared/data/truth");
  }

  private double defaultAccuracy(String dataset) throws Exception {
    Path data = sharedData().resolve(dataset);
    assumeTrue(Files.isDirectory(data), "shared data not present: " + data);
    Path out = work.resolve(dataset);
    Files.createDirectories(out);
    if (dataset.equals("book")) {
      TruthPrepare.book(data, out);
    } else {
      TruthPrepare.population(data, out);
    }
    ClaimMatrix m = ClaimsCsv.readClaims(out.resolve("claims.csv"));
    Map<String, String> truth = ClaimsCsv.readTruth(out.resolve("truth.csv"));
    return TruthEval.score(
            TruthDiscoveries.defaultConfiguration().run(m, TruthOptions.defaults()), truth, 0)
        .accuracy();
  }

  @Test
  void defaultBeatsAccuSimOnBook() throws Exception {
    assertThat(defaultAccuracy("book")).isGreaterThan(0.89);
  }

  @Test
  void defaultBeatsLcaOnPopulation() throws Exception {
    assertThat(defaultAccuracy("population")).isGreaterThan(0.8613);
  }

  @Test
  void bookConversionMeetsTheGoldFile() {
    assertThat(TruthPrepare.isbn13("0201853949")).isEqualTo("9780201853940");
    assertThat(TruthPrepare.normaliseAuthors("Knuth, Donald E. and Graham, R."))
        .isEqualTo("donald e graham knuth r");
  }
}
