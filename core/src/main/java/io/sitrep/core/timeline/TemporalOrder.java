package io.sitrep.core.timeline;

/** How a timeline entry's time relates to the entry before it. */
public enum TemporalOrder {
  /** The first entry: nothing before it. */
  FIRST,
  /** Surely after the previous entry: their intervals do not overlap. */
  AFTER,
  /** The intervals overlap: it may have come before, with, or after the previous entry. */
  UNCERTAIN
}
