/**
 * Disputes: claims that cannot all be true.
 *
 * <p>Claims are first reduced to {@link io.sitrep.core.dispute.Assertion}s about a
 * {@link io.sitrep.core.dispute.PropositionKey} (subject and attribute) with a canonical value
 * and a valid time. Two assertions conflict when they give different values of a single-valued
 * attribute for valid times that overlap, or when one asserts and the other denies the same
 * value for overlapping times. Values that differ at times that surely do not overlap are a
 * change of state ("held by the police on the 25th", "handed to the Hashd on the 26th"), not a
 * contradiction, and are reported as such.
 *
 * <p>{@link io.sitrep.core.dispute.DisputeIndex} keeps the disputes up to date as claims arrive:
 * adding a claim recomputes only the disputes on its proposition key, at a cost proportional to
 * the claims on that key.
 */
@NullMarked
package io.sitrep.core.dispute;

import org.jspecify.annotations.NullMarked;
