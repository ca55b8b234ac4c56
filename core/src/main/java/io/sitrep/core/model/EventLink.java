package io.sitrep.core.model;

/** A link from an event to another. */
public record EventLink(EventLinkKind kind, String event) {
  public EventLink {
    Check.of().notNull(kind, "kind").name(event, Event.COLLECTION, "event").done();
  }
}
