package io.sitrep.core.store;

import io.sitrep.core.model.ValidationException;

/**
 * What page of a listing to return: at most {@code pageSize} items (0 means the default, values
 * above the maximum are clamped; negative values are refused, AIP-158) after {@code pageToken},
 * among those that pass {@code filter}.
 */
public record PageRequest(int pageSize, String pageToken, Filter filter) {
  public static final int DEFAULT_PAGE_SIZE = 50;
  public static final int MAX_PAGE_SIZE = 1000;

  public PageRequest {
    if (pageSize < 0) {
      throw ValidationException.of("page_size", "must not be negative");
    }
    pageSize = pageSize == 0 ? DEFAULT_PAGE_SIZE : Math.min(pageSize, MAX_PAGE_SIZE);
    pageToken = pageToken == null ? "" : pageToken;
    filter = filter == null ? Filter.ALL : filter;
  }

  public static PageRequest first(int pageSize) {
    return new PageRequest(pageSize, "", Filter.ALL);
  }

  public static PageRequest first(int pageSize, Filter filter) {
    return new PageRequest(pageSize, "", filter);
  }
}
