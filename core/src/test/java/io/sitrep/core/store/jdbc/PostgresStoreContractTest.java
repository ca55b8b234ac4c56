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
    // A test server need not survive power loss; without fsync each test's migration is quick.
    postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
        .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off").start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  /** A fresh, empty schema: much quicker to make than a database, and just as separate. */
  static String freshSchema() throws Exception {
    String schema = "sitrep_" + databases.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    return schema;
  }

  @Override
  protected SitrepStore openStore(Clock clock) throws Exception {
    return JdbcStores.open("postgresql://postgres:unused@localhost:" + postgres.getPort() + "/postgres?currentSchema="
        + freshSchema(), clock);
  }

  @Test
  void theJdbcUrlFormOpensTheSameSchemaAgain() throws Exception {
    String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres?user=postgres&currentSchema="
        + freshSchema();
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
