package io.sitrep.core.model;

/** An actor in an event and the part it plays. */
public record Participant(String actor, ParticipantRole role) {
  public Participant {
    Check.of().name(actor, Actor.COLLECTION, "actor").notNull(role, "role").done();
  }
}
