package io.sitrep.core.ach;

/** A hypothesis of an ACH matrix: an id ({@code h1}, {@code handed-to-hashd}) and its statement. */
public record Hypothesis(String id, String statement) {}
