package io.sitrep.core.actors;

import io.sitrep.core.model.RelationKind;
import io.sitrep.core.model.TimeSpan;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which relations to list; every part is optional and they combine with AND. Build it as a
 * sentence: {@code RelationQuery.any().kind(BACKS).object(pm).during(december2020)}.
 *
 * @param from relations that may hold at or after this instant
 * @param to relations that may hold before this instant
 * @param minBelief relations believed at least this much
 */
public record RelationQuery(@Nullable String subject, @Nullable RelationKind kind, @Nullable String object,
    @Nullable Instant from, @Nullable Instant to, double minBelief) {

  public static RelationQuery any() {
    return new RelationQuery(null, null, null, null, null, 0);
  }

  public RelationQuery subject(String v) { return new RelationQuery(v, kind, object, from, to, minBelief); }
  public RelationQuery kind(RelationKind v) { return new RelationQuery(subject, v, object, from, to, minBelief); }
  public RelationQuery object(String v) { return new RelationQuery(subject, kind, v, from, to, minBelief); }
  public RelationQuery minBelief(double v) { return new RelationQuery(subject, kind, object, from, to, v); }

  /** Relations that may hold at some moment of {@code span}. */
  public RelationQuery during(TimeSpan span) {
    Instant end = span.end().equals(span.start()) ? span.end().plusNanos(1) : span.end();
    return new RelationQuery(subject, kind, object, span.start(), end, minBelief);
  }

  /** Relations that may hold at {@code at}. */
  public RelationQuery at(Instant at) {
    return new RelationQuery(subject, kind, object, at, at.plusNanos(1), minBelief);
  }

  boolean matches(RelationFact f) {
    return (subject == null || subject.equals(f.subject()))
        && (kind == null || kind == f.kind())
        && (object == null || object.equals(f.object()))
        && f.belief() >= minBelief
        && f.mayHoldWithin(from, to);
  }
}
