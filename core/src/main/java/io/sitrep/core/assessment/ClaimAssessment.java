package io.sitrep.core.assessment;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * The outcome of one truth-discovery run over a scope of claims: which algorithm, how it ran
 * (iterations, convergence, the largest trust change per iteration), and what it concluded.
 */
public record ClaimAssessment(String algorithm, int iterations, boolean converged,
    ImmutableList<Double> changes, ImmutableList<PropositionAssessment> propositions,
    ImmutableList<SourceReliability> sources) {

  public Optional<SourceReliability> source(String name) {
    return sources.stream().filter(s -> s.source().equals(name)).findFirst();
  }

  /** The belief in {@code value} on the proposition keyed {@code subject}/{@code attribute}. */
  public Optional<Double> belief(String subject, String attribute, String value) {
    return propositions.stream()
        .filter(p -> p.key().subject().equals(subject) && p.key().attribute().equals(attribute))
        .flatMap(p -> p.values().stream())
        .filter(v -> v.value().equals(value))
        .map(ValueBelief::belief)
        .max(Double::compare);
  }
}
