package io.sitrep.server.auth;

import java.util.regex.Pattern;

/** What may be a principal's name: it is written into the history of every write. */
final class Principals {
  /** Printable, no leading or trailing space, at most 200 characters (e.g. a certificate's CN). */
  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}\\p{P}\\p{S}]([\\p{L}\\p{N}\\p{P}\\p{S} ]{0,198}"
      + "[\\p{L}\\p{N}\\p{P}\\p{S}])?");

  private Principals() {}

  static boolean isValidName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /** Valid and not the name reserved for calls made without authentication. */
  static boolean isIssuable(String name) {
    return isValidName(name) && !name.equals(Principal.ANONYMOUS_NAME);
  }
}
