package io.sitrep.core.dispute;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.sitrep.core.model.ActorRelation;
import io.sitrep.core.model.Actor;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
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
  // Compiled once: every claim written passes through here while disputes are kept live.
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

  private final ImmutableMap<String, String> aliases;
  /** Actor name → every actor it is a unit, member or controlled body of, transitively. */
  private final ImmutableMap<String, ImmutableSet<String>> ancestors;

  private Canonicalizer(Map<String, String> aliases, Map<String, ImmutableSet<String>> ancestors) {
    this.aliases = ImmutableMap.copyOf(aliases);
    this.ancestors = ImmutableMap.copyOf(ancestors);
  }

  /** Spelling rules only. */
  public static Canonicalizer basic() {
    return new Canonicalizer(Map.of(), Map.of());
  }

  /**
   * Spelling rules, plus every actor's display name and aliases mapped to its resource name, and
   * the actors' hierarchy: X PART_OF or MEMBER_OF Y, and Y CONTROLS X, put X inside Y. The
   * hierarchy ignores the relations' valid times: it tells which values can both be true.
   */
  public static Canonicalizer withActors(Collection<Actor> actors) {
    Map<String, String> aliases = new HashMap<>();
    Map<String, Set<String>> parents = new HashMap<>();
    for (Actor a : actors) {
      aliases.putIfAbsent(fold(a.displayName()), a.name());
      for (String alias : a.aliases()) {
        aliases.putIfAbsent(fold(alias), a.name());
      }
      for (ActorRelation r : a.relations()) {
        switch (r.kind()) {
          case PART_OF, MEMBER_OF -> parents.computeIfAbsent(a.name(), k -> new HashSet<>()).add(r.object());
          case CONTROLS -> parents.computeIfAbsent(r.object(), k -> new HashSet<>()).add(a.name());
          default -> { }
        }
      }
    }
    Map<String, ImmutableSet<String>> ancestors = new HashMap<>();
    for (String child : parents.keySet()) {
      Set<String> seen = new HashSet<>();
      Deque<String> todo = new ArrayDeque<>(parents.get(child));
      while (!todo.isEmpty()) {
        String p = todo.poll();
        if (!p.equals(child) && seen.add(p)) {
          todo.addAll(parents.getOrDefault(p, Set.of()));
        }
      }
      ancestors.put(child, ImmutableSet.copyOf(seen));
    }
    return new Canonicalizer(aliases, ancestors);
  }

  /**
   * True when {@code inner} lies inside {@code outer} in the actors' hierarchy: "held by the
   * Hashd security directorate" is a way of being "held by the Hashd".
   */
  public boolean within(String inner, String outer) {
    return ancestors.getOrDefault(inner, ImmutableSet.of()).contains(outer);
  }

  /** True when two canonical values can both be true: equal, or one inside the other. */
  public boolean compatible(String a, String b) {
    return a.equals(b) || within(a, b) || within(b, a);
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
    return WHITESPACE.matcher(s.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
  }

  private static String asNumber(String s) {
    if (!NUMBER.matcher(s).matches()) {
      return null;
    }
    return new BigDecimal(s).stripTrailingZeros().toPlainString();
  }
}
