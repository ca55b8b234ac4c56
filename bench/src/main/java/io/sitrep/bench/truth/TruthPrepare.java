package io.sitrep.bench.truth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Turns the shared Book and Population raw files into {@code claims.csv} ({@code
 * source,item,value}) and {@code truth.csv} ({@code item,value}), following the papers'
 * protocols as written in {@code shared/data/truth/SOURCES.md}.
 *
 * <p>Book (Dong et al. VLDB 2009, Yin et al. KDD 2007): item is the ISBN-13 (ISBN-10 converted
 * to meet the gold file); value is the author list {@linkplain #normaliseAuthors normalised};
 * {@code Not Available} and empty lists dropped; one claim per (source, item), the first
 * non-empty one in file order. Population (Pasternack &amp; Roth COLING 2010): item is {@code
 * ObjectID|PropertyID}, value the population as an exact integer, same one-claim rule.
 */
@Command(
    name = "truth-prepare",
    mixinStandardHelpOptions = true,
    description = "Convert the Book or Population raw files into claims.csv and truth.csv.")
public final class TruthPrepare implements Callable<Integer> {

  @Parameters(index = "0", description = "book or population")
  String dataset;

  @Option(names = "--in", required = true, description = "folder with the raw files")
  Path in;

  @Option(names = "--out", required = true, description = "folder for claims.csv and truth.csv")
  Path out;

  @Override
  public Integer call() throws IOException {
    Files.createDirectories(out);
    int[] counts;
    switch (dataset.toLowerCase(Locale.ROOT)) {
      case "book" -> counts = book(in, out);
      case "population" -> counts = population(in, out);
      default -> {
        System.err.println("unknown data set: " + dataset + " (book or population)");
        return 2;
      }
    }
    System.err.printf("%s: %d claims, %d truth items -> %s%n", dataset, counts[0], counts[1], out);
    return 0;
  }

  /** Writes Book's claims and truth; returns {claims, truth items}. */
  public static int[] book(Path in, Path out) throws IOException {
    int claims = 0;
    Set<String> seen = new HashSet<>();
    try (BufferedReader r = Files.newBufferedReader(in.resolve("book.txt"), StandardCharsets.UTF_8);
        Writer w = Files.newBufferedWriter(out.resolve("claims.csv"), StandardCharsets.UTF_8);
        CSVPrinter p = ClaimsCsv.printer(w, "source", "item", "value")) {
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split("\t", -1);
        if (f.length < 4) {
          continue;
        }
        String source = f[0].trim();
        String isbn = isbn13(f[1]);
        String authors = f[3].trim();
        if (authors.equalsIgnoreCase("Not Available")) {
          continue;
        }
        String value = normaliseAuthors(authors);
        if (source.isEmpty() || isbn.isEmpty() || value.isEmpty()) {
          continue;
        }
        if (seen.add(source + '\t' + isbn)) {
          p.printRecord(source, isbn, value);
          claims++;
        }
      }
    }
    int truth = 0;
    try (BufferedReader r =
            Files.newBufferedReader(in.resolve("book_golden.txt"), StandardCharsets.UTF_8);
        Writer w = Files.newBufferedWriter(out.resolve("truth.csv"), StandardCharsets.UTF_8);
        CSVPrinter p = ClaimsCsv.printer(w, "item", "value")) {
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split("\t", -1);
        if (f.length < 2 || f[0].isBlank()) {
          continue;
        }
        p.printRecord(isbn13(f[0]), normaliseAuthors(f[1]));
        truth++;
      }
    }
    return new int[] {claims, truth};
  }

  /** Writes Population's claims and truth; returns {claims, truth items}. */
  public static int[] population(Path in, Path out) throws IOException {
    int claims = 0;
    Set<String> seen = new HashSet<>();
    try (Reader r =
            Files.newBufferedReader(in.resolve("population_claims.csv"), StandardCharsets.UTF_8);
        CSVParser parser = ClaimsCsv.READ.parse(r);
        Writer w = Files.newBufferedWriter(out.resolve("claims.csv"), StandardCharsets.UTF_8);
        CSVPrinter p = ClaimsCsv.printer(w, "source", "item", "value")) {
      for (CSVRecord rec : parser) {
        String item = rec.get("ObjectID").trim() + "|" + rec.get("PropertyID").trim();
        String value = integer(rec.get("PropertyValue"));
        String source = rec.get("SourceID").trim();
        if (value.isEmpty() || source.isEmpty()) {
          continue;
        }
        if (seen.add(source + '\t' + item)) {
          p.printRecord(source, item, value);
          claims++;
        }
      }
    }
    int truth = 0;
    try (Reader r =
            Files.newBufferedReader(in.resolve("population_truth.csv"), StandardCharsets.UTF_8);
        CSVParser parser = ClaimsCsv.READ.parse(r);
        Writer w = Files.newBufferedWriter(out.resolve("truth.csv"), StandardCharsets.UTF_8);
        CSVPrinter p = ClaimsCsv.printer(w, "item", "value")) {
      for (CSVRecord rec : parser) {
        String item = rec.get("ObjectID").trim() + "|" + rec.get("PropertyID").trim();
        p.printRecord(item, integer(rec.get("PropertyValue")));
        truth++;
      }
    }
    return new int[] {claims, truth};
  }

  /**
   * Book's author-list normal form: casefold; every run of characters outside {@code [0-9a-z]}
   * becomes one space; drop the token {@code and}; sort the tokens; join with one space. Author
   * order and name order are thereby ignored; initials are kept.
   */
  public static String normaliseAuthors(String authors) {
    String folded = authors.toLowerCase(Locale.ROOT).replaceAll("[^0-9a-z]+", " ").trim();
    if (folded.isEmpty()) {
      return "";
    }
    return Arrays.stream(folded.split(" "))
        .filter(t -> !t.equals("and"))
        .sorted()
        .collect(Collectors.joining(" "));
  }

  /** ISBN-13 from an ISBN-10 or ISBN-13 (hyphens and spaces ignored); other strings trimmed. */
  public static String isbn13(String isbn) {
    String s = isbn.trim().replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    if (s.length() == 10 && s.substring(0, 9).chars().allMatch(Character::isDigit)) {
      String core = "978" + s.substring(0, 9);
      int sum = 0;
      for (int k = 0; k < 12; k++) {
        sum += (core.charAt(k) - '0') * (k % 2 == 0 ? 1 : 3);
      }
      return core + ((10 - sum % 10) % 10);
    }
    return s;
  }

  /** An exact integer in canonical form (no grouping, no leading zeros); else trimmed text. */
  static String integer(String raw) {
    String s = raw.trim();
    try {
      return Long.toString(Long.parseLong(s));
    } catch (NumberFormatException e) {
      return s;
    }
  }
}
