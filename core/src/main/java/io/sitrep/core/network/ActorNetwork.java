package io.sitrep.core.network;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.util.Optional;

/**
 * The actor graph at one time, analysed: weighted ties, opposition ties, each actor's centrality,
 * the factions (communities) and the brokers between them. Immutable.
 *
 * @param at the time the graph is of
 * @param ties the cooperative ties (relations and cooperative events), strongest first
 * @param oppositions OPPOSES relations and conflictual events, strongest first; not used for
 *     factions or centrality
 * @param centrality per actor, by name
 * @param factions the communities of the tie graph, largest first, each sorted by name
 * @param modularity the modularity (Newman 2006) of the factions
 * @param brokers actors tying into more than one faction, best first
 */
public record ActorNetwork(Instant at, ImmutableList<Tie> ties, ImmutableList<Tie> oppositions,
    ImmutableMap<String, Centrality> centrality, ImmutableList<ImmutableSet<String>> factions, double modularity,
    ImmutableList<Broker> brokers) {

  /** The faction {@code actor} belongs to, if it is in the graph. */
  public Optional<ImmutableSet<String>> factionOf(String actor) {
    Centrality c = centrality.get(actor);
    return c == null ? Optional.empty() : Optional.of(factions.get(c.faction()));
  }

  /** Actors by betweenness, highest first. */
  public ImmutableList<Centrality> byBetweenness() {
    return centrality.values().stream()
        .sorted((x, y) -> Double.compare(y.betweenness(), x.betweenness()))
        .collect(ImmutableList.toImmutableList());
  }
}
