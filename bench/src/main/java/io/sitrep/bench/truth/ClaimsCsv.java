package io.sitrep.bench.truth;

import io.sitrep.core.truth.ClaimMatrix;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** The evaluation's CSV forms: claims {@code source,item,value} and truth {@code item,value}. */
public final class ClaimsCsv {
  static final CSVFormat READ =
      CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
  static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

  private ClaimsCsv() {}

  /**
   * Reads claims into a matrix; values trimmed, empty values dropped, and a second claim by the
   * same source about the same item ignored (the first wins).
   */
  public static ClaimMatrix readClaims(Path file) throws IOException {
    ClaimMatrix.Builder b = ClaimMatrix.builder().numericValues(true);
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p = READ.parse(r)) {
      for (CSVRecord rec : p) {
        if (rec.size() < 3) {
          continue;
        }
        String value = rec.get(2).trim();
        if (!value.isEmpty()) {
          b.addClaim(rec.get(0).trim(), rec.get(1).trim(), value);
        }
      }
    }
    return b.build();
  }

  /** Reads {@code item,value} rows, trimmed, first row per item kept, in file order. */
  public static Map<String, String> readTruth(Path file) throws IOException {
    Map<String, String> truth = new LinkedHashMap<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p = READ.parse(r)) {
      for (CSVRecord rec : p) {
        if (rec.size() >= 2) {
          truth.putIfAbsent(rec.get(0).trim(), rec.get(1).trim());
        }
      }
    }
    return truth;
  }

  static CSVPrinter printer(Writer w, String... header) throws IOException {
    return WRITE.builder().setHeader(header).get().print(w);
  }
}
