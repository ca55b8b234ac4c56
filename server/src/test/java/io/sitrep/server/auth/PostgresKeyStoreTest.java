package io.sitrep.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.server.auth.Principal.Role;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The key store on a real PostgreSQL, in a schema of its own, opened by the URL a deployment would use. */
class PostgresKeyStoreTest extends KeyStoreContract {
  private static EmbeddedPostgres postgres;
  private static final AtomicInteger schemas = new AtomicInteger();
  private String schema;

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

  private String url() {
    return "postgresql://postgres:unused@localhost:" + postgres.getPort() + "/postgres";
  }

  @Override
  protected KeyStore openStore() {
    schema = "keys_" + schemas.incrementAndGet();
    return JdbcKeyStore.open(url(), schema);
  }

  @Test
  void theDefaultSchemaHasItsOwnFlywayHistorySoTheMainStoreNeverMeetsIt() throws Exception {
    try (KeyStore defaultSchema = JdbcKeyStore.open(url())) {
      ApiKeys.Issued issued = new ApiKeys(defaultSchema, Clock.systemUTC()).create("desk", Role.ADMIN);
      try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
              + JdbcKeyStore.POSTGRESQL_SCHEMA + "' ORDER BY table_name")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("api_keys");
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo(JdbcKeyStore.HISTORY_TABLE);
        assertThat(rs.next()).isFalse();
      }
      try (KeyStore again = JdbcKeyStore.open(url())) {
        assertThat(new ApiKeys(again, Clock.systemUTC()).authenticate(issued.token())).isPresent();
      }
    }
  }
}
