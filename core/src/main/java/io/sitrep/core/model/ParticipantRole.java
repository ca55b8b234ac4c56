package io.sitrep.core.model;

/** The part an actor plays in an event. */
public enum ParticipantRole {
  PERPETRATOR,
  TARGET,
  MEDIATOR,
  VICTIM,
  SUPPORTER,
  OBSERVER
}
