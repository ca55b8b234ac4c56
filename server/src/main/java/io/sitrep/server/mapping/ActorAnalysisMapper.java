package io.sitrep.server.mapping;

import com.google.type.Date;
import io.sitrep.api.v1.ActorCandidate;
import io.sitrep.api.v1.ActorNetwork;
import io.sitrep.api.v1.ActorNode;
import io.sitrep.api.v1.ActorResolution;
import io.sitrep.api.v1.ActorTie;
import io.sitrep.api.v1.AlignedEvents;
import io.sitrep.api.v1.Broker;
import io.sitrep.api.v1.EpisodeMatch;
import io.sitrep.api.v1.Faction;
import io.sitrep.api.v1.Relation;
import io.sitrep.api.v1.RelationKind;
import io.sitrep.api.v1.RelationOrigin;
import io.sitrep.api.v1.ResolutionDecision;
import io.sitrep.api.v1.TensionPoint;
import io.sitrep.api.v1.TurningPoint;
import io.sitrep.api.v1.TurningPointKind;
import io.sitrep.core.actors.RelationFact;
import io.sitrep.core.actors.Resolution;
import io.sitrep.core.episodes.AlignedStep;
import io.sitrep.core.network.Centrality;
import io.sitrep.core.network.Tie;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Maps core's actor analyses (resolution, relations, tension, network, episodes) to the API's
 * {@code sitrep.v1.ActorAnalysisService} messages. One direction only: the requests are plain
 * filters that the service reads field by field.
 */
public final class ActorAnalysisMapper {
  private ActorAnalysisMapper() {}

  public static ActorResolution toProto(Resolution r) {
    ActorResolution.Builder b = ActorResolution.newBuilder()
        .setName(r.written())
        .setDecision(switch (r.decision()) {
          case RESOLVED -> ResolutionDecision.RESOLUTION_DECISION_RESOLVED;
          case PROPOSED -> ResolutionDecision.RESOLUTION_DECISION_PROPOSED;
          case NONE -> ResolutionDecision.RESOLUTION_DECISION_NONE;
        });
    for (io.sitrep.core.actors.ActorCandidate c : r.candidates()) {
      b.addCandidates(ActorCandidate.newBuilder()
          .setActor(c.actor())
          .setDisplayName(c.displayName())
          .setScore(c.score())
          .setMatchedSpelling(c.matchedForm())
          .setExplanation(c.why()));
    }
    return b.build();
  }

  public static Relation toProto(RelationFact f) {
    Relation.Builder b = Relation.newBuilder()
        .setSubject(f.subject())
        .setKind(Enums.toProto(f.kind(), RelationKind.class))
        .setObject(f.object())
        .setBelief(f.belief())
        .setOrigin(switch (f.origin()) {
          case RECORDED -> RelationOrigin.RELATION_ORIGIN_ACTOR_RECORD;
          case CLAIMED -> RelationOrigin.RELATION_ORIGIN_CLAIM;
          case EVENT -> RelationOrigin.RELATION_ORIGIN_EVENT;
        })
        .addAllEvidence(f.evidence())
        .setDescription(f.description());
    if (f.validTime() != null) {
      b.setValidTime(CommonMapper.toProto(f.validTime()));
    }
    return b.build();
  }

  /** The core relation kind of a request's filter: null for UNSPECIFIED; a violation of {@code field} if unknown. */
  public static io.sitrep.core.model.@org.jspecify.annotations.Nullable RelationKind toCore(RelationKind kind,
      String field) {
    Violations v = Violations.collect();
    io.sitrep.core.model.RelationKind core = v.enumOf(kind, io.sitrep.core.model.RelationKind.class, field);
    return v.build(() -> core);
  }

  public static Date toProto(LocalDate day) {
    return Date.newBuilder().setYear(day.getYear()).setMonth(day.getMonthValue()).setDay(day.getDayOfMonth())
        .build();
  }

  /** The points of {@code series}, one per day, each with the events that count on it. */
  public static List<TensionPoint> points(io.sitrep.core.tension.TensionSeries series,
      Map<LocalDate, List<String>> eventsByDay) {
    List<TensionPoint> points = new java.util.ArrayList<>(series.size());
    for (LocalDate d = series.from(); !d.isAfter(series.to()); d = d.plusDays(1)) {
      points.add(TensionPoint.newBuilder()
          .setDay(toProto(d))
          .setTension(series.tension(d))
          .setIntensity(series.intensity(d))
          .addAllEvents(eventsByDay.getOrDefault(d, List.of()))
          .build());
    }
    return points;
  }

  public static TurningPoint toProto(io.sitrep.core.tension.TurningPoint t) {
    return TurningPoint.newBuilder()
        .setDay(toProto(t.date()))
        .setOnsetDay(toProto(t.onset()))
        .setKind(switch (t.direction()) {
          case ESCALATION -> TurningPointKind.TURNING_POINT_KIND_ESCALATION;
          case DE_ESCALATION -> TurningPointKind.TURNING_POINT_KIND_DE_ESCALATION;
        })
        .setMagnitude(t.cusum())
        .setTension(t.tension())
        .build();
  }

  public static ActorNetwork toProto(io.sitrep.core.network.ActorNetwork n) {
    ActorNetwork.Builder b = ActorNetwork.newBuilder()
        .setTime(CommonMapper.toProto(n.at()))
        .setModularity(n.modularity());
    for (Centrality c : n.centrality().values()) {
      b.addNodes(ActorNode.newBuilder()
          .setActor(c.actor())
          .setDegree(c.degree())
          .setStrength(c.strength())
          .setBetweenness(c.betweenness())
          .setEigenvector(c.eigenvector())
          .setPageRank(c.pageRank())
          .setFaction(c.faction())
          .setParticipation(c.participation()));
    }
    n.ties().forEach(t -> b.addTies(toProto(t)));
    n.oppositions().forEach(t -> b.addOppositions(toProto(t)));
    for (Collection<String> faction : n.factions()) {
      b.addFactions(Faction.newBuilder().addAllActors(faction));
    }
    for (io.sitrep.core.network.Broker broker : n.brokers()) {
      b.addBrokers(Broker.newBuilder()
          .setActor(broker.actor())
          .setScore(broker.score())
          .setBetweenness(broker.betweenness())
          .setParticipation(broker.participation())
          .addAllFactions(broker.factions()));
    }
    return b.build();
  }

  static ActorTie toProto(Tie t) {
    return ActorTie.newBuilder().setActorA(t.a()).setActorB(t.b()).setWeight(t.weight()).addAllBasis(t.basis())
        .build();
  }

  public static EpisodeMatch toProto(io.sitrep.core.episodes.EpisodeMatch m) {
    EpisodeMatch.Builder b = EpisodeMatch.newBuilder()
        .setEpisode(m.episode())
        .setScore(m.score())
        .setSimilarity(m.similarity());
    for (AlignedStep s : m.alignment()) {
      b.addAlignment(AlignedEvents.newBuilder()
          .setQueryEvent(s.queryEvent() == null ? "" : s.queryEvent())
          .setMatchEvent(s.pastEvent() == null ? "" : s.pastEvent())
          .setScore(s.score())
          .setExplanation(s.why()));
    }
    return b.build();
  }
}
