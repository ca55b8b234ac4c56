package io.sitrep.core.store;

import io.sitrep.core.model.Resource;
import java.util.List;

/**
 * Told of every write a {@link ListeningStore} committed, after it committed, on the writing
 * thread. Listeners keep derived state (disputes, caches) current without rescanning the store;
 * they must be quick and must not write to the store.
 */
public interface StoreListener {
  /** {@code resources} were created, by one create or one batch. */
  void created(List<? extends Resource> resources);

  /** {@code resource} replaced the stored resource of the same name. */
  void updated(Resource resource);

  /** The resource {@code name} of {@code type} was deleted. */
  void deleted(ResourceType<?> type, String name);
}
