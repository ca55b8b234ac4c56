package io.sitrep.core.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  });

  private Ids() {}

  /**
   * {@code text} as an id: accents dropped, lower case, every run of other characters one
   * hyphen. "Şalāḩ ad Dīn" is {@code salah-ad-din}; "Military Forces of Somalia (2022-)" is
   * {@code military-forces-of-somalia-2022}. Text without a letter or digit becomes {@code x-} and
   * a hash.
   */
  public static String slug(String text) {
    return fit(slugOnly(text), "", text);
  }

  /** {@code prefix-slug(text)}, shortened with a hash of {@code text} if it is too long. */
  public static String slug(String prefix, String text) {
    String s = slugOnly(text);
    return fit(s.isEmpty() ? prefix : prefix + "-" + s, prefix + "\u0000", text);
  }

  /** A short, stable hash of {@code text}: 10 hexadecimal digits of its SHA-256. */
  public static String hash(String text) {
    // One digest per thread, reset by digest(): GDELT hashes a URL per row, and Guava's hasher
    // cloned a MessageDigest and hex-encoded all 32 bytes to keep 5 of them.
    byte[] d = SHA256.get().digest(text.getBytes(StandardCharsets.UTF_8));
    char[] hex = new char[HASH_CHARS];
    for (int i = 0; i < HASH_CHARS / 2; i++) {
      hex[2 * i] = HEX[(d[i] >> 4) & 0xf];
      hex[2 * i + 1] = HEX[d[i] & 0xf];
    }
    return new String(hex);
  }

  /**
   * {@code slug} if it is a valid id, else shortened with a hash of {@code originalHead + text}, which is
   * joined only then: GDELT slugs a report name per row, nearly always short enough.
   */
  private static String fit(String slug, String originalHead, String text) {
    if (!slug.isEmpty() && slug.length() <= MAX_ID) {
      return slug;
    }
    String original = originalHead + text;
    if (slug.isEmpty()) {
      return "x-" + hash(original);
    }
    String head = slug.substring(0, MAX_ID - HASH_CHARS - 1);
    while (head.endsWith("-")) {
      head = head.substring(0, head.length() - 1);
    }
    return head + "-" + hash(original);
  }

  static String slugOnly(String text) {
    if (isSlug(text)) {
      return text; // a data set's own id ("410412347", "som1234") usually is one already
    }
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

  /** True when {@code text} is already its own slug: runs of [a-z0-9] joined by single hyphens. */
  private static boolean isSlug(String text) {
    if (text.isEmpty()) {
      return false;
    }
    boolean afterHyphen = true; // no leading hyphen
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        afterHyphen = false;
      } else if (c == '-' && !afterHyphen) {
        afterHyphen = true;
      } else {
        return false;
      }
    }
    return !afterHyphen;
  }
}
