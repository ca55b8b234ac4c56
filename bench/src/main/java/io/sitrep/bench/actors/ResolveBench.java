package io.sitrep.bench.actors;

import com.google.common.collect.ImmutableList;
import io.sitrep.core.actors.ActorIndex;
import io.sitrep.core.actors.Resolution;
import io.sitrep.core.model.Actor;
import io.sitrep.core.model.ActorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Throughput of actor resolution: 100,000 written names against 100,000 synthetic actors whose
 * names are built like Iraqi names (given name, father's name, nisba from random syllables), the
 * written names being respellings (vowels, q/k/g, dh/z, articles, titles, dropped given names).
 * Target: >= 50,000 names/s on 2 cores. Reports wall-clock names/s and names per CPU-second,
 * since on a shared machine the wall clock alone misleads.
 */
@Command(name = "resolve-bench", mixinStandardHelpOptions = true,
    description = "Actor resolution throughput: written names against synthetic Iraqi-style actors.")
public final class ResolveBench implements Callable<Integer> {
  @Option(names = "--actors", defaultValue = "100000", description = "Known actors (default: ${DEFAULT-VALUE}).")
  int nActors;

  @Option(names = "--names", defaultValue = "100000", description = "Names to resolve (default: ${DEFAULT-VALUE}).")
  int nNames;

  @Option(names = "--threads", defaultValue = "2", description = "Resolving threads (default: ${DEFAULT-VALUE}).")
  int threads;

  private static final String[] GIVEN = {"Mohammed", "Ali", "Hassan", "Hussein", "Ahmed", "Abbas", "Qasim",
      "Mustafa", "Hadi", "Hamid", "Haider", "Jawad", "Mahmoud", "Qais", "Ismail", "Jafar", "Ibrahim", "Yusuf",
      "Omar", "Khalid", "Karim", "Salih", "Sadiq", "Mahdi", "Kazim", "Jamal", "Nouri", "Falih", "Hamdi",
      "Hossam", "Amir", "Akram", "Ammar", "Adil", "Ayad", "Saad", "Sami", "Walid", "Zaid", "Hashim", "Majid"};
  private static final String[] ONSET = {"b", "d", "f", "h", "j", "k", "kh", "l", "m", "n", "q", "r", "s",
      "sh", "t", "w", "z", "dh", "gh", "th", "y"};
  private static final String[] VOWEL = {"a", "i", "u", "aa", "ee", "ou", "ei", "o", "e"};

  @Override
  public Integer call() throws Exception {
    Random random = new Random(20201227);
    List<Actor> actors = new ArrayList<>(nActors);
    List<String> truth = new ArrayList<>(nActors);
    for (int i = 0; i < nActors; i++) {
      String given = GIVEN[random.nextInt(GIVEN.length)];
      String father = GIVEN[random.nextInt(GIVEN.length)];
      String nisba = syllables(random, 2 + random.nextInt(2)) + (random.nextBoolean() ? "i" : "awi");
      String display = given + (random.nextInt(3) == 0 ? " " + father : "") + " al-" + capitalize(nisba);
      actors.add(new Actor("actors/a" + i, display, ActorKind.PERSON, ImmutableList.of(), "", "", ImmutableList.of()));
      truth.add(display);
    }
    long t0 = System.nanoTime();
    ActorIndex index = ActorIndex.of(actors);
    long t1 = System.nanoTime();
    System.out.printf(Locale.ROOT, "indexed %,d actors in %.0f ms%n", nActors, (t1 - t0) / 1e6);

    String[] names = new String[nNames];
    int[] expected = new int[nNames];
    for (int i = 0; i < nNames; i++) {
      int a = random.nextInt(nActors);
      expected[i] = a;
      names[i] = respell(truth.get(a), random);
    }
    // Warm up, then measure.
    run(index, names, expected, threads, Math.min(20_000, nNames));
    long t2 = System.nanoTime();
    long cpu0 = CPU_NANOS.get();
    int[] outcome = run(index, names, expected, threads, nNames);
    long t3 = System.nanoTime();
    double seconds = (t3 - t2) / 1e9;
    double cpuSeconds = (CPU_NANOS.get() - cpu0) / 1e9;
    System.out.printf(Locale.ROOT, "resolved %,d names on %d threads in %.2f s wall: %,.0f names/s;"
        + " %.2f CPU-s: %,.0f names per CPU-second (x%d cores = %,.0f names/s on an unloaded machine)%n",
        nNames, threads, seconds, nNames / seconds, cpuSeconds, nNames / cpuSeconds, threads,
        threads * nNames / cpuSeconds);
    System.out.printf(Locale.ROOT, "  resolved to the right actor %d, to a wrong one %d, proposed or none %d%n",
        outcome[0], outcome[1], outcome[2]);
    return 0;
  }

  private static final java.util.concurrent.atomic.AtomicLong CPU_NANOS = new java.util.concurrent.atomic.AtomicLong();

  private static int[] run(ActorIndex index, String[] names, int[] expected, int threads, int n) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger right = new AtomicInteger();
    AtomicInteger wrong = new AtomicInteger();
    AtomicInteger open = new AtomicInteger();
    List<Future<?>> futures = new ArrayList<>();
    int chunk = (n + threads - 1) / threads;
    for (int t = 0; t < threads; t++) {
      int from = t * chunk;
      int to = Math.min(n, from + chunk);
      futures.add(pool.submit(() -> {
        long c0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        resolveRange(index, names, expected, from, to, right, wrong, open);
        CPU_NANOS.addAndGet(java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c0);
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    return new int[] {right.get(), wrong.get(), open.get()};
  }

  private static void resolveRange(ActorIndex index, String[] names, int[] expected, int from, int to,
      AtomicInteger right, AtomicInteger wrong, AtomicInteger open) {
        for (int i = from; i < to; i++) {
          Resolution r = index.resolve(names[i]);
          if (r.actor().isEmpty()) {
            open.incrementAndGet();
          } else if (r.actor().get().equals("actors/a" + expected[i])) {
            right.incrementAndGet();
          } else {
            wrong.incrementAndGet();
          }
        }
  }

  private static String syllables(Random random, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(ONSET[random.nextInt(ONSET.length)]).append(VOWEL[random.nextInt(VOWEL.length)]);
    }
    b.append(ONSET[random.nextInt(ONSET.length)]);
    return b.toString();
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** A respelling such as reports make: vowels, consonant romanisations, articles, titles, omissions. */
  static String respell(String name, Random random) {
    String s = name;
    if (random.nextBoolean()) {
      s = s.replace("ou", "u").replace("ee", "i").replace("ei", "ai");
    }
    if (random.nextInt(3) == 0) {
      s = s.replace("q", "k").replace("dh", "z");
    }
    if (random.nextInt(3) == 0) {
      s = s.replace("al-", "Al ");
    }
    if (random.nextInt(4) == 0) {
      s = s.substring(s.indexOf("al-") >= 0 ? s.indexOf("al-") : 0); // surname only
    }
    if (random.nextInt(5) == 0) {
      s = "Sheikh " + s;
    }
    return s;
  }
}
