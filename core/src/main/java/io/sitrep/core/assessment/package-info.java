/**
 * Claim assessment: runs a truth-discovery algorithm of {@link io.sitrep.core.truth} over the
 * claims in a scope and reads the result back in the model's terms — belief per value of each
 * proposition, reliability per source, and both as Admiralty grades.
 *
 * <p>The bridge from claims to the truth-discovery matrix: each claim becomes one
 * (source, item, value) triple, where the source is the report's publisher, the item is the
 * canonical proposition key with its valid time, and the value the canonical value. A denial of
 * value v becomes the value {@code "not " + v}: it competes with v for belief. A denial that an
 * event happened becomes {@code "false"} against the {@code "true"} of its assertions. The
 * analyst's Admiralty grades are the sources' priors.
 */
@NullMarked
package io.sitrep.core.assessment;

import org.jspecify.annotations.NullMarked;
