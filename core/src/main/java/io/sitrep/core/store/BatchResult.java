package io.sitrep.core.store;

import com.google.common.collect.ImmutableList;

/** The names a batch stored, in the order given, and whether it was a replay of a stored batch. */
public record BatchResult(ImmutableList<String> names, boolean replayed) {}
