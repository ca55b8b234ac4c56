package io.sitrep.core.imports;

import io.sitrep.core.model.Coordinates;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reading cells: blanks and {@code NA} are empty; numbers fail with the column's name. */
final class Cells {
  private Cells() {}

  /** The cell at {@code index} of {@code record}, stripped; "" if absent, blank or {@code NA}. */
  static String get(List<String> record, int index) {
    if (index < 0 || index >= record.size()) {
      return "";
    }
    return clean(record.get(index));
  }

  /** The cell {@code v} stripped; "" if blank or {@code NA}. */
  static String clean(String v) {
    int n = v.length();
    if (n == 0) {
      return v;
    }
    // Most cells begin and end with a printable ASCII character: nothing to strip. strip() looked
    // at every cell's ends again and was 4% of a GDELT row.
    if (isPrintableAscii(v.charAt(0)) && isPrintableAscii(v.charAt(n - 1))) {
      return (n == 2 || n == 3) && (v.equals("NA") || v.equals("N/A")) ? "" : v;
    }
    v = v.strip();
    return v.equals("NA") || v.equals("N/A") ? "" : v;
  }

  /** True for the characters from '!' to '~', none of them whitespace. */
  private static boolean isPrintableAscii(char c) {
    return c > ' ' && c < 0x7f;
  }

  static @Nullable Integer integerOrNull(String value, String column) {
    if (value.isEmpty()) {
      return null;
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      try {
        double d = Double.parseDouble(value);
        if (d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE) {
          return (int) d;
        }
      } catch (NumberFormatException ignored) {
        // fall through to the message below
      }
      throw new IllegalArgumentException(column + " is not a whole number: \"" + value + "\"");
    }
  }

  static int integer(String value, String column) {
    Integer v = integerOrNull(value, column);
    if (v == null) {
      throw new IllegalArgumentException(column + " is empty");
    }
    return v;
  }

  static @Nullable Double decimalOrNull(String value, String column) {
    if (value.isEmpty()) {
      return null;
    }
    try {
      return Double.valueOf(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(column + " is not a number: \"" + value + "\"");
    }
  }

  /** The point at {@code lat}, {@code lon}; null if either is empty. */
  static @Nullable Coordinates point(String lat, String lon, String latColumn, String lonColumn) {
    Double la = decimalOrNull(lat, latColumn);
    Double lo = decimalOrNull(lon, lonColumn);
    if (la == null || lo == null) {
      return null;
    }
    return new Coordinates(la, lo);
  }

  static String required(String value, String column) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException(column + " is empty");
    }
    return value;
  }

  /** {@code value} split on {@code sep}, each part stripped, empty parts dropped. */
  static List<String> split(String value, char sep) {
    List<String> parts = new ArrayList<>(4);
    int start = 0;
    for (int i = 0; i <= value.length(); i++) {
      if (i == value.length() || value.charAt(i) == sep) {
        String p = value.substring(start, i).strip();
        if (!p.isEmpty()) {
          parts.add(p);
        }
        start = i + 1;
      }
    }
    return parts;
  }

  /** At most {@code max} characters of {@code s}, ending in "..." when cut. */
  static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }
}
