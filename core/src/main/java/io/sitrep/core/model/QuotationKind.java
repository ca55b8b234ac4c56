package io.sitrep.core.model;

/** What a report quotes or relies on. */
public enum QuotationKind {
  REPORT,
  SOURCE,
  ANONYMOUS_OFFICIAL,
  DOCUMENT
}
