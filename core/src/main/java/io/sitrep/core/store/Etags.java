package io.sitrep.core.store;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;

/** Etags (AIP-154): opaque, different for every revision of every resource. */
public final class Etags {
  private Etags() {}

  public static String of(String name, long revision) {
    return Hashing.sha256().hashString(name + "@" + revision, StandardCharsets.UTF_8).toString()
        .substring(0, 16);
  }
}
