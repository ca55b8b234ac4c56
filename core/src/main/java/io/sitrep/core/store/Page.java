package io.sitrep.core.store;

import com.google.common.collect.ImmutableList;
import java.util.List;

/** One page of a listing and the opaque token of the next, empty on the last page. */
public record Page<T>(ImmutableList<T> items, String nextPageToken) {
  public Page(List<T> items, String nextPageToken) {
    this(ImmutableList.copyOf(items), nextPageToken);
  }

  public boolean isLast() {
    return nextPageToken.isEmpty();
  }
}
