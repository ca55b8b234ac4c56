package io.sitrep.core.network;

/**
 * One actor's place in the graph.
 *
 * @param degree how many actors it has ties with
 * @param strength the sum of its ties' weights
 * @param betweenness normalised betweenness (Brandes 2001) over shortest paths whose length is
 *     the sum of {@code 1 / weight}: strong ties are short
 * @param eigenvector eigenvector centrality (Bonacich 1972), weighted
 * @param pageRank PageRank (Brin and Page 1998), damping 0.85, weighted
 * @param faction the index of its faction in {@link ActorNetwork#factions()}
 * @param participation the participation coefficient (Guimerà and Amaral 2005):
 *     {@code 1 − Σ_s (k_is / k_i)²} over factions {@code s}, with {@code k} tie strengths; 0 when all
 *     its ties are inside one faction
 */
public record Centrality(String actor, int degree, double strength, double betweenness, double eigenvector,
    double pageRank, int faction, double participation) {}
