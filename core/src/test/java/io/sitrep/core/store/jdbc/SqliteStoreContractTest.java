package io.sitrep.core.store.jdbc;

import io.sitrep.core.store.SitrepStore;
import io.sitrep.core.store.SitrepStoreContract;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** SQLite keeps the store contract: each test on a fresh data directory. */
class SqliteStoreContractTest extends SitrepStoreContract {
  @TempDir Path dataDir;

  @Override
  protected SitrepStore openStore(Clock clock) {
    return JdbcStores.openSqlite(dataDir, clock);
  }
}
