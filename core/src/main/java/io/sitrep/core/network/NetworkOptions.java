package io.sitrep.core.network;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import io.sitrep.core.model.RelationKind;
import java.util.EnumMap;
import java.util.Map;

/**
 * How the actor graph at a time is weighted.
 *
 * @param kindWeights the tie strength of each relation kind, times the relation's belief; a kind
 *     absent here (OPPOSES by default) makes no tie and is listed among the oppositions instead
 * @param windowDays events that may have happened within this many days before the time count
 * @param halfLifeDays an event {@code d} days away weighs {@code 2^(-d / halfLife)}; its weight is
 *     its Goldstein score's magnitude over 10
 */
public record NetworkOptions(ImmutableMap<RelationKind, Double> kindWeights, int windowDays, double halfLifeDays) {
  /**
   * Membership, leadership and command 1.0 (one organisation); control and alliance 0.8; backing
   * 0.6; mediation 0.5 (a channel, not an allegiance); opposition no tie. Events within 30 days,
   * half-life 7 days.
   */
  public static final NetworkOptions DEFAULTS;

  static {
    Map<RelationKind, Double> w = new EnumMap<>(RelationKind.class);
    w.put(RelationKind.LEADS, 1.0);
    w.put(RelationKind.MEMBER_OF, 1.0);
    w.put(RelationKind.PART_OF, 1.0);
    w.put(RelationKind.COMMANDS, 1.0);
    w.put(RelationKind.CONTROLS, 0.8);
    w.put(RelationKind.ALLIED_WITH, 0.8);
    w.put(RelationKind.BACKS, 0.6);
    w.put(RelationKind.MEDIATES, 0.5);
    DEFAULTS = new NetworkOptions(ImmutableMap.copyOf(w), 30, 7);
  }

  public NetworkOptions {
    kindWeights = ImmutableMap.copyOf(kindWeights);
    checkArgument(windowDays >= 0, "windowDays must not be negative");
    checkArgument(halfLifeDays > 0, "halfLifeDays must be positive");
    kindWeights.values().forEach(v -> checkArgument(v > 0, "weights must be positive"));
  }
}
