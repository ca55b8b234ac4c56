package io.sitrep.core.store;

import io.sitrep.core.model.Resource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A store that tells {@link StoreListener}s of every write it committed. Reads pass straight
 * through; a refused write tells no one. A replayed request (a request id seen before) is not a
 * new write and tells no one either.
 */
public final class ListeningStore implements SitrepStore {
  private final SitrepStore delegate;
  private final List<StoreListener> listeners = new CopyOnWriteArrayList<>();

  private ListeningStore(SitrepStore delegate) {
    this.delegate = delegate;
  }

  /** {@code store} itself if it already is a listening store, else a listening wrapper of it. */
  public static ListeningStore wrap(SitrepStore store) {
    return store instanceof ListeningStore l ? l : new ListeningStore(store);
  }

  public void addListener(StoreListener listener) {
    listeners.add(listener);
  }

  public SitrepStore delegate() {
    return delegate;
  }

  @Override
  public <T extends Resource> Optional<Stored<T>> get(ResourceType<T> type, String name) {
    return delegate.get(type, name);
  }

  @Override
  public <T extends Resource> Optional<Stored<T>> getAsOf(ResourceType<T> type, String name, Instant knownAt) {
    return delegate.getAsOf(type, name, knownAt);
  }

  @Override
  public <T extends Resource> List<Version<T>> history(ResourceType<T> type, String name) {
    return delegate.history(type, name);
  }

  @Override
  public <T extends Resource> Page<Stored<T>> list(ResourceType<T> type, PageRequest request) {
    return delegate.list(type, request);
  }

  @Override
  public <T extends Resource> Stream<T> scan(ResourceType<T> type, Filter filter) {
    return delegate.scan(type, filter);
  }

  @Override
  public long count(ResourceType<?> type) {
    return delegate.count(type);
  }

  @Override
  public <T extends Resource> Stored<T> create(T resource, @Nullable String requestId) {
    long before = revisionOf(ResourceType.of(resource), resource.name());
    Stored<T> stored = delegate.create(resource, requestId);
    // A new resource did not exist before; a replayed request returns one that did.
    if (before < 0 && stored.name().equals(resource.name())) {
      listeners.forEach(l -> l.created(List.of(stored.value())));
    }
    return stored;
  }

  @Override
  public <T extends Resource> Stored<T> update(T resource, @Nullable String expectedEtag) {
    Stored<T> stored = delegate.update(resource, expectedEtag);
    listeners.forEach(l -> l.updated(stored.value()));
    return stored;
  }

  @Override
  public void delete(ResourceType<?> type, String name, @Nullable String expectedEtag) {
    delegate.delete(type, name, expectedEtag);
    listeners.forEach(l -> l.deleted(type, name));
  }

  @Override
  public BatchResult createAll(List<? extends Resource> batch, @Nullable String requestId) {
    BatchResult result = delegate.createAll(batch, requestId);
    if (!result.replayed()) {
      listeners.forEach(l -> l.created(batch));
    }
    return result;
  }

  @Override
  public void close() {
    delegate.close();
  }

  /** The current revision of a resource, or -1; tells a replayed create from a new one. */
  private long revisionOf(ResourceType<?> type, String name) {
    return delegate.get(type, name).map(Stored::revision).orElse(-1L);
  }
}
