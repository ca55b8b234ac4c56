package io.sitrep.server.mapping;

import com.google.protobuf.ProtocolMessageEnum;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import io.sitrep.core.model.FieldViolation;
import io.sitrep.core.model.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Collects what is wrong with one message while it is mapped to core, so that every offending
 * field is reported at once. Nested values are built through {@link #nested}, which files their
 * violations under the nested field's path.
 */
final class Violations {
  private final List<FieldViolation> violations = new ArrayList<>();

  private Violations() {}

  static Violations collect() {
    return new Violations();
  }

  /**
   * Builds a nested value, or records its violations under {@code field} and returns null. Only
   * the parent's {@link #build} may see that null: it throws before building.
   */
  <T> @Nullable T nested(String field, Supplier<T> build) {
    try {
      return build.get();
    } catch (ValidationException e) {
      e.violations().forEach(v -> violations.add(v.under(field)));
      return null;
    }
  }

  /**
   * Core's value of an API enum: null for {@code _UNSPECIFIED}; an unknown number (a newer
   * client's value) is a violation of {@code field}.
   */
  <E extends Enum<E>, P extends Enum<P> & ProtocolMessageEnum> @Nullable E enumOf(
      P value, Class<E> coreType, String field) {
    if (value.name().equals("UNRECOGNIZED")) {
      violations.add(new FieldViolation(field, "is not a known " + value.getDeclaringClass().getSimpleName()
          + " value"));
      return null;
    }
    return Enums.toCore(value, coreType);
  }

  /** The instant of a set timestamp, or null (and a violation) when it is out of range. */
  @Nullable Instant instant(Timestamp timestamp, String field) {
    if (!Timestamps.isValid(timestamp)) {
      violations.add(new FieldViolation(field,
          "must be a valid timestamp between 0001-01-01 and 9999-12-31 with nanos in [0, 1e9)"));
      return null;
    }
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }

  /** Builds the message if nothing was found wrong so far; the build may find more. */
  <T> T build(Supplier<T> build) {
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
    return build.get();
  }
}
