package io.sitrep.core.dependence;

/**
 * One piece of evidence that two sources are dependent, with the probability it alone gives
 * and the words an analyst reads.
 */
public record DependenceEvidence(EvidenceKind kind, double probability, String description) {}
