package io.sitrep.server.auth;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.sitrep.core.store.Filter;
import io.sitrep.core.store.Page;
import io.sitrep.core.store.PageRequest;
import io.sitrep.core.store.PageToken;
import io.sitrep.core.store.StoreException;
import io.sitrep.core.store.jdbc.JdbcStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A {@link KeyStore} in SQLite or PostgreSQL, its schema migrated by Flyway from its own location
 * ({@value #MIGRATIONS}) with its own history table ({@value #HISTORY_TABLE}), like the hypothesis
 * store ({@code JdbcAchStores}) and for the same reason: it never shares a namespace with another
 * store's migrations.
 *
 * <ul>
 *   <li>{@link #openSqlite(Path)}: {@code DIR/}{@value #SQLITE_FILE} beside {@code DIR/sitrep.db},
 *       in WAL mode, so {@code sitrep-server keys ...} can add or revoke keys while a server runs
 *       on the same directory;
 *   <li>{@link #open(String)}: a PostgreSQL URL ({@code postgresql://...} or {@code
 *       jdbc:postgresql:...}), schema {@value #POSTGRESQL_SCHEMA} of the same database;
 *       {@code sqlite:DIR} and {@code jdbc:sqlite:/path/sitrep.db} open the SQLite file of that
 *       data directory.
 * </ul>
 *
 * Each write is one statement, so it is atomic without an explicit transaction.
 */
public final class JdbcKeyStore implements KeyStore {
  /** The key store's database file inside a SQLite data directory. */
  public static final String SQLITE_FILE = "keys.db";
  /** The PostgreSQL schema of the key store. */
  public static final String POSTGRESQL_SCHEMA = "sitrep_keys";
  static final String MIGRATIONS = "classpath:io/sitrep/server/auth/migration";
  static final String HISTORY_TABLE = "flyway_keys_history";

  private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final String COLUMNS = "id, principal, role, create_time, revoke_time, salt, hash";
  private static final int BUSY_TIMEOUT_MILLIS = 30_000;
  private static final long NANOS = 1_000_000_000L;

  private final HikariDataSource pool;

  private JdbcKeyStore(HikariDataSource pool) {
    this.pool = pool;
  }

  /** The store in {@code dataDir}/{@value #SQLITE_FILE}, created if absent. */
  public static JdbcKeyStore openSqlite(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new StoreException.Unavailable("cannot create the data directory " + dataDir, e);
    }
    Path file = dataDir.resolve(SQLITE_FILE).toAbsolutePath();
    SQLiteConfig sqlite = new SQLiteConfig();
    sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
    sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    sqlite.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    SQLiteDataSource source = new SQLiteDataSource(sqlite);
    source.setUrl("jdbc:sqlite:" + file);
    try {
      migrate(source, "BLOB", null);
    } catch (RuntimeException e) {
      throw new StoreException.Unavailable("cannot open the key store at " + file + ": " + e.getMessage(), e);
    }
    HikariConfig config = new HikariConfig();
    config.setDataSource(source);
    config.setPoolName("sitrep-keys-sqlite");
    config.setMaximumPoolSize(2);
    config.setMinimumIdle(1);
    return new JdbcKeyStore(new HikariDataSource(config));
  }

  /** The store at {@code url}; see the class documentation for the forms. */
  public static JdbcKeyStore open(String url) {
    return open(url, POSTGRESQL_SCHEMA);
  }

  /** The store at {@code url}, on PostgreSQL in {@code schema} (lower-case letters, digits, _). */
  public static JdbcKeyStore open(String url, String schema) {
    if (url.startsWith("jdbc:sqlite:")) {
      return openSqlite(Path.of(url.substring("jdbc:sqlite:".length())).toAbsolutePath().getParent());
    }
    if (url.startsWith("sqlite:")) {
      return openSqlite(Path.of(url.substring("sqlite:".length())));
    }
    checkArgument(SCHEMA.matcher(schema).matches(), "not a schema name: %s", schema);
    HikariConfig config = JdbcStores.postgresql(url);
    config.setPoolName("sitrep-keys-postgresql");
    config.setMaximumPoolSize(2);
    config.setMinimumIdle(1);
    config.setSchema(schema);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException.Unavailable("cannot connect to " + JdbcStores.redacted(url) + ": " + e.getMessage(), e);
    }
    try {
      migrate(pool, "BYTEA", schema);
      return new JdbcKeyStore(pool);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  private static void migrate(javax.sql.DataSource dataSource, String bytesType, @Nullable String schema) {
    var flyway = Flyway.configure(JdbcKeyStore.class.getClassLoader())
        .dataSource(dataSource)
        .locations(MIGRATIONS)
        .table(HISTORY_TABLE)
        .placeholders(Map.of("bytes_type", bytesType))
        .failOnMissingLocations(true);
    if (schema != null) {
      flyway = flyway.schemas(schema).defaultSchema(schema);
    }
    flyway.load().migrate();
  }

  @Override
  public void insert(Entry entry) {
    ApiKey key = entry.key();
    run(c -> {
      if (find(c, key.id()).isPresent()) {
        throw new StoreException.AlreadyExists(key.name());
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_keys (" + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, key.id());
        ps.setString(2, key.principal());
        ps.setString(3, key.role().name());
        ps.setLong(4, nanos(key.createTime()));
        if (key.revokeTime() == null) {
          ps.setNull(5, Types.BIGINT);
        } else {
          ps.setLong(5, nanos(key.revokeTime()));
        }
        ps.setBytes(6, entry.salt());
        ps.setBytes(7, entry.hash());
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Optional<Entry> get(String id) {
    return run(c -> find(c, id));
  }

  @Override
  public Page<ApiKey> list(int pageSize, String pageToken) {
    PageRequest request = new PageRequest(pageSize, pageToken, Filter.ALL);
    String after = PageToken.decode(request.pageToken(), Filter.ALL);
    List<ApiKey> page = run(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + COLUMNS + " FROM api_keys WHERE id > ? ORDER BY id LIMIT ?")) {
        ps.setString(1, after);
        ps.setInt(2, request.pageSize() + 1);
        return keys(ps);
      }
    });
    boolean more = page.size() > request.pageSize();
    ImmutableList<ApiKey> items = ImmutableList.copyOf(more ? page.subList(0, request.pageSize()) : page);
    return new Page<>(items, more ? PageToken.encode(items.get(items.size() - 1).id(), Filter.ALL) : "");
  }

  @Override
  public ApiKey revoke(String id, Instant when) {
    return run(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE api_keys SET revoke_time = ? WHERE id = ? AND revoke_time IS NULL")) {
        ps.setLong(1, nanos(when));
        ps.setString(2, id);
        ps.executeUpdate();
      }
      return find(c, id).map(Entry::key)
          .orElseThrow(() -> new StoreException.NotFound(ApiKey.COLLECTION + "/" + id));
    });
  }

  @Override
  public boolean hasKeys() {
    return run(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM api_keys LIMIT 1");
          ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    });
  }

  @Override
  public List<ApiKey> validKeysOf(String principal) {
    return run(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + COLUMNS + " FROM api_keys WHERE principal = ? AND revoke_time IS NULL ORDER BY id")) {
        ps.setString(1, principal);
        return keys(ps);
      }
    });
  }

  @Override
  public void close() {
    pool.close();
  }

  private static Optional<Entry> find(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_keys WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new Entry(key(rs), rs.getBytes(6), rs.getBytes(7))) : Optional.empty();
      }
    }
  }

  private static List<ApiKey> keys(PreparedStatement ps) throws SQLException {
    List<ApiKey> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(key(rs));
      }
    }
    return out;
  }

  private static ApiKey key(ResultSet rs) throws SQLException {
    long revoked = rs.getLong(5);
    Instant revokeTime = rs.wasNull() ? null : instant(revoked);
    return new ApiKey(rs.getString(1), rs.getString(2), Principal.Role.valueOf(rs.getString(3)),
        instant(rs.getLong(4)), revokeTime);
  }

  private static long nanos(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), NANOS), t.getNano());
  }

  private static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
  }

  private interface SqlWork<T> {
    T apply(Connection c) throws SQLException;
  }

  private <T> T run(SqlWork<T> work) {
    try (Connection c = pool.getConnection()) {
      return work.apply(c);
    } catch (SQLException e) {
      throw new StoreException.Unavailable("the key store failed: " + e.getMessage(), e);
    }
  }
}
