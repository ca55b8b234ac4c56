package io.sitrep.core.dependence;

/** Why two sources may not be independent. */
public enum EvidenceKind {
  /** A report of one quotes a report of the other, or the other source by name. */
  QUOTATION,
  /** Reports of both rest on the same document. */
  SAME_DOCUMENT,
  /** Both are tied to the same actor (owned by, spokesperson of, close to). */
  SHARED_AFFILIATION,
  /** They share more false values than independent sources would (Dong et al. 2009). */
  COPYING
}
