package io.sitrep.core.store.jdbc;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Joiner;
import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import io.sitrep.core.model.Resource;
import io.sitrep.core.store.BatchException;
import io.sitrep.core.store.BatchResult;
import io.sitrep.core.store.Etags;
import io.sitrep.core.store.Filter;
import io.sitrep.core.store.Page;
import io.sitrep.core.store.PageRequest;
import io.sitrep.core.store.PageToken;
import io.sitrep.core.store.Reference;
import io.sitrep.core.store.ResourceType;
import io.sitrep.core.store.SitrepStore;
import io.sitrep.core.store.StoreException;
import io.sitrep.core.store.Stored;
import io.sitrep.core.store.Version;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SitrepStore} in a SQL database: SQLite or PostgreSQL, one schema (see the migrations
 * under {@code io/sitrep/core/store/jdbc/migration}). Open one with {@link JdbcStores}.
 *
 * <p>Every write is one transaction that first locks the single {@code store_meta} row (on SQLite
 * the writer connection is also guarded by a lock in this process and begins IMMEDIATE), so writes
 * are serialised and every check a write makes holds until it commits. Reads run in parallel on
 * a small pool and never block writes. A refused write rolls back: nothing of it is visible.
 */
public final class JdbcStore implements SitrepStore {
  private static final int SCAN_FETCH_SIZE = 500;
  /** Names per IN list: well under SQLite's 32,766 host parameters. */
  private static final int IN_CHUNK = 500;
  private static final Joiner NEWLINE = Joiner.on('\n');

  private final Dialect dialect;
  private final Clock clock;
  private final DataSource reads;
  /** The one SQLite writer connection, or null on PostgreSQL, where writes take pooled connections. */
  private final @Nullable Connection sqliteWriter;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final AutoCloseable resources;

  JdbcStore(Dialect dialect, Clock clock, DataSource reads, @Nullable Connection sqliteWriter,
      AutoCloseable resources) {
    this.dialect = checkNotNull(dialect);
    this.clock = checkNotNull(clock);
    this.reads = checkNotNull(reads);
    this.sqliteWriter = sqliteWriter;
    this.resources = resources;
  }

  // --- reads ---

  @Override
  public <T extends Resource> Optional<Stored<T>> get(ResourceType<T> type, String name) {
    return read(c -> current(c, type, name));
  }

  @Override
  public <T extends Resource> Optional<Stored<T>> getAsOf(ResourceType<T> type, String name, Instant knownAt) {
    if (!ResourceType.collectionOf(name).equals(type.collection())) {
      return Optional.empty();
    }
    return read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT revision, known_from, change, etag, payload"
          + " FROM versions WHERE name = ? AND known_from <= ? ORDER BY revision DESC LIMIT 1")) {
        ps.setString(1, name);
        ps.setLong(2, Times.toNanos(knownAt));
        Version<T> v;
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          v = version(type, rs);
        }
        if (v.isTombstone()) {
          return Optional.empty();
        }
        Instant created = v.knownFrom();
        if (v.change() != Version.Change.CREATED) {
          try (PreparedStatement cs = c.prepareStatement("SELECT known_from FROM versions"
              + " WHERE name = ? AND revision < ? AND change = 'C' ORDER BY revision DESC LIMIT 1")) {
            cs.setString(1, name);
            cs.setLong(2, v.revision());
            try (ResultSet rs = cs.executeQuery()) {
              if (rs.next()) {
                created = Times.fromNanos(rs.getLong(1));
              }
            }
          }
        }
        return Optional.of(new Stored<>(v.value(), v.revision(), v.etag(), created, v.knownFrom()));
      }
    });
  }

  @Override
  public <T extends Resource> List<Version<T>> history(ResourceType<T> type, String name) {
    if (!ResourceType.collectionOf(name).equals(type.collection())) {
      return List.of();
    }
    return read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT revision, known_from, change, etag, payload"
          + " FROM versions WHERE name = ? ORDER BY revision")) {
        ps.setString(1, name);
        ImmutableList.Builder<Version<T>> out = ImmutableList.builder();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(version(type, rs));
          }
        }
        return out.build();
      }
    });
  }

  @Override
  public <T extends Resource> Page<Stored<T>> list(ResourceType<T> type, PageRequest request) {
    String after = PageToken.decode(request.pageToken(), request.filter());
    Query query = select(type, request.filter(), after, request.pageSize() + 1);
    return read(c -> {
      try (PreparedStatement ps = query.prepare(c)) {
        List<Stored<T>> items = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            items.add(stored(type, rs));
          }
        }
        if (items.size() > request.pageSize()) {
          items = items.subList(0, request.pageSize());
          return new Page<>(items, PageToken.encode(items.get(items.size() - 1).name(), request.filter()));
        }
        return new Page<>(items, "");
      }
    });
  }

  @Override
  public <T extends Resource> Stream<T> scan(ResourceType<T> type, Filter filter) {
    Query query = select(type, filter, "", -1);
    Connection c = null;
    PreparedStatement ps = null;
    ResultSet rs = null;
    try {
      c = reads.getConnection();
      // One statement sees one snapshot; PostgreSQL streams rows only inside a transaction.
      c.setAutoCommit(false);
      ps = query.prepare(c);
      ps.setFetchSize(SCAN_FETCH_SIZE);
      rs = ps.executeQuery();
    } catch (SQLException e) {
      closeQuietly(rs, ps, c);
      throw unavailable(e);
    }
    ResultSet rows = rs;
    AutoCloseable[] held = {rs, ps, c};
    Spliterator<T> spliterator = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
        Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT) {
      @Override
      public boolean tryAdvance(Consumer<? super T> action) {
        try {
          if (!rows.next()) {
            return false;
          }
          action.accept(type.cast(ResourceCodec.decode(rows.getBytes(6))));
          return true;
        } catch (SQLException e) {
          throw unavailable(e);
        }
      }
    };
    Connection conn = c;
    return StreamSupport.stream(spliterator, false).onClose(() -> {
      try {
        conn.rollback();
      } catch (SQLException ignored) {
        // the connection is returned to the pool either way
      }
      closeQuietly(held);
    });
  }

  @Override
  public long count(ResourceType<?> type) {
    return read(c -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table(type))) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  // --- writes ---

  @Override
  public <T extends Resource> Stored<T> create(T resource, @Nullable String requestId) {
    ResourceType<T> type = ResourceType.of(resource);
    return write(c -> {
      long revision = lockRevision(c);
      if (!isNullOrEmpty(requestId)) {
        List<String> replay = requestNames(c, requestId);
        if (replay != null) {
          // The request id may first have named a batch whose first item is of another kind.
          String name = replay.get(0);
          if (!ResourceType.collectionOf(name).equals(type.collection())) {
            throw new StoreException.AlreadyExists(name);
          }
          return current(c, type, name).orElseThrow(() -> new StoreException.NotFound(name));
        }
      }
      if (existing(c, type.collection(), List.of(resource.name())).contains(resource.name())) {
        throw new StoreException.AlreadyExists(resource.name());
      }
      checkReferences(c, resource, Set.of());
      Instant now = clock.instant();
      Writes w = new Writes(c, now);
      Stored<T> stored = w.insertCurrent(resource, ++revision, now);
      w.version(resource.name(), revision, 'C', stored.etag(), resource);
      w.index(resource);
      w.execute();
      if (!isNullOrEmpty(requestId)) {
        insertRequest(c, requestId, List.of(resource.name()), now);
      }
      setRevision(c, revision);
      return stored;
    });
  }

  @Override
  public <T extends Resource> Stored<T> update(T resource, @Nullable String expectedEtag) {
    ResourceType<T> type = ResourceType.of(resource);
    return write(c -> {
      long revision = lockRevision(c);
      Stored<T> old = current(c, type, resource.name())
          .orElseThrow(() -> new StoreException.NotFound(resource.name()));
      if (!isNullOrEmpty(expectedEtag) && !expectedEtag.equals(old.etag())) {
        throw new StoreException.EtagMismatch(resource.name());
      }
      checkReferences(c, resource, Set.of());
      Instant now = clock.instant();
      long rev = ++revision;
      String etag = Etags.of(resource.name(), rev);
      try (PreparedStatement ps = c.prepareStatement("UPDATE " + table(type)
          + " SET revision = ?, etag = ?, update_time = ?, payload = ? WHERE name = ?")) {
        ps.setLong(1, rev);
        ps.setString(2, etag);
        ps.setLong(3, Times.toNanos(now));
        ps.setBytes(4, ResourceCodec.encode(resource));
        ps.setString(5, resource.name());
        ps.executeUpdate();
      }
      Writes w = new Writes(c, now);
      w.version(resource.name(), rev, 'U', etag, resource);
      w.unindex(old.value());
      w.index(resource);
      w.execute();
      setRevision(c, rev);
      return new Stored<>(resource, rev, etag, old.createTime(), now);
    });
  }

  @Override
  public void delete(ResourceType<?> type, String name, @Nullable String expectedEtag) {
    write(c -> {
      deleteIn(c, type, name, expectedEtag);
      return null;
    });
  }

  private <T extends Resource> void deleteIn(Connection c, ResourceType<T> type, String name,
      @Nullable String expectedEtag) throws SQLException {
    long revision = lockRevision(c);
    Stored<T> old = current(c, type, name).orElseThrow(() -> new StoreException.NotFound(name));
    if (!isNullOrEmpty(expectedEtag) && !expectedEtag.equals(old.etag())) {
      throw new StoreException.EtagMismatch(name);
    }
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT from_name FROM refs WHERE to_name = ? AND from_name <> ? ORDER BY from_name LIMIT 1")) {
      ps.setString(1, name);
      ps.setString(2, name);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          throw new StoreException.InUse(name, rs.getString(1));
        }
      }
    }
    Instant now = clock.instant();
    long rev = ++revision;
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table(type) + " WHERE name = ?")) {
      ps.setString(1, name);
      ps.executeUpdate();
    }
    Writes w = new Writes(c, now);
    w.version(name, rev, 'D', Etags.of(name, rev), null);
    w.unindex(old.value());
    w.execute();
    setRevision(c, rev);
  }

  @Override
  public BatchResult createAll(List<? extends Resource> batch, @Nullable String requestId) {
    return write(c -> {
      long revision = lockRevision(c);
      if (!isNullOrEmpty(requestId)) {
        List<String> replay = requestNames(c, requestId);
        if (replay != null) {
          return new BatchResult(ImmutableList.copyOf(replay), true);
        }
      }
      checkBatch(c, batch);
      Instant now = clock.instant();
      Writes w = new Writes(c, now);
      ImmutableList.Builder<String> names = ImmutableList.builderWithExpectedSize(batch.size());
      for (Resource r : batch) {
        Stored<?> stored = w.insertCurrent(r, ++revision, now);
        w.version(r.name(), revision, 'C', stored.etag(), r);
        w.index(r);
        names.add(r.name());
      }
      w.execute();
      ImmutableList<String> stored = names.build();
      if (!isNullOrEmpty(requestId)) {
        insertRequest(c, requestId, stored, now);
      }
      setRevision(c, revision);
      return new BatchResult(stored, false);
    });
  }

  /**
   * Refuses the batch at its first bad item: a name taken (in the store or earlier in the batch),
   * then a reference that resolves neither in the store nor anywhere in the batch.
   */
  private void checkBatch(Connection c, List<? extends Resource> batch) throws SQLException {
    Map<String, List<String>> byCollection = new HashMap<>();
    Set<String> inBatch = new HashSet<>();
    List<Set<Reference>> refs = new ArrayList<>(batch.size());
    for (Resource r : batch) {
      byCollection.computeIfAbsent(ResourceType.of(r).collection(), k -> new ArrayList<>()).add(r.name());
      inBatch.add(r.name());
    }
    for (Resource r : batch) {
      Set<Reference> rs = Indexes.references(r);
      refs.add(rs);
      for (Reference ref : rs) {
        if (!inBatch.contains(ref.name())) {
          byCollection.computeIfAbsent(ref.collection(), k -> new ArrayList<>()).add(ref.name());
        }
      }
    }
    Set<String> existing = new HashSet<>();
    for (var e : byCollection.entrySet()) {
      existing.addAll(existing(c, e.getKey(), e.getValue()));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < batch.size(); i++) {
      Resource r = batch.get(i);
      if (!seen.add(r.name()) || existing.contains(r.name())) {
        throw new BatchException(i, new StoreException.AlreadyExists(r.name()));
      }
      for (Reference ref : refs.get(i)) {
        if (!inBatch.contains(ref.name()) && !existing.contains(ref.name())) {
          throw new BatchException(i, new StoreException.ReferenceNotFound(ref.field(), ref.name()));
        }
      }
    }
  }

  @Override
  public void close() {
    writeLock.lock();
    try {
      if (sqliteWriter != null) {
        sqliteWriter.close();
      }
      resources.close();
    } catch (Exception e) {
      throw new StoreException.Unavailable("closing the store failed: " + e.getMessage(), e);
    } finally {
      writeLock.unlock();
    }
  }

  // --- helpers, inside a transaction or a read ---

  /** Rebuilds {@code refs} and {@code filter_values} from the current payloads if their definition changed. */
  void reindexIfNeeded() {
    String fingerprint = Indexes.fingerprint();
    write(c -> {
      lockRevision(c);
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT index_fingerprint FROM store_meta WHERE id = 1")) {
        rs.next();
        if (fingerprint.equals(rs.getString(1))) {
          return null;
        }
      }
      try (Statement s = c.createStatement()) {
        s.executeUpdate("DELETE FROM refs");
        s.executeUpdate("DELETE FROM filter_values");
      }
      for (ResourceType<?> type : ResourceType.ALL) {
        Writes w = new Writes(c, clock.instant());
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT payload FROM " + table(type))) {
          while (rs.next()) {
            w.index(ResourceCodec.decode(rs.getBytes(1)));
            if (w.pending() >= 10_000) {
              w.execute();
            }
          }
        }
        w.execute();
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE store_meta SET index_fingerprint = ? WHERE id = 1")) {
        ps.setString(1, fingerprint);
        ps.executeUpdate();
      }
      return null;
    });
  }

  private long lockRevision(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT last_revision FROM store_meta WHERE id = 1" + dialect.forUpdate())) {
      if (!rs.next()) {
        throw new SQLException("store_meta has no row: the schema was not migrated");
      }
      return rs.getLong(1);
    }
  }

  private static void setRevision(Connection c, long revision) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE store_meta SET last_revision = ? WHERE id = 1")) {
      ps.setLong(1, revision);
      ps.executeUpdate();
    }
  }

  private static @Nullable List<String> requestNames(Connection c, String requestId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT names FROM requests WHERE request_id = ?")) {
      ps.setString(1, requestId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        String names = rs.getString(1);
        return names.isEmpty() ? List.of() : Splitter.on('\n').splitToList(names);
      }
    }
  }

  private static void insertRequest(Connection c, String requestId, List<String> names, Instant now)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO requests (request_id, names, create_time) VALUES (?, ?, ?)")) {
      ps.setString(1, requestId);
      ps.setString(2, NEWLINE.join(names));
      ps.setLong(3, Times.toNanos(now));
      ps.executeUpdate();
    }
  }

  /** Which of {@code names} are live in {@code collection}. */
  private Set<String> existing(Connection c, String collection, List<String> names) throws SQLException {
    Set<String> out = new HashSet<>();
    if (names.isEmpty() || !isCollection(collection)) {
      return out;
    }
    if (dialect == Dialect.POSTGRESQL) {
      try (PreparedStatement ps = c.prepareStatement("SELECT name FROM " + collection + " WHERE name = ANY(?)")) {
        ps.setArray(1, c.createArrayOf("text", names.toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getString(1));
          }
        }
      }
      return out;
    }
    // SQLite: chunks of IN lists, one statement per chunk rather than one per name.
    List<String> distinct = new ArrayList<>(new HashSet<>(names));
    for (int from = 0; from < distinct.size(); from += IN_CHUNK) {
      List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + IN_CHUNK));
      String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement ps = c.prepareStatement("SELECT name FROM " + collection + " WHERE name IN (" + marks + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 1, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getString(1));
          }
        }
      }
    }
    return out;
  }

  private <T extends Resource> void checkReferences(Connection c, T resource, Set<String> alsoExisting)
      throws SQLException {
    for (Reference ref : Indexes.references(resource)) {
      if (!alsoExisting.contains(ref.name())
          && !existing(c, ref.collection(), List.of(ref.name())).contains(ref.name())) {
        throw new StoreException.ReferenceNotFound(ref.field(), ref.name());
      }
    }
  }

  private <T extends Resource> Optional<Stored<T>> current(Connection c, ResourceType<T> type, String name)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT name, revision, etag, create_time, update_time, payload"
        + " FROM " + table(type) + " WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(stored(type, rs)) : Optional.empty();
      }
    }
  }

  /** Reads (name, revision, etag, create_time, update_time, payload). */
  private static <T extends Resource> Stored<T> stored(ResourceType<T> type, ResultSet rs) throws SQLException {
    return new Stored<>(type.cast(ResourceCodec.decode(rs.getBytes(6))), rs.getLong(2), rs.getString(3),
        Times.fromNanos(rs.getLong(4)), Times.fromNanos(rs.getLong(5)));
  }

  /** Reads (revision, known_from, change, etag, payload). */
  private static <T extends Resource> Version<T> version(ResourceType<T> type, ResultSet rs) throws SQLException {
    byte[] payload = rs.getBytes(5);
    Version.Change change = switch (rs.getString(3).charAt(0)) {
      case 'C' -> Version.Change.CREATED;
      case 'U' -> Version.Change.UPDATED;
      case 'D' -> Version.Change.DELETED;
      default -> throw new IllegalStateException("unknown change " + rs.getString(3));
    };
    return new Version<>(rs.getLong(1), payload == null ? null : type.cast(ResourceCodec.decode(payload)),
        Times.fromNanos(rs.getLong(2)), change, rs.getString(4));
  }

  /** A select of current rows after {@code after} in name order, driven by the first condition's index rows. */
  private static Query select(ResourceType<?> type, Filter filter, String after, int limit) {
    String columns = "t.name, t.revision, t.etag, t.create_time, t.update_time, t.payload";
    List<String> args = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    List<Filter.Condition> conditions = filter.conditions();
    for (Filter.Condition condition : conditions) {
      if (!type.filterFieldNames().contains(condition.field())) {
        throw new IllegalArgumentException("no filter field " + condition.field() + " on " + type.collection());
      }
    }
    if (conditions.isEmpty()) {
      sql.append("SELECT ").append(columns).append(" FROM ").append(table(type)).append(" t WHERE t.name > ?");
      args.add(after);
    } else {
      Filter.Condition first = conditions.get(0);
      sql.append("SELECT ").append(columns).append(" FROM filter_values f JOIN ").append(table(type))
          .append(" t ON t.name = f.name WHERE f.collection = ? AND f.field = ? AND f.value = ? AND f.name > ?");
      args.addAll(List.of(type.collection(), first.field(), first.value(), after));
      for (Filter.Condition more : conditions.subList(1, conditions.size())) {
        sql.append(" AND EXISTS (SELECT 1 FROM filter_values g WHERE g.collection = ? AND g.field = ?"
            + " AND g.value = ? AND g.name = f.name)");
        args.addAll(List.of(type.collection(), more.field(), more.value()));
      }
    }
    sql.append(conditions.isEmpty() ? " ORDER BY t.name" : " ORDER BY f.name");
    if (limit > 0) {
      sql.append(" LIMIT ").append(limit);
    }
    return new Query(sql.toString(), args);
  }

  private record Query(String sql, List<String> args) {
    PreparedStatement prepare(Connection c) throws SQLException {
      PreparedStatement ps = c.prepareStatement(sql);
      for (int i = 0; i < args.size(); i++) {
        ps.setString(i + 1, args.get(i));
      }
      return ps;
    }
  }

  private static String table(ResourceType<?> type) {
    return type.collection();
  }

  private static boolean isCollection(String collection) {
    for (ResourceType<?> t : ResourceType.ALL) {
      if (t.collection().equals(collection)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNullOrEmpty(@Nullable String s) {
    return s == null || s.isEmpty();
  }

  /** The batched inserts and deletes of one write, executed together. */
  private static final class Writes {
    private final Connection c;
    private final Map<String, PreparedStatement> current = new HashMap<>();
    private final List<PreparedStatement> all = new ArrayList<>();
    private PreparedStatement versions;
    private PreparedStatement refs;
    private PreparedStatement values;
    private PreparedStatement unrefs;
    private PreparedStatement unvalues;
    private final Instant now;
    private int pending;

    Writes(Connection c, Instant now) {
      this.c = c;
      this.now = now;
    }

    private PreparedStatement prepare(String sql) throws SQLException {
      PreparedStatement ps = c.prepareStatement(sql);
      all.add(ps);
      return ps;
    }

    <T extends Resource> Stored<T> insertCurrent(T r, long revision, Instant now) throws SQLException {
      String collection = ResourceType.of(r).collection();
      PreparedStatement ps = current.get(collection);
      if (ps == null) {
        ps = prepare("INSERT INTO " + collection
            + " (name, revision, etag, create_time, update_time, payload) VALUES (?, ?, ?, ?, ?, ?)");
        current.put(collection, ps);
      }
      String etag = Etags.of(r.name(), revision);
      long t = Times.toNanos(now);
      ps.setString(1, r.name());
      ps.setLong(2, revision);
      ps.setString(3, etag);
      ps.setLong(4, t);
      ps.setLong(5, t);
      ps.setBytes(6, ResourceCodec.encode(r));
      ps.addBatch();
      pending++;
      return new Stored<>(r, revision, etag, now, now);
    }

    void version(String name, long revision, char change, String etag, @Nullable Resource value)
        throws SQLException {
      if (versions == null) {
        versions = prepare("INSERT INTO versions (name, revision, known_from, change, etag, payload)"
            + " VALUES (?, ?, ?, ?, ?, ?)");
      }
      versions.setString(1, name);
      versions.setLong(2, revision);
      versions.setLong(3, Times.toNanos(now));
      versions.setString(4, String.valueOf(change));
      versions.setString(5, etag);
      versions.setBytes(6, value == null ? null : ResourceCodec.encode(value));
      versions.addBatch();
      pending++;
    }

    void index(Resource r) throws SQLException {
      if (refs == null) {
        refs = prepare("INSERT INTO refs (to_name, from_name, field) VALUES (?, ?, ?)");
        values = prepare("INSERT INTO filter_values (collection, field, value, name) VALUES (?, ?, ?, ?)");
      }
      for (Reference ref : Indexes.references(r)) {
        refs.setString(1, ref.name());
        refs.setString(2, r.name());
        refs.setString(3, ref.field());
        refs.addBatch();
        pending++;
      }
      String collection = ResourceType.of(r).collection();
      for (Indexes.FilterValue v : Indexes.filterValues(r)) {
        values.setString(1, collection);
        values.setString(2, v.field());
        values.setString(3, v.value());
        values.setString(4, r.name());
        values.addBatch();
        pending++;
      }
    }

    void unindex(Resource r) throws SQLException {
      if (unrefs == null) {
        unrefs = prepare("DELETE FROM refs WHERE to_name = ? AND from_name = ? AND field = ?");
        unvalues = prepare("DELETE FROM filter_values WHERE collection = ? AND field = ? AND value = ? AND name = ?");
      }
      for (Reference ref : Indexes.references(r)) {
        unrefs.setString(1, ref.name());
        unrefs.setString(2, r.name());
        unrefs.setString(3, ref.field());
        unrefs.addBatch();
      }
      String collection = ResourceType.of(r).collection();
      for (Indexes.FilterValue v : Indexes.filterValues(r)) {
        unvalues.setString(1, collection);
        unvalues.setString(2, v.field());
        unvalues.setString(3, v.value());
        unvalues.setString(4, r.name());
        unvalues.addBatch();
      }
    }

    int pending() {
      return pending;
    }

    /** Runs the batches: deletes of old index rows before inserts of new ones. */
    void execute() throws SQLException {
      try {
        for (PreparedStatement ps : new PreparedStatement[] {unrefs, unvalues}) {
          if (ps != null) {
            ps.executeBatch();
          }
        }
        for (PreparedStatement ps : current.values()) {
          ps.executeBatch();
        }
        for (PreparedStatement ps : new PreparedStatement[] {versions, refs, values}) {
          if (ps != null) {
            ps.executeBatch();
          }
        }
      } finally {
        for (PreparedStatement ps : all) {
          ps.close();
        }
        all.clear();
        current.clear();
        versions = refs = values = unrefs = unvalues = null;
        pending = 0;
      }
    }
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
    c.setAutoCommit(false);
    boolean committed = false;
    try {
      R result = work.run(c);
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
      c.setAutoCommit(true);
    }
  }

  private static StoreException.Unavailable unavailable(SQLException e) {
    return new StoreException.Unavailable("the database refused the call: " + e.getMessage(), e);
  }

  private static void closeQuietly(@Nullable AutoCloseable... closeables) {
    for (AutoCloseable c : closeables) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception ignored) {
          // closing on the way out; nothing to add
        }
      }
    }
  }
}
