package io.sitrep.core.store.jdbc;

import static com.google.common.base.Preconditions.checkArgument;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.sitrep.core.store.StoreException;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Opens {@link JdbcStore}s, migrating the schema to the newest version first.
 *
 * <ul>
 *   <li>{@link #openSqlite(Path)}: the default, a SQLite database at {@code DIR/sitrep.db} (with
 *       its {@code sitrep.db-wal} and {@code sitrep.db-shm} beside it), for one process.
 *   <li>{@link #open(String)}: by URL: {@code postgresql://user:secret@host:5432/sitrep},
 *       {@code postgres://...}, {@code jdbc:postgresql://host/db?user=...}, {@code sqlite:DIR}
 *       or {@code jdbc:sqlite:/path/file.db}.
 * </ul>
 */
public final class JdbcStores {
  /** The database file inside a SQLite data directory. */
  public static final String SQLITE_FILE = "sitrep.db";

  static final String MIGRATIONS = "classpath:io/sitrep/core/store/jdbc/migration";
  private static final int SQLITE_READERS = 4;
  private static final int POSTGRESQL_CONNECTIONS = 8;
  /**
   * How long a call waits for a PostgreSQL connection before it fails as unavailable: shorter than
   * a client's usual deadline, so a database that is down or restarting shows as UNAVAILABLE (which
   * clients retry) rather than DEADLINE_EXCEEDED. Hikari drops dead connections when it checks them
   * on borrow and opens new ones once the database is back.
   */
  private static final long POSTGRESQL_CONNECTION_TIMEOUT_MILLIS = 5_000;
  private static final long POSTGRESQL_VALIDATION_TIMEOUT_MILLIS = 2_000;
  private static final int BUSY_TIMEOUT_MILLIS = 30_000;
  /** After a checkpoint, the WAL file is truncated back to this size. */
  private static final long WAL_SIZE_LIMIT_BYTES = 64L << 20;
  /**
   * Readers map up to this much of the database rather than read() it. Not the writer: measured,
   * its page faults cost more than the reads they save (and a bigger writer cache did not help).
   */
  private static final long READER_MMAP_BYTES = 1L << 30;
  /**
   * The page size of a new database (an existing one keeps its own). Measured with the sqlite3
   * shell replaying 50,000 stored GDELT rows in the store's 500-row transactions: 30-36 us CPU
   * per row at 8 KiB against 34-40 at 4 KiB. A transaction dirties about one page per distinct
   * source and participant in its index entries, and each page is a WAL frame: two write calls,
   * about as dear as the page's bytes on this kind of machine; with 8 KiB pages more of those
   * entries share a page.
   */
  private static final int NEW_PAGE_SIZE = 8192;
  /** The WAL's size in bytes at which the checkpointer has it restart (64 MiB). */
  private static final long WAL_RESTART_BYTES = 64L << 20;
  /** The writer's own automatic checkpoint, a backstop should the checkpointer stop: 1 GiB of WAL. */
  private static final long WRITER_AUTOCHECKPOINT_BYTES = 1L << 30;

  /** How SQLite syncs its WAL. */
  public enum Sync {
    /** Survives the process being killed at any moment; may lose the last commits on power loss. */
    NORMAL,
    /** Also survives power loss: every commit is fsynced. Slower. */
    FULL
  }

  private JdbcStores() {}

  public static JdbcStore openSqlite(Path dataDir) {
    return openSqlite(dataDir, Clock.systemUTC(), Sync.NORMAL);
  }

  public static JdbcStore openSqlite(Path dataDir, Clock clock) {
    return openSqlite(dataDir, clock, Sync.NORMAL);
  }

  public static JdbcStore openSqlite(Path dataDir, Clock clock, Sync sync) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new StoreException.Unavailable("cannot create the data directory " + dataDir, e);
    }
    return openSqliteFile(dataDir.resolve(SQLITE_FILE), clock, sync);
  }

  public static JdbcStore open(String url) {
    return open(url, Clock.systemUTC());
  }

  public static JdbcStore open(String url, Clock clock) {
    if (url.startsWith("jdbc:sqlite:")) {
      return openSqliteFile(Path.of(url.substring("jdbc:sqlite:".length())), clock, Sync.NORMAL);
    }
    if (url.startsWith("sqlite:")) {
      return openSqlite(Path.of(url.substring("sqlite:".length())), clock, Sync.NORMAL);
    }
    HikariConfig config = postgresql(url);
    config.setPoolName("sitrep-postgresql");
    config.setMaximumPoolSize(POSTGRESQL_CONNECTIONS);
    config.setMinimumIdle(1);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException.Unavailable("cannot connect to " + redacted(url) + ": " + e.getMessage(), e);
    }
    try {
      migrate(pool, Dialect.POSTGRESQL);
      JdbcStore store = new JdbcStore(Dialect.POSTGRESQL, clock, pool, null, null, pool);
      store.reindexIfNeeded();
      return store;
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /**
   * The pool settings for a PostgreSQL URL in either the libpq or the JDBC form. Shared with the
   * other stores that live in the same database (the hypothesis store).
   */
  public static HikariConfig postgresql(String url) {
    HikariConfig config = new HikariConfig();
    config.setDriverClassName("org.postgresql.Driver");
    config.setConnectionTimeout(POSTGRESQL_CONNECTION_TIMEOUT_MILLIS);
    config.setValidationTimeout(POSTGRESQL_VALIDATION_TIMEOUT_MILLIS);
    if (url.startsWith("jdbc:postgresql:")) {
      config.setJdbcUrl(url);
      return config;
    }
    checkArgument(url.startsWith("postgresql://") || url.startsWith("postgres://"),
        "not a store URL: %s (expected postgresql://, jdbc:postgresql:, sqlite: or jdbc:sqlite:)", redacted(url));
    URI uri = URI.create(url);
    StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
    if (uri.getPort() > 0) {
      jdbc.append(':').append(uri.getPort());
    }
    jdbc.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
    if (uri.getRawQuery() != null) {
      jdbc.append('?').append(uri.getRawQuery());
    }
    config.setJdbcUrl(jdbc.toString());
    if (uri.getRawUserInfo() != null) {
      String[] userInfo = uri.getRawUserInfo().split(":", 2);
      config.setUsername(URLDecoder.decode(userInfo[0], StandardCharsets.UTF_8));
      if (userInfo.length > 1) {
        config.setPassword(URLDecoder.decode(userInfo[1], StandardCharsets.UTF_8));
      }
    }
    return config;
  }

  private static JdbcStore openSqliteFile(Path file, Clock clock, Sync sync) {
    String url = "jdbc:sqlite:" + file.toAbsolutePath();
    SQLiteDataSource writes = new SQLiteDataSource(sqliteConfig(sync, SQLiteConfig.TransactionMode.IMMEDIATE));
    writes.setUrl(url);
    SQLiteDataSource reads = new SQLiteDataSource(sqliteConfig(sync, SQLiteConfig.TransactionMode.DEFERRED));
    reads.setUrl(url);
    Connection writer = null;
    WalCheckpointer checkpointer = null;
    HikariDataSource readPool = null;
    try {
      createWithPageSize(file, url);
      migrate(writes, Dialect.SQLITE);
      writer = writes.getConnection();
      int pageSize;
      try (Statement s = writer.createStatement()) {
        try (ResultSet rs = s.executeQuery("PRAGMA page_size")) {
          rs.next();
          pageSize = rs.getInt(1);
        }
        // The WAL is checkpointed by a thread of its own (WalCheckpointer); the writer's automatic
        // checkpoint is only a backstop should that thread stop.
        s.execute("PRAGMA wal_autocheckpoint = " + WRITER_AUTOCHECKPOINT_BYTES / pageSize);
        s.execute("PRAGMA journal_size_limit = " + WAL_SIZE_LIMIT_BYTES);
      }
      Connection checkpoints = writes.getConnection();
      try (Statement s = checkpoints.createStatement()) {
        s.execute("PRAGMA wal_autocheckpoint = 0");
      }
      checkpointer = new WalCheckpointer(checkpoints, file.getFileName().toString(),
          (int) (WAL_RESTART_BYTES / pageSize));
      HikariConfig config = new HikariConfig();
      config.setDataSource(reads);
      config.setPoolName("sitrep-sqlite-read");
      config.setMaximumPoolSize(SQLITE_READERS);
      config.setMinimumIdle(1);
      readPool = new HikariDataSource(config);
      JdbcStore store = new JdbcStore(Dialect.SQLITE, clock, readPool, writer, checkpointer, readPool);
      store.reindexIfNeeded();
      return store;
    } catch (SQLException | RuntimeException e) {
      if (readPool != null) {
        readPool.close();
      }
      if (checkpointer != null) {
        try {
          checkpointer.close();
        } catch (SQLException ignored) {
          // reporting the first failure
        }
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
      throw new StoreException.Unavailable("cannot open the SQLite store at " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Creates an empty database at {@code file} with {@link #NEW_PAGE_SIZE} pages in WAL mode, unless
   * it holds one already. The page size is fixed by the first write, and the driver may apply its
   * configured journal mode before its page size, so it is set here first.
   */
  private static void createWithPageSize(Path file, String url) throws SQLException {
    try {
      if (Files.exists(file) && Files.size(file) > 0) {
        return;
      }
    } catch (IOException e) {
      throw new SQLException("cannot read the size of " + file, e);
    }
    SQLiteDataSource plain = new SQLiteDataSource();
    plain.setUrl(url);
    try (Connection c = plain.getConnection(); Statement s = c.createStatement()) {
      s.execute("PRAGMA page_size = " + NEW_PAGE_SIZE);
      s.execute("PRAGMA journal_mode = WAL");
    }
  }

  private static SQLiteConfig sqliteConfig(Sync sync, SQLiteConfig.TransactionMode mode) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(sync == Sync.FULL ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    config.setTransactionMode(mode);
    config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    config.setCacheSize(-32_768); // KiB: 32 MiB of page cache per connection
    if (mode == SQLiteConfig.TransactionMode.DEFERRED) {
      config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, String.valueOf(READER_MMAP_BYTES));
    }
    return config;
  }

  private static void migrate(DataSource dataSource, Dialect dialect) {
    Flyway.configure(JdbcStores.class.getClassLoader())
        .dataSource(dataSource)
        .locations(MIGRATIONS)
        .placeholders(dialect.placeholders())
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }

  /** Work done inside {@link #inTransaction}. */
  @FunctionalInterface
  public interface TransactionWork<R> {
    R run() throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction on {@code c}: committed if it returns, rolled back if it
   * throws, and {@code c} left in auto-commit. Shared by every store kept in a Sitrep database.
   */
  public static <R> R inTransaction(Connection c, TransactionWork<R> work) throws SQLException {
    c.setAutoCommit(false);
    boolean committed = false;
    try {
      R result = work.run();
      c.commit();
      committed = true;
      return result;
    } finally {
      if (!committed) {
        try {
          c.rollback();
        } catch (SQLException ignored) {
          // the original failure is the one to report
        }
      }
      try {
        c.setAutoCommit(true);
      } catch (SQLException e) {
        // After SQLITE_FULL (or IOERR) SQLite has already rolled the transaction back, so the
        // driver's closing COMMIT finds none; that must not hide the failure that caused it.
        if (committed) {
          throw e;
        }
      }
    }
  }

  /**
   * The store's refusal for a failed SQL call: {@link StoreException.Full} when the disk or the
   * database is full (SQLite's SQLITE_FULL, PostgreSQL's SQLSTATE 53100 disk_full), else
   * {@link StoreException.Unavailable} (connection lost or refused, class 08; the server shutting
   * down, 57P01-57P03; the pool's connection timeout; a busy or failing engine). Shared with the
   * other stores kept in the same database (the hypothesis store).
   */
  public static StoreException refusal(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && isFull(s)) {
        return new StoreException.Full("the store is full: the database has no room left for the write ("
            + s.getMessage() + ")", e);
      }
    }
    return new StoreException.Unavailable("the database refused the call: " + e.getMessage(), e);
  }

  private static boolean isFull(SQLException e) {
    if (e instanceof SQLiteException sqlite) {
      // The driver keeps the primary result code (an extended one's low byte) as the error code.
      return sqlite.getResultCode() == SQLiteErrorCode.SQLITE_FULL
          || (sqlite.getErrorCode() & 0xff) == SQLiteErrorCode.SQLITE_FULL.code;
    }
    return "53100".equals(e.getSQLState());
  }

  /** {@code url} without its password, in the user-info or in a {@code password=} parameter. */
  public static String redacted(String url) {
    return url.replaceAll("//([^:/@]*):[^@/]*@", "//$1:***@")
        .replaceAll("(?i)([?&]password=)[^&]*", "$1***");
  }
}
