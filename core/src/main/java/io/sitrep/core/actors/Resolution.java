package io.sitrep.core.actors;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * What a written name resolves to: a decision and the ranked candidates behind it.
 *
 * @param written the name as written in the report
 * @param decision whether the best candidate is taken, only proposed to an analyst, or absent
 * @param candidates the best candidates, best first, one per actor
 */
public record Resolution(String written, Decision decision, ImmutableList<ActorCandidate> candidates) {

  /** What Sitrep does with the best candidate. */
  public enum Decision {
    /** The best candidate is clear enough to link the name to it without asking. */
    RESOLVED,
    /** The best candidate is plausible but an analyst must confirm it: never merged silently. */
    PROPOSED,
    /** No known actor is a plausible referent. */
    NONE
  }

  public Resolution {
    checkNotNull(written, "written");
    checkNotNull(decision, "decision");
    candidates = ImmutableList.copyOf(candidates);
  }

  /** The actor the name resolves to, only when the decision is {@link Decision#RESOLVED}. */
  public Optional<String> actor() {
    return decision == Decision.RESOLVED ? Optional.of(candidates.get(0).actor()) : Optional.empty();
  }

  /** The best candidate whatever the decision. */
  public Optional<ActorCandidate> best() {
    return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(0));
  }
}
