package io.sitrep.server;

import io.sitrep.core.store.InMemoryStore;
import io.sitrep.core.store.SitrepStore;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the store the server runs on. The one place to change when the durable (SQLite) store
 * lands: {@code --data-dir} will open it there.
 */
public final class StoreFactory {
  private StoreFactory() {}

  /**
   * A store and how to describe it to the operator.
   *
   * @param description one or two words for the start-up line, e.g. {@code in-memory}
   * @param note what the operator must know about the choice, or empty
   */
  public record OpenedStore(SitrepStore store, String description, String note) {}

  /** The store for {@code dataDir}; null means no data directory was asked for. */
  public static OpenedStore open(@Nullable Path dataDir) {
    if (dataDir == null) {
      return new OpenedStore(new InMemoryStore(), "in-memory", "");
    }
    // Until the durable store lands, a data directory is accepted but nothing is written there.
    return new OpenedStore(new InMemoryStore(), "in-memory",
        "Note: --data-dir " + dataDir + " is not durable yet: the store is in memory and is lost on exit.");
  }
}
