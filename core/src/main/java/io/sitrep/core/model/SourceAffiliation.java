package io.sitrep.core.model;

/** A tie between a source and an actor that may bend what it says. */
public record SourceAffiliation(String actor, String description) {
  public SourceAffiliation {
    description = Place.nullToEmpty(description);
    Check.of().name(actor, "actors", "actor").shortText(description, "description").done();
  }
}
