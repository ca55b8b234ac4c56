package io.sitrep.bench.truth;

import io.sitrep.core.truth.ClaimMatrix;
import io.sitrep.core.truth.TruthDiscoveries;
import io.sitrep.core.truth.TruthDiscovery;
import io.sitrep.core.truth.TruthOptions;
import io.sitrep.core.truth.TruthResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs truth-discovery algorithms on a {@code source,item,value} claims file and scores them
 * against an {@code item,value} truth file: accuracy is the share of truth items whose chosen
 * value equals the true one (exact strings after trimming); a truth item nobody claims counts
 * as wrong.
 */
@Command(
    name = "truth-eval",
    mixinStandardHelpOptions = true,
    description = "Score truth-discovery algorithms on claims against known truth.")
public final class TruthEval implements Callable<Integer> {

  @Option(names = "--claims", required = true, description = "CSV source,item,value with header")
  Path claims;

  @Option(names = "--truth", description = "CSV item,value with header (optional)")
  Path truth;

  @Option(
      names = "--algorithm",
      defaultValue = "all",
      description = "an algorithm name or 'all' (default: ${DEFAULT-VALUE})")
  String algorithm;

  @Option(names = "--predictions", description = "write item,value,belief for every item here")
  Path predictions;

  /** One algorithm's score. */
  public record Score(String algorithm, double accuracy, int correct, int truthItems, int iterations,
      long millis) {}

  @Override
  public Integer call() throws IOException {
    long t0 = System.nanoTime();
    ClaimMatrix m = ClaimsCsv.readClaims(claims);
    Map<String, String> gold = truth != null ? ClaimsCsv.readTruth(truth) : Map.of();
    System.err.printf(
        Locale.ROOT,
        "loaded %d claims, %d sources, %d items, %d values in %d ms%n",
        m.numClaims(), m.numSources(), m.numItems(), m.numValues(),
        (System.nanoTime() - t0) / 1_000_000);
    List<TruthDiscovery> algorithms = new ArrayList<>();
    if (algorithm.equalsIgnoreCase("all")) {
      for (String name : TruthDiscoveries.names()) {
        algorithms.add(TruthDiscoveries.byName(name).orElseThrow());
      }
    } else {
      var named = TruthDiscoveries.byName(algorithm);
      if (named.isEmpty()) {
        System.err.println("unknown algorithm " + algorithm + "; known: " + TruthDiscoveries.names());
        return 2;
      }
      algorithms.add(named.get());
    }
    PrintStream out = System.out;
    if (truth != null) {
      out.println("algorithm,accuracy,truth_items,iterations,millis");
    }
    for (TruthDiscovery a : algorithms) {
      long start = System.nanoTime();
      TruthResult r = a.run(m, TruthOptions.defaults());
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (truth != null) {
        Score s = score(r, gold, millis);
        out.printf(
            Locale.ROOT, "%s,%.4f,%d,%d,%d%n",
            s.algorithm(), s.accuracy(), s.truthItems(), s.iterations(), s.millis());
      }
      boolean predictThis =
          algorithms.size() == 1 || a.name().equals(TruthDiscoveries.DEFAULT_NAME);
      if (predictions != null && predictThis) {
        writePredictions(r, predictions);
      }
    }
    return 0;
  }

  /** Scores a result against truth rows. */
  public static Score score(TruthResult r, Map<String, String> gold, long millis) {
    ClaimMatrix m = r.claims();
    int correct = 0;
    for (Map.Entry<String, String> e : gold.entrySet()) {
      OptionalInt item = m.itemId(e.getKey());
      if (item.isPresent()) {
        String chosen = r.chosenValueName(item.getAsInt());
        if (chosen != null && chosen.trim().equals(e.getValue().trim())) {
          correct++;
        }
      }
    }
    double accuracy = gold.isEmpty() ? Double.NaN : (double) correct / gold.size();
    return new Score(r.algorithm(), accuracy, correct, gold.size(), r.iterations(), millis);
  }

  /** Scores every algorithm (the default first) on one data set. */
  public static List<Score> scoreAll(ClaimMatrix m, Map<String, String> gold) {
    List<Score> scores = new ArrayList<>();
    for (String name : TruthDiscoveries.names()) {
      long start = System.nanoTime();
      TruthResult r = TruthDiscoveries.byName(name).orElseThrow().run(m, TruthOptions.defaults());
      scores.add(score(r, gold, (System.nanoTime() - start) / 1_000_000));
    }
    return scores;
  }

  static void writePredictions(TruthResult r, Path file) throws IOException {
    ClaimMatrix m = r.claims();
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter p = ClaimsCsv.printer(w, "item", "value", "belief")) {
      for (int i = 0; i < m.numItems(); i++) {
        int v = r.chosenValue(i);
        if (v >= 0) {
          p.printRecord(m.itemName(i), m.valueName(v), String.format(Locale.ROOT, "%.6f", r.belief(v)));
        }
      }
    }
  }
}
