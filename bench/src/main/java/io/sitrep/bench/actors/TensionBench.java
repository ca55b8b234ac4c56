package io.sitrep.bench.actors;

import io.sitrep.core.tension.TensionIndex;
import io.sitrep.core.tension.TensionOptions;
import io.sitrep.core.tension.TensionSeries;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Time to compute one pair's tension series over 1,000,000 pre-indexed interactions spread over 30
 * years, a tenth of them imprecise (a month or a year). Target: under 50 ms per series.
 */
@Command(name = "tension-bench", mixinStandardHelpOptions = true,
    description = "Time of one pair's tension series over pre-indexed interactions.")
public final class TensionBench implements Callable<Integer> {
  @Option(names = "--events", defaultValue = "1000000", description = "Interactions (default: ${DEFAULT-VALUE}).")
  int n;

  @Override
  public Integer call() {
    Random random = new Random(27);
    long first = LocalDate.of(1995, 1, 1).toEpochDay();
    int span = 30 * 365;
    TensionIndex.Builder b = TensionIndex.builder(TensionOptions.DEFAULTS);
    for (int i = 0; i < n; i++) {
      long start = first + random.nextInt(span);
      int length = random.nextInt(10) == 0 ? (random.nextBoolean() ? 30 : 365) : 1;
      b.add("actors/kataib-hezbollah", "actors/mustafa-al-kadhimi", start, start + length,
          random.nextDouble() * 20 - 10);
    }
    TensionIndex index = b.build();
    LocalDate from = LocalDate.ofEpochDay(first);
    LocalDate to = LocalDate.ofEpochDay(first + span - 1);
    double checksum = 0;
    for (int i = 0; i < 20; i++) {
      checksum += index.series("actors/kataib-hezbollah", "actors/mustafa-al-kadhimi", from, to).values()[100];
    }
    int runs = 30;
    long[] times = new long[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      TensionSeries s = index.series("actors/kataib-hezbollah", "actors/mustafa-al-kadhimi", from, to);
      times[i] = System.nanoTime() - t0;
      checksum += s.values()[s.size() - 1];
    }
    java.util.Arrays.sort(times);
    System.out.printf(Locale.ROOT, "%,d interactions, %,d days: median %.1f ms, min %.1f ms, max %.1f ms (checksum %.3f)%n",
        n, span, times[runs / 2] / 1e6, times[0] / 1e6, times[runs - 1] / 1e6, checksum);
    return 0;
  }
}
