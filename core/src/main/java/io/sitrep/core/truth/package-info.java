/**
 * Truth discovery: given conflicting claims from sources of unknown reliability, estimate which
 * value of each item is true and how far to trust each source.
 *
 * <p>A {@link io.sitrep.core.truth.ClaimMatrix} holds the claims as primitive arrays with CSR
 * indexes by value, item and source, plus optional reliability priors (from Admiralty grades,
 * see {@link io.sitrep.core.truth.AdmiraltyGrades}), gold seeds and numbers. A {@link
 * io.sitrep.core.truth.TruthDiscovery} turns it into a {@link io.sitrep.core.truth.TruthResult}.
 * The algorithms, each citing its paper: {@link io.sitrep.core.truth.MajorityVote}, {@link
 * io.sitrep.core.truth.Sums}, {@link io.sitrep.core.truth.AverageLog}, {@link
 * io.sitrep.core.truth.Investment} (and PooledInvestment), {@link
 * io.sitrep.core.truth.TruthFinder}, {@link io.sitrep.core.truth.Estimates} (TwoEstimates and
 * ThreeEstimates), {@link io.sitrep.core.truth.Accu} (Accu, AccuSim, AccuCopy), {@link
 * io.sitrep.core.truth.LatentTruth} (the Latent Truth Model) and {@link
 * io.sitrep.core.truth.Crh}. {@link io.sitrep.core.truth.TruthDiscoveries} names them and
 * holds the default configuration.
 *
 * <p>Runs are pure functions of the matrix and options, and every loop is linear in the claims
 * (plus, for copy detection, in the agreeing claim pairs).
 */
@NullMarked
package io.sitrep.core.truth;

import org.jspecify.annotations.NullMarked;
