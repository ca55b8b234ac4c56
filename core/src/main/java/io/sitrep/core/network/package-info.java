/**
 * The actor network at a time: ties from relations and recent events, centrality (degree,
 * betweenness, eigenvector, PageRank), factions by modularity, and the brokers between factions.
 * The graph algorithms are JGraphT's; see {@link io.sitrep.core.network.ActorNetworks}.
 */
@NullMarked
package io.sitrep.core.network;

import org.jspecify.annotations.NullMarked;
