package io.sitrep.core.ach;

import static com.google.common.base.Preconditions.checkNotNull;

import io.sitrep.core.store.Etags;
import io.sitrep.core.store.Filter;
import io.sitrep.core.store.Page;
import io.sitrep.core.store.PageRequest;
import io.sitrep.core.store.PageToken;
import io.sitrep.core.store.StoreException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A thread-safe {@link AchStore} in memory: the default of the server until a durable one is
 * configured. One monitor guards everything; every check happens before any change, so a
 * refused call changes nothing. Matrices are immutable values, so nothing the caller holds is
 * shared mutable state.
 */
public final class InMemoryAchStore implements AchStore {
  private final Clock clock;
  private final NavigableMap<String, StoredAchMatrix> matrices = new TreeMap<>();
  /** Request id of a create → what it answered. */
  private final Map<String, StoredAchMatrix> requests = new HashMap<>();
  private long lastRevision;

  private InMemoryAchStore(Clock clock) {
    this.clock = checkNotNull(clock, "clock");
  }

  /** An empty store stamping times from the system clock. */
  public static InMemoryAchStore create() {
    return new InMemoryAchStore(Clock.systemUTC());
  }

  /** An empty store stamping times from {@code clock}. */
  public static InMemoryAchStore withClock(Clock clock) {
    return new InMemoryAchStore(clock);
  }

  @Override
  public synchronized Optional<StoredAchMatrix> get(String name) {
    AchStore.checkName(name);
    return Optional.ofNullable(matrices.get(name));
  }

  @Override
  public synchronized Page<StoredAchMatrix> list(int pageSize, String pageToken) {
    PageRequest request = new PageRequest(pageSize, pageToken, Filter.ALL);
    String after = PageToken.decode(request.pageToken(), Filter.ALL);
    List<StoredAchMatrix> page = new ArrayList<>();
    boolean more = false;
    for (StoredAchMatrix m : matrices.tailMap(after, false).values()) {
      if (page.size() == request.pageSize()) {
        more = true;
        break;
      }
      page.add(m);
    }
    String next = more ? PageToken.encode(page.get(page.size() - 1).name(), Filter.ALL) : "";
    return new Page<>(page, next);
  }

  @Override
  public synchronized StoredAchMatrix create(String name, AchMatrix matrix, @Nullable String requestId) {
    AchStore.checkName(name);
    checkNotNull(matrix, "matrix");
    boolean idempotent = requestId != null && !requestId.isEmpty();
    if (idempotent && requests.containsKey(requestId)) {
      return requests.get(requestId);
    }
    if (matrices.containsKey(name)) {
      throw new StoreException.AlreadyExists(name);
    }
    long revision = ++lastRevision;
    Instant now = clock.instant();
    StoredAchMatrix stored = new StoredAchMatrix(name, matrix, revision, Etags.of(name, revision), now, now);
    matrices.put(name, stored);
    if (idempotent) {
      requests.put(requestId, stored);
    }
    return stored;
  }

  @Override
  public synchronized StoredAchMatrix update(String name, AchMatrix matrix, @Nullable String expectedEtag) {
    checkNotNull(matrix, "matrix");
    StoredAchMatrix current = current(name, expectedEtag);
    long revision = ++lastRevision;
    Instant now = clock.instant();
    StoredAchMatrix stored = new StoredAchMatrix(name, matrix, revision, Etags.of(name, revision),
        current.createTime(), now.isBefore(current.createTime()) ? current.createTime() : now);
    matrices.put(name, stored);
    return stored;
  }

  @Override
  public synchronized void delete(String name, @Nullable String expectedEtag) {
    current(name, expectedEtag);
    ++lastRevision;
    matrices.remove(name);
  }

  @Override
  public void close() {}

  /** The stored matrix {@code name}, checked against {@code expectedEtag} when one is given. */
  private StoredAchMatrix current(String name, @Nullable String expectedEtag) {
    AchStore.checkName(name);
    StoredAchMatrix current = matrices.get(name);
    if (current == null) {
      throw new StoreException.NotFound(name);
    }
    if (expectedEtag != null && !expectedEtag.isEmpty() && !expectedEtag.equals(current.etag())) {
      throw new StoreException.EtagMismatch(name);
    }
    return current;
  }
}
