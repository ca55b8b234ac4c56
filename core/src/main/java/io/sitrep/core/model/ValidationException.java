package io.sitrep.core.model;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.stream.Collectors;

/** A value that breaks the model's rules; names every offending field. */
public final class ValidationException extends IllegalArgumentException {
  private final ImmutableList<FieldViolation> violations;

  public ValidationException(List<FieldViolation> violations) {
    super(describe(violations));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a ValidationException needs at least one violation");
    }
    this.violations = ImmutableList.copyOf(violations);
  }

  public static ValidationException of(String field, String description) {
    return new ValidationException(List.of(new FieldViolation(field, description)));
  }

  public ImmutableList<FieldViolation> violations() {
    return violations;
  }

  /** The same violations seen from an enclosing message. */
  public ValidationException under(String prefix) {
    return new ValidationException(violations.stream().map(v -> v.under(prefix)).toList());
  }

  private static String describe(List<FieldViolation> violations) {
    // Joined in one pass: a request with 100,000 bad list elements has as many violations, and
    // pairwise concatenation took minutes of CPU to build the message.
    return violations.stream().map(FieldViolation::toString).collect(Collectors.joining("; "));
  }
}
