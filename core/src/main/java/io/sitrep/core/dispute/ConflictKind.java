package io.sitrep.core.dispute;

/** Why two claims cannot both be true. */
public enum ConflictKind {
  /** Different values of a single-valued attribute for overlapping valid times. */
  DIFFERENT_VALUES,
  /** One asserts what the other denies, for overlapping valid times. */
  ASSERTION_AND_DENIAL
}
