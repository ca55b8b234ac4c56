package io.sitrep.core.ach;

/**
 * A hypothesis's standing: its weighted inconsistency (lower is more likely, Heuer's step 5), how
 * many pieces of evidence are inconsistent with it, and its rank (1 = least inconsistent).
 */
public record HypothesisScore(String hypothesis, double inconsistency, int inconsistentCount, int rank) {}
