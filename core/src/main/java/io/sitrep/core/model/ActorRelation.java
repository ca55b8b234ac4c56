package io.sitrep.core.model;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A time-bounded relation from the owning actor to {@code object}. A null {@code validTime} means
 * the relation is not bounded in time as far as the analyst knows.
 */
public record ActorRelation(
    RelationKind kind,
    String object,
    @Nullable TimeSpan validTime,
    ImmutableList<String> reports,
    String description) {

  public ActorRelation {
    reports = reports == null ? ImmutableList.of() : ImmutableList.copyOf(reports);
    description = Place.nullToEmpty(description);
    Check check = Check.of().notNull(kind, "kind").name(object, Actor.COLLECTION, "object");
    for (int i = 0; i < reports.size(); i++) {
      check.name(reports.get(i), Report.COLLECTION, "reports[" + i + "]");
    }
    check.shortText(description, "description").done();
  }

  public static ActorRelation of(RelationKind kind, String object) {
    return new ActorRelation(kind, object, null, ImmutableList.of(), "");
  }

  /** True when the relation may hold at {@code at}. */
  public boolean mayHoldAt(Instant at) {
    return validTime == null || (!at.isBefore(validTime.start()) && at.isBefore(validTime.end()))
        || at.equals(validTime.start());
  }
}
