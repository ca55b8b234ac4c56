package io.sitrep.server.auth;

import com.google.common.collect.ImmutableList;
import io.sitrep.core.store.Filter;
import io.sitrep.core.store.Page;
import io.sitrep.core.store.PageRequest;
import io.sitrep.core.store.PageToken;
import io.sitrep.core.store.StoreException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** A {@link KeyStore} in memory: for tests, and for {@code --store memory}. Thread-safe. */
public final class InMemoryKeyStore implements KeyStore {
  private final ConcurrentSkipListMap<String, Entry> entries = new ConcurrentSkipListMap<>();

  @Override
  public void insert(Entry entry) {
    if (entries.putIfAbsent(entry.key().id(), entry) != null) {
      throw new StoreException.AlreadyExists(entry.key().name());
    }
  }

  @Override
  public Optional<Entry> get(String id) {
    return Optional.ofNullable(entries.get(id));
  }

  @Override
  public Page<ApiKey> list(int pageSize, String pageToken) {
    PageRequest request = new PageRequest(pageSize, pageToken, Filter.ALL);
    String after = PageToken.decode(request.pageToken(), Filter.ALL);
    List<ApiKey> page = entries.tailMap(after, false).values().stream()
        .limit(request.pageSize() + 1L).map(Entry::key).toList();
    boolean more = page.size() > request.pageSize();
    ImmutableList<ApiKey> items = ImmutableList.copyOf(more ? page.subList(0, request.pageSize()) : page);
    return new Page<>(items, more ? PageToken.encode(items.get(items.size() - 1).id(), Filter.ALL) : "");
  }

  @Override
  public ApiKey revoke(String id, Instant when) {
    Entry revoked = entries.computeIfPresent(id, (k, e) -> new Entry(e.key().revokedAt(when), e.salt(), e.hash()));
    if (revoked == null) {
      throw new StoreException.NotFound(ApiKey.COLLECTION + "/" + id);
    }
    return revoked.key();
  }

  @Override
  public boolean hasKeys() {
    return !entries.isEmpty();
  }

  @Override
  public List<ApiKey> validKeysOf(String principal) {
    return entries.values().stream().map(Entry::key)
        .filter(k -> !k.revoked() && k.principal().equals(principal)).toList();
  }

  @Override
  public void close() {}
}
