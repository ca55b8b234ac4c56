package io.sitrep.core.assessment;

import io.sitrep.core.model.Reliability;
import org.jspecify.annotations.Nullable;

/**
 * A source's reliability as the evidence shows it ({@code trust} in [0, 1] and its Admiralty
 * grade) beside the analyst's prior grade, over the {@code claims} it made in scope.
 */
public record SourceReliability(String source, double trust, Reliability evidenceGrade,
    @Nullable Reliability analystGrade, int claims) {}
