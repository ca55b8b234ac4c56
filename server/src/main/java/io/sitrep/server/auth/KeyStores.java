package io.sitrep.server.auth;

import io.sitrep.core.store.jdbc.JdbcStores;
import io.sitrep.server.StoreFactory;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Opens the key store that goes with the server's store flags, as {@link StoreFactory} opens the
 * main and hypothesis stores: {@code keys.db} in the data directory (default or {@code
 * --data-dir}, or {@code --store sqlite:DIR}), schema {@value JdbcKeyStore#POSTGRESQL_SCHEMA} of a
 * PostgreSQL store, memory with {@code --store memory}. It takes no data-directory lock: the
 * {@code keys} command may change keys while a server runs on the same directory.
 */
public final class KeyStores {
  private KeyStores() {}

  /**
   * @throws IllegalArgumentException both were given, or the URL is not a store URL
   * @throws io.sitrep.core.store.StoreException.Unavailable the store cannot be opened
   */
  public static KeyStore open(@Nullable String storeUrl, @Nullable Path dataDir) {
    if (storeUrl != null && dataDir != null) {
      throw new IllegalArgumentException("give --data-dir or --store, not both (--store sqlite:DIR names a data directory)");
    }
    if (storeUrl == null) {
      return JdbcKeyStore.openSqlite((dataDir == null ? StoreFactory.DEFAULT_DATA_DIR : dataDir).toAbsolutePath());
    }
    if (storeUrl.equals(StoreFactory.MEMORY)) {
      return new InMemoryKeyStore();
    }
    if (storeUrl.startsWith("sqlite:") || storeUrl.startsWith("jdbc:sqlite:") || storeUrl.startsWith("postgresql://")
        || storeUrl.startsWith("postgres://") || storeUrl.startsWith("jdbc:postgresql:")) {
      return JdbcKeyStore.open(storeUrl);
    }
    throw new IllegalArgumentException("not a store: " + JdbcStores.redacted(storeUrl)
        + " (expected memory, sqlite:DIR, postgresql://host:port/db?user=... or jdbc:postgresql:...)");
  }
}
