package io.sitrep.core.store;

/** A name one resource holds of another, and the field that holds it ({@code quotations[2].report}). */
public record Reference(String field, String name) {
  /** The collection the referenced resource lives in, e.g. {@code reports}. */
  public String collection() {
    return name.substring(0, name.indexOf('/'));
  }
}
