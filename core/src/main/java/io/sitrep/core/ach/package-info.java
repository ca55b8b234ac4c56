/**
 * Analysis of Competing Hypotheses (Heuer 1999, ch. 8): an immutable, validated
 * {@link io.sitrep.core.ach.AchMatrix} of hypotheses against evidence (claims), scored by weighted
 * inconsistency with beliefs from truth discovery, flagging non-diagnostic evidence; and the
 * {@link io.sitrep.core.ach.AchStore} that keeps matrices by name, with the thread-safe
 * {@link io.sitrep.core.ach.InMemoryAchStore}.
 */
@NullMarked
package io.sitrep.core.ach;

import org.jspecify.annotations.NullMarked;
