package io.sitrep.core.model;

/** What kind of actor. */
public enum ActorKind {
  PERSON,
  ARMED_GROUP,
  POLITICAL_PARTY,
  GOVERNMENT_BODY,
  SECURITY_FORCE,
  STATE,
  INTERNATIONAL_ORGANIZATION,
  OTHER
}
