package io.sitrep.server.service;

import com.google.common.collect.ImmutableSet;
import com.google.protobuf.Timestamp;
import io.grpc.stub.StreamObserver;
import io.sitrep.api.v1.ActorAnalysisServiceGrpc;
import io.sitrep.api.v1.ActorNetwork;
import io.sitrep.api.v1.ActorResolution;
import io.sitrep.api.v1.FindSimilarEpisodesRequest;
import io.sitrep.api.v1.FindSimilarEpisodesResponse;
import io.sitrep.api.v1.GetNetworkRequest;
import io.sitrep.api.v1.GetTensionRequest;
import io.sitrep.api.v1.ListRelationsRequest;
import io.sitrep.api.v1.ListRelationsResponse;
import io.sitrep.api.v1.ResolveActorRequest;
import io.sitrep.api.v1.TensionSeries;
import io.sitrep.core.actors.ActorRelations;
import io.sitrep.core.actors.RelationFact;
import io.sitrep.core.actors.RelationQuery;
import io.sitrep.core.actors.ResolutionOptions;
import io.sitrep.core.episodes.Episode;
import io.sitrep.core.episodes.EpisodeMatch;
import io.sitrep.core.episodes.EpisodeOptions;
import io.sitrep.core.episodes.Episodes;
import io.sitrep.core.model.Actor;
import io.sitrep.core.model.Event;
import io.sitrep.core.model.EventLink;
import io.sitrep.core.model.EventLinkKind;
import io.sitrep.core.model.Participant;
import io.sitrep.core.model.ParticipantRole;
import io.sitrep.core.model.RelationKind;
import io.sitrep.core.model.Resource;
import io.sitrep.core.model.ValidationException;
import io.sitrep.core.network.ActorNetworks;
import io.sitrep.core.network.NetworkOptions;
import io.sitrep.core.store.Filter;
import io.sitrep.core.store.ListeningStore;
import io.sitrep.core.store.PageRequest;
import io.sitrep.core.store.PageToken;
import io.sitrep.core.store.ResourceType;
import io.sitrep.core.store.StoreException;
import io.sitrep.core.tension.InteractionScores;
import io.sitrep.core.tension.TensionIndex;
import io.sitrep.core.tension.TensionOptions;
import io.sitrep.server.mapping.ActorAnalysisMapper;
import io.sitrep.server.mapping.CommonMapper;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * {@code sitrep.v1.ActorAnalysisService}: core's actor analyses over what the store holds now.
 * Resolution uses the cached {@link ActorIndexCache}; the other analyses read the store afresh on
 * every call (relations, tension, the network and episodes are pure functions of a snapshot).
 * Relations from claims are taken at the claims' word (belief 1 for an assertion).
 */
public final class ActorAnalysisServiceImpl extends ActorAnalysisServiceGrpc.ActorAnalysisServiceImplBase {
  static final int DEFAULT_CANDIDATES = 5;
  static final int MAX_CANDIDATES = 100;
  /**
   * The longest name ResolveActor takes, in chars. Scoring compares the name with every alias, at
   * a cost that grows with its length: the long fuzz run's 4 MiB name held the server past a
   * minute. The longest alias in the demo is under 80 chars.
   */
  static final int MAX_NAME_CHARS = 500;
  static final int DEFAULT_EPISODES = 10;
  static final int MAX_EPISODES = 100;
  /** A tension series covers at most ten years of days. */
  static final long MAX_TENSION_DAYS = 3660;

  private final ListeningStore store;
  private final ActorIndexCache actors;
  private final java.time.Clock clock;

  public ActorAnalysisServiceImpl(ListeningStore store, java.time.Clock clock) {
    this.store = store;
    this.actors = ActorIndexCache.of(store);
    this.clock = clock;
  }

  @Override
  public void resolveActor(ResolveActorRequest request, StreamObserver<ActorResolution> responses) {
    Rpc.unary(responses, () -> {
      if (request.getName().isBlank()) {
        throw ValidationException.of("name", "is required: the name as a report writes it");
      }
      if (request.getName().length() > MAX_NAME_CHARS) {
        throw ValidationException.of("name", "has " + request.getName().length() + " chars; a name to resolve may have at most "
            + MAX_NAME_CHARS);
      }
      int max = limit(request.getMaxCandidates(), DEFAULT_CANDIDATES, MAX_CANDIDATES, "max_candidates");
      ResolutionOptions defaults = ResolutionOptions.DEFAULTS;
      ResolutionOptions options = new ResolutionOptions(defaults.acceptScore(), defaults.proposeScore(),
          defaults.margin(), max);
      if (request.hasThreshold()) {
        double t = request.getThreshold();
        if (!(t >= 0 && t <= 1)) {
          throw ValidationException.of("threshold", "must be in [0, 1]");
        }
        options = new ResolutionOptions(t, Math.min(defaults.proposeScore(), t), defaults.margin(), max);
      }
      return ActorAnalysisMapper.toProto(actors.index().resolve(request.getName(), options));
    });
  }

  @Override
  public void listRelations(ListRelationsRequest request, StreamObserver<ListRelationsResponse> responses) {
    Rpc.unary(responses, () -> {
      String subject = optionalActor(request.getSubject(), "subject");
      String object = optionalActor(request.getObject(), "object");
      RelationKind kind = ActorAnalysisMapper.toCore(request.getKind(), "kind");
      Instant from = request.hasStartTime() ? CommonMapper.toInstant(request.getStartTime(), "start_time") : null;
      Instant to = request.hasEndTime() ? CommonMapper.toInstant(request.getEndTime(), "end_time") : null;
      if (from != null && to != null && !to.isAfter(from)) {
        throw ValidationException.of("end_time", "must be after start_time");
      }
      // The token is bound to the query it was issued for.
      Filter query = Filter.of("subject", String.valueOf(subject)).and("kind", String.valueOf(kind))
          .and("object", String.valueOf(object)).and("start_time", String.valueOf(from))
          .and("end_time", String.valueOf(to));
      PageRequest page = new PageRequest(request.getPageSize(), request.getPageToken(), query);
      String after = PageToken.decode(page.pageToken(), query);

      List<RelationFact> facts = ActorRelations.of(store, Map.of())
          .query(new RelationQuery(subject, kind, object, from, to, 0)).stream()
          .sorted(Comparator.comparing(ActorAnalysisServiceImpl::sortKey))
          .filter(f -> after.isEmpty() || sortKey(f).compareTo(after) > 0)
          .limit(page.pageSize() + 1L)
          .toList();
      ListRelationsResponse.Builder response = ListRelationsResponse.newBuilder();
      List<RelationFact> shown = facts.subList(0, Math.min(facts.size(), page.pageSize()));
      shown.forEach(f -> response.addRelations(ActorAnalysisMapper.toProto(f)));
      if (facts.size() > page.pageSize()) {
        response.setNextPageToken(PageToken.encode(sortKey(shown.get(shown.size() - 1)), query));
      }
      return response.build();
    });
  }

  /** The order of a listing, and the key its page tokens carry: unique per relation. */
  private static String sortKey(RelationFact f) {
    String sep = "\u0001";
    return f.subject() + sep + f.kind() + sep + f.object() + sep
        + (f.validTime() == null ? "" : f.validTime().start() + sep + f.validTime().end()) + sep
        + f.origin() + sep + String.join(",", f.evidence());
  }

  @Override
  public void getTension(GetTensionRequest request, StreamObserver<TensionSeries> responses) {
    Rpc.unary(responses, () -> {
      String a = requiredActor(request.getActorA(), "actor_a");
      String b = requiredActor(request.getActorB(), "actor_b");
      if (a.equals(b)) {
        throw ValidationException.of("actor_b", "must differ from actor_a");
      }
      Instant start = requiredTime(request.hasStartTime(), request.getStartTime(), "start_time");
      Instant end = requiredTime(request.hasEndTime(), request.getEndTime(), "end_time");
      if (!end.isAfter(start)) {
        throw ValidationException.of("end_time", "must be after start_time");
      }
      if (Duration.between(start, end).toDays() > MAX_TENSION_DAYS) {
        throw ValidationException.of("end_time", "must be at most " + MAX_TENSION_DAYS + " days after start_time");
      }
      ZoneId zone = zone(request.getTimeZone());
      TensionOptions options = TensionOptions.DEFAULTS.withZone(zone);
      LocalDate from = LocalDate.ofInstant(start, zone);
      LocalDate to = LocalDate.ofInstant(end.minusNanos(1), zone);

      List<Event> events = all(ResourceType.EVENTS);
      Set<String> sideA = Set.of(a);
      Set<String> sideB = Set.of(b);
      if (request.getIncludeMembers()) {
        ActorRelations relations = ActorRelations.of(store, Map.of());
        Instant windowStart = from.atStartOfDay(zone).toInstant();
        Instant windowEnd = to.plusDays(1).atStartOfDay(zone).toInstant();
        sideA = TensionIndex.withMembers(a, relations, windowStart, windowEnd);
        sideB = TensionIndex.withMembers(b, relations, windowStart, windowEnd);
      }
      InteractionScores scores = InteractionScores.standard();
      io.sitrep.core.tension.TensionSeries series = TensionIndex.of(events, Map.of(), scores, options)
          .series(sideA, sideB, from, to);
      return TensionSeries.newBuilder()
          .addAllSideA(sideA)
          .addAllSideB(sideB)
          .addAllPoints(ActorAnalysisMapper.points(series, eventsByDay(events, sideA, sideB, from, to, scores,
              options)))
          .addAllTurningPoints(series.turningPoints().stream().map(ActorAnalysisMapper::toProto).toList())
          .setTimeZone(zone.getId())
          .build();
    });
  }

  /**
   * The events that count between the two sides on each day: each candidate (a participant on
   * either side) is put through the same index on its own, so an event is listed on exactly the
   * days it adds to the series, by the same rules of who faces whom.
   */
  private static Map<LocalDate, List<String>> eventsByDay(List<Event> events, Set<String> sideA, Set<String> sideB,
      LocalDate from, LocalDate to, InteractionScores scores, TensionOptions options) {
    Map<LocalDate, List<String>> byDay = new TreeMap<>();
    for (Event e : events) {
      if (!takesPart(e, sideA) || !takesPart(e, sideB)) {
        continue;
      }
      io.sitrep.core.tension.TensionSeries own = TensionIndex.builder(options).add(e, scores.score(e), 1).build()
          .series(sideA, sideB, from, to);
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
        if (own.intensity(d) != 0) {
          byDay.computeIfAbsent(d, k -> new ArrayList<>()).add(e.name());
        }
      }
    }
    return byDay;
  }

  private static boolean takesPart(Event e, Set<String> side) {
    for (Participant p : e.participants()) {
      if (p.role() != ParticipantRole.OBSERVER && side.contains(p.actor())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void getNetwork(GetNetworkRequest request, StreamObserver<ActorNetwork> responses) {
    Rpc.unary(responses, () -> {
      Instant at = request.hasTime() ? CommonMapper.toInstant(request.getTime(), "time") : clock.instant();
      return ActorAnalysisMapper.toProto(ActorNetworks.at(at, ActorRelations.of(store, Map.of()),
          all(ResourceType.EVENTS), NetworkOptions.DEFAULTS));
    });
  }

  @Override
  public void findSimilarEpisodes(FindSimilarEpisodesRequest request,
      StreamObserver<FindSimilarEpisodesResponse> responses) {
    Rpc.unary(responses, () -> {
      String episode = request.getEpisode();
      ResourceNames.check(episode, ResourceType.EVENTS.collection(), "episode");
      int max = limit(request.getMaxResults(), DEFAULT_EPISODES, MAX_EPISODES, "max_results");
      if (store.get(ResourceType.EVENTS, episode).isEmpty()) {
        throw new StoreException.ReferenceNotFound("episode", episode);
      }
      List<Event> events = all(ResourceType.EVENTS);
      Episode query = Episodes.partOf(episode, events);
      if (query.events().isEmpty()) {
        throw ValidationException.of("episode", episode + " is not an episode: no event is PART_OF it");
      }
      Set<String> own = withNested(episode, events);
      List<Episode> others = Episodes.all(events).stream().filter(p -> !overlaps(p, own)).toList();
      List<Actor> actorList = all(ResourceType.ACTORS);
      List<EpisodeMatch> matches = Episodes.similar(query, others, actorList, EpisodeOptions.DEFAULTS);
      FindSimilarEpisodesResponse.Builder response = FindSimilarEpisodesResponse.newBuilder();
      matches.stream().filter(m -> m.score() > 0).limit(max)
          .forEach(m -> response.addMatches(ActorAnalysisMapper.toProto(m)));
      return response.build();
    });
  }

  /** The episode event and every event PART_OF it, transitively: the episode and its sub-episodes. */
  private static Set<String> withNested(String episode, List<Event> events) {
    Map<String, List<String>> parts = new LinkedHashMap<>();
    for (Event e : events) {
      for (EventLink l : e.links()) {
        if (l.kind() == EventLinkKind.PART_OF) {
          parts.computeIfAbsent(l.event(), k -> new ArrayList<>()).add(e.name());
        }
      }
    }
    Set<String> out = new HashSet<>();
    List<String> todo = new ArrayList<>(List.of(episode));
    while (!todo.isEmpty()) {
      String next = todo.remove(todo.size() - 1);
      if (out.add(next)) {
        todo.addAll(parts.getOrDefault(next, List.of()));
      }
    }
    return ImmutableSet.copyOf(out);
  }

  /**
   * True when {@code other} is the queried episode, nested in it, or shares an event with it: not
   * a precedent but a part of the same story.
   */
  private static boolean overlaps(Episode other, Set<String> own) {
    return own.contains(other.name()) || other.events().stream().anyMatch(e -> own.contains(e.name()));
  }

  // --- Request checks ---

  /** A page-like limit: 0 means {@code fallback}, negative is refused, larger than {@code max} is clamped. */
  private static int limit(int requested, int fallback, int max, String field) {
    if (requested < 0) {
      throw ValidationException.of(field, "must not be negative");
    }
    return requested == 0 ? fallback : Math.min(requested, max);
  }

  /** An actor name that must be given and stored. */
  private String requiredActor(String name, String field) {
    if (name.isEmpty()) {
      throw ValidationException.of(field, "is required");
    }
    return existingActor(name, field);
  }

  /** An actor name that may be empty (null) but, if given, must be stored. */
  private @Nullable String optionalActor(String name, String field) {
    return name.isEmpty() ? null : existingActor(name, field);
  }

  private String existingActor(String name, String field) {
    ResourceNames.check(name, ResourceType.ACTORS.collection(), field);
    if (store.get(ResourceType.ACTORS, name).isEmpty()) {
      throw new StoreException.ReferenceNotFound(field, name);
    }
    return name;
  }

  private static Instant requiredTime(boolean present, Timestamp t, String field) {
    if (!present) {
      throw ValidationException.of(field, "is required");
    }
    return CommonMapper.toInstant(t, field);
  }

  private static ZoneId zone(String id) {
    if (id.isEmpty()) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw ValidationException.of("time_zone", "is not an IANA time zone such as \"Asia/Baghdad\"");
    }
  }

  private <T extends Resource> List<T> all(ResourceType<T> type) {
    try (Stream<T> s = store.scan(type, Filter.ALL)) {
      return s.toList();
    }
  }
}
