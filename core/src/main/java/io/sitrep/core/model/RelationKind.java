package io.sitrep.core.model;

/** How one actor relates to another; read as "subject KIND object". */
public enum RelationKind {
  LEADS,
  MEMBER_OF,
  PART_OF,
  COMMANDS,
  BACKS,
  ALLIED_WITH,
  OPPOSES,
  CONTROLS,
  MEDIATES;

  /**
   * True for relations that put the subject inside the object's organisation (a member, a unit)
   * or at its head, so that the subject's deeds count among the object's "members' deeds".
   */
  public boolean isMembership() {
    return this == MEMBER_OF || this == PART_OF || this == LEADS || this == COMMANDS;
  }
}
