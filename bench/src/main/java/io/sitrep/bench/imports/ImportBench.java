package io.sitrep.bench.imports;

import io.sitrep.core.imports.ImportFormat;
import io.sitrep.core.imports.ImportListener;
import io.sitrep.core.imports.ImportOptions;
import io.sitrep.core.imports.ImportResult;
import io.sitrep.core.imports.ImportSink;
import io.sitrep.core.imports.Importer;
import io.sitrep.core.store.InMemoryStore;
import io.sitrep.core.store.ResourceType;
import io.sitrep.core.store.SitrepStore;
import io.sitrep.core.store.jdbc.JdbcStores;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code import-bench}: how fast a shared sample is parsed and mapped (into a sink that stores
 * nothing), and how fast it is stored (into a fresh in-memory or SQLite store), for one format or
 * all four. The sample is replicated into a temporary file to reach {@code --rows}, each copy with
 * its ids shifted so that every row is a new event; the copy is made before the clock starts.
 * Process CPU is printed beside wall time, since the machine may be shared.
 */
@Command(name = "import-bench", mixinStandardHelpOptions = true,
    description = "Rows per second parsed+mapped and stored, per importer and store.")
public final class ImportBench implements Callable<Integer> {
  /** Rows imported into a throwaway store of each kind before the measured pass. */
  private static final long STORE_WARMUP_ROWS = 20_000;
  /** Warm-up passes go on, up to this many, while the JIT compiler is busy. */
  private static final int MAX_WARMUPS = 8;
  /**
   * A warm-up pass whose JIT compiler time was under this share of its wall time, and whose reading
   * thread took at most {@link #STEADY_CPU_RATIO} times the CPU of the fastest pass, is the last.
   */
  private static final double QUIET_JIT_SHARE = 0.05;
  /**
   * A quiet compiler was not enough: each file's end deoptimizes code compiled without having seen
   * it (JFR: unstable_if traps in CsvParser.nextToken, Importer.Run.flush and the JDK's decoder at
   * every pass's end), and the passes after run partly in recompiled code. Ten passes in one JVM
   * read 14.7, 5.0, 4.6, 4.5, 4.6, 4.6, 7.1, 4.6, 4.6, 4.6 us of reading-thread CPU per row
   * (2026-11-29, load 3), and a pass measured after three warm-ups 5.8. Warm-ups go on until the
   * reading thread's CPU has settled too, and several passes are measured.
   */
  private static final double STEADY_CPU_RATIO = 1.05;

  @Option(names = "--format", required = true, description = "gdelt, acled, ucdp, plover or all.")
  String format;

  @Option(names = "--store", defaultValue = "memory",
      description = "memory, sqlite, none (parse and map only) or all; with all (or --format all) each format and"
          + " store kind runs in a JVM of its own (default: ${DEFAULT-VALUE}).")
  String store;

  @Option(names = "--rows", defaultValue = "200000", description = "Rows to import (default: ${DEFAULT-VALUE}).")
  long rows;

  @Option(names = "--store-rows", description = "Rows to store in SQLite, if fewer than --rows (default: --rows).")
  @org.jspecify.annotations.Nullable Long storeRows;

  @Option(names = "--threads", description = "Threads that parse and map (GDELT; default: 1).")
  @org.jspecify.annotations.Nullable Integer threads;

  @Option(names = "--batch-rows", description = "Rows per batch written (default: ImportOptions' default).")
  @org.jspecify.annotations.Nullable Integer batchRows;

  @Option(names = "--warmups", defaultValue = "1",
      description = "Unmeasured passes first, at least: over the whole file into no store, and over up to 20,000"
          + " rows into a throwaway store of each kind; more follow (up to 8) while the JIT compiler took over 5%%"
          + " of the last one's time (default: ${DEFAULT-VALUE}; 0: none).")
  int warmups;

  @Option(names = "--passes", defaultValue = "3",
      description = "Measured parse+map passes after the warm-ups, each printed; the median's is the figure"
          + " (default: ${DEFAULT-VALUE}).")
  int passes;

  @Option(names = "--data", description = "The shared data directory (default: ../shared/data or /work/shared/data).")
  Path data;

  @Override
  public Integer call() throws Exception {
    if (passes < 1) {
      throw new IllegalArgumentException("--passes must be at least 1");
    }
    List<ImportFormat> formats = format.equals("all") ? List.of(ImportFormat.values()) : List.of(ImportFormat.of(format));
    List<String> stores = switch (store) {
      case "all" -> List.of("memory", "sqlite");
      case "none" -> List.of();
      case "memory", "sqlite" -> List.of(store);
      default -> throw new IllegalArgumentException("--store must be memory, sqlite, none or all");
    };
    if (formats.size() > 1 || stores.size() > 1) {
      // One JVM per format and store kind: after the memory store's pass had grown the heap to
      // gigabytes, the SQLite pass in the same JVM allocated through a young generation it never
      // collected, page-faulting in fresh memory (22% of its samples in the kernel's page-fault
      // handler, none alone) at 146-218 us CPU/row against 63 in a JVM of its own.
      int exit = 0;
      for (ImportFormat f : formats) {
        for (String kind : stores.isEmpty() ? List.of("none") : stores) {
          exit = Math.max(exit, runAlone(f, kind));
        }
      }
      return exit;
    }
    Path dir = data != null ? data : Files.isDirectory(Path.of("../shared/data")) ? Path.of("../shared/data")
        : Path.of("/work/shared/data");
    run(formats.get(0), dir, stores);
    return 0;
  }

  /** Runs this benchmark for one format and store kind in a new JVM with this one's flags. */
  private int runAlone(ImportFormat f, String kind) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.sitrep.bench.BenchMain", "import-bench",
        "--format", f.name().toLowerCase(Locale.ROOT), "--store", kind, "--rows", Long.toString(rows),
        "--warmups", Integer.toString(warmups), "--passes", Integer.toString(passes)));
    if (storeRows != null) {
      command.addAll(List.of("--store-rows", Long.toString(storeRows)));
    }
    if (threads != null) {
      command.addAll(List.of("--threads", Integer.toString(threads)));
    }
    if (batchRows != null) {
      command.addAll(List.of("--batch-rows", Integer.toString(batchRows)));
    }
    if (data != null) {
      command.addAll(List.of("--data", data.toString()));
    }
    return new ProcessBuilder(command).inheritIO().start().waitFor();
  }

  private void run(ImportFormat f, Path dir, List<String> stores) throws IOException {
    Path sample = switch (f) {
      case GDELT -> dir.resolve("gdelt/20150218230000.export.CSV");
      case ACLED -> dir.resolve("acled/acled_somalia_2025-04_2026-03.csv");
      case UCDP -> dir.resolve("ucdp/ucdp_ged_hdx_iraq_1989-2018.csv");
      case PLOVER -> dir.resolve("plover/PLOVER_GSR_CAMEO.json");
    };
    Path tmp = Files.createTempDirectory("sitrep-import-bench");
    try {
      String name = f.name().toLowerCase(Locale.ROOT);
      System.out.printf(Locale.ROOT, "%-7s %d parse+map threads, %d processors%n", name, options().threads(),
          Runtime.getRuntime().availableProcessors());
      Path file = replicate(f, sample, tmp.resolve(sample.getFileName()), rows);
      // Warm up the JIT on the whole file until it is done, then measure: one pass left C2
      // compiling through the measured one (~1.5-2 s of compiler time in a 200k-row pass at load
      // 5), so the figure measured the compiler and code not yet compiled, not the importer.
      warmUp(name, "parse", () -> Importer.importFile(f, file, ImportSink.discarding(), options(),
          ImportListener.NONE));
      // Several measured passes, each printed, and the median's line as the figure: a single pass
      // could land on a transient (a recompilation, a burst of load on the shared machine) and read
      // 30% slower than the passes around it in the same JVM.
      List<Measured> measured = new ArrayList<>();
      for (int p = 0; p < passes; p++) {
        Meter meter = Meter.start();
        ImportResult parsed = Importer.importFile(f, file, ImportSink.discarding(), options(),
            ImportListener.NONE);
        Measured m = meter.end(parsed);
        measured.add(m);
        if (passes > 1) {
          print(name, "pass " + (p + 1) + "/" + passes, m);
        }
      }
      measured.sort(Comparator.comparingDouble(Measured::rowsPerSecond));
      print(name, "parsed+mapped", measured.get(measured.size() / 2));

      for (String kind : stores) {
        Path stored = file;
        if (kind.equals("sqlite") && storeRows != null && storeRows < rows) {
          stored = replicate(f, sample, tmp.resolve("fewer-" + sample.getFileName()), storeRows);
        }
        // The parse warm-up above never reached a store: compile the store's write path too, on
        // throwaway stores of the same kind, or the measured pass pays for the JIT (C2 took ~45% of
        // the process CPU of a 50k-row SQLite pass without this).
        Path warmFile = replicate(f, sample, tmp.resolve("warm-" + sample.getFileName()),
            Math.min(rows, STORE_WARMUP_ROWS));
        int[] pass = {0};
        warmUp(name, kind, () -> {
          try (SitrepStore w = open(kind, tmp.resolve("warm-" + kind + "-" + pass[0]++))) {
            Importer.importFile(f, warmFile, ImportSink.of(w), options(), ImportListener.NONE);
          }
        });
        try (SitrepStore s = open(kind, tmp.resolve("store-" + kind))) {
          Meter storing = Meter.start();
          ImportResult r = Importer.importFile(f, stored, ImportSink.of(s), options(),
              ImportListener.NONE);
          print(name, "stored (" + kind + ")", storing.end(r));
          System.out.printf(Locale.ROOT, "%-7s store now holds %,d events, %,d reports, %,d claims (%,d resources created)%n",
              name, s.count(ResourceType.EVENTS), s.count(ResourceType.REPORTS), s.count(ResourceType.CLAIMS),
              r.created());
        }
      }
    } finally {
      try (Stream<Path> walk = Files.walk(tmp)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * Runs {@code pass} at least {@code --warmups} times, and again (up to {@link #MAX_WARMUPS}) while
   * the JIT compiler's time was over {@link #QUIET_JIT_SHARE} of the last pass's wall time.
   */
  private void warmUp(String format, String what, Runnable pass) {
    if (warmups <= 0) {
      return;
    }
    int n = 0;
    double share;
    long threadNanos;
    long fastest = Long.MAX_VALUE;
    do {
      long wall0 = System.nanoTime();
      long jit0 = jitMillisSoFar();
      long thread0 = threadCpu();
      pass.run();
      n++;
      share = (jitMillisSoFar() - jit0) / ((System.nanoTime() - wall0) / 1e6);
      threadNanos = threadCpu() - thread0;
      fastest = Math.min(fastest, threadNanos);
    } while (n < warmups || ((share > QUIET_JIT_SHARE || threadNanos > STEADY_CPU_RATIO * fastest)
        && n < MAX_WARMUPS));
    System.out.printf(Locale.ROOT, "%-7s %d warm-up passes (%s), JIT compiler %.0f%% of the last, its reading thread's"
        + " CPU x%.2f of the fastest%n", format, n, what, 100 * share, (double) threadNanos / fastest);
  }

  private ImportOptions options() {
    ImportOptions o = ImportOptions.defaults();
    o = threads == null ? o : o.withThreads(threads);
    return batchRows == null ? o : o.withBatchRows(batchRows);
  }

  private static SitrepStore open(String kind, Path dir) {
    return kind.equals("sqlite") ? JdbcStores.openSqlite(dir) : new InMemoryStore();
  }

  private static void print(String format, String what, Measured m) {
    System.out.printf(Locale.ROOT,
        "%-7s %-16s %,10d rows in %6.2f s = %,9.0f rows/s  (process CPU %.2f s, %.1f us/row, reading thread"
            + " %.1f us/row; JIT compiling %.2f s, GC pauses %.2f s; %d bad)%n",
        format, what, m.rows, m.seconds, m.rowsPerSecond(), m.cpuSeconds, m.cpuSeconds * 1e6 / m.rows,
        m.threadSeconds * 1e6 / m.rows, m.jitSeconds, m.gcSeconds, m.bad);
  }

  /**
   * Where a measured pass starts: wall, process CPU, the reading thread's CPU, JIT compiler and GC
   * pause time. (No {@code System.gc()} first: the full collection shrank the heap, and the parse
   * pass after it took 13 us CPU/row instead of 6-8, growing it again.)
   */
  private record Meter(long wallNanos, long cpuNanos, long threadNanos, long compileMillis, long gcMillis) {
    static Meter start() {
      return new Meter(System.nanoTime(), cpu(), threadCpu(), jitMillisSoFar(), gcMillisSoFar());
    }

    /** The pass that started here and ended now, having imported {@code r}. */
    Measured end(ImportResult r) {
      return new Measured(r.rows(), r.bad(), (System.nanoTime() - wallNanos) / 1e9, (cpu() - cpuNanos) / 1e9,
          (threadCpu() - threadNanos) / 1e9, (jitMillisSoFar() - compileMillis) / 1e3,
          (gcMillisSoFar() - gcMillis) / 1e3);
    }
  }

  /** One measured pass: rows, bad rows, and seconds of wall, process CPU, reading-thread CPU, JIT and GC. */
  private record Measured(long rows, long bad, double seconds, double cpuSeconds, double threadSeconds,
      double jitSeconds, double gcSeconds) {
    double rowsPerSecond() {
      return rows / seconds;
    }
  }

  private static long cpu() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  /** CPU time of the calling thread: the one that reads, maps and accounts for the rows. */
  private static long threadCpu() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static long jitMillisSoFar() {
    var jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
  }

  private static long gcMillisSoFar() {
    long ms = 0;
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ms += Math.max(0, gc.getCollectionTime());
    }
    return ms;
  }

  /** Copies {@code sample}'s data rows into {@code out} until {@code rows}, shifting ids per copy. */
  static Path replicate(ImportFormat f, Path sample, Path out, long rows) throws IOException {
    if (f == ImportFormat.PLOVER) {
      return replicatePlover(sample, out, rows);
    }
    if (f == ImportFormat.GDELT) {
      List<String> lines = Files.readAllLines(sample, StandardCharsets.UTF_8);
      try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        long written = 0;
        for (int copy = 0; written < rows; copy++) {
          for (String line : lines) {
            if (written >= rows) {
              break;
            }
            int tab = line.indexOf('\t');
            long id = Long.parseLong(line.substring(0, tab)) + copy * 10_000_000_000L;
            w.write(Long.toString(id));
            w.write(line, tab, line.length() - tab);
            w.write('\n');
            written++;
          }
        }
      }
      return out;
    }
    String idColumn = f == ImportFormat.ACLED ? "event_id_cnty" : "id";
    List<CSVRecord> records;
    List<String> header;
    try (BufferedReader r = Files.newBufferedReader(sample, StandardCharsets.UTF_8);
        CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      header = p.getHeaderNames();
      records = p.getRecords();
    }
    int idIndex = header.indexOf(idColumn);
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(w, CSVFormat.DEFAULT)) {
      printer.printRecord(header);
      long written = 0;
      for (int copy = 0; written < rows; copy++) {
        for (CSVRecord rec : records) {
          if (written >= rows) {
            break;
          }
          if (rec.get(0).startsWith("#") || (rec.size() > 1 && rec.get(1).startsWith("#"))) {
            continue; // the HXL row
          }
          String[] values = rec.values().clone();
          values[idIndex] = values[idIndex] + (copy == 0 ? "" : "x" + copy);
          printer.printRecord((Object[]) values);
          written++;
        }
      }
    }
    return out;
  }

  /** PLOVER: the array's records, copied with {@code -x{copy}} added to each id, until {@code rows}. */
  private static Path replicatePlover(Path sample, Path out, long rows) throws IOException {
    String json = Files.readString(sample, StandardCharsets.UTF_8).strip();
    List<String> records = new ArrayList<>();
    // The sample's records are the objects at the array's top level: split on its brackets' depth.
    int depth = 0;
    int start = -1;
    boolean inString = false;
    for (int i = 1; i < json.length() - 1; i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        if (depth++ == 0) {
          start = i;
        }
      } else if ((c == '}' || c == ']') && --depth == 0) {
        records.add(json.substring(start, i + 1));
      }
    }
    Pattern id = Pattern.compile("(\"id\"\\s*:\\s*\"[^\"]*)\"");
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("[\n");
      long written = 0;
      for (int copy = 0; written < rows; copy++) {
        for (String rec : records) {
          if (written >= rows) {
            break;
          }
          w.write(written == 0 ? "" : ",\n");
          w.write(copy == 0 ? rec : id.matcher(rec).replaceFirst("$1-x" + copy + "\""));
          written++;
        }
      }
      w.write("\n]\n");
    }
    return out;
  }
}
