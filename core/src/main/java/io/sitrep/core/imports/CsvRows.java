package io.sitrep.core.imports;

import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the records of a CSV file with Apache Commons CSV, with the line each starts on. Copes
 * with a byte-order mark, CRLF or LF, a header row, an HXL hashtag row under it, and a file that
 * ends inside a quoted field (reported as a bad row and the end of the file).
 */
final class CsvRows {
  /** Called per record; returns false to stop. */
  interface Visitor {
    boolean record(long line, CSVRecord record);
  }

  private CsvRows() {}

  /** A header's column positions by lower-case name. */
  static ImmutableMap<String, Integer> columns(List<String> header) {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      m.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
    }
    return ImmutableMap.copyOf(m);
  }

  static Reader reader(InputStream in) throws IOException {
    skipByteOrderMark(in);
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  /** Reads past a UTF-8 byte-order mark at the start of {@code in}, if there is one. */
  static void skipByteOrderMark(InputStream in) throws IOException {
    in.mark(4);
    byte[] bom = in.readNBytes(3);
    if (!(bom.length == 3 && (bom[0] & 0xff) == 0xef && (bom[1] & 0xff) == 0xbb && (bom[2] & 0xff) == 0xbf)) {
      in.reset();
    }
  }

  /**
   * Reads a CSV with a header row. {@code onHeader} sees the header before any record; records
   * whose cells all begin with {@code #} or are empty (an HXL tag row) right after it are skipped.
   */
  static void readWithHeader(InputStream in, CSVFormat base, Importer.Run run,
      java.util.function.Consumer<List<String>> onHeader, Visitor visitor) throws IOException {
    CSVFormat format = base.builder().setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(true)
        .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL).get();
    try (CSVParser parser = CSVParser.builder().setReader(reader(in)).setFormat(format).get()) {
      onHeader.accept(parser.getHeaderNames());
      long previousEnd = parser.getCurrentLineNumber();
      boolean first = true;
      Iterator<CSVRecord> it = parser.iterator();
      while (true) {
        CSVRecord record;
        try {
          if (!it.hasNext()) {
            return;
          }
          record = it.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          run.unreadable(previousEnd + 1, "unreadable: " + rootMessage(e) + "; the rest of the file is lost");
          return;
        }
        long line = previousEnd + 1;
        previousEnd = parser.getCurrentLineNumber();
        if (first && isHxl(record)) {
          first = false;
          continue;
        }
        first = false;
        if (!visitor.record(line, record)) {
          return;
        }
      }
    }
  }

  /** Reads a CSV without a header, one visitor call per record. */
  static void readNoHeader(InputStream in, CSVFormat format, Importer.Run run, Visitor visitor) throws IOException {
    try (CSVParser parser = CSVParser.builder().setReader(reader(in)).setFormat(format).get()) {
      long previousEnd = 0;
      Iterator<CSVRecord> it = parser.iterator();
      while (true) {
        CSVRecord record;
        try {
          if (!it.hasNext()) {
            return;
          }
          record = it.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          run.unreadable(previousEnd + 1, "unreadable: " + rootMessage(e) + "; the rest of the file is lost");
          return;
        }
        long line = previousEnd + 1;
        previousEnd = parser.getCurrentLineNumber();
        if (!visitor.record(line, record)) {
          return;
        }
      }
    }
  }

  static boolean isHxl(CSVRecord record) {
    boolean any = false;
    for (String v : record) {
      String s = v.strip();
      if (s.isEmpty()) {
        continue;
      }
      if (!s.startsWith("#")) {
        return false;
      }
      any = true;
    }
    return any;
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
