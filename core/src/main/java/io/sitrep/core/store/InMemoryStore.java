package io.sitrep.core.store;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.sitrep.core.model.Resource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A thread-safe store in memory, for tests and for programs that embed core. One read-write
 * lock guards everything: reads run in parallel, writes one at a time, and a batch is checked
 * whole before anything of it is stored, so a refused write changes nothing.
 */
public final class InMemoryStore implements SitrepStore {
  private final Clock clock;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, NavigableMap<String, List<Version<?>>>> collections = new HashMap<>();
  /** Request id of a create or batch → the names it stored. */
  private final Map<String, ImmutableList<String>> requests = new HashMap<>();
  private long lastRevision;

  public InMemoryStore() {
    this(Clock.systemUTC());
  }

  public InMemoryStore(Clock clock) {
    this.clock = checkNotNull(clock);
    for (ResourceType<?> t : ResourceType.ALL) {
      collections.put(t.collection(), new TreeMap<>());
    }
  }

  @Override
  public <T extends Resource> Optional<Stored<T>> get(ResourceType<T> type, String name) {
    lock.readLock().lock();
    try {
      return current(type, name);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public <T extends Resource> Optional<Stored<T>> getAsOf(ResourceType<T> type, String name, Instant knownAt) {
    lock.readLock().lock();
    try {
      List<Version<?>> versions = collections.get(type.collection()).get(name);
      if (versions == null) {
        return Optional.empty();
      }
      Version<?> chosen = null;
      for (Version<?> v : versions) {
        if (!v.knownFrom().isAfter(knownAt)) {
          chosen = v;
        }
      }
      if (chosen == null || chosen.isTombstone()) {
        return Optional.empty();
      }
      return Optional.of(stored(type, versions, chosen));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T extends Resource> List<Version<T>> history(ResourceType<T> type, String name) {
    lock.readLock().lock();
    try {
      List<Version<?>> versions = collections.get(type.collection()).get(name);
      if (versions == null) {
        return List.of();
      }
      List<Version<T>> out = new ArrayList<>();
      versions.forEach(v -> out.add((Version<T>) v));
      return ImmutableList.copyOf(out);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Set<String> existing(Collection<String> names) {
    Set<String> found = new HashSet<>();
    lock.readLock().lock();
    try {
      for (String name : names) {
        NavigableMap<String, List<Version<?>>> collection = collections.get(ResourceType.collectionOf(name));
        List<Version<?>> versions = collection == null ? null : collection.get(name);
        if (versions != null && !last(versions).isTombstone()) {
          found.add(name);
        }
      }
    } finally {
      lock.readLock().unlock();
    }
    return found;
  }

  @Override
  public <T extends Resource> Page<Stored<T>> list(ResourceType<T> type, PageRequest request) {
    String after = PageToken.decode(request.pageToken(), request.filter());
    lock.readLock().lock();
    try {
      List<Stored<T>> items = new ArrayList<>();
      NavigableMap<String, List<Version<?>>> all = collections.get(type.collection());
      for (var entry : all.tailMap(after, false).entrySet()) {
        Version<?> last = last(entry.getValue());
        if (last.isTombstone()) {
          continue;
        }
        T value = type.cast(last.value());
        if (!request.filter().matches(type, value)) {
          continue;
        }
        if (items.size() == request.pageSize()) {
          return new Page<>(items, PageToken.encode(items.get(items.size() - 1).name(), request.filter()));
        }
        items.add(stored(type, entry.getValue(), last));
      }
      return new Page<>(items, "");
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public <T extends Resource> Stream<T> scan(ResourceType<T> type, Filter filter) {
    lock.readLock().lock();
    try {
      List<T> out = new ArrayList<>();
      for (List<Version<?>> versions : collections.get(type.collection()).values()) {
        Version<?> last = last(versions);
        if (!last.isTombstone()) {
          T value = type.cast(last.value());
          if (filter.matches(type, value)) {
            out.add(value);
          }
        }
      }
      return out.stream();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public long count(ResourceType<?> type) {
    lock.readLock().lock();
    try {
      return collections.get(type.collection()).values().stream().filter(v -> !last(v).isTombstone()).count();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public <T extends Resource> Stored<T> create(T resource, @Nullable String requestId,
      @Nullable String author) {
    ResourceType<T> type = ResourceType.of(resource);
    lock.writeLock().lock();
    try {
      if (requestId != null && !requestId.isEmpty() && requests.containsKey(requestId)) {
        // The request id may first have named a batch whose first item is of another kind (an empty
        // batch is never remembered, so there is a first item).
        String name = requests.get(requestId).get(0);
        if (!ResourceType.collectionOf(name).equals(type.collection())) {
          throw new StoreException.AlreadyExists(name);
        }
        return current(type, name).orElseThrow(() -> new StoreException.NotFound(name));
      }
      if (current(type, resource.name()).isPresent()) {
        throw new StoreException.AlreadyExists(resource.name());
      }
      checkReferences(type, resource, Set.of());
      append(type, resource, Version.Change.CREATED, clock.instant(), SitrepStore.authorOrAnonymous(author));
      if (requestId != null && !requestId.isEmpty()) {
        requests.put(requestId, ImmutableList.of(resource.name()));
      }
      return current(type, resource.name()).orElseThrow();
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public <T extends Resource> Stored<T> update(T resource, @Nullable String expectedEtag,
      @Nullable String author) {
    ResourceType<T> type = ResourceType.of(resource);
    lock.writeLock().lock();
    try {
      Stored<T> stored = current(type, resource.name())
          .orElseThrow(() -> new StoreException.NotFound(resource.name()));
      if (expectedEtag != null && !expectedEtag.isEmpty() && !expectedEtag.equals(stored.etag())) {
        throw new StoreException.EtagMismatch(resource.name());
      }
      checkReferences(type, resource, Set.of());
      append(type, resource, Version.Change.UPDATED, clock.instant(), SitrepStore.authorOrAnonymous(author));
      return current(type, resource.name()).orElseThrow();
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void delete(ResourceType<?> type, String name, @Nullable String expectedEtag,
      @Nullable String author) {
    lock.writeLock().lock();
    try {
      Stored<?> stored = current(type, name).orElseThrow(() -> new StoreException.NotFound(name));
      if (expectedEtag != null && !expectedEtag.isEmpty() && !expectedEtag.equals(stored.etag())) {
        throw new StoreException.EtagMismatch(name);
      }
      String referrer = findReferrer(name);
      if (referrer != null) {
        throw new StoreException.InUse(name, referrer);
      }
      List<Version<?>> versions = collections.get(type.collection()).get(name);
      long revision = ++lastRevision;
      versions.add(new Version<>(revision, null, clock.instant(), Version.Change.DELETED,
          Etags.of(name, revision), SitrepStore.authorOrAnonymous(author)));
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public BatchResult createAll(List<? extends Resource> batch, @Nullable String requestId,
      @Nullable String author) {
    lock.writeLock().lock();
    try {
      if (requestId != null && !requestId.isEmpty() && requests.containsKey(requestId)) {
        return new BatchResult(requests.get(requestId), true);
      }
      Set<String> inBatch = new HashSet<>();
      for (Resource r : batch) {
        inBatch.add(r.name());
      }
      // Item by item, so the first item refused is the one reported, whatever the reason.
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < batch.size(); i++) {
        Resource r = batch.get(i);
        if (!seen.add(r.name()) || current(ResourceType.of(r), r.name()).isPresent()) {
          throw new BatchException(i, new StoreException.AlreadyExists(r.name()));
        }
        try {
          checkReferencesUnchecked(r, inBatch);
        } catch (StoreException e) {
          throw new BatchException(i, e);
        }
      }
      Instant now = clock.instant();
      String by = SitrepStore.authorOrAnonymous(author);
      ImmutableList.Builder<String> names = ImmutableList.builder();
      for (Resource r : batch) {
        appendUnchecked(r, now, by);
        names.add(r.name());
      }
      ImmutableList<String> stored = names.build();
      // An empty batch changes nothing, so a retry of it needs no memory, and the id stays free.
      if (requestId != null && !requestId.isEmpty() && !stored.isEmpty()) {
        requests.put(requestId, stored);
      }
      return new BatchResult(stored, false);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void close() {}

  // --- under the lock ---

  private <T extends Resource> void checkReferencesUnchecked(T resource, Set<String> alsoExisting) {
    checkReferences(ResourceType.of(resource), resource, alsoExisting);
  }

  private <T extends Resource> void appendUnchecked(T resource, Instant now, String author) {
    append(ResourceType.of(resource), resource, Version.Change.CREATED, now, author);
  }

  private <T extends Resource> void checkReferences(ResourceType<T> type, T resource, Set<String> alsoExisting) {
    for (Reference ref : type.references(resource)) {
      if (alsoExisting.contains(ref.name())) {
        continue;
      }
      NavigableMap<String, List<Version<?>>> target = collections.get(ref.collection());
      List<Version<?>> versions = target == null ? null : target.get(ref.name());
      if (versions == null || last(versions).isTombstone()) {
        throw new StoreException.ReferenceNotFound(ref.field(), ref.name());
      }
    }
  }

  private <T extends Resource> void append(ResourceType<T> type, T resource, Version.Change change, Instant now,
      String author) {
    List<Version<?>> versions = collections.get(type.collection())
        .computeIfAbsent(resource.name(), n -> new ArrayList<>());
    long revision = ++lastRevision;
    // A name deleted and created again starts a new life; its history keeps the old one.
    Version.Change effective = !versions.isEmpty() && last(versions).isTombstone() ? Version.Change.CREATED : change;
    versions.add(new Version<>(revision, resource, now, effective, Etags.of(resource.name(), revision), author));
  }

  private @Nullable String findReferrer(String name) {
    for (ResourceType<?> type : ResourceType.ALL) {
      String referrer = findReferrerIn(type, name);
      if (referrer != null) {
        return referrer;
      }
    }
    return null;
  }

  private <T extends Resource> @Nullable String findReferrerIn(ResourceType<T> type, String name) {
    for (List<Version<?>> versions : collections.get(type.collection()).values()) {
      Version<?> last = last(versions);
      if (last.isTombstone()) {
        continue;
      }
      T value = type.cast(last.value());
      for (Reference ref : type.references(value)) {
        if (ref.name().equals(name) && !value.name().equals(name)) {
          return value.name();
        }
      }
    }
    return null;
  }

  private <T extends Resource> Optional<Stored<T>> current(ResourceType<T> type, String name) {
    List<Version<?>> versions = collections.get(type.collection()).get(name);
    if (versions == null || last(versions).isTombstone()) {
      return Optional.empty();
    }
    return Optional.of(stored(type, versions, last(versions)));
  }

  /** The stored form of {@code version}: created when its current life began. */
  private static <T extends Resource> Stored<T> stored(ResourceType<T> type, List<Version<?>> versions,
      Version<?> version) {
    Instant created = version.knownFrom();
    for (Version<?> v : versions) {
      if (v.revision() > version.revision()) {
        break;
      }
      if (v.change() == Version.Change.CREATED) {
        created = v.knownFrom();
      }
    }
    return new Stored<>(type.cast(version.value()), version.revision(), version.etag(), created,
        version.knownFrom());
  }

  private static Version<?> last(List<Version<?>> versions) {
    return versions.get(versions.size() - 1);
  }
}
