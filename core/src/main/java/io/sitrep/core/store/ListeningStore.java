package io.sitrep.core.store;

import io.sitrep.core.model.Resource;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A store that tells {@link StoreListener}s of every write it committed. Reads pass straight
 * through; a refused write tells no one. A replayed request (a request id seen before) is not a
 * new write and tells no one either.
 *
 * <p>It also says who writes: a write that names no author is made as {@code author.get()}, asked
 * on the writing thread (the server's supplier reads the caller of the current gRPC call).
 */
public final class ListeningStore implements SitrepStore {
  private final SitrepStore delegate;
  private final List<StoreListener> listeners;
  private final Supplier<String> author;

  private ListeningStore(SitrepStore delegate, List<StoreListener> listeners, Supplier<String> author) {
    this.delegate = delegate;
    this.listeners = listeners;
    this.author = author;
  }

  /** {@code store} itself if it already is a listening store, else a listening wrapper of it. */
  public static ListeningStore wrap(SitrepStore store) {
    return store instanceof ListeningStore l ? l
        : new ListeningStore(store, new CopyOnWriteArrayList<>(), () -> ANONYMOUS);
  }

  /**
   * A listening store whose writes that name no author are made as {@code author.get()}. Over a
   * listening store, the result shares its delegate and its listeners, so every listener still
   * hears every write.
   */
  public static ListeningStore wrap(SitrepStore store, Supplier<String> author) {
    if (store instanceof ListeningStore l) {
      return new ListeningStore(l.delegate, l.listeners, author);
    }
    return new ListeningStore(store, new CopyOnWriteArrayList<>(), author);
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
  public Set<String> existing(Collection<String> names) {
    return delegate.existing(names);
  }

  @Override
  public <T extends Resource> Stored<T> create(T resource, @Nullable String requestId) {
    return create(resource, requestId, null);
  }

  @Override
  public <T extends Resource> Stored<T> create(T resource, @Nullable String requestId, @Nullable String author) {
    long before = revisionOf(ResourceType.of(resource), resource.name());
    Stored<T> stored = delegate.create(resource, requestId, authorOf(author));
    // A new resource did not exist before; a replayed request returns one that did.
    if (before < 0 && stored.name().equals(resource.name())) {
      listeners.forEach(l -> l.created(List.of(stored.value())));
    }
    return stored;
  }

  @Override
  public <T extends Resource> Stored<T> update(T resource, @Nullable String expectedEtag) {
    return update(resource, expectedEtag, null);
  }

  @Override
  public <T extends Resource> Stored<T> update(T resource, @Nullable String expectedEtag, @Nullable String author) {
    Stored<T> stored = delegate.update(resource, expectedEtag, authorOf(author));
    listeners.forEach(l -> l.updated(stored.value()));
    return stored;
  }

  @Override
  public void delete(ResourceType<?> type, String name, @Nullable String expectedEtag) {
    delete(type, name, expectedEtag, null);
  }

  @Override
  public void delete(ResourceType<?> type, String name, @Nullable String expectedEtag, @Nullable String author) {
    delegate.delete(type, name, expectedEtag, authorOf(author));
    listeners.forEach(l -> l.deleted(type, name));
  }

  @Override
  public BatchResult createAll(List<? extends Resource> batch, @Nullable String requestId) {
    return createAll(batch, requestId, null);
  }

  @Override
  public List<? extends Resource> prepare(List<? extends Resource> batch) {
    return delegate.prepare(batch);
  }

  @Override
  public BatchResult createAll(List<? extends Resource> batch, @Nullable String requestId, @Nullable String author) {
    BatchResult result = delegate.createAll(batch, requestId, authorOf(author));
    if (!result.replayed()) {
      listeners.forEach(l -> l.created(batch));
    }
    return result;
  }

  @Override
  public void close() {
    delegate.close();
  }

  /** The author a write is made as: the one it names, else the supplier's. */
  private String authorOf(@Nullable String named) {
    return named != null && !named.isEmpty() ? named : SitrepStore.authorOrAnonymous(author.get());
  }

  /** The current revision of a resource, or -1; tells a replayed create from a new one. */
  private long revisionOf(ResourceType<?> type, String name) {
    return delegate.get(type, name).map(Stored::revision).orElse(-1L);
  }
}
