package io.sitrep.core.episodes;

import com.google.common.collect.ImmutableList;
import io.sitrep.core.model.Event;
import java.util.Comparator;
import java.util.List;

/** A named sequence of linked events in time order, e.g. the events PART_OF an episode event. */
public record Episode(String name, ImmutableList<Event> events) {
  public Episode {
    events = ImmutableList.sortedCopyOf(Comparator.comparing((Event e) -> e.time().start())
        .thenComparing(e -> e.time().end()).thenComparing(Event::name), events);
  }

  public static Episode of(String name, List<Event> events) {
    return new Episode(name, ImmutableList.copyOf(events));
  }
}
