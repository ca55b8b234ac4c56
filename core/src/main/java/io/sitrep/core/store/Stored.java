package io.sitrep.core.store;

import io.sitrep.core.model.Resource;
import java.time.Instant;

/**
 * A resource as the store holds it: the value plus its bookkeeping. {@code etag} changes with
 * every revision (AIP-154); {@code createTime} and {@code updateTime} are when the store learned
 * of it and of this revision.
 */
public record Stored<T extends Resource>(T value, long revision, String etag, Instant createTime,
    Instant updateTime) {

  public String name() {
    return value.name();
  }
}
