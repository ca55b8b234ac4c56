package io.sitrep.core.timeline;

import com.google.common.collect.ImmutableList;
import io.sitrep.core.model.Actor;
import io.sitrep.core.model.ActorRelation;
import io.sitrep.core.model.Event;
import io.sitrep.core.model.Participant;
import io.sitrep.core.model.TimeSpan;
import io.sitrep.core.store.Filter;
import io.sitrep.core.store.ResourceType;
import io.sitrep.core.store.SitrepStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Builds timelines. */
public final class Timelines {
  private static final Comparator<Event> CHRONOLOGICAL = Comparator
      .comparing((Event e) -> e.time().start())
      .thenComparing(e -> e.time().end())
      .thenComparing(Event::name);

  private Timelines() {}

  /** The timeline of {@code query} over what {@code store} holds now. */
  public static Timeline build(SitrepStore store, TimelineQuery query) {
    List<Actor> actors;
    try (Stream<Actor> s = store.scan(ResourceType.ACTORS, Filter.ALL)) {
      actors = s.toList();
    }
    List<Event> events;
    try (Stream<Event> s = store.scan(ResourceType.EVENTS, Filter.ALL)) {
      events = s.toList();
    }
    return of(events, actors, query);
  }

  /**
   * The timeline of {@code query} over {@code events}; {@code actors} resolve the query's actor
   * (by name, display name or alias) and its members.
   *
   * @throws UnknownActorException if the query names an actor that none of {@code actors} is
   */
  public static Timeline of(Collection<Event> events, Collection<Actor> actors, TimelineQuery query) {
    Map<String, List<@Nullable TimeSpan>> focus = query.actor() == null || query.actor().isEmpty()
        ? null : focusActors(actors, query.actor(), query.includeMembers());
    List<Event> chosen = events.stream()
        .filter(e -> focus == null || involvesAny(e, focus))
        .filter(e -> query.place() == null || query.place().isEmpty()
            || (e.place() != null && e.place().mentions(query.place())))
        .filter(e -> e.time().mayFallWithin(query.from(), query.to()))
        .sorted(CHRONOLOGICAL)
        .toList();
    return order(chosen);
  }

  /** Sorts nothing; {@code sorted} must be in chronological order. Finds the uncertain pairs by a sweep. */
  static Timeline order(List<Event> sorted) {
    int n = sorted.size();
    List<List<String>> uncertain = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      uncertain.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      TimeSpan a = sorted.get(i).time();
      for (int j = i + 1; j < n; j++) {
        TimeSpan b = sorted.get(j).time();
        // Sorted by start: once b starts after a has surely ended, so do all later ones.
        if (a.surelyBefore(b) && b.start().isAfter(a.end())) {
          break;
        }
        if (a.overlaps(b)) {
          uncertain.get(i).add(sorted.get(j).name());
          uncertain.get(j).add(sorted.get(i).name());
        }
      }
    }
    ImmutableList.Builder<TimelineEntry> entries = ImmutableList.builder();
    for (int i = 0; i < n; i++) {
      TemporalOrder order = i == 0 ? TemporalOrder.FIRST
          : sorted.get(i - 1).time().surelyBefore(sorted.get(i).time()) ? TemporalOrder.AFTER
          : TemporalOrder.UNCERTAIN;
      entries.add(new TimelineEntry(sorted.get(i), order, ImmutableList.sortedCopyOf(uncertain.get(i))));
    }
    return new Timeline(entries.build());
  }

  /**
   * The query's actor and, with members, every actor tied into it by membership relations
   * followed transitively, each with the spans its tie holds (null: always).
   */
  private static Map<String, List<@Nullable TimeSpan>> focusActors(Collection<Actor> actors, String query,
      boolean includeMembers) {
    Actor root = resolve(actors, query).orElseThrow(() -> new UnknownActorException(query));
    Map<String, List<@Nullable TimeSpan>> focus = new HashMap<>();
    List<@Nullable TimeSpan> always = new ArrayList<>();
    always.add(null);
    focus.put(root.name(), always);
    if (!includeMembers) {
      return focus;
    }
    // Edges member -> organisation: "X MEMBER_OF/PART_OF Y" and "X LEADS/COMMANDS Y" both put X in Y.
    Map<String, List<Map.Entry<String, @Nullable TimeSpan>>> membersOf = new HashMap<>();
    for (Actor a : actors) {
      for (ActorRelation r : a.relations()) {
        if (r.kind().isMembership()) {
          membersOf.computeIfAbsent(r.object(), k -> new ArrayList<>())
              .add(new java.util.AbstractMap.SimpleImmutableEntry<>(a.name(), r.validTime()));
        }
      }
    }
    Deque<String> queue = new ArrayDeque<>(List.of(root.name()));
    while (!queue.isEmpty()) {
      String org = queue.poll();
      for (var member : membersOf.getOrDefault(org, List.of())) {
        boolean isNew = !focus.containsKey(member.getKey());
        focus.computeIfAbsent(member.getKey(), k -> new ArrayList<>()).add(member.getValue());
        if (isNew) {
          queue.add(member.getKey());
        }
      }
    }
    return focus;
  }

  private static boolean involvesAny(Event e, Map<String, List<@Nullable TimeSpan>> focus) {
    for (Participant p : e.participants()) {
      List<@Nullable TimeSpan> spans = focus.get(p.actor());
      if (spans != null && spans.stream().anyMatch(s -> s == null || s.overlaps(e.time()))) {
        return true;
      }
    }
    return false;
  }

  /** The actor whose name, display name or alias is {@code query}, ignoring case. */
  public static Optional<Actor> resolve(Collection<Actor> actors, String query) {
    String q = query.trim().toLowerCase(Locale.ROOT);
    return actors.stream()
        .filter(a -> a.name().equals(query) || a.displayName().toLowerCase(Locale.ROOT).equals(q)
            || a.aliases().stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()).contains(q))
        .findFirst();
  }

  /** The query named an actor that is not known. */
  public static final class UnknownActorException extends RuntimeException {
    private final String actor;

    public UnknownActorException(String actor) {
      super("no actor is named or known as \"" + actor + "\"");
      this.actor = actor;
    }

    public String actor() {
      return actor;
    }
  }
}
