package io.sitrep.core.timeline;

import com.google.common.collect.ImmutableList;
import io.sitrep.core.model.Event;

/** Events sorted by earliest start, then latest end, then name, with their certainty of order. */
public record Timeline(ImmutableList<TimelineEntry> entries) {
  public ImmutableList<String> eventNames() {
    return entries.stream().map(e -> e.event().name()).collect(ImmutableList.toImmutableList());
  }

  public ImmutableList<Event> events() {
    return entries.stream().map(TimelineEntry::event).collect(ImmutableList.toImmutableList());
  }
}
