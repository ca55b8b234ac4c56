package io.sitrep.core.store;

import com.google.common.hash.Hashing;
import io.sitrep.core.model.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque keyset page tokens: the last name of the page, bound to the filter it was made for so
 * that a token cannot be replayed against another query (AIP-158). Keyset paging on the name is
 * stable under concurrent inserts: a page never repeats or skips an item that existed when the
 * listing began.
 */
public final class PageToken {
  private static final String VERSION = "1";

  private PageToken() {}

  public static String encode(String lastName, Filter filter) {
    String raw = VERSION + "|" + fingerprint(filter) + "|" + lastName;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** The last name of the previous page, or "" for the first page. */
  public static String decode(String token, Filter filter) {
    if (token.isEmpty()) {
      return "";
    }
    String raw;
    try {
      raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ValidationException.of("page_token", "is not a token this service issued");
    }
    String[] parts = raw.split("\\|", 3);
    if (parts.length != 3 || !parts[0].equals(VERSION)) {
      throw ValidationException.of("page_token", "is not a token this service issued");
    }
    if (!parts[1].equals(fingerprint(filter))) {
      throw ValidationException.of("page_token", "was issued for a different filter");
    }
    return parts[2];
  }

  private static String fingerprint(Filter filter) {
    return Hashing.murmur3_32_fixed().hashString(filter.toString(), StandardCharsets.UTF_8).toString();
  }
}
