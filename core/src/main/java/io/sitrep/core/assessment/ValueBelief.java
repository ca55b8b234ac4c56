package io.sitrep.core.assessment;

import com.google.common.collect.ImmutableList;

/**
 * How far one value of a proposition is believed: {@code belief} in [0, 1], the Admiralty
 * information {@code credibility} 1 (confirmed) to 6 (cannot be judged), and the claims behind it.
 */
public record ValueBelief(String value, double belief, int credibility, ImmutableList<String> claims) {}
