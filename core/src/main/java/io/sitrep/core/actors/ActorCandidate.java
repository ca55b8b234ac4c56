package io.sitrep.core.actors;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * One actor a written name may refer to.
 *
 * @param actor the actor's resource name, e.g. {@code actors/mustafa-al-kadhimi}
 * @param displayName the actor's display name
 * @param score how well the written name matches, in {@code [0, 1]}
 * @param matchedForm the spelling of the actor that matched best (display name, alias, surname or acronym)
 * @param why a short human-readable account of the match, for an analyst deciding a proposal
 */
public record ActorCandidate(String actor, String displayName, double score, String matchedForm, String why) {
  public ActorCandidate {
    checkNotNull(actor, "actor");
    checkNotNull(displayName, "displayName");
    checkNotNull(matchedForm, "matchedForm");
    checkNotNull(why, "why");
    checkArgument(score >= 0 && score <= 1, "score %s outside [0, 1]", score);
  }
}
