package io.sitrep.core.model;

/** How one event relates to another. */
public enum EventLinkKind {
  RESPONSE_TO,
  PART_OF,
  FOLLOWS,
  SIMILAR_TO
}
