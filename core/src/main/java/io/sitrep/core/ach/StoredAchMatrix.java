package io.sitrep.core.ach;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;

/**
 * An ACH matrix as an {@link AchStore} holds it: its name, the matrix, and the bookkeeping of the
 * stored revision. A plain value: two reads of the same revision are equal, whichever store
 * answered them.
 *
 * @param name the resource name, {@code hypothesisMatrices/{matrix}}
 * @param revision increases with every write to the store; opaque to callers
 * @param etag changes with every revision (AIP-154)
 * @param createTime when the store learned of the matrix
 * @param updateTime when the store learned of this revision
 */
public record StoredAchMatrix(String name, AchMatrix matrix, long revision, String etag, Instant createTime,
    Instant updateTime) {
  public StoredAchMatrix {
    checkNotNull(name, "name");
    checkNotNull(matrix, "matrix");
    checkNotNull(etag, "etag");
    checkNotNull(createTime, "createTime");
    checkNotNull(updateTime, "updateTime");
    checkArgument(!updateTime.isBefore(createTime), "updateTime %s before createTime %s", updateTime, createTime);
  }
}
