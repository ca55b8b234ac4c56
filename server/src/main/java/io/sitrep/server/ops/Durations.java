package io.sitrep.server.ops;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as operators write them on a command line: {@code 500ms}, {@code 10s}, {@code 30m}, {@code 2h}, {@code 0}. */
public final class Durations {
  private static final Pattern FORM = Pattern.compile("(\\d+)(ms|s|m|h)?");

  private Durations() {}

  /**
   * The duration {@code text} names; a bare number is seconds.
   *
   * @throws IllegalArgumentException {@code text} is not such a duration
   */
  public static Duration parse(String text) {
    Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a duration such as 500ms, 10s, 30m or 2h");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }

  /** {@code d} the way {@link #parse} reads it back, in the largest exact unit. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 3_600_000 == 0 && ms > 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0 && ms > 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }
}
