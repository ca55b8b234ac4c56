package io.sitrep.core.imports;

import io.sitrep.core.model.TimePrecision;
import io.sitrep.core.model.TimeSpan;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/**
 * The date forms the data sets use: ISO {@code 2025-04-01} (optionally with a time part, as UCDP
 * writes {@code 2014-01-24 00:00:00.000}), Excel's {@code 9-May-20}, ACLED's web export
 * {@code 21 March 2020}, GDELT's {@code 20150218} and {@code 20150218230000}. Days are taken in
 * UTC: the data sets give local calendar days without a zone.
 */
final class Dates {
  private static final List<DateTimeFormatter> DAY_FORMATS = List.of(
      DateTimeFormatter.ISO_LOCAL_DATE,
      new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d-MMM-")
          .appendValueReduced(ChronoField.YEAR, 2, 2, 1970).toFormatter(Locale.ENGLISH),
      new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d MMMM uuuu").toFormatter(Locale.ENGLISH),
      new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d MMM uuuu").toFormatter(Locale.ENGLISH),
      new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d-MMMM-uuuu").toFormatter(Locale.ENGLISH),
      DateTimeFormatter.BASIC_ISO_DATE);
  private static final DateTimeFormatter GDELT_INSTANT = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

  private Dates() {}

  /** The calendar day of {@code text} in any of the forms above. */
  static LocalDate day(String text, String column) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException(column + " is empty");
    }
    String s = text;
    // A time part after the date ("2014-01-24 00:00:00.000", "2014-01-24T00:00:00Z") is dropped.
    if (s.length() > 10 && s.charAt(4) == '-' && (s.charAt(10) == ' ' || s.charAt(10) == 'T')) {
      s = s.substring(0, 10);
    }
    if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
      try {
        return LocalDate.of(Integer.parseInt(s, 0, 4, 10), Integer.parseInt(s, 5, 7, 10),
            Integer.parseInt(s, 8, 10, 10));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(column + " is not a date: \"" + text + "\"");
      }
    }
    if (s.length() == 8 && allDigits(s, 0, 8)) {
      try {
        return LocalDate.of(Integer.parseInt(s, 0, 4, 10), Integer.parseInt(s, 4, 6, 10),
            Integer.parseInt(s, 6, 8, 10));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(column + " is not a date: \"" + text + "\"");
      }
    }
    // The other forms by their shape, so that no row pays for exceptions thrown by wrong guesses.
    DateTimeFormatter f = s.indexOf(' ') > 0 ? (s.length() - s.lastIndexOf(' ') == 5
        && s.indexOf(' ') != s.lastIndexOf(' ') ? (monthWordLength(s) > 3 ? DAY_FORMATS.get(2) : DAY_FORMATS.get(3))
        : null)
        : s.indexOf('-') > 0 && s.length() - s.lastIndexOf('-') == 3 ? DAY_FORMATS.get(1)
        : s.indexOf('-') > 0 ? DAY_FORMATS.get(4) : null;
    if (f != null) {
      try {
        return LocalDate.parse(s, f);
      } catch (DateTimeParseException ignored) {
        // reported below
      }
    }
    throw new IllegalArgumentException(column + " is not a date: \"" + text + "\"");
  }

  private static boolean allDigits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static int monthWordLength(String s) {
    int a = s.indexOf(' ');
    int b = s.lastIndexOf(' ');
    return b - a - 1;
  }

  /** {@code yyyyMMddHHmmss} in UTC. */
  static Instant gdeltInstant(String text, String column) {
    try {
      if (text.length() == 14 && allDigits(text, 0, 14)) {
        return LocalDateTime.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 4, 6, 10),
            Integer.parseInt(text, 6, 8, 10), Integer.parseInt(text, 8, 10, 10), Integer.parseInt(text, 10, 12, 10),
            Integer.parseInt(text, 12, 14, 10)).toInstant(ZoneOffset.UTC);
      }
      return LocalDateTime.parse(text, GDELT_INSTANT).toInstant(ZoneOffset.UTC);
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException(column + " is not a yyyyMMddHHmmss time: \"" + text + "\"");
    }
  }

  /** The day {@code d} (UTC) as a DAY span, with the original text. */
  static TimeSpan daySpan(LocalDate d, String original) {
    return TimeSpan.day(d, ZoneOffset.UTC).withOriginalText(original);
  }

  /** The days {@code first}..{@code last} inclusive as a span of {@code precision}. */
  static TimeSpan span(LocalDate first, LocalDate last, TimePrecision precision, String original) {
    return new TimeSpan(first.atStartOfDay().toInstant(ZoneOffset.UTC),
        last.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), precision, original);
  }
}
