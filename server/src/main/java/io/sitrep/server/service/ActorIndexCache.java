package io.sitrep.server.service;

import io.sitrep.core.actors.ActorIndex;
import io.sitrep.core.actors.AliasLedger;
import io.sitrep.core.model.Actor;
import io.sitrep.core.model.Resource;
import io.sitrep.core.store.ListeningStore;
import io.sitrep.core.store.ResourceType;
import io.sitrep.core.store.SitrepStore;
import io.sitrep.core.store.StoreListener;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ActorIndex} of the store's actors, built once and rebuilt when the actors change.
 * Building it reads every actor and transliterates every name, far dearer than a resolution, so
 * it is cached under a key of two cheap numbers: the store's actor count, which catches actors
 * added or deleted by anyone, and a version this listener bumps on every actor write through the
 * server's store, which also catches an update that keeps the count. (An update written past the
 * server, straight to the raw store, is not seen until the count changes.)
 *
 * <p>The version is read before the actors are, so a write racing a rebuild makes the next call
 * rebuild again rather than keep an index older than its key.
 */
final class ActorIndexCache implements StoreListener {
  private final SitrepStore store;
  private final AtomicLong version = new AtomicLong();
  private volatile @Nullable Cached cached;

  private record Cached(long count, long version, ActorIndex index) {}

  private ActorIndexCache(SitrepStore store) {
    this.store = store;
  }

  /** A cache of {@code store}'s actors, listening to its writes. */
  static ActorIndexCache of(ListeningStore store) {
    ActorIndexCache cache = new ActorIndexCache(store);
    store.addListener(cache);
    return cache;
  }

  /** The index of the actors the store holds now. */
  ActorIndex index() {
    long v = version.get();
    long count = store.count(ResourceType.ACTORS);
    Cached c = cached;
    if (c != null && c.count() == count && c.version() == v) {
      return c.index();
    }
    synchronized (this) {
      c = cached;
      if (c != null && c.count() == count && c.version() == v) {
        return c.index();
      }
      ActorIndex index = ActorIndex.of(store, AliasLedger.empty());
      cached = new Cached(count, v, index);
      return index;
    }
  }

  @Override
  public void created(List<? extends Resource> resources) {
    if (resources.stream().anyMatch(r -> r instanceof Actor)) {
      version.incrementAndGet();
    }
  }

  @Override
  public void updated(Resource resource) {
    if (resource instanceof Actor) {
      version.incrementAndGet();
    }
  }

  @Override
  public void deleted(ResourceType<?> type, String name) {
    if (type.equals(ResourceType.ACTORS)) {
      version.incrementAndGet();
    }
  }
}
