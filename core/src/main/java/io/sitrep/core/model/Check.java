package io.sitrep.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Collects the violations of one value so that all of them are reported at once, not only the
 * first. Used by the compact constructors of the model's records.
 */
final class Check {
  /** BCP 47 language tags, loosely: "ar", "en-GB", "zh-Hant-TW". */
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

  static final int MAX_TEXT = 100_000;
  static final int MAX_SHORT_TEXT = 1_000;

  private final List<FieldViolation> violations = new ArrayList<>();

  Check require(boolean ok, String field, String description) {
    if (!ok) {
      violations.add(new FieldViolation(field, description));
    }
    return this;
  }

  Check notNull(@Nullable Object value, String field) {
    return require(value != null, field, "is required");
  }

  Check notBlank(@Nullable String value, String field) {
    return require(value != null && !value.isBlank(), field, "is required");
  }

  Check shortText(@Nullable String value, String field) {
    return require(value == null || value.length() <= MAX_SHORT_TEXT, field,
        "is longer than " + MAX_SHORT_TEXT + " characters");
  }

  Check text(@Nullable String value, String field) {
    return require(value == null || value.length() <= MAX_TEXT, field,
        "is longer than " + MAX_TEXT + " characters");
  }

  /** Empty, or an ISO 3166-1 alpha-2 code. Checked by hand: importers build millions of places. */
  Check countryCode(String value, String field) {
    boolean ok = value.isEmpty() || (value.length() == 2 && isUpper(value.charAt(0)) && isUpper(value.charAt(1)));
    return require(ok, field, "must be an ISO 3166-1 alpha-2 code such as \"IQ\"");
  }

  /** Empty, or a BCP 47 language tag. */
  Check languageTag(String value, String field) {
    return require(value.isEmpty() || isLanguageTag(value), field,
        "must be a BCP 47 language tag such as \"ar\" or \"en-GB\"");
  }

  static boolean isLanguageTag(String value) {
    return LANGUAGE.matcher(value).matches();
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  /** An optional reference: empty, or a name in {@code collection}. */
  Check optionalName(@Nullable String value, String collection, String field) {
    if (value == null || value.isEmpty()) {
      return this;
    }
    return name(value, collection, field);
  }

  /** A required reference to a resource in {@code collection}. */
  Check name(@Nullable String value, String collection, String field) {
    if (value == null || value.isEmpty()) {
      return require(false, field, "is required");
    }
    if (isName(value, collection)) {
      return this; // the message below is built only for a bad name: every record checks several
    }
    return require(false, field,
        "must be a resource name like " + collection + "/{id} with a lower-case id of letters, digits"
            + " and hyphens, got \"" + abbreviate(value) + "\"");
  }

  /** Validates a nested value and reports its violations under {@code field}. */
  Check nested(Runnable construction, String field) {
    try {
      construction.run();
    } catch (ValidationException e) {
      e.violations().forEach(v -> violations.add(v.under(field)));
    }
    return this;
  }

  void done() {
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
  }

  static boolean isName(String value, String collection) {
    int n = collection.length();
    return value.length() > n + 1 && value.charAt(n) == '/' && value.startsWith(collection)
        && isId(value, n + 1);
  }

  static boolean isId(String id) {
    return isId(id, 0);
  }

  /**
   * True when {@code s} from {@code from} on is a resource id: {@code [a-z0-9][a-z0-9-]{0,62}}, lower-case
   * letters, digits and hyphens, starting with a letter or digit (AIP-122). Checked by hand: importers build
   * several names per row, and the pattern cost more than the rest of a record's validation.
   */
  private static boolean isId(String s, int from) {
    int length = s.length() - from;
    if (length < 1 || length > 63) {
      return false;
    }
    if (s.charAt(from) == '-') {
      return false;
    }
    // One test per character without a branch per class: ids mix letters and digits
    // ("gdelt-410479527"), on which the chained comparisons mispredicted (a tenth of a GDELT row).
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (((char) (c - 'a') > 'z' - 'a') & ((char) (c - '0') > '9' - '0') & (c != '-')) {
        return false;
      }
    }
    return true;
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  private Check() {}

  static Check of() {
    return new Check();
  }
}
