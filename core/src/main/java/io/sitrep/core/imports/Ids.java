package io.sitrep.core.imports;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Resource ids made from a data set's own ids and names, valid under core's rule (lower-case
 * letters, digits and hyphens, at most 63 characters, starting with a letter or digit). An id
 * that would be too long keeps its first characters and ends with a hash of the whole, so it
 * stays unique and deterministic.
 */
public final class Ids {
  /** The longest id core accepts. */
  public static final int MAX_ID = 63;
  private static final int HASH_CHARS = 10;

  private Ids() {}

  /**
   * {@code text} as an id: accents dropped, lower case, every run of other characters one
   * hyphen. "Şalāḩ ad Dīn" is {@code salah-ad-din}; "Military Forces of Somalia (2022-)" is
   * {@code military-forces-of-somalia-2022}. Text without a letter or digit becomes {@code x-} and
   * a hash.
   */
  public static String slug(String text) {
    return fit(slugOnly(text), text);
  }

  /** {@code prefix-slug(text)}, shortened with a hash of {@code text} if it is too long. */
  public static String slug(String prefix, String text) {
    String s = slugOnly(text);
    return fit(s.isEmpty() ? prefix : prefix + "-" + s, prefix + "\u0000" + text);
  }

  /** A short, stable hash of {@code text}: 10 hexadecimal digits of its SHA-256. */
  public static String hash(String text) {
    return Hashing.sha256().hashString(text, StandardCharsets.UTF_8).toString().substring(0, HASH_CHARS);
  }

  private static String fit(String slug, String original) {
    if (slug.isEmpty()) {
      return "x-" + hash(original);
    }
    if (slug.length() <= MAX_ID) {
      return slug;
    }
    String head = slug.substring(0, MAX_ID - HASH_CHARS - 1);
    while (head.endsWith("-")) {
      head = head.substring(0, head.length() - 1);
    }
    return head + "-" + hash(original);
  }

  static String slugOnly(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean ascii = true;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        ascii = false;
        break;
      }
    }
    String s = ascii ? text : Normalizer.normalize(text, Normalizer.Form.NFKD);
    boolean hyphen = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (hyphen && out.length() > 0) {
          out.append('-');
        }
        hyphen = false;
        out.append(c);
      } else if (Character.getType(c) == Character.NON_SPACING_MARK || c == '\'' || c == '\u2019'
          || c == '\u02bf' || c == '\u02be') {
        // Accents and apostrophes vanish: "Qaḑā’" is "qada", not "qa-da".
      } else if (Character.isLetterOrDigit(c)) {
        // A letter outside ASCII after decomposition (Arabic, Cyrillic...): keep its code point.
        if (hyphen && out.length() > 0) {
          out.append('-');
        }
        hyphen = false;
        out.append(Integer.toHexString(c).toLowerCase(Locale.ROOT));
      } else {
        hyphen = true;
      }
    }
    return out.toString();
  }
}
