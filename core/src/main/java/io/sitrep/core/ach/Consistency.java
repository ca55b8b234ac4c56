package io.sitrep.core.ach;

/**
 * How one piece of evidence bears on one hypothesis (Heuer 1999, ch. 8, step 3). Only
 * inconsistency is scored: evidence consistent with a hypothesis is usually consistent with
 * others too, while an inconsistency tells against it.
 */
public enum Consistency {
  CONSISTENT(0),
  NEUTRAL(0),
  INCONSISTENT(1),
  /** Counts twice, as in the PARC ACH software's "II". */
  STRONGLY_INCONSISTENT(2);

  private final int inconsistency;

  Consistency(int inconsistency) {
    this.inconsistency = inconsistency;
  }

  /** How many inconsistencies the rating counts: 0, 1 or 2. */
  public int inconsistency() {
    return inconsistency;
  }
}
