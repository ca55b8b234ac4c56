package io.sitrep.core.dependence;

import com.google.common.collect.ImmutableList;

/**
 * The dependence of two sources ({@code sourceA < sourceB} by name): the probability that they
 * are not independent, combining the evidence as independent indications, {@code 1 - Π(1 - p_i)}.
 */
public record SourceDependence(String sourceA, String sourceB, double probability,
    ImmutableList<DependenceEvidence> evidence) {}
