package io.sitrep.core.network;

import com.google.common.collect.ImmutableList;

/**
 * An undirected tie between two actors ({@code a < b} by name) with its strength and what makes it:
 * relation kinds ("BACKS", "PART_OF") and event names.
 */
public record Tie(String a, String b, double weight, ImmutableList<String> basis) {}
