package io.sitrep.core.assessment;

import io.sitrep.core.dispute.Assertion;
import org.jspecify.annotations.Nullable;

/**
 * Which claims an assessment weighs: those on {@code subject} and {@code attribute} (canonical
 * spellings), each optional. Truth discovery learns source reliability from every claim in scope,
 * so a wider scope gives better-grounded reliabilities.
 */
public record AssessmentScope(@Nullable String subject, @Nullable String attribute) {
  public static final AssessmentScope ALL = new AssessmentScope(null, null);

  boolean contains(Assertion a) {
    return (subject == null || subject.isEmpty() || a.key().subject().equals(subject))
        && (attribute == null || attribute.isEmpty() || a.key().attribute().equals(attribute));
  }
}
