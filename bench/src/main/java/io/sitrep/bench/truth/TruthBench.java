package io.sitrep.bench.truth;

import io.sitrep.core.truth.ClaimMatrix;
import io.sitrep.core.truth.Floor;
import io.sitrep.core.truth.MajorityVote;
import io.sitrep.core.truth.TruthDiscoveries;
import io.sitrep.core.truth.TruthDiscovery;
import io.sitrep.core.truth.TruthFinder;
import io.sitrep.core.truth.Accu;
import io.sitrep.core.truth.TruthOptions;
import io.sitrep.core.truth.TruthResult;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Times TruthFinder, AccuCopy and the default (and plain Accu) on a generated data set, each
 * beside its floor: bare loops doing the same arithmetic over the same arrays for the same
 * number of rounds ({@link Floor}). Not a unit test: run it by hand with a fixed heap, e.g.
 * {@code java -Xmx1500m -jar sitrep-bench.jar truth-bench --repeats 5}. It prints wall and
 * thread-CPU milliseconds of each (every algorithm and floor here runs on the calling thread),
 * the best and the median over the repeats, their ratios, peak heap, whether the floor chose
 * the same value as the algorithm on every item ({@code floor_same}: it did the same work), and
 * accuracy on the generated truth. On a shared machine the CPU ratio is the steadier.
 *
 * <p>The data: source sizes follow a Zipf law (exponent 0.8), so a few sources cover a lot;
 * accuracies are spread over [0.35, 0.98]; item sizes are geometric-ish around the mean; 5% of
 * sources are copiers that copy an original's claims (80% of the time the value too, errors
 * included) on items both cover; false values spread over up to four wrong candidates with a
 * skew, so errors coincide as they do on the web.
 */
@Command(
    name = "truth-bench",
    mixinStandardHelpOptions = true,
    description = "Time truth discovery on synthetic claims against a bare-loop floor.")
public final class TruthBench implements Callable<Integer> {

  @Option(names = "--claims", defaultValue = "10000000") int claims;
  @Option(names = "--sources", defaultValue = "10000") int sources;
  @Option(names = "--items", defaultValue = "1000000") int items;
  @Option(names = "--iterations", defaultValue = "20", description = "at most this many") int iterations;
  @Option(names = "--seed", defaultValue = "42") long seed;
  @Option(
      names = "--repeats",
      defaultValue = "1",
      description =
          "runs of each algorithm and its floor, alternating; the best and the median are printed")
  int repeats;

  @Override
  public Integer call() {
    long t0 = System.nanoTime();
    ClaimMatrix m = generate(sources, items, claims, seed);
    System.out.printf(
        Locale.ROOT, "generated %d claims, %d sources, %d items, %d values in %d ms%n",
        m.numClaims(), m.numSources(), m.numItems(), m.numValues(), ms(t0));
    // Warm up the JIT on a small set so the timed runs measure steady-state code.
    ClaimMatrix warm = generate(500, 20_000, 200_000, seed + 1);
    for (int k = 0; k < 3; k++) {
      new TruthFinder().run(warm);
      Accu.accu().run(warm);
      Accu.accuCopy().run(warm);
      TruthDiscoveries.defaultConfiguration().run(warm);
      Floor.truthFinder(warm, 20);
      Floor.accu(warm, 20);
      Floor.accuCopy(warm, 20);
      Floor.defaultConfiguration(warm, 20);
    }
    System.out.println(
        "algorithm,iterations,ms,floor_ms,ratio,median_ms,median_floor_ms,median_ratio,"
            + "cpu_ms,floor_cpu_ms,cpu_ratio,median_cpu_ms,median_floor_cpu_ms,median_cpu_ratio,"
            + "peak_heap_mb,floor_peak_heap_mb,floor_same,accuracy");
    TruthOptions options = TruthOptions.defaults().withMaxIterations(iterations);
    time(m, new MajorityVote(), options, null);
    time(m, new TruthFinder(), options, it -> Floor.truthFinder(m, it));
    time(m, Accu.accu(), options, it -> Floor.accu(m, it));
    time(m, Accu.accuCopy(), options, it -> Floor.accuCopy(m, it));
    time(m, TruthDiscoveries.defaultConfiguration(), options,
        it -> Floor.defaultConfiguration(m, it));
    return 0;
  }

  private interface FloorRun {
    Floor.Run run(int iterations);
  }

  /**
   * Runs {@code a} and its floor {@code repeats} times, alternating, each after a full GC, and
   * prints the best and the median of each with their ratios (best to best, median to median).
   */
  private void time(ClaimMatrix m, TruthDiscovery a, TruthOptions options, FloorRun floor) {
    long[] wall = new long[repeats];
    long[] cpu = new long[repeats];
    long[] floorWall = new long[repeats];
    long[] floorCpu = new long[repeats];
    double heap = 0;
    double floorHeap = 0;
    int it = 0;
    double accuracy = 0;
    boolean same = true;
    for (int k = 0; k < repeats; k++) {
      System.gc();
      resetPeaks();
      long start = System.nanoTime();
      long cpuStart = cpuNanos();
      TruthResult r = a.run(m, options);
      cpu[k] = (cpuNanos() - cpuStart) / 1_000_000;
      wall[k] = ms(start);
      heap = Math.max(heap, peakHeapMb());
      it = r.iterations();
      accuracy = accuracy(m, r);
      if (floor == null) {
        continue;
      }
      System.gc();
      resetPeaks();
      long floorStart = System.nanoTime();
      long floorCpuStart = cpuNanos();
      Floor.Run f = floor.run(it);
      floorCpu[k] = (cpuNanos() - floorCpuStart) / 1_000_000;
      floorWall[k] = ms(floorStart);
      floorHeap = Math.max(floorHeap, peakHeapMb());
      same &= sameChoices(m, r, f);
    }
    long bestMs = min(wall);
    long bestFloorMs = min(floorWall);
    long medianMs = median(wall);
    long medianFloorMs = median(floorWall);
    long bestCpu = min(cpu);
    long bestFloorCpu = min(floorCpu);
    long medianCpu = median(cpu);
    long medianFloorCpu = median(floorCpu);
    System.out.printf(
        Locale.ROOT,
        "%s,%d,%d,%d,%.2f,%d,%d,%.2f,%d,%d,%.2f,%d,%d,%.2f,%.0f,%.0f,%s,%.4f%n",
        a.name(),
        it,
        bestMs,
        bestFloorMs,
        ratio(bestMs, bestFloorMs),
        medianMs,
        medianFloorMs,
        ratio(medianMs, medianFloorMs),
        bestCpu,
        bestFloorCpu,
        ratio(bestCpu, bestFloorCpu),
        medianCpu,
        medianFloorCpu,
        ratio(medianCpu, medianFloorCpu),
        heap,
        floorHeap,
        floor == null ? "" : same,
        accuracy);
  }

  private static double ratio(long x, long floor) {
    return (double) x / Math.max(1, floor);
  }

  private static long min(long[] x) {
    return java.util.Arrays.stream(x).min().orElse(0);
  }

  /** The median; of an even count, the lower middle. */
  private static long median(long[] x) {
    long[] sorted = x.clone();
    java.util.Arrays.sort(sorted);
    return sorted[(sorted.length - 1) / 2];
  }

  /** Whether the floor chose what the algorithm chose on every item: it did the same work. */
  private static boolean sameChoices(ClaimMatrix m, TruthResult r, Floor.Run f) {
    for (int i = 0; i < m.numItems(); i++) {
      if (r.chosenValue(i) != f.chosen()[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Share of items whose chosen value is the generated truth (candidate 0), so a faster
   * approximation shows what it costs in answers.
   */
  private static double accuracy(ClaimMatrix m, TruthResult r) {
    int right = 0;
    for (int i = 0; i < m.numItems(); i++) {
      right += r.chosenValue(i) == m.itemValueStart(i) ? 1 : 0;
    }
    return (double) right / m.numItems();
  }

  /** CPU time of this thread: on a shared machine, wall time measures the neighbours too. */
  private static long cpuNanos() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static long ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static double peakHeapMb() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum / 1048576.0;
  }

  /** A reproducible synthetic claim set; see the class comment. */
  public static ClaimMatrix generate(int numSources, int numItems, int numClaims, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] cumulative = new double[numSources];
    double total = 0;
    for (int s = 0; s < numSources; s++) {
      total += 1 / Math.pow(s + 1, 0.8);
      cumulative[s] = total;
    }
    double[] accuracy = new double[numSources];
    int[] original = new int[numSources];
    for (int s = 0; s < numSources; s++) {
      accuracy[s] = 0.35 + 0.63 * Math.sqrt(rnd.nextDouble());
      original[s] = s >= 10 && rnd.nextDouble() < 0.05 ? rnd.nextInt(s) : -1;
    }
    int[] source = new int[numClaims];
    int[] item = new int[numClaims];
    int[] value = new int[numClaims];
    double mean = (double) numClaims / numItems;
    int k = 0;
    int[] chosen = new int[64];
    int[] chosenValue = new int[64];
    for (int i = 0; i < numItems && k < numClaims; i++) {
      int remainingItems = numItems - i;
      int want = (int) Math.max(1, Math.round(-Math.log(1 - rnd.nextDouble()) * mean));
      want = Math.min(Math.min(want, 60), numClaims - k - (remainingItems - 1));
      want = Math.max(want, 1);
      int count = 0;
      while (count < want) {
        int s = pick(cumulative, rnd.nextDouble() * total);
        if (contains(chosen, count, s)) {
          continue;
        }
        chosen[count++] = s;
        int o = original[s];
        if (o >= 0 && count < want && !contains(chosen, count, o)) {
          chosen[count - 1] = o;
          chosen[count++] = s;
        }
      }
      for (int c = 0; c < count; c++) {
        int s = chosen[c];
        int o = original[s];
        int copiedFrom = o >= 0 ? indexOf(chosen, c, o) : -1;
        int v;
        if (copiedFrom >= 0 && rnd.nextDouble() < 0.8) {
          v = chosenValue[copiedFrom];
        } else if (rnd.nextDouble() < accuracy[s]) {
          v = 0;
        } else {
          v = 1 + (int) (4 * rnd.nextDouble() * rnd.nextDouble());
        }
        chosenValue[c] = v;
        source[k] = s;
        item[k] = i;
        value[k] = v;
        k++;
      }
    }
    if (k < numClaims) {
      source = java.util.Arrays.copyOf(source, k);
      item = java.util.Arrays.copyOf(item, k);
      value = java.util.Arrays.copyOf(value, k);
    }
    return ClaimMatrix.ofIndexedClaims(numSources, numItems, source, item, value);
  }

  private static int pick(double[] cumulative, double x) {
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static boolean contains(int[] a, int n, int x) {
    return indexOf(a, n, x) >= 0;
  }

  private static int indexOf(int[] a, int n, int x) {
    for (int k = 0; k < n; k++) {
      if (a[k] == x) {
        return k;
      }
    }
    return -1;
  }
}
