package io.sitrep.core.ach;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.core.ach.jdbc.JdbcAchStores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL keeps the hypothesis-store contract: a real server started in this test, a fresh
 * schema of the hypothesis store's own per test, opened through the libpq-style URL.
 */
class PostgresAchStoreTest extends AchStoreContract {
  private static EmbeddedPostgres postgres;
  private static final AtomicInteger schemas = new AtomicInteger();

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
        .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off").start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  private static String url() {
    return "postgresql://postgres:unused@localhost:" + postgres.getPort() + "/postgres";
  }

  @Override
  protected AchStore newStore() {
    return JdbcAchStores.open(url(), Clock.systemUTC(), "hypotheses_" + schemas.incrementAndGet());
  }

  @Test
  void theJdbcUrlFormReopensTheSameMatricesInTheirOwnSchemaAndHistoryTable() throws Exception {
    String schema = "hypotheses_reopened_" + schemas.incrementAndGet();
    String jdbc = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres?user=postgres";
    StoredAchMatrix created;
    try (AchStore first = JdbcAchStores.open(jdbc, Clock.systemUTC(), schema)) {
      created = first.create(CUSTODY, AchTest.custody(), "r1");
    }
    try (AchStore again = JdbcAchStores.open(jdbc, Clock.systemUTC(), schema)) {
      assertThat(again.get(CUSTODY)).contains(created);
    }
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
            + schema + "' AND table_name IN ('flyway_ach_history', 'ach_matrices', 'ach_versions')")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(3);
    }
  }
}
