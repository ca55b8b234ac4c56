package io.sitrep.core.ach.jdbc;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.sitrep.core.ach.AchMatrix;
import io.sitrep.core.ach.AchStore;
import io.sitrep.core.ach.StoredAchMatrix;
import io.sitrep.core.store.Etags;
import io.sitrep.core.store.Filter;
import io.sitrep.core.store.Page;
import io.sitrep.core.store.PageRequest;
import io.sitrep.core.store.PageToken;
import io.sitrep.core.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * An {@link AchStore} in SQLite or PostgreSQL, keeping the {@code AchStoreContract}. Every write is
 * one transaction that first locks the single {@code ach_meta} row (BEGIN IMMEDIATE on SQLite,
 * {@code SELECT ... FOR UPDATE} on PostgreSQL), so writes are serialised across processes too and
 * every check happens before any change: a refused call rolls back and changes nothing. Every
 * version is kept in {@code ach_versions}, with when the store learned of it ({@link #history}).
 * Open one with {@link JdbcAchStores}.
 */
public final class JdbcAchStore implements AchStore {
  private static final long NANOS = 1_000_000_000L;
  private static final String COLUMNS = "name, revision, etag, create_time, update_time, payload";

  /** One version of a matrix: {@code matrix} is empty for the tombstone of a delete. */
  public record Version(String name, long revision, String etag, Instant knownFrom, Change change,
      Optional<AchMatrix> matrix) {}

  /** What a version did. */
  public enum Change { CREATED, UPDATED, DELETED }

  private final boolean postgresql;
  private final Clock clock;
  private final DataSource reads;
  private final @Nullable Connection sqliteWriter;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final AutoCloseable resources;

  JdbcAchStore(boolean postgresql, Clock clock, DataSource reads, @Nullable Connection sqliteWriter,
      AutoCloseable resources) {
    this.postgresql = postgresql;
    this.clock = checkNotNull(clock, "clock");
    this.reads = reads;
    this.sqliteWriter = sqliteWriter;
    this.resources = resources;
  }

  @Override
  public Optional<StoredAchMatrix> get(String name) {
    AchStore.checkName(name);
    return read(c -> current(c, name));
  }

  @Override
  public Page<StoredAchMatrix> list(int pageSize, String pageToken) {
    PageRequest request = new PageRequest(pageSize, pageToken, Filter.ALL);
    String after = PageToken.decode(request.pageToken(), Filter.ALL);
    List<StoredAchMatrix> page = read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + COLUMNS + " FROM ach_matrices WHERE name > ? ORDER BY name LIMIT ?")) {
        ps.setString(1, after);
        ps.setInt(2, request.pageSize() + 1);
        List<StoredAchMatrix> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(stored(rs));
          }
        }
        return out;
      }
    });
    boolean more = page.size() > request.pageSize();
    if (more) {
      page = page.subList(0, request.pageSize());
    }
    return new Page<>(page, more ? PageToken.encode(page.get(page.size() - 1).name(), Filter.ALL) : "");
  }

  @Override
  public StoredAchMatrix create(String name, AchMatrix matrix, @Nullable String requestId) {
    AchStore.checkName(name);
    checkNotNull(matrix, "matrix");
    byte[] payload = AchMatrixCodec.encode(matrix);
    boolean idempotent = requestId != null && !requestId.isEmpty();
    return write(c -> {
      long revision = lockRevision(c) + 1;
      if (idempotent) {
        Optional<StoredAchMatrix> answered = answered(c, requestId);
        if (answered.isPresent()) {
          return answered.get();
        }
      }
      if (current(c, name).isPresent()) {
        throw new StoreException.AlreadyExists(name);
      }
      Instant now = clock.instant();
      StoredAchMatrix stored = new StoredAchMatrix(name, matrix, revision, Etags.of(name, revision), now, now);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO ach_matrices (" + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, name);
        ps.setLong(2, revision);
        ps.setString(3, stored.etag());
        ps.setLong(4, nanos(now));
        ps.setLong(5, nanos(now));
        ps.setBytes(6, payload);
        ps.executeUpdate();
      }
      insertVersion(c, name, revision, now, Change.CREATED, stored.etag(), payload);
      if (idempotent) {
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO ach_requests (request_id, name, revision) VALUES (?, ?, ?)")) {
          ps.setString(1, requestId);
          ps.setString(2, name);
          ps.setLong(3, revision);
          ps.executeUpdate();
        }
      }
      setRevision(c, revision);
      return stored;
    });
  }

  @Override
  public StoredAchMatrix update(String name, AchMatrix matrix, @Nullable String expectedEtag) {
    AchStore.checkName(name);
    checkNotNull(matrix, "matrix");
    byte[] payload = AchMatrixCodec.encode(matrix);
    return write(c -> {
      long revision = lockRevision(c) + 1;
      StoredAchMatrix current = checked(c, name, expectedEtag);
      Instant now = clock.instant();
      Instant updated = now.isBefore(current.createTime()) ? current.createTime() : now;
      StoredAchMatrix stored = new StoredAchMatrix(name, matrix, revision, Etags.of(name, revision),
          current.createTime(), updated);
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE ach_matrices SET revision = ?, etag = ?, update_time = ?, payload = ? WHERE name = ?")) {
        ps.setLong(1, revision);
        ps.setString(2, stored.etag());
        ps.setLong(3, nanos(updated));
        ps.setBytes(4, payload);
        ps.setString(5, name);
        ps.executeUpdate();
      }
      insertVersion(c, name, revision, now, Change.UPDATED, stored.etag(), payload);
      setRevision(c, revision);
      return stored;
    });
  }

  @Override
  public void delete(String name, @Nullable String expectedEtag) {
    AchStore.checkName(name);
    write(c -> {
      long revision = lockRevision(c) + 1;
      checked(c, name, expectedEtag);
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM ach_matrices WHERE name = ?")) {
        ps.setString(1, name);
        ps.executeUpdate();
      }
      insertVersion(c, name, revision, clock.instant(), Change.DELETED, Etags.of(name, revision), null);
      setRevision(c, revision);
      return null;
    });
  }

  /** Every version of {@code name} the store has known, oldest first; empty if it never existed. */
  public ImmutableList<Version> history(String name) {
    AchStore.checkName(name);
    return read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT revision, etag, known_from, change, payload"
          + " FROM ach_versions WHERE name = ? ORDER BY revision")) {
        ps.setString(1, name);
        ImmutableList.Builder<Version> out = ImmutableList.builder();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            byte[] payload = rs.getBytes(5);
            Change change = switch (rs.getString(4)) {
              case "C" -> Change.CREATED;
              case "U" -> Change.UPDATED;
              default -> Change.DELETED;
            };
            out.add(new Version(name, rs.getLong(1), rs.getString(2), instant(rs.getLong(3)), change,
                payload == null ? Optional.empty() : Optional.of(AchMatrixCodec.decode(payload))));
          }
        }
        return out.build();
      }
    });
  }

  @Override
  public void close() {
    try {
      if (sqliteWriter != null) {
        sqliteWriter.close();
      }
      resources.close();
    } catch (Exception e) {
      throw new StoreException.Unavailable("closing the hypothesis matrix store failed: " + e.getMessage(), e);
    }
  }

  // --- rows ---

  private static Optional<StoredAchMatrix> current(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM ach_matrices WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(stored(rs)) : Optional.empty();
      }
    }
  }

  private static StoredAchMatrix checked(Connection c, String name, @Nullable String expectedEtag)
      throws SQLException {
    StoredAchMatrix current = current(c, name).orElseThrow(() -> new StoreException.NotFound(name));
    if (expectedEtag != null && !expectedEtag.isEmpty() && !expectedEtag.equals(current.etag())) {
      throw new StoreException.EtagMismatch(name);
    }
    return current;
  }

  /** What the create with {@code requestId} answered, read back from the version it stored. */
  private static Optional<StoredAchMatrix> answered(Connection c, String requestId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT v.name, v.revision, v.etag, v.known_from, v.payload"
        + " FROM ach_requests r JOIN ach_versions v ON v.name = r.name AND v.revision = r.revision"
        + " WHERE r.request_id = ?")) {
      ps.setString(1, requestId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        Instant created = instant(rs.getLong(4));
        return Optional.of(new StoredAchMatrix(rs.getString(1), AchMatrixCodec.decode(rs.getBytes(5)),
            rs.getLong(2), rs.getString(3), created, created));
      }
    }
  }

  private static StoredAchMatrix stored(ResultSet rs) throws SQLException {
    return new StoredAchMatrix(rs.getString(1), AchMatrixCodec.decode(rs.getBytes(6)), rs.getLong(2),
        rs.getString(3), instant(rs.getLong(4)), instant(rs.getLong(5)));
  }

  private static void insertVersion(Connection c, String name, long revision, Instant knownFrom, Change change,
      String etag, byte @Nullable [] payload) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO ach_versions"
        + " (name, revision, known_from, change, etag, payload) VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, name);
      ps.setLong(2, revision);
      ps.setLong(3, nanos(knownFrom));
      ps.setString(4, change.name().substring(0, 1));
      ps.setString(5, etag);
      ps.setBytes(6, payload);
      ps.executeUpdate();
    }
  }

  private long lockRevision(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT last_revision FROM ach_meta WHERE id = 1"
            + (postgresql ? " FOR UPDATE" : ""))) {
      if (!rs.next()) {
        throw new SQLException("ach_meta has no row: the schema was not migrated");
      }
      return rs.getLong(1);
    }
  }

  private static void setRevision(Connection c, long revision) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE ach_meta SET last_revision = ? WHERE id = 1")) {
      ps.setLong(1, revision);
      ps.executeUpdate();
    }
  }

  static long nanos(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), NANOS), t.getNano());
  }

  static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
  }

  // --- transactions ---

  @FunctionalInterface
  private interface SqlWork<R> {
    R run(Connection c) throws SQLException;
  }

  private <R> R read(SqlWork<R> work) {
    try (Connection c = reads.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  /** Runs {@code work} as one transaction: committed if it returns, rolled back if it throws. */
  private <R> R write(SqlWork<R> work) {
    writeLock.lock();
    try {
      if (sqliteWriter != null) {
        return inTransaction(sqliteWriter, work);
      }
      try (Connection c = reads.getConnection()) {
        return inTransaction(c, work);
      }
    } catch (SQLException e) {
      throw unavailable(e);
    } finally {
      writeLock.unlock();
    }
  }

  private static <R> R inTransaction(Connection c, SqlWork<R> work) throws SQLException {
    return io.sitrep.core.store.jdbc.JdbcStores.inTransaction(c, () -> work.run(c));
  }

  private static StoreException unavailable(SQLException e) {
    return io.sitrep.core.store.jdbc.JdbcStores.refusal(e);
  }
}
