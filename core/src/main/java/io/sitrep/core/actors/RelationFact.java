package io.sitrep.core.actors;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.sitrep.core.model.RelationKind;
import io.sitrep.core.model.TimeSpan;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A relation "subject KIND object" that may hold during {@code validTime} (null: at all times as far
 * as is known), with how it is known and how far it is believed.
 *
 * @param origin where the relation comes from: the actor's record, claims, or events
 * @param belief in {@code [0, 1]}: 1 for a recorded relation; for claims, the mean over the claims of
 *     the probability the relation holds given each (its truth-discovery belief if asserted, one
 *     minus it if denied)
 * @param evidence the names of the reports, claims or events behind it
 */
public record RelationFact(String subject, RelationKind kind, String object, @Nullable TimeSpan validTime,
    Origin origin, double belief, ImmutableList<String> evidence, String description) {

  /** How a relation is known. */
  public enum Origin {
    /** From an actor's own {@link io.sitrep.core.model.ActorRelation}. */
    RECORDED,
    /** From claims whose proposition's attribute names the relation. */
    CLAIMED,
    /** Derived from an event: a MEDIATOR mediates the parties, a SUPPORTER backs the perpetrators. */
    EVENT
  }

  public RelationFact {
    checkNotNull(subject, "subject");
    checkNotNull(kind, "kind");
    checkNotNull(object, "object");
    checkNotNull(origin, "origin");
    checkArgument(belief >= 0 && belief <= 1, "belief %s outside [0, 1]", belief);
    evidence = ImmutableList.copyOf(evidence);
    description = description == null ? "" : description;
  }

  /** True when the relation may hold at some moment of {@code [from, to)}; nulls are open bounds. */
  public boolean mayHoldWithin(@Nullable Instant from, @Nullable Instant to) {
    return validTime == null || validTime.mayFallWithin(from, to);
  }
}
