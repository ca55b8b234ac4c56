package io.sitrep.core.timeline;

import com.google.common.collect.ImmutableList;
import io.sitrep.core.model.Event;

/**
 * One event on a timeline, how it relates to the entry before it, and every other entry whose
 * order relative to it is not certain.
 */
public record TimelineEntry(Event event, TemporalOrder orderAfterPrevious, ImmutableList<String> uncertainWith) {
  public boolean isCertainlyAfterPrevious() {
    return orderAfterPrevious == TemporalOrder.AFTER;
  }
}
