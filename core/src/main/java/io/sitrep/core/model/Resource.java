package io.sitrep.core.model;

/** A top-level, named resource: a source, report, actor, event or claim. */
public sealed interface Resource permits Source, Report, Actor, Event, Claim {
  /** The resource name, e.g. {@code claims/habib-2020-12-26-handed-to-hashd}. */
  String name();

  /** The same resource under another name; used when the store assigns an id. */
  Resource withName(String name);
}
