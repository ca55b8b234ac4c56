package io.sitrep.core.network;

import com.google.common.collect.ImmutableSet;

/**
 * An actor that bridges factions: ties into more than one faction and lies on paths between them.
 *
 * @param score betweenness × participation coefficient
 * @param factions the indices of the factions it has ties into
 */
public record Broker(String actor, double score, double betweenness, double participation,
    ImmutableSet<Integer> factions) {}
