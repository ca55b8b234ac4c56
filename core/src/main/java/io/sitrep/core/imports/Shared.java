package io.sitrep.core.imports;

import com.google.common.collect.ImmutableList;
import io.sitrep.core.model.Actor;
import io.sitrep.core.model.ActorKind;
import io.sitrep.core.model.Source;
import io.sitrep.core.model.SourceKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Actors and sources, which many rows share: named from their display names, emitted once. */
final class Shared {
  /** A trailing period of office, "(2022-)" or "(2016-2021)", as ACLED writes them. */
  private static final Pattern PERIOD = Pattern.compile("^(.*?)\\s*\\((\\d{4})-(\\d{4})?\\)\\s*$");

  private Shared() {}

  /** The actor name for {@code displayName}: {@code actors/} and its slug. */
  static String actorName(String displayName) {
    return "actors/" + Ids.slug(displayName);
  }

  /** The source name for {@code displayName}: {@code sources/} and its slug. */
  static String sourceName(String displayName) {
    return "sources/" + Ids.slug(displayName);
  }

  /**
   * Emits the actor {@code displayName} (once per import) and returns its name. The name without
   * a period of office ("Military Forces of Somalia" for "... (2022-)") and {@code moreAliases}
   * become aliases.
   */
  static String actor(RowOutput out, String displayName, ActorKind kind, String countryCode, String description,
      String... moreAliases) {
    return actor(out, displayName, () -> kind, countryCode, description, moreAliases);
  }

  /** As above, with the kind worked out only if the actor is new to this import. */
  static String actor(RowOutput out, String displayName, Supplier<ActorKind> kindOf, String countryCode,
      String description, String... moreAliases) {
    String name = out.actorNames.get(displayName);
    out.shared(name, () -> {
      ActorKind kind = kindOf.get();
      List<String> aliases = new ArrayList<>();
      Matcher m = PERIOD.matcher(displayName);
      if (m.matches() && !m.group(1).isBlank()) {
        aliases.add(m.group(1));
      }
      for (String a : moreAliases) {
        if (!a.isBlank() && !a.equals(displayName) && !aliases.contains(a)) {
          aliases.add(Cells.clip(a, 1_000));
        }
      }
      return new Actor(name, Cells.clip(displayName, 1_000), kind, ImmutableList.copyOf(aliases), countryCode,
          description, ImmutableList.of());
    });
    return name;
  }

  /** Emits the source {@code displayName} (once per import) and returns its name. */
  static String source(RowOutput out, String displayName, SourceKind kind, String uri, String description) {
    return source(out, displayName, kind, () -> uri, description);
  }

  /** As above, with the URI worked out only if the source is new to this import. */
  static String source(RowOutput out, String displayName, SourceKind kind, Supplier<String> uri, String description) {
    String name = out.sourceNames.get(displayName);
    out.shared(name, () -> Source.builder(name, Cells.clip(displayName, 1_000), kind)
        .uri(Cells.clip(uri.get(), 1_000)).handle("").description(description).build());
    return name;
  }

  /** An actor kind guessed from a name, for names no code classifies. */
  static ActorKind kindFromName(String displayName, ActorKind otherwise) {
    String n = displayName.toLowerCase(Locale.ROOT);
    if (n.startsWith("military forces of") || n.startsWith("police forces of") || n.contains("army")
        || n.contains("security forces")) {
      return ActorKind.SECURITY_FORCE;
    }
    if (n.startsWith("government of") || n.contains("ministry")) {
      return ActorKind.GOVERNMENT_BODY;
    }
    if (n.startsWith("united nations") || n.startsWith("un:") || n.contains("african union") || n.startsWith("amisom")
        || n.startsWith("atmis") || n.startsWith("nato") || n.startsWith("european union")) {
      return ActorKind.INTERNATIONAL_ORGANIZATION;
    }
    return otherwise;
  }

  /** "key: value" lines for every non-empty {@code (key, value)} pair, for descriptions. */
  static String fields(List<String> keys, List<String> values) {
    // Joined in one exact-size copy: a growing builder copied these (kilobytes a row) several times.
    String[] parts = new String[4 * keys.size()];
    int n = 0;
    for (int i = 0; i < keys.size(); i++) {
      String v = values.get(i);
      if (!v.isEmpty()) {
        parts[n] = n == 0 ? "" : "\n";
        n++;
        parts[n++] = keys.get(i);
        parts[n++] = ": ";
        parts[n++] = v;
      }
    }
    return String.join("", n == parts.length ? parts : Arrays.copyOf(parts, n));
  }
}
