package io.sitrep.server.service;

import io.sitrep.core.model.ValidationException;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Checks resource names in requests and makes ids for resources created without one. */
public final class ResourceNames {
  /**
   * The ids core accepts (AIP-122): lower-case letters, digits and hyphens, starting with a
   * letter or digit, at most 63 characters. Mirrors core's model check, which is not public.
   */
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  /** RFC 4648 base32, lower-cased: ids that read well and never need escaping. */
  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final int GENERATED_ID_LENGTH = 12;
  private static final SecureRandom random = new SecureRandom();

  private ResourceNames() {}

  /** Throws a violation of {@code field} unless {@code name} is {@code collection/{id}}. */
  public static void check(String name, String collection, String field) {
    if (name.isEmpty()) {
      throw ValidationException.of(field, "is required");
    }
    if (!name.startsWith(collection + "/") || !ID.matcher(name.substring(collection.length() + 1)).matches()) {
      throw ValidationException.of(field, "must be a resource name like " + collection
          + "/{id} with a lower-case id of letters, digits and hyphens");
    }
  }

  /** A fresh id: 12 random lower-case base32 characters (60 bits). */
  public static String generateId() {
    char[] id = new char[GENERATED_ID_LENGTH];
    for (int i = 0; i < id.length; i++) {
      id[i] = BASE32[random.nextInt(BASE32.length)];
    }
    return new String(id);
  }
}
