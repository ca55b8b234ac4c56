package io.sitrep.core.store;

import io.sitrep.core.model.Resource;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One revision in a resource's history: the value from {@code knownFrom} on (absent for the
 * tombstone a delete leaves), why it changed, and who changed it: {@code author} is the principal
 * the write was made as, {@link SitrepStore#ANONYMOUS} when none was given.
 */
public record Version<T extends Resource>(long revision, @Nullable T value, Instant knownFrom,
    Change change, String etag, String author) {

  public Version {
    java.util.Objects.requireNonNull(author, "author");
  }

  /** Why a version came to be. */
  public enum Change {
    CREATED,
    UPDATED,
    DELETED
  }

  public Optional<T> valueIfPresent() {
    return Optional.ofNullable(value);
  }

  public boolean isTombstone() {
    return change == Change.DELETED;
  }
}
