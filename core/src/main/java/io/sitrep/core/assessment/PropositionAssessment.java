package io.sitrep.core.assessment;

import com.google.common.collect.ImmutableList;
import io.sitrep.core.dispute.PropositionKey;
import io.sitrep.core.model.TimeSpan;
import org.jspecify.annotations.Nullable;

/** The values claimed for one proposition at one valid time, most believed first. */
public record PropositionAssessment(PropositionKey key, @Nullable TimeSpan validTime,
    ImmutableList<ValueBelief> values) {

  /** The most believed value. */
  public ValueBelief chosen() {
    return values.get(0);
  }
}
