package io.sitrep.core.actors;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The append-only log of who-is-who decisions. Nothing is ever deleted: a merge is reversed by an
 * {@code UNDO} decision that names it, so the log always says who decided what, when and why, and
 * any past state can be rebuilt by replaying a prefix. Immutable; every change returns a new ledger.
 *
 * <p>{@link ActorIndex#of(java.util.Collection, AliasLedger)} applies the decisions in force.
 */
public final class AliasLedger {
  private static final AliasLedger EMPTY = new AliasLedger(ImmutableList.of());

  private final ImmutableList<AliasDecision> decisions;
  private final ImmutableSet<Integer> inForce;

  private AliasLedger(ImmutableList<AliasDecision> decisions) {
    this.decisions = decisions;
    this.inForce = computeInForce(decisions);
  }

  public static AliasLedger empty() {
    return EMPTY;
  }

  /** A ledger holding {@code decisions}, numbered 1, 2, 3... in order. */
  public static AliasLedger of(List<AliasDecision> decisions) {
    for (int i = 0; i < decisions.size(); i++) {
      checkArgument(decisions.get(i).seq() == i + 1, "decision %s is numbered %s", i + 1, decisions.get(i).seq());
    }
    return new AliasLedger(ImmutableList.copyOf(decisions));
  }

  /** Every decision, oldest first, including undone ones and the undos. */
  public ImmutableList<AliasDecision> decisions() {
    return decisions;
  }

  /** The decisions that hold now, oldest first (no undos, nothing undone). */
  public ImmutableList<AliasDecision> inForce() {
    return decisions.stream().filter(d -> d.action() != AliasDecision.Action.UNDO && inForce.contains(d.seq()))
        .collect(ImmutableList.toImmutableList());
  }

  public Optional<AliasDecision> decision(int seq) {
    return seq >= 1 && seq <= decisions.size() ? Optional.of(decisions.get(seq - 1)) : Optional.empty();
  }

  public AliasLedger addAlias(String actor, String alias, String who, Instant when, String why) {
    return append(AliasDecision.Action.ADD_ALIAS, actor, alias, "", 0, who, when, why);
  }

  public AliasLedger removeAlias(String actor, String alias, String who, Instant when, String why) {
    return append(AliasDecision.Action.REMOVE_ALIAS, actor, alias, "", 0, who, when, why);
  }

  /** Records that {@code merged} is the same actor as {@code survivor}. */
  public AliasLedger merge(String survivor, String merged, String who, Instant when, String why) {
    return append(AliasDecision.Action.MERGE, survivor, merged, "", 0, who, when, why);
  }

  /** Records that {@code alias} is not {@code actor}'s but {@code target}'s (empty: nobody known). */
  public AliasLedger split(String actor, String alias, String target, String who, Instant when, String why) {
    return append(AliasDecision.Action.SPLIT, actor, alias, target, 0, who, when, why);
  }

  /** Records that decision {@code seq} no longer holds. */
  public AliasLedger undo(int seq, String who, Instant when, String why) {
    checkArgument(seq >= 1 && seq <= decisions.size(), "no decision %s", seq);
    return append(AliasDecision.Action.UNDO, "", "", "", seq, who, when, why);
  }

  /** The actor {@code actor} is merged into, following chains of merges in force; itself if none. */
  public String survivorOf(String actor) {
    Map<String, String> mergedInto = new HashMap<>();
    for (AliasDecision d : inForce()) {
      if (d.action() == AliasDecision.Action.MERGE) {
        mergedInto.put(d.subject(), d.actor());
      }
    }
    String current = actor;
    Set<String> seen = new HashSet<>();
    while (mergedInto.containsKey(current) && seen.add(current)) {
      current = mergedInto.get(current);
    }
    return current;
  }

  /** The ledger as it stood after decision {@code seq}: replaying a prefix rebuilds any past state. */
  public AliasLedger asOf(int seq) {
    return new AliasLedger(decisions.subList(0, Math.max(0, Math.min(seq, decisions.size()))));
  }

  private AliasLedger append(AliasDecision.Action action, String actor, String subject, String target,
      int undoes, String who, Instant when, String why) {
    AliasDecision d = new AliasDecision(decisions.size() + 1, action, actor, subject, target, undoes, who, when, why);
    return new AliasLedger(ImmutableList.<AliasDecision>builder().addAll(decisions).add(d).build());
  }

  /** Newest first: a decision holds unless an undo that itself holds names it. */
  private static ImmutableSet<Integer> computeInForce(List<AliasDecision> decisions) {
    Set<Integer> undone = new HashSet<>();
    ImmutableSet.Builder<Integer> out = ImmutableSet.builder();
    for (int i = decisions.size() - 1; i >= 0; i--) {
      AliasDecision d = decisions.get(i);
      if (undone.contains(d.seq())) {
        continue;
      }
      out.add(d.seq());
      if (d.action() == AliasDecision.Action.UNDO) {
        undone.add(d.undoes());
      }
    }
    return out.build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AliasLedger other && decisions.equals(other.decisions);
  }

  @Override
  public int hashCode() {
    return decisions.hashCode();
  }

  @Override
  public String toString() {
    return "AliasLedger" + decisions;
  }
}
