package io.sitrep.core.actors;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;

/**
 * One audited decision about who is who: an alias added or removed, two actors merged, an alias
 * split off to another actor, or an earlier decision undone. Pure data, kept in an
 * {@link AliasLedger}.
 *
 * @param seq the decision's number in its ledger, from 1
 * @param action what was decided
 * @param actor the actor decided about (the survivor of a merge); empty for {@code UNDO}
 * @param subject the alias ({@code ADD_ALIAS, REMOVE_ALIAS, SPLIT}) or the merged actor ({@code MERGE})
 * @param target for {@code SPLIT}: the actor the alias belongs to instead, or empty
 * @param undoes for {@code UNDO}: the {@code seq} of the decision undone; otherwise 0
 * @param who the analyst (or process) who decided
 * @param when when it was decided
 * @param why the reason, in the analyst's words
 */
public record AliasDecision(int seq, Action action, String actor, String subject, String target, int undoes,
    String who, Instant when, String why) {

  /** The kinds of decision. */
  public enum Action {
    /** {@code subject} is another spelling of {@code actor}. */
    ADD_ALIAS,
    /** {@code subject} must not resolve to {@code actor} (a false friend, a namesake). */
    REMOVE_ALIAS,
    /** Actor {@code subject} is the same as {@code actor}; its names now resolve to {@code actor}. */
    MERGE,
    /** Alias {@code subject} is split off {@code actor} and, when {@code target} is set, given to it. */
    SPLIT,
    /** Decision {@code undoes} no longer holds (an undo can itself be undone). */
    UNDO
  }

  public AliasDecision {
    checkArgument(seq >= 1, "seq must be positive");
    checkNotNull(action, "action");
    checkNotNull(actor, "actor");
    checkNotNull(subject, "subject");
    checkNotNull(target, "target");
    checkNotNull(when, "when");
    checkArgument(who != null && !who.isBlank(), "who is required: every decision is audited");
    checkArgument(why != null && !why.isBlank(), "why is required: every decision is audited");
    if (action == Action.UNDO) {
      checkArgument(undoes >= 1 && undoes < seq, "an undo must name an earlier decision");
    } else {
      checkArgument(!actor.isBlank() && !subject.isBlank(), "%s needs an actor and a subject", action);
      checkArgument(undoes == 0, "only an undo names a decision to undo");
    }
    checkArgument(action != Action.MERGE || !actor.equals(subject), "an actor cannot be merged into itself");
  }
}
