package io.sitrep.core.model;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * An interval {@code [start, end)} that surely contains a moment, with the precision it is known
 * to. An exact instant has {@code start == end}.
 *
 * <p>Two spans are <em>ordered</em> when one surely ends before the other begins; otherwise their
 * order is uncertain. "25 Dec" and "late December" overlap, so neither is known to come first.
 */
public record TimeSpan(Instant start, Instant end, TimePrecision precision, String originalText) {

  public TimeSpan {
    Check.of()
        .notNull(start, "start_time")
        .notNull(end, "end_time")
        .notNull(precision, "precision")
        .require(start == null || end == null || !end.isBefore(start), "end_time",
            "must not be before start_time")
        .shortText(originalText, "original_text")
        .done();
    originalText = originalText == null ? "" : originalText;
  }

  public static TimeSpan instant(Instant at) {
    return new TimeSpan(at, at, TimePrecision.INSTANT, "");
  }

  /** The calendar day {@code date} in {@code zone}. */
  public static TimeSpan day(LocalDate date, ZoneId zone) {
    return new TimeSpan(date.atStartOfDay(zone).toInstant(),
        date.plusDays(1).atStartOfDay(zone).toInstant(), TimePrecision.DAY, "");
  }

  /** The whole calendar month in {@code zone}. */
  public static TimeSpan month(YearMonth month, ZoneId zone) {
    return new TimeSpan(month.atDay(1).atStartOfDay(zone).toInstant(),
        month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant(), TimePrecision.MONTH, "");
  }

  /** The days {@code first} to {@code last}, both included, in {@code zone}. */
  public static TimeSpan days(LocalDate first, LocalDate last, ZoneId zone) {
    return new TimeSpan(first.atStartOfDay(zone).toInstant(),
        last.plusDays(1).atStartOfDay(zone).toInstant(), TimePrecision.RANGE, "");
  }

  public TimeSpan withOriginalText(String text) {
    return new TimeSpan(start, end, precision, text);
  }

  /** True when this span surely ends before {@code other} begins. */
  public boolean surelyBefore(TimeSpan other) {
    checkNotNull(other);
    // An instant [t, t] is before a span starting at t only if the span is not the same instant.
    if (end.equals(start)) {
      return end.isBefore(other.start) || (end.equals(other.start) && !other.end.equals(other.start));
    }
    return !end.isAfter(other.start);
  }

  /** True when neither span surely precedes the other. */
  public boolean overlaps(TimeSpan other) {
    return !surelyBefore(other) && !other.surelyBefore(this);
  }

  /** True when some moment of this span falls in {@code [from, to)}; nulls are open bounds. */
  public boolean mayFallWithin(Instant from, Instant to) {
    boolean afterFrom = from == null || end.isAfter(from) || (end.equals(start) && !start.isBefore(from));
    boolean beforeTo = to == null || start.isBefore(to);
    return afterFrom && beforeTo;
  }
}
