package io.sitrep.core.model;

/** Whether a claim says yes or no. */
public enum Stance {
  ASSERTS,
  DENIES
}
