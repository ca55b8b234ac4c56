package io.sitrep.core.dispute;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.sitrep.core.model.Stance;

/**
 * One side of a dispute: {@code stance} toward {@code value} ("custody is the Hashd", or
 * "custody is NOT the Hashd"), with the claims and the distinct sources behind it. {@code values}
 * are the wordings the claims use, which can all be true together (the Hashd, its commission, its
 * security directorate); {@code value} is the widest of them.
 */
public record Position(String value, Stance stance, ImmutableList<String> claims, ImmutableSet<String> sources,
    ImmutableList<String> values) {
  /** Reads as a sentence fragment: {@code custody = "released"} or {@code custody != "released"}. */
  public String describe(String attribute) {
    return attribute + (stance == Stance.DENIES ? " != \"" : " = \"") + value + "\"";
  }
}
