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
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
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
 *
 * <p>A created resource costs one row of its collection's table (payload, bookkeeping and its
 * single-valued filter fields as indexed columns), plus a {@code refs} row per reference not held
 * in a column and a {@code filter_values} row per value of a multi-valued filter field. Rows are
 * written by multi-row INSERTs; the SQLite writer keeps its prepared statements.
 */
public final class JdbcStore implements SitrepStore {
  private static final int SCAN_FETCH_SIZE = 500;
  /** Names per IN list: well under SQLite's 32,766 host parameters; shorter lists are padded to a few sizes. */
  private static final int[] IN_SIZES = {1, 8, 64, 500};
  /** Rows per multi-row INSERT, fewer for wide rows so a statement stays under 2,000 parameters. */
  private static final int ROWS_PER_INSERT = 100;
  private static final int MAX_PARAMS_PER_INSERT = 2_000;
  /** Prepared statements the SQLite writer keeps. */
  private static final int STATEMENT_CACHE = 128;
  private static final int REINDEX_PAGE = 10_000;
  private static final Joiner NEWLINE = Joiner.on('\n');
  private static final Map<String, String> INSERT_SQL = new java.util.concurrent.ConcurrentHashMap<>();
  private static final String CURRENT_COLUMNS = "name, revision, etag, create_time, update_time, payload";
  /**
   * The etag column of a version whose etag is {@code Etags.of(name, revision)}: every version
   * this store writes (created, updated, deleted), so no write hashes a name. Rows written before
   * V6 hold the same etag spelled out, and are read as they are.
   */
  private static final String DERIVED_ETAG = "";

  private final Dialect dialect;
  private final Clock clock;
  private final DataSource reads;
  /** The one SQLite writer connection, or null on PostgreSQL, where writes take pooled connections. */
  private final @Nullable Connection sqliteWriter;
  /** The SQLite writer's prepared statements by SQL, least recently used first; guarded by writeLock. */
  private final Map<String, PreparedStatement> writerStatements =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
          if (size() > STATEMENT_CACHE) {
            closeQuietly(eldest.getValue());
            return true;
          }
          return false;
        }
      };
  private final ReentrantLock writeLock = new ReentrantLock();
  /** Checkpoints the SQLite writer's WAL off the writer's thread; null on PostgreSQL. */
  private final @Nullable WalCheckpointer checkpointer;
  private final AutoCloseable resources;

  JdbcStore(Dialect dialect, Clock clock, DataSource reads, @Nullable Connection sqliteWriter,
      @Nullable WalCheckpointer checkpointer, AutoCloseable resources) {
    this.dialect = checkNotNull(dialect);
    this.clock = checkNotNull(clock);
    this.reads = checkNotNull(reads);
    this.sqliteWriter = sqliteWriter;
    this.checkpointer = checkpointer;
    this.resources = resources;
  }

  // --- reads ---

  @Override
  public <T extends Resource> Optional<Stored<T>> get(ResourceType<T> type, String name) {
    return read(tx -> current(tx, type, name));
  }

  @Override
  public <T extends Resource> Optional<Stored<T>> getAsOf(ResourceType<T> type, String name, Instant knownAt) {
    if (!ResourceType.collectionOf(name).equals(type.collection())) {
      return Optional.empty();
    }
    long at = Times.toNanosSaturated(knownAt);
    return read(tx -> {
      // The newest version known at the instant: a superseded one in versions, or the current row.
      PreparedStatement ps = tx.prepare("SELECT revision, known_from, change, etag, payload, author, 0 AS live,"
          + " 0 AS created FROM versions WHERE name = ? AND known_from <= ?"
          + " UNION ALL SELECT revision, update_time, change, etag, payload, author, 1, create_time FROM " + table(type)
          + " WHERE name = ? AND update_time <= ? ORDER BY 1 DESC LIMIT 1");
      ps.setString(1, name);
      ps.setLong(2, at);
      ps.setString(3, name);
      ps.setLong(4, at);
      Version<T> v;
      Instant created;
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        v = version(type, name, rs);
        created = rs.getInt(7) == 1 ? Times.fromNanos(rs.getLong(8)) : v.knownFrom();
        if (v.isTombstone()) {
          return Optional.empty();
        }
        if (rs.getInt(7) == 1 || v.change() == Version.Change.CREATED) {
          return Optional.of(new Stored<>(v.value(), v.revision(), v.etag(), created, v.knownFrom()));
        }
      }
      // A superseded update: its creation is the last create before it, also superseded.
      PreparedStatement cs = tx.prepare("SELECT known_from FROM versions"
          + " WHERE name = ? AND revision < ? AND change = 'C' ORDER BY revision DESC LIMIT 1");
      cs.setString(1, name);
      cs.setLong(2, v.revision());
      try (ResultSet rs = cs.executeQuery()) {
        if (rs.next()) {
          created = Times.fromNanos(rs.getLong(1));
        }
      }
      return Optional.of(new Stored<>(v.value(), v.revision(), v.etag(), created, v.knownFrom()));
    });
  }

  @Override
  public <T extends Resource> List<Version<T>> history(ResourceType<T> type, String name) {
    if (!ResourceType.collectionOf(name).equals(type.collection())) {
      return List.of();
    }
    return read(tx -> {
      PreparedStatement ps = tx.prepare("SELECT revision, known_from, change, etag, payload, author FROM versions"
          + " WHERE name = ? UNION ALL SELECT revision, update_time, change, etag, payload, author FROM " + table(type)
          + " WHERE name = ? ORDER BY 1");
      ps.setString(1, name);
      ps.setString(2, name);
      ImmutableList.Builder<Version<T>> out = ImmutableList.builder();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(version(type, name, rs));
        }
      }
      return out.build();
    });
  }

  @Override
  public <T extends Resource> Page<Stored<T>> list(ResourceType<T> type, PageRequest request) {
    String after = PageToken.decode(request.pageToken(), request.filter());
    Query query = select(type, request.filter(), after, request.pageSize() + 1);
    return read(tx -> {
      PreparedStatement ps = query.prepare(tx);
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
      ps = c.prepareStatement(query.sql());
      query.bind(ps);
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

  /**
   * The engine's plan for the first page of a listing filtered by {@code filter}, one step a line
   * (SQLite's EXPLAIN QUERY PLAN details): for tests that filtered listings read indexes, not
   * whole tables. SQLite only.
   */
  String queryPlan(ResourceType<?> type, Filter filter) {
    if (dialect != Dialect.SQLITE) {
      throw new UnsupportedOperationException("query plans are read on SQLite only");
    }
    Query query = select(type, filter, "", 51);
    return read(tx -> {
      PreparedStatement ps = tx.prepare("EXPLAIN QUERY PLAN " + query.sql());
      query.bind(ps);
      StringBuilder plan = new StringBuilder();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString("detail")).append('\n');
        }
      }
      return plan.toString();
    });
  }

  @Override
  public long count(ResourceType<?> type) {
    return read(tx -> {
      try (ResultSet rs = tx.prepare("SELECT COUNT(*) FROM " + table(type)).executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  @Override
  public Set<String> existing(Collection<String> names) {
    Map<String, Set<String>> byCollection = new HashMap<>();
    for (String name : names) {
      byCollection.computeIfAbsent(ResourceType.collectionOf(name), k -> new HashSet<>()).add(name);
    }
    return read(tx -> {
      Set<String> found = new HashSet<>();
      for (var e : byCollection.entrySet()) {
        found.addAll(existing(tx, e.getKey(), e.getValue()));
      }
      return found;
    });
  }

  // --- writes ---

  @Override
  public <T extends Resource> Stored<T> create(T resource, @Nullable String requestId, @Nullable String author) {
    ResourceType<T> type = ResourceType.of(resource);
    return write(tx -> {
      long revision = lockRevision(tx);
      if (!isNullOrEmpty(requestId)) {
        List<String> replay = requestNames(tx, requestId);
        // An empty batch stored nothing, so there is nothing to replay (data dirs before this fix may
        // remember one): the id is free for this create.
        if (replay != null && !replay.isEmpty()) {
          // The request id may first have named a batch whose first item is of another kind.
          String name = replay.get(0);
          if (!ResourceType.collectionOf(name).equals(type.collection())) {
            throw new StoreException.AlreadyExists(name);
          }
          return current(tx, type, name).orElseThrow(() -> new StoreException.NotFound(name));
        }
      }
      if (existing(tx, type.collection(), List.of(resource.name())).contains(resource.name())) {
        throw new StoreException.AlreadyExists(resource.name());
      }
      Indexes.Derived d = Indexes.derive(resource);
      checkReferences(tx, d.references());
      Instant now = clock.instant();
      Writes w = new Writes(now, SitrepStore.authorOrAnonymous(author));
      Stored<T> stored = w.insertCurrent(d, resource, ++revision, 'C');
      w.index(d);
      w.execute(tx);
      if (!isNullOrEmpty(requestId)) {
        insertRequest(tx, requestId, List.of(resource.name()), now);
      }
      setRevision(tx, revision);
      return stored;
    });
  }

  @Override
  public <T extends Resource> Stored<T> update(T resource, @Nullable String expectedEtag, @Nullable String author) {
    ResourceType<T> type = ResourceType.of(resource);
    return write(tx -> {
      long revision = lockRevision(tx);
      Stored<T> old = current(tx, type, resource.name())
          .orElseThrow(() -> new StoreException.NotFound(resource.name()));
      if (!isNullOrEmpty(expectedEtag) && !expectedEtag.equals(old.etag())) {
        throw new StoreException.EtagMismatch(resource.name());
      }
      Indexes.Derived d = Indexes.derive(resource);
      checkReferences(tx, d.references());
      Instant now = clock.instant();
      long rev = ++revision;
      String etag = Etags.of(resource.name(), rev);
      archiveCurrent(tx, type, resource.name());
      List<Indexes.Column> columns = Indexes.columns(type.collection());
      StringBuilder sql = new StringBuilder("UPDATE ").append(table(type))
          .append(" SET revision = ?, etag = ?, update_time = ?, change = 'U', payload = ?, author = ?");
      columns.forEach(col -> sql.append(", ").append(col.column()).append(" = ?"));
      sql.append(" WHERE name = ?");
      PreparedStatement ps = tx.prepare(sql.toString());
      ps.setLong(1, rev);
      ps.setString(2, DERIVED_ETAG);
      ps.setLong(3, Times.toNanos(now));
      ps.setBytes(4, ResourceCodec.encode(resource));
      ps.setString(5, SitrepStore.authorOrAnonymous(author));
      for (int i = 0; i < columns.size(); i++) {
        setText(ps, 6 + i, d.columnValues()[i]);
      }
      ps.setString(6 + columns.size(), resource.name());
      ps.executeUpdate();
      unindex(tx, Indexes.derive(old.value()));
      Writes w = new Writes(now, SitrepStore.authorOrAnonymous(author));
      w.index(d);
      w.execute(tx);
      setRevision(tx, rev);
      return new Stored<>(resource, rev, etag, old.createTime(), now);
    });
  }

  @Override
  public void delete(ResourceType<?> type, String name, @Nullable String expectedEtag, @Nullable String author) {
    write(tx -> {
      deleteIn(tx, type, name, expectedEtag, SitrepStore.authorOrAnonymous(author));
      return null;
    });
  }

  private <T extends Resource> void deleteIn(Tx tx, ResourceType<T> type, String name,
      @Nullable String expectedEtag, String author) throws SQLException {
    long revision = lockRevision(tx);
    Stored<T> old = current(tx, type, name).orElseThrow(() -> new StoreException.NotFound(name));
    if (!isNullOrEmpty(expectedEtag) && !expectedEtag.equals(old.etag())) {
      throw new StoreException.EtagMismatch(name);
    }
    String referrer = firstReferrer(tx, type, name);
    if (referrer != null) {
      throw new StoreException.InUse(name, referrer);
    }
    Instant now = clock.instant();
    long rev = ++revision;
    archiveCurrent(tx, type, name);
    PreparedStatement tomb = tx.prepare("INSERT INTO versions (name, revision, known_from, change, etag, payload,"
        + " author) VALUES (?, ?, ?, 'D', ?, NULL, ?)");
    tomb.setString(1, name);
    tomb.setLong(2, rev);
    tomb.setLong(3, Times.toNanos(now));
    tomb.setString(4, DERIVED_ETAG);
    tomb.setString(5, author);
    tomb.executeUpdate();
    PreparedStatement ps = tx.prepare("DELETE FROM " + table(type) + " WHERE name = ?");
    ps.setString(1, name);
    ps.executeUpdate();
    unindex(tx, Indexes.derive(old.value()));
    setRevision(tx, rev);
  }

  /** Copies the current row of {@code name} into versions, before it is replaced or deleted. */
  private static void archiveCurrent(Tx tx, ResourceType<?> type, String name) throws SQLException {
    PreparedStatement ps = tx.prepare("INSERT INTO versions (name, revision, known_from, change, etag, payload, author)"
        + " SELECT name, revision, update_time, change, etag, payload, author FROM " + table(type) + " WHERE name = ?");
    ps.setString(1, name);
    ps.executeUpdate();
  }

  /** The first name, in name order, of another live resource that refers to {@code name}, or null. */
  private static @Nullable String firstReferrer(Tx tx, ResourceType<?> type, String name) throws SQLException {
    String first = null;
    PreparedStatement ps = tx.prepare(
        "SELECT from_name FROM refs WHERE to_name = ? AND from_name <> ? ORDER BY from_name LIMIT 1");
    ps.setString(1, name);
    ps.setString(2, name);
    try (ResultSet rs = ps.executeQuery()) {
      if (rs.next()) {
        first = rs.getString(1);
      }
    }
    for (String[] row : Indexes.rowFieldsReferringTo(type.collection())) {
      PreparedStatement fs = tx.prepare("SELECT name FROM filter_values WHERE collection = ? AND field = ?"
          + " AND value = ? AND name <> ? ORDER BY name LIMIT 1");
      fs.setString(1, row[0]);
      fs.setString(2, row[1]);
      fs.setString(3, name);
      fs.setString(4, name);
      try (ResultSet rs = fs.executeQuery()) {
        if (rs.next() && (first == null || rs.getString(1).compareTo(first) < 0)) {
          first = rs.getString(1);
        }
      }
    }
    for (String[] column : Indexes.columnsReferringTo(type.collection())) {
      PreparedStatement cs = tx.prepare("SELECT name FROM " + column[0] + " WHERE " + column[1] + " = ?"
          + " AND name <> ? ORDER BY name LIMIT 1");
      cs.setString(1, name);
      cs.setString(2, name);
      try (ResultSet rs = cs.executeQuery()) {
        if (rs.next() && (first == null || rs.getString(1).compareTo(first) < 0)) {
          first = rs.getString(1);
        }
      }
    }
    return first;
  }

  /** The batch with its rows worked out: each resource's index values and encoded payload. */
  @Override
  public List<? extends Resource> prepare(List<? extends Resource> batch) {
    return batch instanceof PreparedBatch ? batch : new PreparedBatch(batch);
  }

  @Override
  public BatchResult createAll(List<? extends Resource> batch, @Nullable String requestId,
      @Nullable String author) {
    // Derived rows are pure functions of the resources: worked out before the write lock is taken,
    // or earlier on the caller's thread by prepare().
    PreparedBatch prepared = batch instanceof PreparedBatch p ? p : new PreparedBatch(batch);
    try {
      return write(tx -> createAll(tx, prepared, requestId, author, false));
    } catch (Refused refused) {
      // A name taken, or some other item refused: the checked write finds the first bad item in
      // batch order (or, on PostgreSQL, stores the batch if what was in the way is gone by now).
      return write(tx -> createAll(tx, prepared, requestId, author, true));
    }
  }

  /**
   * A batch and what its rows hold besides the resources: each one's index values
   * ({@link Indexes#derive}) and its encoded payload.
   */
  private static final class PreparedBatch extends AbstractList<Resource> implements RandomAccess {
    final List<Indexes.Derived> derived;
    final List<byte[]> payloads;
    /** The batch's names. */
    final Set<String> names;
    /** The names the batch refers to that it does not hold itself, by collection. */
    final Map<String, Set<String>> referencedOutside;

    PreparedBatch(List<? extends Resource> batch) {
      List<Indexes.Derived> d = new ArrayList<>(batch.size());
      List<byte[]> p = new ArrayList<>(batch.size());
      Set<String> n = new HashSet<>();
      for (Resource r : batch) {
        d.add(Indexes.derive(r));
        p.add(ResourceCodec.encode(r));
        n.add(r.name());
      }
      Map<String, Set<String>> outside = new HashMap<>();
      for (Indexes.Derived derived : d) {
        for (Reference ref : derived.references()) {
          if (!n.contains(ref.name())) {
            outside.computeIfAbsent(ref.collection(), k -> new HashSet<>()).add(ref.name());
          }
        }
      }
      this.derived = d;
      this.payloads = p;
      this.names = n;
      this.referencedOutside = outside;
    }

    @Override
    public Resource get(int index) {
      return derived.get(index).resource();
    }

    @Override
    public int size() {
      return derived.size();
    }
  }

  /**
   * One attempt at a batch. Unchecked, the names are not looked up first: the primary keys refuse
   * a taken one, and any refusal is thrown as {@link Refused} for the checked attempt to report.
   */
  private BatchResult createAll(Tx tx, PreparedBatch batch, @Nullable String requestId,
      @Nullable String author, boolean checked) throws SQLException {
    List<Indexes.Derived> derived = batch.derived;
    long revision = lockRevision(tx);
    if (!isNullOrEmpty(requestId)) {
      List<String> replay = requestNames(tx, requestId);
      if (replay != null) {
        return new BatchResult(ImmutableList.copyOf(replay), true);
      }
    }
    try {
      checkBatch(tx, batch, checked);
    } catch (BatchException e) {
      if (checked) {
        throw e;
      }
      throw new Refused();
    }
    Instant now = clock.instant();
    Writes w = new Writes(now, SitrepStore.authorOrAnonymous(author));
    ImmutableList.Builder<String> names = ImmutableList.builderWithExpectedSize(derived.size());
    for (int i = 0; i < derived.size(); i++) {
      Indexes.Derived d = derived.get(i);
      w.insertRow(d, batch.payloads.get(i), ++revision, 'C');
      w.index(d);
      names.add(d.resource().name());
    }
    try {
      w.execute(tx);
    } catch (SQLException e) {
      if (!checked && dialect.isUniqueViolation(e)) {
        throw new Refused();
      }
      throw e;
    }
    ImmutableList<String> stored = names.build();
    // An empty batch changes nothing, so a retry of it needs no memory, and the id stays free.
    if (!isNullOrEmpty(requestId) && !stored.isEmpty()) {
      insertRequest(tx, requestId, stored, now);
    }
    setRevision(tx, revision);
    return new BatchResult(stored, false);
  }

  /** An unchecked batch write was refused; its transaction rolls back and the checked one runs. */
  private static final class Refused extends RuntimeException {
    Refused() {
      super(null, null, false, false);
    }
  }

  /**
   * Refuses the batch at its first bad item: a name taken (in the store or earlier in the batch),
   * then a reference that resolves neither in the store nor anywhere in the batch. One query per
   * collection (per 500 names) answers which of the names involved exist. Unless
   * {@code checkNames}, the batch's own names are not looked up (the caller relies on the primary
   * keys), so the item reported may not be the first bad one.
   */
  private void checkBatch(Tx tx, PreparedBatch prepared, boolean checkNames) throws SQLException {
    List<Indexes.Derived> batch = prepared.derived;
    Set<String> inBatch = prepared.names;
    Map<String, Set<String>> byCollection = new HashMap<>();
    int outside = 0;
    for (var e : prepared.referencedOutside.entrySet()) {
      byCollection.put(e.getKey(), checkNames ? new HashSet<>(e.getValue()) : e.getValue());
      outside += e.getValue().size();
    }
    if (checkNames) {
      for (Indexes.Derived d : batch) {
        byCollection.computeIfAbsent(d.collection(), k -> new HashSet<>()).add(d.resource().name());
      }
    }
    Set<String> existing = new HashSet<>();
    for (var e : byCollection.entrySet()) {
      existing.addAll(existing(tx, e.getKey(), e.getValue()));
    }
    if (!checkNames && inBatch.size() == batch.size() && existing.size() == outside) {
      return; // no name twice in the batch, and every reference outside it found
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < batch.size(); i++) {
      Indexes.Derived d = batch.get(i);
      String name = d.resource().name();
      if (!seen.add(name) || existing.contains(name)) {
        throw new BatchException(i, new StoreException.AlreadyExists(name));
      }
      for (Reference ref : d.references()) {
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
      for (PreparedStatement ps : writerStatements.values()) {
        closeQuietly(ps);
      }
      writerStatements.clear();
      if (checkpointer != null) {
        checkpointer.close();
      }
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

  /**
   * Rebuilds the filter columns, {@code refs} and {@code filter_values} from the current payloads
   * if the filter fields changed.
   */
  void reindexIfNeeded() {
    String fingerprint = Indexes.fingerprint();
    write(tx -> {
      lockRevision(tx);
      try (ResultSet rs = tx.prepare("SELECT index_fingerprint FROM store_meta WHERE id = 1").executeQuery()) {
        rs.next();
        if (fingerprint.equals(rs.getString(1))) {
          return null;
        }
      }
      tx.prepare("DELETE FROM refs").executeUpdate();
      tx.prepare("DELETE FROM filter_values").executeUpdate();
      for (ResourceType<?> type : ResourceType.ALL) {
        List<Indexes.Column> columns = Indexes.columns(type.collection());
        StringBuilder sql = new StringBuilder("UPDATE ").append(table(type)).append(" SET ");
        for (int i = 0; i < columns.size(); i++) {
          sql.append(i == 0 ? "" : ", ").append(columns.get(i).column()).append(" = ?");
        }
        sql.append(" WHERE name = ?");
        String after = "";
        while (true) {
          List<Indexes.Derived> page = new ArrayList<>();
          PreparedStatement ps = tx.prepare("SELECT name, payload FROM " + table(type)
              + " WHERE name > ? ORDER BY name LIMIT " + REINDEX_PAGE);
          ps.setString(1, after);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              after = rs.getString(1);
              page.add(Indexes.derive(ResourceCodec.decode(rs.getBytes(2))));
            }
          }
          if (page.isEmpty()) {
            break;
          }
          PreparedStatement update = tx.prepare(sql.toString());
          Writes w = new Writes(clock.instant(), SitrepStore.ANONYMOUS);
          for (Indexes.Derived d : page) {
            for (int i = 0; i < columns.size(); i++) {
              setText(update, i + 1, d.columnValues()[i]);
            }
            update.setString(columns.size() + 1, d.resource().name());
            update.addBatch();
            w.index(d);
          }
          update.executeBatch();
          w.execute(tx);
        }
      }
      PreparedStatement ps = tx.prepare("UPDATE store_meta SET index_fingerprint = ? WHERE id = 1");
      ps.setString(1, fingerprint);
      ps.executeUpdate();
      return null;
    });
  }

  private long lockRevision(Tx tx) throws SQLException {
    try (ResultSet rs = tx.prepare("SELECT last_revision FROM store_meta WHERE id = 1" + dialect.forUpdate())
        .executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("store_meta has no row: the schema was not migrated");
      }
      return rs.getLong(1);
    }
  }

  private static void setRevision(Tx tx, long revision) throws SQLException {
    PreparedStatement ps = tx.prepare("UPDATE store_meta SET last_revision = ? WHERE id = 1");
    ps.setLong(1, revision);
    ps.executeUpdate();
  }

  private static @Nullable List<String> requestNames(Tx tx, String requestId) throws SQLException {
    PreparedStatement ps = tx.prepare("SELECT names FROM requests WHERE request_id = ?");
    ps.setString(1, requestId);
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return null;
      }
      String names = rs.getString(1);
      return names.isEmpty() ? List.of() : Splitter.on('\n').splitToList(names);
    }
  }

  private static void insertRequest(Tx tx, String requestId, List<String> names, Instant now)
      throws SQLException {
    PreparedStatement ps = tx.prepare("INSERT INTO requests (request_id, names, create_time) VALUES (?, ?, ?)");
    ps.setString(1, requestId);
    ps.setString(2, NEWLINE.join(names));
    ps.setLong(3, Times.toNanos(now));
    ps.executeUpdate();
  }

  /** Which of {@code names} are live in {@code collection}. */
  private Set<String> existing(Tx tx, String collection, Collection<String> names) throws SQLException {
    Set<String> out = new HashSet<>();
    if (names.isEmpty() || !isCollection(collection)) {
      return out;
    }
    if (dialect == Dialect.POSTGRESQL) {
      PreparedStatement ps = tx.prepare("SELECT name FROM " + collection + " WHERE name = ANY(?)");
      ps.setArray(1, tx.c.createArrayOf("text", names.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    }
    // SQLite: IN lists of a few fixed lengths (padded by repeating a name), so the statements are reused.
    List<String> distinct = names instanceof Set ? new ArrayList<>(names) : new ArrayList<>(new HashSet<>(names));
    int largest = IN_SIZES[IN_SIZES.length - 1];
    for (int from = 0; from < distinct.size(); from += largest) {
      List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + largest));
      int size = largest;
      for (int s : IN_SIZES) {
        if (s >= chunk.size()) {
          size = s;
          break;
        }
      }
      String marks = String.join(", ", java.util.Collections.nCopies(size, "?"));
      PreparedStatement ps = tx.prepare("SELECT name FROM " + collection + " WHERE name IN (" + marks + ")");
      for (int i = 0; i < size; i++) {
        ps.setString(i + 1, chunk.get(Math.min(i, chunk.size() - 1)));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  private void checkReferences(Tx tx, Set<Reference> references) throws SQLException {
    for (Reference ref : references) {
      if (!existing(tx, ref.collection(), List.of(ref.name())).contains(ref.name())) {
        throw new StoreException.ReferenceNotFound(ref.field(), ref.name());
      }
    }
  }

  private static <T extends Resource> Optional<Stored<T>> current(Tx tx, ResourceType<T> type, String name)
      throws SQLException {
    PreparedStatement ps = tx.prepare("SELECT " + CURRENT_COLUMNS + " FROM " + table(type) + " WHERE name = ?");
    ps.setString(1, name);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(stored(type, rs)) : Optional.empty();
    }
  }

  /** Reads (name, revision, etag, create_time, update_time, payload). */
  private static <T extends Resource> Stored<T> stored(ResourceType<T> type, ResultSet rs) throws SQLException {
    long revision = rs.getLong(2);
    return new Stored<>(type.cast(ResourceCodec.decode(rs.getBytes(6))), revision,
        etag(rs.getString(1), revision, rs.getString(3)), Times.fromNanos(rs.getLong(4)),
        Times.fromNanos(rs.getLong(5)));
  }

  /** The etag of revision {@code revision} of {@code name}, as its etag column holds it. */
  private static String etag(String name, long revision, String column) {
    return DERIVED_ETAG.equals(column) ? Etags.of(name, revision) : column;
  }

  /** Reads (revision, known_from, change, etag, payload, author). */
  private static <T extends Resource> Version<T> version(ResourceType<T> type, String name, ResultSet rs)
      throws SQLException {
    byte[] payload = rs.getBytes(5);
    Version.Change change = switch (rs.getString(3).charAt(0)) {
      case 'C' -> Version.Change.CREATED;
      case 'U' -> Version.Change.UPDATED;
      case 'D' -> Version.Change.DELETED;
      default -> throw new IllegalStateException("unknown change " + rs.getString(3));
    };
    return new Version<>(rs.getLong(1), payload == null ? null : type.cast(ResourceCodec.decode(payload)),
        Times.fromNanos(rs.getLong(2)), change, etag(name, rs.getLong(1), rs.getString(4)), rs.getString(6));
  }

  /**
   * A select of current rows after {@code after} in name order. Conditions on filter columns are
   * plain comparisons (the planner walks one column's index); the others are {@code filter_values}
   * lookups, which drive the select when no condition is on a column.
   */
  private Query select(ResourceType<?> type, Filter filter, String after, int limit) {
    List<String> args = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    List<Filter.Condition> onColumns = new ArrayList<>();
    List<Filter.Condition> onRows = new ArrayList<>();
    for (Filter.Condition condition : filter.conditions()) {
      if (!type.filterFieldNames().contains(condition.field())) {
        throw new IllegalArgumentException("no filter field " + condition.field() + " on " + type.collection());
      }
      (Indexes.column(type.collection(), condition.field()) != null ? onColumns : onRows).add(condition);
    }
    String columns = "t.name, t.revision, t.etag, t.create_time, t.update_time, t.payload";
    String order;
    if (!onColumns.isEmpty() || onRows.isEmpty()) {
      sql.append("SELECT ").append(columns).append(" FROM ").append(table(type)).append(" t WHERE t.name > ?");
      args.add(after);
      order = " ORDER BY t.name";
    } else {
      Filter.Condition first = onRows.remove(0);
      sql.append("SELECT ").append(columns).append(" FROM filter_values f JOIN ").append(table(type))
          .append(" t ON t.name = f.name WHERE f.collection = ? AND f.field = ? AND f.value = ? AND f.name > ?");
      args.addAll(List.of(type.collection(), first.field(), first.value(), after));
      order = " ORDER BY f.name";
    }
    // SQLite's planner has no statistics, and may walk the index of a value most rows share
    // (attribute "fatalities") for a subject that has three claims: the index of the most selective
    // column drives, and a unary + keeps SQLite off the others. PostgreSQL has statistics.
    Indexes.Column driving = null;
    for (Filter.Condition c : onColumns) {
      Indexes.Column column = Indexes.column(type.collection(), c.field());
      if (driving == null || column.selectivity() > driving.selectivity()) {
        driving = column;
      }
    }
    for (Filter.Condition c : onColumns) {
      Indexes.Column column = Indexes.column(type.collection(), c.field());
      String operand = dialect == Dialect.SQLITE && column != driving ? " AND +t." : " AND t.";
      if (column.emptyAsNull() && c.value().isEmpty()) {
        sql.append(" AND t.").append(column.column()).append(" IS NULL");
      } else {
        sql.append(operand).append(column.column()).append(" = ?");
        args.add(c.value());
      }
    }
    for (Filter.Condition more : onRows) {
      sql.append(" AND EXISTS (SELECT 1 FROM filter_values g WHERE g.collection = ? AND g.field = ?"
          + " AND g.value = ? AND g.name = t.name)");
      args.addAll(List.of(type.collection(), more.field(), more.value()));
    }
    sql.append(order);
    if (limit > 0) {
      sql.append(" LIMIT ").append(limit);
    }
    return new Query(sql.toString(), args);
  }

  private record Query(String sql, List<String> args) {
    PreparedStatement prepare(Tx tx) throws SQLException {
      PreparedStatement ps = tx.prepare(sql);
      bind(ps);
      return ps;
    }

    void bind(PreparedStatement ps) throws SQLException {
      for (int i = 0; i < args.size(); i++) {
        ps.setString(i + 1, args.get(i));
      }
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

  private static void setText(PreparedStatement ps, int i, @Nullable String value) throws SQLException {
    if (value == null) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, value);
    }
  }

  /** Removes the {@code refs} and {@code filter_values} rows of a resource's old value. */
  private static void unindex(Tx tx, Indexes.Derived old) throws SQLException {
    if (!old.refRows().isEmpty()) {
      PreparedStatement ps = tx.prepare("DELETE FROM refs WHERE to_name = ? AND from_name = ? AND field = ?");
      for (Reference ref : old.refRows()) {
        ps.setString(1, ref.name());
        ps.setString(2, old.resource().name());
        ps.setString(3, ref.field());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    if (!old.valueRows().isEmpty()) {
      PreparedStatement ps = tx.prepare(
          "DELETE FROM filter_values WHERE collection = ? AND field = ? AND value = ? AND name = ?");
      for (Indexes.FilterValue v : old.valueRows()) {
        ps.setString(1, old.collection());
        ps.setString(2, v.field());
        ps.setString(3, v.value());
        ps.setString(4, old.resource().name());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The rows of one write, inserted together by multi-row INSERTs. */
  private static final class Writes {
    private final Instant now;
    private final long nowNanos;
    private final String author;
    private final Map<String, Rows> current = new LinkedHashMap<>();
    private final Rows refs = new Rows("refs", List.of("to_name", "from_name", "field"));
    private final Rows values = new Rows("filter_values", List.of("collection", "field", "value", "name"));

    Writes(Instant now, String author) {
      this.now = now;
      this.author = author;
      this.nowNanos = Times.toNanos(now);
    }

    <T extends Resource> Stored<T> insertCurrent(Indexes.Derived d, T r, long revision, char change) {
      insertRow(d, ResourceCodec.encode(r), revision, change);
      return new Stored<>(r, revision, Etags.of(r.name(), revision), now, now);
    }

    void insertRow(Indexes.Derived d, byte[] payload, long revision, char change) {
      Resource r = d.resource();
      Rows rows = current.computeIfAbsent(d.collection(), collection -> {
        List<String> columns = new ArrayList<>(List.of("name", "revision", "etag", "create_time", "update_time",
            "change", "payload", "author"));
        Indexes.columns(collection).forEach(col -> columns.add(col.column()));
        return new Rows(collection, columns);
      });
      // No etag is stored (DERIVED_ETAG): it is Etags.of(name, revision), worked out when read
      // (etag()), so a batch does not hash every name it stores (3-6% of the writer's time).
      rows.add(r.name()).add(revision).add(DERIVED_ETAG).add(nowNanos).add(nowNanos).add(String.valueOf(change))
          .add(payload).add(author);
      for (String v : d.columnValues()) {
        rows.add(v);
      }
    }

    void index(Indexes.Derived d) {
      String name = d.resource().name();
      for (Reference ref : d.refRows()) {
        refs.add(ref.name()).add(name).add(ref.field());
      }
      for (Indexes.FilterValue v : d.valueRows()) {
        values.add(d.collection()).add(v.field()).add(v.value()).add(name);
      }
    }

    void execute(Tx tx) throws SQLException {
      for (Rows rows : current.values()) {
        rows.insert(tx);
      }
      refs.insert(tx);
      values.insert(tx);
    }
  }

  /** Rows for one table: values of String, Long, byte[] or null, row after row. */
  private static final class Rows {
    private final String table;
    private final List<String> columns;
    private final int width;
    private final String key;
    private final List<@Nullable Object> values = new ArrayList<>();

    Rows(String table, List<String> columns) {
      this.table = table;
      this.columns = columns;
      this.width = columns.size();
      this.key = table + '(' + String.join(",", columns) + ')';
    }

    Rows add(@Nullable Object value) {
      values.add(value);
      return this;
    }

    void insert(Tx tx) throws SQLException {
      int rows = values.size() / width;
      int perStatement = Math.max(1, Math.min(ROWS_PER_INSERT, MAX_PARAMS_PER_INSERT / width));
      for (int from = 0; from < rows; from += perStatement) {
        int n = Math.min(perStatement, rows - from);
        PreparedStatement ps = tx.prepare(sql(n));
        int base = from * width;
        for (int i = 0; i < n * width; i++) {
          Object v = values.get(base + i);
          int p = i + 1;
          if (v instanceof String s) {
            ps.setString(p, s);
          } else if (v instanceof Long l) {
            ps.setLong(p, l);
          } else if (v instanceof byte[] b) {
            ps.setBytes(p, b);
          } else if (v == null) {
            ps.setNull(p, Types.VARCHAR);
          } else {
            throw new IllegalStateException("unexpected value " + v.getClass());
          }
        }
        ps.executeUpdate();
      }
      values.clear();
    }

    /** The INSERT of {@code rows} rows, built once per table, columns and row count. */
    private String sql(int rows) {
      return INSERT_SQL.computeIfAbsent(key + rows, k -> buildSql(rows));
    }

    private String buildSql(int rows) {
      StringBuilder sql = new StringBuilder(32 + rows * (2 * width + 3)).append("INSERT INTO ").append(table)
          .append(" (").append(String.join(", ", columns)).append(") VALUES ");
      for (int r = 0; r < rows; r++) {
        sql.append(r == 0 ? "(" : ", (");
        for (int c = 0; c < width; c++) {
          sql.append(c == 0 ? "?" : ", ?");
        }
        sql.append(')');
      }
      return sql.toString();
    }
  }

  // --- transactions ---

  /**
   * A connection and the statements prepared on it. The SQLite writer's statements are kept for
   * the next write; any other statement is closed with the transaction. Callers close only their
   * result sets.
   */
  private static final class Tx {
    final Connection c;
    private final @Nullable Map<String, PreparedStatement> cache;
    private final List<PreparedStatement> opened = new ArrayList<>();

    Tx(Connection c, @Nullable Map<String, PreparedStatement> cache) {
      this.c = c;
      this.cache = cache;
    }

    PreparedStatement prepare(String sql) throws SQLException {
      if (cache != null) {
        PreparedStatement ps = cache.get(sql);
        if (ps == null) {
          ps = c.prepareStatement(sql);
          cache.put(sql, ps);
        }
        return ps;
      }
      PreparedStatement ps = c.prepareStatement(sql);
      opened.add(ps);
      return ps;
    }

    void closeStatements() {
      for (PreparedStatement ps : opened) {
        closeQuietly(ps);
      }
      opened.clear();
    }
  }

  @FunctionalInterface
  private interface SqlWork<R> {
    R run(Tx tx) throws SQLException;
  }

  private <R> R read(SqlWork<R> work) {
    try (Connection c = reads.getConnection()) {
      Tx tx = new Tx(c, null);
      try {
        return work.run(tx);
      } finally {
        tx.closeStatements();
      }
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  /** Runs {@code work} as one transaction: committed if it returns, rolled back if it throws. */
  private <R> R write(SqlWork<R> work) {
    writeLock.lock();
    try {
      if (sqliteWriter != null) {
        R result = inTransaction(new Tx(sqliteWriter, writerStatements), work);
        if (checkpointer != null) {
          checkpointer.afterCommit(sqliteWriter);
        }
        return result;
      }
      try (Connection c = reads.getConnection()) {
        Tx tx = new Tx(c, null);
        try {
          return inTransaction(tx, work);
        } finally {
          tx.closeStatements();
        }
      }
    } catch (SQLException e) {
      throw unavailable(e);
    } finally {
      writeLock.unlock();
    }
  }

  private static <R> R inTransaction(Tx tx, SqlWork<R> work) throws SQLException {
    return JdbcStores.inTransaction(tx.c, () -> work.run(tx));
  }

  private static StoreException unavailable(SQLException e) {
    return JdbcStores.refusal(e);
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
