package io.sitrep.core.timeline;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which events a timeline shows; every part is optional and they combine with AND.
 *
 * @param actor an actor's resource name, display name or alias; only its events are shown
 * @param includeMembers with {@code actor}: also the events of its members, units and leaders
 * @param place text the event's place names must contain, ignoring case
 * @param from only events that may have happened at or after this instant
 * @param to only events that may have happened before this instant
 */
public record TimelineQuery(@Nullable String actor, boolean includeMembers, @Nullable String place,
    @Nullable Instant from, @Nullable Instant to) {

  public static final TimelineQuery ALL = new TimelineQuery(null, false, null, null, null);

  public static TimelineQuery ofActor(String actor, boolean includeMembers) {
    return new TimelineQuery(actor, includeMembers, null, null, null);
  }
}
