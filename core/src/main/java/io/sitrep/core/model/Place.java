package io.sitrep.core.model;

import java.util.Locale;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Where something happened, with the precision it is known to. Empty strings mean unknown. */
public record Place(
    String name,
    String admin2,
    String admin1,
    String countryCode,
    @Nullable Coordinates coordinates,
    @Nullable GeoPrecision precision) {

  public Place {
    name = nullToEmpty(name);
    admin2 = nullToEmpty(admin2);
    admin1 = nullToEmpty(admin1);
    countryCode = nullToEmpty(countryCode);
    Check.of()
        .shortText(name, "name")
        .shortText(admin2, "admin2")
        .shortText(admin1, "admin1")
        .countryCode(countryCode, "country_code")
        .done();
  }

  public static Place named(String name, String admin1, String countryCode, GeoPrecision precision) {
    return new Place(name, "", admin1, countryCode, null, precision);
  }

  /** True when any of the place's names contains {@code text}, ignoring case. */
  public boolean mentions(String text) {
    String needle = text.toLowerCase(Locale.ROOT);
    return Stream.of(name, admin2, admin1, countryCode)
        .anyMatch(s -> !s.isEmpty() && s.toLowerCase(Locale.ROOT).contains(needle));
  }

  static String nullToEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }
}
