package io.sitrep.core.store;

import com.google.common.collect.ImmutableMap;
import io.sitrep.core.model.Resource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Everything a store shows for a set of names: every current resource with its bookkeeping,
 * the counts, and the histories of the names given. Two equal snapshots mean a refused request
 * changed nothing anyone could see.
 */
public record StoreSnapshot(ImmutableMap<String, Long> counts, ImmutableMap<String, List<Stored<?>>> current,
    ImmutableMap<String, List<? extends Version<?>>> histories) {

  public static StoreSnapshot of(SitrepStore store, Collection<String> names) {
    ImmutableMap.Builder<String, Long> counts = ImmutableMap.builder();
    ImmutableMap.Builder<String, List<Stored<?>>> current = ImmutableMap.builder();
    for (ResourceType<?> type : ResourceType.ALL) {
      counts.put(type.collection(), store.count(type));
      current.put(type.collection(), listAll(store, type));
    }
    ImmutableMap.Builder<String, List<? extends Version<?>>> histories = ImmutableMap.builder();
    for (String name : names.stream().distinct().sorted().toList()) {
      histories.put(name, store.history(ResourceType.forCollection(ResourceType.collectionOf(name)), name));
    }
    return new StoreSnapshot(counts.build(), current.build(), histories.build());
  }

  static <T extends Resource> List<Stored<?>> listAll(SitrepStore store, ResourceType<T> type) {
    List<Stored<?>> out = new ArrayList<>();
    String token = "";
    do {
      Page<Stored<T>> page = store.list(type, new PageRequest(PageRequest.MAX_PAGE_SIZE, token, Filter.ALL));
      out.addAll(page.items());
      token = page.nextPageToken();
    } while (!token.isEmpty());
    return out;
  }
}
