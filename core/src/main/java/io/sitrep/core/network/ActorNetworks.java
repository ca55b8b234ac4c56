package io.sitrep.core.network;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.sitrep.core.actors.ActorRelations;
import io.sitrep.core.actors.RelationFact;
import io.sitrep.core.model.Event;
import io.sitrep.core.model.Participant;
import io.sitrep.core.model.ParticipantRole;
import io.sitrep.core.tension.InteractionScores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.alg.clustering.GreedyModularityAlgorithm;
import org.jgrapht.alg.clustering.UndirectedModularityMeasurer;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.alg.scoring.EigenvectorCentrality;
import org.jgrapht.alg.scoring.PageRank;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * Builds and analyses the actor graph at a time, with JGraphT's algorithms:
 * <ul>
 *   <li>Ties: every relation that may hold at the time ({@link ActorRelations}), weighted by kind
 *       ({@link NetworkOptions#kindWeights()}) and belief; and every event that may have happened
 *       in the window before the time (nothing later: the graph is what was known then), weighted
 *       by its Goldstein score's magnitude over 10 and decayed by its distance in days.
 *       Cooperative events tie their participants, except that parties to mediated talks are tied
 *       to the mediator, not to each other; conflictual events, like OPPOSES relations, are kept
 *       apart as oppositions.
 *   <li>Centrality: degree and strength; betweenness (Brandes 2001) with tie length {@code 1/weight};
 *       eigenvector centrality; PageRank (damping 0.85).
 *   <li>Factions: greedy modularity maximisation (Clauset, Newman and Moore 2004, "Finding community
 *       structure in very large networks", Phys. Rev. E 70) on the tie graph.
 *   <li>Brokers: actors with ties into two or more factions and positive betweenness, ranked by
 *       betweenness × participation coefficient (Guimerà and Amaral 2005, Nature 433: 895–900).
 * </ul>
 */
public final class ActorNetworks {
  private ActorNetworks() {}

  /** The graph at {@code at}, analysed. */
  public static ActorNetwork at(Instant at, ActorRelations relations, Collection<Event> events,
      NetworkOptions options) {
    return at(at, relations, events, InteractionScores.standard(), options);
  }

  public static ActorNetwork at(Instant at, ActorRelations relations, Collection<Event> events,
      InteractionScores scores, NetworkOptions options) {
    Map<List<String>, double[]> tieWeight = new LinkedHashMap<>();
    Map<List<String>, Set<String>> tieBasis = new HashMap<>();
    Map<List<String>, double[]> oppWeight = new LinkedHashMap<>();
    Map<List<String>, Set<String>> oppBasis = new HashMap<>();
    Set<String> nodes = new TreeSet<>();
    Instant next = at.plusNanos(1);
    for (RelationFact f : relations.facts()) {
      if (!f.mayHoldWithin(at, next) || f.subject().equals(f.object())) {
        continue;
      }
      nodes.add(f.subject());
      nodes.add(f.object());
      Double w = options.kindWeights().get(f.kind());
      if (w == null) {
        add(oppWeight, oppBasis, f.subject(), f.object(), f.belief(), f.kind().name());
      } else {
        add(tieWeight, tieBasis, f.subject(), f.object(), w * f.belief(), f.kind().name());
      }
    }
    Instant from = at.minus(Duration.ofDays(options.windowDays()));
    Instant to = next;
    for (Event e : events) {
      if (!e.time().mayFallWithin(from, to)) {
        continue;
      }
      double score = scores.score(e);
      if (score == 0) {
        continue;
      }
      Instant mid = e.time().start().plus(Duration.between(e.time().start(), e.time().end()).dividedBy(2));
      double days = Math.abs(Duration.between(mid, at).toHours()) / 24.0;
      double w = Math.abs(score) / 10 * Math.pow(2, -days / options.halfLifeDays());
      List<Participant> ps = e.participants();
      String mediator = ps.stream().filter(p -> p.role() == ParticipantRole.MEDIATOR).map(Participant::actor)
          .findFirst().orElse(null);
      for (int i = 0; i < ps.size(); i++) {
        for (int j = i + 1; j < ps.size(); j++) {
          Participant p = ps.get(i);
          Participant q = ps.get(j);
          if (p.actor().equals(q.actor()) || p.role() == ParticipantRole.OBSERVER
              || q.role() == ParticipantRole.OBSERVER) {
            continue;
          }
          nodes.add(p.actor());
          nodes.add(q.actor());
          boolean mediated = mediator != null && !p.actor().equals(mediator) && !q.actor().equals(mediator);
          if (score > 0 && !mediated) {
            add(tieWeight, tieBasis, p.actor(), q.actor(), w, e.name());
          } else if (facing(p.role(), q.role())) {
            add(oppWeight, oppBasis, p.actor(), q.actor(), w, e.name());
          }
        }
      }
    }

    Graph<String, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    Graph<String, DefaultWeightedEdge> distance = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    nodes.forEach(g::addVertex);
    nodes.forEach(distance::addVertex);
    for (Map.Entry<List<String>, double[]> e : tieWeight.entrySet()) {
      String a = e.getKey().get(0);
      String b = e.getKey().get(1);
      g.setEdgeWeight(g.addEdge(a, b), e.getValue()[0]);
      distance.setEdgeWeight(distance.addEdge(a, b), 1 / e.getValue()[0]);
    }

    Map<String, Double> betweenness = g.vertexSet().isEmpty() ? Map.of()
        : new BetweennessCentrality<>(distance, true).getScores();
    Map<String, Double> pageRank = g.vertexSet().isEmpty() ? Map.of() : new PageRank<>(g).getScores();
    Map<String, Double> eigen;
    try {
      eigen = g.edgeSet().isEmpty() ? Map.of() : new EigenvectorCentrality<>(g, 1000, 1e-9).getScores();
    } catch (RuntimeException notConverged) {
      eigen = Map.of();
    }
    List<Set<String>> clusters = g.vertexSet().isEmpty() ? List.of()
        : new GreedyModularityAlgorithm<>(g).getClustering().getClusters();
    List<ImmutableSet<String>> factions = clusters.stream()
        .map(c -> ImmutableSet.copyOf(new TreeSet<>(c)))
        .sorted(Comparator.comparing((ImmutableSet<String> c) -> -c.size()).thenComparing(c -> c.iterator().next()))
        .toList();
    double modularity = clusters.isEmpty() || g.edgeSet().isEmpty() ? 0
        : new UndirectedModularityMeasurer<>(g).modularity(clusters);
    Map<String, Integer> factionOf = new HashMap<>();
    for (int i = 0; i < factions.size(); i++) {
      for (String a : factions.get(i)) {
        factionOf.put(a, i);
      }
    }

    ImmutableMap.Builder<String, Centrality> centrality = ImmutableMap.builder();
    List<Broker> brokers = new ArrayList<>();
    for (String a : nodes) {
      double strength = 0;
      Map<Integer, Double> byFaction = new HashMap<>();
      for (DefaultWeightedEdge edge : g.edgesOf(a)) {
        double w = g.getEdgeWeight(edge);
        String other = g.getEdgeSource(edge).equals(a) ? g.getEdgeTarget(edge) : g.getEdgeSource(edge);
        strength += w;
        byFaction.merge(factionOf.get(other), w, Double::sum);
      }
      double sumSquares = 0;
      for (double k : byFaction.values()) {
        sumSquares += (k / strength) * (k / strength);
      }
      double participation = strength == 0 ? 0 : 1 - sumSquares;
      double b = betweenness.getOrDefault(a, 0.0);
      centrality.put(a, new Centrality(a, g.degreeOf(a), strength, b, eigen.getOrDefault(a, 0.0),
          pageRank.getOrDefault(a, 0.0), factionOf.getOrDefault(a, -1), participation));
      if (byFaction.size() >= 2 && b > 0) {
        brokers.add(new Broker(a, b * participation, b, participation, ImmutableSet.copyOf(new TreeSet<>(byFaction.keySet()))));
      }
    }
    brokers.sort(Comparator.comparingDouble(Broker::score).reversed());
    return new ActorNetwork(at, ties(tieWeight, tieBasis), ties(oppWeight, oppBasis), centrality.buildOrThrow(),
        ImmutableList.copyOf(factions), modularity, ImmutableList.copyOf(brokers));
  }

  private static boolean facing(ParticipantRole p, ParticipantRole q) {
    boolean pActs = p == ParticipantRole.PERPETRATOR || p == ParticipantRole.SUPPORTER;
    boolean qActs = q == ParticipantRole.PERPETRATOR || q == ParticipantRole.SUPPORTER;
    boolean pReceives = p == ParticipantRole.TARGET || p == ParticipantRole.VICTIM;
    boolean qReceives = q == ParticipantRole.TARGET || q == ParticipantRole.VICTIM;
    return (pActs && qReceives) || (qActs && pReceives);
  }

  private static void add(Map<List<String>, double[]> weights, Map<List<String>, Set<String>> basis, String x,
      String y, double w, String why) {
    List<String> key = x.compareTo(y) < 0 ? List.of(x, y) : List.of(y, x);
    weights.computeIfAbsent(key, k -> new double[1])[0] += w;
    basis.computeIfAbsent(key, k -> new HashSet<>()).add(why);
  }

  private static ImmutableList<Tie> ties(Map<List<String>, double[]> weights, Map<List<String>, Set<String>> basis) {
    return weights.entrySet().stream()
        .map(e -> new Tie(e.getKey().get(0), e.getKey().get(1), e.getValue()[0],
            ImmutableList.copyOf(new TreeSet<>(basis.get(e.getKey())))))
        .sorted(Comparator.comparingDouble(Tie::weight).reversed())
        .collect(ImmutableList.toImmutableList());
  }
}
