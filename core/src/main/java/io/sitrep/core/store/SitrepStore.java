package io.sitrep.core.store;

import io.sitrep.core.model.Resource;
import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Holds Sitrep's resources. Implementations are thread-safe. See the package documentation for
 * the contract every implementation keeps.
 */
public interface SitrepStore extends AutoCloseable {
  /** The author recorded for a write made as no one in particular (no authentication). */
  String ANONYMOUS = "anonymous";

  /** {@code author}, or {@link #ANONYMOUS} when it is null or empty. */
  static String authorOrAnonymous(@Nullable String author) {
    return author == null || author.isEmpty() ? ANONYMOUS : author;
  }

  /** The current version of {@code name}, if it exists. */
  <T extends Resource> Optional<Stored<T>> get(ResourceType<T> type, String name);

  /** The version of {@code name} the store held at {@code knownAt}, if it existed then. */
  <T extends Resource> Optional<Stored<T>> getAsOf(ResourceType<T> type, String name, Instant knownAt);

  /** Every version of {@code name}, oldest first, including the tombstone of a delete. */
  <T extends Resource> List<Version<T>> history(ResourceType<T> type, String name);

  /** A page of the current resources of {@code type}, in name order. */
  <T extends Resource> Page<Stored<T>> list(ResourceType<T> type, PageRequest request);

  /**
   * Every current resource of {@code type} that passes {@code filter}, in name order. The stream
   * must be closed; it sees a consistent snapshot.
   */
  <T extends Resource> Stream<T> scan(ResourceType<T> type, Filter filter);

  /** How many current resources of {@code type} there are. */
  long count(ResourceType<?> type);

  /**
   * Which of {@code names} (full resource names, of any collection) are live resources now. A
   * name of no known collection is not. Implementations answer the whole set at once (a query per
   * collection, not a read per name); this default asks {@link #get} name by name.
   */
  default Set<String> existing(Collection<String> names) {
    ImmutableSet.Builder<String> found = ImmutableSet.builder();
    for (String name : names) {
      ResourceType<?> type = ResourceType.forCollectionOrNull(ResourceType.collectionOf(name));
      if (type != null && get(type, name).isPresent()) {
        found.add(name);
      }
    }
    return found.build();
  }

  /**
   * Stores a new resource. With a {@code requestId} seen before, returns what that request
   * stored and stores nothing (AIP-155).
   *
   * @throws StoreException.AlreadyExists if the name is taken
   * @throws StoreException.ReferenceNotFound if a reference does not resolve
   */
  default <T extends Resource> Stored<T> create(T resource, @Nullable String requestId) {
    return create(resource, requestId, null);
  }

  /**
   * {@link #create(Resource, String)} made as {@code author}, which the new version records
   * ({@link #ANONYMOUS} when null).
   */
  <T extends Resource> Stored<T> create(T resource, @Nullable String requestId, @Nullable String author);

  /**
   * Replaces the resource of the same name. With an {@code expectedEtag}, only if it is still
   * the stored one.
   *
   * @throws StoreException.NotFound if it does not exist
   * @throws StoreException.EtagMismatch if the etag is stale
   * @throws StoreException.ReferenceNotFound if a reference does not resolve
   */
  default <T extends Resource> Stored<T> update(T resource, @Nullable String expectedEtag) {
    return update(resource, expectedEtag, null);
  }

  /** {@link #update(Resource, String)} made as {@code author} ({@link #ANONYMOUS} when null). */
  <T extends Resource> Stored<T> update(T resource, @Nullable String expectedEtag, @Nullable String author);

  /**
   * Deletes {@code name}, leaving a tombstone in its history.
   *
   * @throws StoreException.NotFound if it does not exist
   * @throws StoreException.EtagMismatch if the etag is stale
   * @throws StoreException.InUse if another resource refers to it
   */
  default void delete(ResourceType<?> type, String name, @Nullable String expectedEtag) {
    delete(type, name, expectedEtag, null);
  }

  /** {@link #delete(ResourceType, String, String)} made as {@code author}, whom the tombstone records. */
  void delete(ResourceType<?> type, String name, @Nullable String expectedEtag, @Nullable String author);

  /**
   * Creates every resource of {@code batch}, all or nothing. References may point at resources
   * stored earlier or anywhere in the same batch. With a {@code requestId} seen before, returns
   * the first result with {@code replayed} set and stores nothing.
   *
   * @throws BatchException naming the index of the first item refused and why
   */
  default BatchResult createAll(List<? extends Resource> batch, @Nullable String requestId) {
    return createAll(batch, requestId, null);
  }

  /** {@link #createAll(List, String)} made as {@code author}, whom every created version records. */
  BatchResult createAll(List<? extends Resource> batch, @Nullable String requestId, @Nullable String author);

  /**
   * The part of {@link #createAll} that needs no store, done now on the caller's thread: a store
   * may work out a batch's rows here (its encoding, index values) so that a later
   * {@code createAll} of the returned list spends less time on the store's one writer. The list
   * holds the same resources in the same order and may be passed to {@code createAll} of this
   * store; any store takes it as a plain list. By default, the batch itself.
   */
  default List<? extends Resource> prepare(List<? extends Resource> batch) {
    return batch;
  }

  @Override
  void close();
}
