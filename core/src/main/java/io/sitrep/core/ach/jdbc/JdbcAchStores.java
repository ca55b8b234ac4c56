package io.sitrep.core.ach.jdbc;

import static com.google.common.base.Preconditions.checkArgument;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.sitrep.core.store.StoreException;
import io.sitrep.core.store.jdbc.JdbcStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteDataSource;

/**
 * Opens {@link JdbcAchStore}s, migrating their schema first with their own Flyway location
 * ({@value #MIGRATIONS}) and history table ({@value #HISTORY_TABLE}).
 *
 * <h2>Where the matrices live</h2>
 * Never in a namespace the main store's Flyway manages: Flyway refuses to migrate a non-empty
 * schema that has no history table of its own, so hypothesis tables beside the main store's would
 * stop whichever store is opened second on a fresh database.
 * <ul>
 *   <li>{@link #openSqlite(Path)}: a file of its own, {@code DIR/}{@value #SQLITE_FILE}, beside the
 *       main store's {@code DIR/sitrep.db}, in WAL mode. Hypothesis writes never wait on the main
 *       store's writer, and one data directory still holds (and backs up) everything.
 *   <li>{@link #open(String)}: {@code postgresql://user:secret@host:5432/sitrep}, {@code postgres://...}
 *       or {@code jdbc:postgresql://...}: the same database as the main store, in a schema of its
 *       own, {@value #POSTGRESQL_SCHEMA} unless {@link #open(String, Clock, String)} names another;
 *       {@code sqlite:DIR} and {@code jdbc:sqlite:/path/file.db} open SQLite.
 * </ul>
 */
public final class JdbcAchStores {
  /** The hypothesis store's database file inside a SQLite data directory. */
  public static final String SQLITE_FILE = "hypotheses.db";
  /** The PostgreSQL schema of the hypothesis store unless another is named. */
  public static final String POSTGRESQL_SCHEMA = "sitrep_hypotheses";
  static final String MIGRATIONS = "classpath:io/sitrep/core/ach/jdbc/migration";
  static final String HISTORY_TABLE = "flyway_ach_history";

  private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final int SQLITE_READERS = 4;
  private static final int POSTGRESQL_CONNECTIONS = 4;
  private static final int BUSY_TIMEOUT_MILLIS = 30_000;

  private JdbcAchStores() {}

  /** The store in {@code dataDir}/{@value #SQLITE_FILE}, created if absent. */
  public static JdbcAchStore openSqlite(Path dataDir) {
    return openSqlite(dataDir, Clock.systemUTC());
  }

  public static JdbcAchStore openSqlite(Path dataDir, Clock clock) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new StoreException.Unavailable("cannot create the data directory " + dataDir, e);
    }
    return openSqliteFile(dataDir.resolve(SQLITE_FILE), clock);
  }

  /** The store at {@code url}; see the class documentation for the forms. */
  public static JdbcAchStore open(String url) {
    return open(url, Clock.systemUTC());
  }

  public static JdbcAchStore open(String url, Clock clock) {
    return open(url, clock, POSTGRESQL_SCHEMA);
  }

  /** The store at {@code url}, on PostgreSQL in {@code schema} (lower-case letters, digits, _). */
  public static JdbcAchStore open(String url, Clock clock, String schema) {
    if (url.startsWith("jdbc:sqlite:")) {
      return openSqliteFile(Path.of(url.substring("jdbc:sqlite:".length())), clock);
    }
    if (url.startsWith("sqlite:")) {
      return openSqlite(Path.of(url.substring("sqlite:".length())), clock);
    }
    checkArgument(SCHEMA.matcher(schema).matches(), "not a schema name: %s", schema);
    HikariConfig config = JdbcStores.postgresql(url);
    config.setPoolName("sitrep-hypotheses-postgresql");
    config.setMaximumPoolSize(POSTGRESQL_CONNECTIONS);
    config.setMinimumIdle(1);
    config.setSchema(schema);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException.Unavailable("cannot connect to " + JdbcStores.redacted(url) + ": " + e.getMessage(), e);
    }
    try {
      migrate(pool, Map.of("name_type", "TEXT COLLATE \"C\"", "bytes_type", "BYTEA", "table_options", ""),
          schema);
      return new JdbcAchStore(true, clock, pool, null, pool);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  private static JdbcAchStore openSqliteFile(Path file, Clock clock) {
    String url = "jdbc:sqlite:" + file.toAbsolutePath();
    SQLiteDataSource writes = new SQLiteDataSource(sqliteConfig(SQLiteConfig.TransactionMode.IMMEDIATE));
    writes.setUrl(url);
    SQLiteDataSource reads = new SQLiteDataSource(sqliteConfig(SQLiteConfig.TransactionMode.DEFERRED));
    reads.setUrl(url);
    Connection writer = null;
    HikariDataSource readPool = null;
    try {
      migrate(writes, Map.of("name_type", "TEXT", "bytes_type", "BLOB", "table_options", "WITHOUT ROWID"), null);
      writer = writes.getConnection();
      HikariConfig config = new HikariConfig();
      config.setDataSource(reads);
      config.setPoolName("sitrep-hypotheses-sqlite-read");
      config.setMaximumPoolSize(SQLITE_READERS);
      config.setMinimumIdle(1);
      readPool = new HikariDataSource(config);
      return new JdbcAchStore(false, clock, readPool, writer, readPool);
    } catch (SQLException | RuntimeException e) {
      if (readPool != null) {
        readPool.close();
      }
      if (writer != null) {
        try {
          writer.close();
        } catch (SQLException ignored) {
          // reporting the first failure
        }
      }
      if (e instanceof StoreException se) {
        throw se;
      }
      throw new StoreException.Unavailable("cannot open the hypothesis store at " + file + ": " + e.getMessage(), e);
    }
  }

  private static SQLiteConfig sqliteConfig(SQLiteConfig.TransactionMode mode) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    config.setTransactionMode(mode);
    return config;
  }

  private static void migrate(DataSource dataSource, Map<String, String> placeholders, @Nullable String schema) {
    var flyway = Flyway.configure(JdbcAchStores.class.getClassLoader())
        .dataSource(dataSource)
        .locations(MIGRATIONS)
        .table(HISTORY_TABLE)
        .placeholders(placeholders)
        .failOnMissingLocations(true);
    if (schema != null) {
      flyway = flyway.schemas(schema).defaultSchema(schema);
    }
    flyway.load().migrate();
  }

}
