package io.sitrep.core.model;

import org.jspecify.annotations.Nullable;

/**
 * A statement that can be true or false: {@code subject}'s {@code attribute} is {@code value}
 * during {@code validTime} (null: at all times). "The custody of Azirjawi on 26 Dec is the Hashd
 * security directorate" is {@code (actors/hissam-al-azirjawi, custody,
 * actors/hashd-security-directorate, 26 Dec)}.
 */
public record Proposition(String subject, String attribute, String value, @Nullable TimeSpan validTime) {
  public Proposition {
    Check.of()
        .notBlank(subject, "subject")
        .shortText(subject, "subject")
        .notBlank(attribute, "attribute")
        .shortText(attribute, "attribute")
        .notBlank(value, "value")
        .shortText(value, "value")
        .done();
  }
}
