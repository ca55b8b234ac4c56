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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code import-bench}: how fast a shared sample is parsed and mapped (into a sink that stores
 * nothing), and how fast it is stored (into a fresh in-memory or SQLite store). The sample is
 * replicated into a temporary file to reach {@code --rows}, each copy with its ids shifted so that
 * every row is a new event; the copy is made before the clock starts.
 */
@Command(name = "import-bench", mixinStandardHelpOptions = true,
    description = "Rows per second parsed+mapped and stored, for one importer and store.")
public final class ImportBench implements Callable<Integer> {
  @Option(names = "--format", required = true, description = "gdelt, acled, ucdp or plover.")
  String format;

  @Option(names = "--store", defaultValue = "memory", description = "memory or sqlite (default: ${DEFAULT-VALUE}).")
  String store;

  @Option(names = "--rows", defaultValue = "200000", description = "Rows to import (default: ${DEFAULT-VALUE}).")
  long rows;

  @Option(names = "--data", description = "The shared data directory (default: ../shared/data or /work/shared/data).")
  Path data;

  @Override
  public Integer call() throws Exception {
    ImportFormat f = ImportFormat.of(format);
    Path dir = data != null ? data : Files.isDirectory(Path.of("../shared/data")) ? Path.of("../shared/data")
        : Path.of("/work/shared/data");
    Path sample = switch (f) {
      case GDELT -> dir.resolve("gdelt/20150218230000.export.CSV");
      case ACLED -> dir.resolve("acled/acled_somalia_2025-04_2026-03.csv");
      case UCDP -> dir.resolve("ucdp/ucdp_ged_hdx_iraq_1989-2018.csv");
      case PLOVER -> dir.resolve("plover/PLOVER_GSR_CAMEO.json");
    };
    Path tmp = Files.createTempDirectory("sitrep-import-bench");
    try {
      Path file = f == ImportFormat.PLOVER ? sample : replicate(f, sample, tmp.resolve(sample.getFileName()), rows);
      if (f == ImportFormat.PLOVER) {
        System.out.println("plover: the sample (323 records) is not replicated; figures are for it alone");
      }
      // Warm up the JIT on the sample itself, then measure.
      Importer.importFile(f, sample, ImportSink.discarding(), ImportOptions.defaults(), ImportListener.NONE);
      long cpu0 = cpu();
      long t0 = System.nanoTime();
      ImportResult parsed = Importer.importFile(f, file, ImportSink.discarding(), ImportOptions.defaults(),
          ImportListener.NONE);
      double parseSeconds = (System.nanoTime() - t0) / 1e9;
      double parseCpu = (cpu() - cpu0) / 1e9;
      report("parsed+mapped", parsed, parseSeconds, parseCpu);

      try (SitrepStore s = open(tmp.resolve("store"))) {
        cpu0 = cpu();
        t0 = System.nanoTime();
        ImportResult stored = Importer.importFile(f, file, ImportSink.of(s), ImportOptions.defaults(),
            ImportListener.NONE);
        double storeSeconds = (System.nanoTime() - t0) / 1e9;
        report("stored (" + store + ")", stored, storeSeconds, (cpu() - cpu0) / 1e9);
        System.out.printf(Locale.ROOT, "store now holds %,d events, %,d reports, %,d claims (%,d resources created)%n",
            s.count(ResourceType.EVENTS), s.count(ResourceType.REPORTS), s.count(ResourceType.CLAIMS),
            stored.created());
      }
    } finally {
      try (Stream<Path> walk = Files.walk(tmp)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return 0;
  }

  private SitrepStore open(Path dir) {
    return switch (store) {
      case "memory" -> new InMemoryStore();
      case "sqlite" -> JdbcStores.openSqlite(dir);
      default -> throw new IllegalArgumentException("--store must be memory or sqlite");
    };
  }

  private static void report(String what, ImportResult r, double seconds, double cpuSeconds) {
    System.out.printf(Locale.ROOT, "%-18s %,10d rows in %6.2f s = %,10.0f rows/s  (process CPU %.2f s; %d bad)%n",
        what, r.rows(), seconds, r.rows() / seconds, cpuSeconds, r.bad());
  }

  private static long cpu() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  /** Copies {@code sample}'s data rows into {@code out} until {@code rows}, shifting ids per copy. */
  static Path replicate(ImportFormat f, Path sample, Path out, long rows) throws IOException {
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
}
