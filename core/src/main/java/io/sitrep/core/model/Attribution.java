package io.sitrep.core.model;

/** On whose word a report makes a claim. */
public enum Attribution {
  DIRECT,
  QUOTING,
  ALLEGING,
  CITING_DOCUMENT
}
