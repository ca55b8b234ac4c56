package io.sitrep.core.dispute;

import com.google.common.collect.ImmutableMap;
import io.sitrep.core.model.Actor;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Brings subjects, attributes and values to one spelling, so that equivalent claims meet:
 * {@code " Actors/AAH"} and {@code "actors/aah"}; {@code "007"} and {@code "7"};
 * {@code "Asaib Ahl al-Haq"} and {@code "actors/asaib-ahl-al-haq"} when the actor is known by
 * that alias. Exact alias matches only: fuzzy resolution proposes, it never merges silently.
 */
public final class Canonicalizer {
  private final ImmutableMap<String, String> aliases;

  private Canonicalizer(Map<String, String> aliases) {
    this.aliases = ImmutableMap.copyOf(aliases);
  }

  /** Spelling rules only. */
  public static Canonicalizer basic() {
    return new Canonicalizer(Map.of());
  }

  /** Spelling rules, plus every actor's display name and aliases mapped to its resource name. */
  public static Canonicalizer withActors(Collection<Actor> actors) {
    Map<String, String> aliases = new HashMap<>();
    for (Actor a : actors) {
      aliases.putIfAbsent(fold(a.displayName()), a.name());
      for (String alias : a.aliases()) {
        aliases.putIfAbsent(fold(alias), a.name());
      }
    }
    return new Canonicalizer(aliases);
  }

  public String subject(String subject) {
    return value(subject);
  }

  /** Attributes are lower_snake_case words: "Custody " and "custody" meet. */
  public String attribute(String attribute) {
    return fold(attribute).replace(' ', '_').replace('-', '_');
  }

  public String value(String value) {
    String folded = fold(value);
    String number = asNumber(folded);
    if (number != null) {
      return number;
    }
    return aliases.getOrDefault(folded, folded);
  }

  private static String fold(String s) {
    return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static String asNumber(String s) {
    if (!s.matches("[+-]?\\d+(\\.\\d+)?")) {
      return null;
    }
    return new BigDecimal(s).stripTrailingZeros().toPlainString();
  }
}
