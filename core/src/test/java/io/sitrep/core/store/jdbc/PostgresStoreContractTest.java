package io.sitrep.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.core.store.ResourceType;
import io.sitrep.core.store.SitrepStore;
import io.sitrep.core.store.SitrepStoreContract;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL keeps the store contract: a real server started in this JVM's test, a fresh
 * database per test, opened through the libpq-style URL a deployment would configure.
 */
class PostgresStoreContractTest extends SitrepStoreContract {
  private static EmbeddedPostgres postgres;
  private static final AtomicInteger databases = new AtomicInteger();

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  static String freshDatabase() throws Exception {
    String db = "sitrep_" + databases.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + db);
    }
    return db;
  }

  @Override
  protected SitrepStore openStore(Clock clock) throws Exception {
    return JdbcStores.open("postgresql://postgres:unused@localhost:" + postgres.getPort() + "/" + freshDatabase(),
        clock);
  }

  @Test
  void theJdbcUrlFormOpensTheSameSchemaAgain() throws Exception {
    String db = freshDatabase();
    String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + db + "?user=postgres";
    try (SitrepStore first = JdbcStores.open(url, clock)) {
      seedEpisode(first);
    }
    try (SitrepStore again = JdbcStores.open(url, clock)) {
      assertThat(again.count(ResourceType.CLAIMS)).isEqualTo(4);
    }
  }

  private static void seedEpisode(SitrepStore s) {
    s.createAll(io.sitrep.core.store.Baghdad2020.all(), null);
  }
}
