package io.sitrep.core.dispute;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.sitrep.core.model.Stance;

/**
 * One side of a dispute: {@code stance} toward {@code value} ("custody is the Hashd security
 * directorate", or "custody is NOT the Hashd security directorate"), with the claims and the
 * distinct sources behind it.
 */
public record Position(String value, Stance stance, ImmutableList<String> claims, ImmutableSet<String> sources) {
  /** Reads as a sentence fragment: {@code custody = "released"} or {@code custody != "released"}. */
  public String describe(String attribute) {
    return attribute + (stance == Stance.DENIES ? " != \"" : " = \"") + value + "\"";
  }
}
