package io.sitrep.core.dispute;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.hash.Hashing;
import io.sitrep.core.model.Claim;
import io.sitrep.core.model.Stance;
import io.sitrep.core.model.TimePrecision;
import io.sitrep.core.model.TimeSpan;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The disputes among a growing set of claims, kept current incrementally. Adding or removing a
 * claim touches only its proposition key: the new assertion is compared with the m assertions
 * already on that key (O(m)), and that key's disputes are rebuilt from its conflict graph
 * (O(m + conflicts)). Nothing else is rescanned. Thread-safe.
 */
public final class DisputeIndex {
  private final Canonicalizer canon;
  private final AttributeSchema schema;
  private final Map<PropositionKey, KeyState> keys = new TreeMap<>();
  private final Map<String, PropositionKey> keyOfClaim = new HashMap<>();
  private final Map<String, Dispute> byName = new HashMap<>();

  public DisputeIndex(Canonicalizer canon, AttributeSchema schema) {
    this.canon = checkNotNull(canon);
    this.schema = checkNotNull(schema);
  }

  /** Adds {@code claim}, made in a report by {@code source}; a claim of the same name is replaced. */
  public synchronized void add(Claim claim, String source) {
    remove(claim.name());
    Assertion a = Assertion.of(claim, source, canon);
    KeyState state = keys.computeIfAbsent(a.key(), k -> new KeyState());
    for (Assertion other : state.assertions) {
      ConflictKind kind = conflict(a, other);
      if (kind != null) {
        state.conflicts.add(Conflict.between(other, a, kind));
      }
    }
    state.assertions.add(a);
    keyOfClaim.put(a.claim(), a.key());
    rebuild(a.key(), state);
  }

  /** Forgets the claim named {@code claim}, if present. */
  public synchronized void remove(String claim) {
    PropositionKey key = keyOfClaim.remove(claim);
    if (key == null) {
      return;
    }
    KeyState state = keys.get(key);
    state.assertions.removeIf(a -> a.claim().equals(claim));
    state.conflicts.removeIf(c -> c.claimA().equals(claim) || c.claimB().equals(claim));
    if (state.assertions.isEmpty()) {
      state.disputes.forEach(d -> byName.remove(d.name()));
      keys.remove(key);
    } else {
      rebuild(key, state);
    }
  }

  /** Every dispute, ordered by key and then name. */
  public synchronized ImmutableList<Dispute> disputes() {
    return keys.values().stream().flatMap(s -> s.disputes.stream()).collect(ImmutableList.toImmutableList());
  }

  public synchronized ImmutableList<Dispute> disputesOn(PropositionKey key) {
    KeyState state = keys.get(key);
    return state == null ? ImmutableList.of() : state.disputes;
  }

  public synchronized Optional<Dispute> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The canonical key a proposition's subject and attribute reduce to. */
  public PropositionKey keyOf(String subject, String attribute) {
    return new PropositionKey(canon.subject(subject), canon.attribute(attribute));
  }

  /** The canonical spelling of a subject, as disputes carry it. */
  public String canonicalSubject(String subject) {
    return canon.subject(subject);
  }

  /** The canonical spelling of an attribute, as disputes carry it. */
  public String canonicalAttribute(String attribute) {
    return canon.attribute(attribute);
  }

  /** Changes of state on {@code key}: different values at times that surely do not overlap. */
  public synchronized ImmutableList<StateChange> stateChanges(PropositionKey key) {
    KeyState state = keys.get(key);
    if (state == null || !schema.isSingleValued(key.attribute())) {
      return ImmutableList.of();
    }
    ImmutableList.Builder<StateChange> out = ImmutableList.builder();
    List<Assertion> asserted = state.assertions.stream()
        .filter(a -> a.stance() == Stance.ASSERTS && a.validTime() != null).toList();
    for (Assertion a : asserted) {
      for (Assertion b : asserted) {
        if (!a.value().equals(b.value()) && a.validTime().surelyBefore(b.validTime())) {
          out.add(new StateChange(key, a, b));
        }
      }
    }
    return out.build();
  }

  public synchronized int claimCount() {
    return keyOfClaim.size();
  }

  private @Nullable ConflictKind conflict(Assertion a, Assertion b) {
    if (!a.overlapsInTime(b)) {
      return null;
    }
    if (a.stance() != b.stance()) {
      // Denying X contradicts asserting X, or anything inside X.
      Assertion denial = a.stance() == Stance.DENIES ? a : b;
      Assertion assertion = a.stance() == Stance.DENIES ? b : a;
      boolean contradicts = assertion.value().equals(denial.value())
          || canon.within(assertion.value(), denial.value());
      return contradicts ? ConflictKind.ASSERTION_AND_DENIAL : null;
    }
    if (a.stance() == Stance.ASSERTS && !canon.compatible(a.value(), b.value())
        && schema.isSingleValued(a.key().attribute())) {
      return ConflictKind.DIFFERENT_VALUES;
    }
    return null;
  }

  /** Rebuilds the disputes on one key: the connected components of its conflict graph. */
  private void rebuild(PropositionKey key, KeyState state) {
    state.disputes.forEach(d -> byName.remove(d.name()));
    Map<String, Assertion> byClaim = new LinkedHashMap<>();
    state.assertions.forEach(a -> byClaim.put(a.claim(), a));
    Map<String, String> parent = new HashMap<>();
    for (Conflict c : state.conflicts) {
      union(parent, c.claimA(), c.claimB());
    }
    Map<String, List<Assertion>> components = new TreeMap<>();
    Map<String, List<Conflict>> conflictsOf = new HashMap<>();
    for (String claim : parent.keySet()) {
      components.computeIfAbsent(find(parent, claim), r -> new ArrayList<>()).add(byClaim.get(claim));
    }
    for (Conflict c : state.conflicts) {
      conflictsOf.computeIfAbsent(find(parent, c.claimA()), r -> new ArrayList<>()).add(c);
    }
    ImmutableList.Builder<Dispute> disputes = ImmutableList.builder();
    for (var entry : components.entrySet()) {
      Dispute d = dispute(key, entry.getValue(), conflictsOf.get(entry.getKey()));
      disputes.add(d);
      byName.put(d.name(), d);
    }
    state.disputes = ImmutableList.sortedCopyOf(Comparator.comparing(Dispute::name), disputes.build());
  }

  private Dispute dispute(PropositionKey key, List<Assertion> members, List<Conflict> conflicts) {
    members.sort(Comparator.comparing(Assertion::claim));
    // A position gathers the claims of one stance whose values can all be true together: the
    // Hashd, its commission and its security directorate are one position, worded three ways.
    List<List<Assertion>> sides = new ArrayList<>();
    for (Assertion a : members) {
      List<Assertion> home = null;
      for (List<Assertion> side : sides) {
        if (side.get(0).stance() == a.stance() && side.stream().allMatch(o -> canon.compatible(o.value(), a.value()))) {
          home = side;
          break;
        }
      }
      if (home == null) {
        home = new ArrayList<>();
        sides.add(home);
      }
      home.add(a);
    }
    ImmutableList.Builder<Position> positions = ImmutableList.builder();
    for (List<Assertion> side : sides) {
      ImmutableList<String> values = side.stream().map(Assertion::value).distinct().sorted()
          .collect(ImmutableList.toImmutableList());
      // The widest wording names the position: the one every other value lies within.
      String name = values.stream().filter(v -> values.stream().allMatch(o -> o.equals(v) || canon.within(o, v)))
          .findFirst().orElse(values.get(0));
      positions.add(new Position(name, side.get(0).stance(),
          side.stream().map(Assertion::claim).collect(ImmutableList.toImmutableList()),
          side.stream().map(Assertion::source).collect(ImmutableSet.toImmutableSet()), values));
    }
    boolean selfContradiction = conflicts.stream().anyMatch(c -> sourceOf(members, c.claimA())
        .equals(sourceOf(members, c.claimB())));
    String id = Hashing.sha256().hashString(key.subject() + "\n" + key.attribute() + "\n"
        + members.get(0).claim(), StandardCharsets.UTF_8).toString().substring(0, 16);
    return new Dispute(Dispute.COLLECTION + "/" + id, key, span(members), positions.build(),
        ImmutableList.copyOf(conflicts), selfContradiction);
  }

  private static String sourceOf(List<Assertion> members, String claim) {
    return members.stream().filter(a -> a.claim().equals(claim)).findFirst().orElseThrow().source();
  }

  private static @Nullable TimeSpan span(List<Assertion> members) {
    Instant start = null;
    Instant end = null;
    for (Assertion a : members) {
      if (a.validTime() == null) {
        return null;
      }
      start = start == null || a.validTime().start().isBefore(start) ? a.validTime().start() : start;
      end = end == null || a.validTime().end().isAfter(end) ? a.validTime().end() : end;
    }
    return start == null ? null : new TimeSpan(start, end, TimePrecision.RANGE, "");
  }

  private static String find(Map<String, String> parent, String x) {
    parent.putIfAbsent(x, x);
    String root = x;
    while (!parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    while (!parent.get(x).equals(root)) {
      String next = parent.get(x);
      parent.put(x, root);
      x = next;
    }
    return root;
  }

  private static void union(Map<String, String> parent, String a, String b) {
    String ra = find(parent, a);
    String rb = find(parent, b);
    if (!ra.equals(rb)) {
      // The smaller name becomes the root so that a component's root is deterministic.
      if (ra.compareTo(rb) < 0) {
        parent.put(rb, ra);
      } else {
        parent.put(ra, rb);
      }
    }
  }

  private static final class KeyState {
    final List<Assertion> assertions = new ArrayList<>();
    final List<Conflict> conflicts = new ArrayList<>();
    ImmutableList<Dispute> disputes = ImmutableList.of();
  }
}
