package io.sitrep.core.model;

import static com.google.common.base.Preconditions.checkNotNull;

/** One invalid field: its path in the API's spelling ({@code proposition.valid_time}) and why. */
public record FieldViolation(String field, String description) {
  public FieldViolation {
    checkNotNull(field, "field");
    checkNotNull(description, "description");
  }

  /** The same violation seen from an enclosing message, e.g. {@code claim.} + {@code stance}. */
  public FieldViolation under(String prefix) {
    return new FieldViolation(prefix + "." + field, description);
  }

  @Override
  public String toString() {
    return field + ": " + description;
  }
}
