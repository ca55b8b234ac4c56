package io.sitrep.core.imports;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Streams the records of a CSV file with Jackson's CSV parser, with the line each starts on (a
 * quoted cell may span lines). Copes with a byte-order mark, CRLF or LF, a header row, an HXL
 * hashtag row under it, empty lines (skipped), and a file that ends inside a quoted field
 * (reported as a bad row and the end of the file). Jackson read ACLED and UCDP in less CPU than
 * Commons CSV, which took ~30% of their CPU (import-bench: 6.1-6.5 against 7.9-8.1 us CPU per ACLED row).
 */
final class CsvRows {
  private static final CsvFactory FACTORY = new CsvFactory();
  /** RFC 4180: comma, double quotes doubled inside quotes, no escape character, no comments. */
  private static final CsvSchema CSV = CsvSchema.emptySchema().withColumnSeparator(',').withQuoteChar('"')
      .withoutEscapeChar();

  /** Called per record; returns false to stop. The list is the record's own. */
  interface Visitor {
    boolean record(long line, List<String> record);
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
   * Reads a CSV with a header row. {@code onHeader} sees the header (empty for an empty file)
   * before any record; a record right after it whose cells all begin with {@code #} or are empty
   * (an HXL tag row) is skipped.
   */
  static void readWithHeader(InputStream in, Importer.Run run, Consumer<List<String>> onHeader, Visitor visitor)
      throws IOException {
    String[] cells = new String[64];
    long line = 1; // where the next record starts
    boolean header = true;
    boolean first = true;
    try (CsvParser parser = (CsvParser) FACTORY.createParser(reader(in))) {
      parser.setSchema(CSV);
      while (true) {
        long start = line;
        int count = 0;
        try {
          if (parser.nextToken() != JsonToken.START_ARRAY) {
            break; // the end of the file
          }
          JsonToken t;
          while ((t = parser.nextToken()) == JsonToken.VALUE_STRING) {
            if (count == cells.length) {
              cells = Arrays.copyOf(cells, 2 * count);
            }
            cells[count++] = parser.getText();
          }
          if (t != JsonToken.END_ARRAY) {
            throw new IllegalStateException("line " + start + ": " + t + " in a record"); // not from a schemaless read
          }
          // After a record the parser stands at the start of the next one.
          line = parser.currentLocation().getLineNr();
        } catch (JacksonException e) {
          if (header) {
            throw new IOException("unreadable header: " + e.getOriginalMessage(), e);
          }
          run.unreadable(start, "unreadable: " + e.getOriginalMessage() + "; the rest of the file is lost");
          return;
        }
        if (count == 1 && cells[0].isEmpty()) {
          continue; // an empty line
        }
        List<String> record = Arrays.asList(Arrays.copyOf(cells, count));
        if (header) {
          header = false;
          onHeader.accept(record);
          continue;
        }
        if (first) {
          first = false;
          if (isHxl(record)) {
            continue;
          }
        }
        if (!visitor.record(start, record)) {
          return;
        }
      }
    }
    if (header) {
      onHeader.accept(List.of());
    }
  }

  static boolean isHxl(List<String> record) {
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
}
