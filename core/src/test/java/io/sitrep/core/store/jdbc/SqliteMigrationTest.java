package io.sitrep.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitrep.core.model.Claim;
import io.sitrep.core.model.Event;
import io.sitrep.core.model.Resource;
import io.sitrep.core.model.Source;
import io.sitrep.core.model.Stance;
import io.sitrep.core.store.Baghdad2020;
import io.sitrep.core.store.Etags;
import io.sitrep.core.store.Filter;
import io.sitrep.core.store.InMemoryStore;
import io.sitrep.core.store.MutableClock;
import io.sitrep.core.store.PageRequest;
import io.sitrep.core.store.Reference;
import io.sitrep.core.store.ResourceType;
import io.sitrep.core.store.SitrepStore;
import io.sitrep.core.store.StoreException;
import io.sitrep.core.store.StoreSnapshot;
import io.sitrep.core.store.Stored;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory written by the V1 schema (a payload in both the current table and versions,
 * every filter value a filter_values row, every reference a refs row) migrates to V2 and then
 * answers every read exactly as an in-memory store that saw the same writes.
 */
class SqliteMigrationTest {
  private static final Instant T0 = Instant.parse("2020-12-27T05:00:00Z");

  @TempDir Path dataDir;

  @Test
  void aV1DataDirectoryMigratesAndReadsAsBefore() throws Exception {
    String url = schemaAt(dataDir, "1");

    MutableClock clock = new MutableClock(T0);
    InMemoryStore expected = new InMemoryStore(clock);
    List<Resource> all = Baghdad2020.all();
    expected.createAll(all, null);
    Claim first = Baghdad2020.claims().get(0);
    Claim regraded = new Claim(first.name(), first.report(), Stance.DENIES, first.attribution(), first.attributedTo(),
        first.event(), first.proposition(), first.text());
    Claim retracted = Baghdad2020.claims().get(1);
    try (Connection c = DriverManager.getConnection(url)) {
      c.setAutoCommit(false);
      V1 v1 = new V1(c);
      long rev = 0;
      for (Resource r : all) {
        v1.create(r, ++rev, T0);
      }
      Instant t1 = clock.advance(Duration.ofHours(1));
      expected.update(regraded, null);
      v1.update(first, regraded, ++rev, t1);
      Instant t2 = clock.advance(Duration.ofHours(1));
      expected.delete(ResourceType.CLAIMS, retracted.name(), null);
      v1.delete(retracted, ++rev, t2);
      commitAtRevision(c, rev);
    }

    try (SitrepStore migrated = JdbcStores.openSqlite(dataDir, clock)) {
      Set<String> names = new TreeSet<>();
      all.forEach(r -> names.add(r.name()));
      assertThat(StoreSnapshot.of(migrated, names)).isEqualTo(StoreSnapshot.of(expected, names));
      for (Instant at : List.of(T0.minusSeconds(1), T0, T0.plusSeconds(3_600), T0.plusSeconds(7_200))) {
        for (String name : names) {
          ResourceType<?> type = ResourceType.forCollection(ResourceType.collectionOf(name));
          assertThat(migrated.getAsOf(type, name, at)).as("%s at %s", name, at)
              .isEqualTo(expected.getAsOf(type, name, at));
        }
      }
      for (ResourceType<?> type : ResourceType.ALL) {
        checkFilters(type, migrated, expected);
      }
      // In-use checks read the moved columns (claims.report) and the kept refs rows alike.
      assertThatThrownBy(() -> migrated.delete(ResourceType.REPORTS, first.report(), null))
          .isInstanceOf(StoreException.InUse.class);
      assertThatThrownBy(() -> migrated.delete(ResourceType.SOURCES, Baghdad2020.SHAFAAQ, null))
          .isInstanceOf(StoreException.InUse.class);
      // And the migrated store keeps working.
      clock.advance(Duration.ofHours(1));
      migrated.update(first, null);
      expected.update(first, null);
      assertThat(migrated.history(ResourceType.CLAIMS, first.name()))
          .isEqualTo(expected.history(ResourceType.CLAIMS, first.name()));
    }
  }

  /**
   * A data directory written by the V2 schema (no authors) migrates to V3: every version written
   * before reads as made by {@link SitrepStore#ANONYMOUS}, and writes after it record their author.
   */
  @Test
  void aV2DataDirectoryMigratesWithItsPastWritesAnonymous() throws Exception {
    String url = schemaAt(dataDir, "2");
    Source shafaaq = Baghdad2020.sources().stream()
        .filter(x -> x.name().equals(Baghdad2020.SHAFAAQ)).findFirst().orElseThrow();
    Source gone = Baghdad2020.sources().stream()
        .filter(x -> !x.name().equals(Baghdad2020.SHAFAAQ)).findFirst().orElseThrow();
    long t0 = Times.toNanos(T0);
    long t1 = Times.toNanos(T0.plusSeconds(60));
    try (Connection c = DriverManager.getConnection(url)) {
      c.setAutoCommit(false);
      // As V2 wrote them: Shafaaq created (superseded, in versions), then updated (current row);
      // another source created and deleted (both in versions).
      List<Indexes.Column> columns = Indexes.columns("sources");
      StringBuilder sql = new StringBuilder("INSERT INTO sources (name, revision, etag, create_time, update_time,"
          + " change, payload");
      columns.forEach(col -> sql.append(", ").append(col.column()));
      sql.append(") VALUES (?, ?, ?, ?, ?, 'U', ?").append(", ?".repeat(columns.size())).append(')');
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        ps.setString(1, shafaaq.name());
        ps.setLong(2, 3);
        ps.setString(3, Etags.of(shafaaq.name(), 3));
        ps.setLong(4, t0);
        ps.setLong(5, t1);
        ps.setBytes(6, ResourceCodec.encode(shafaaq));
        String[] values = Indexes.derive(shafaaq).columnValues();
        for (int i = 0; i < values.length; i++) {
          ps.setString(7 + i, values[i]);
        }
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO versions (name, revision, known_from, change, etag,"
          + " payload) VALUES (?, ?, ?, ?, ?, ?)")) {
        Object[][] rows = {{shafaaq.name(), 1L, t0, "C", shafaaq}, {gone.name(), 2L, t0, "C", gone},
            {gone.name(), 4L, t1, "D", null}};
        for (Object[] row : rows) {
          ps.setString(1, (String) row[0]);
          ps.setLong(2, (Long) row[1]);
          ps.setLong(3, (Long) row[2]);
          ps.setString(4, (String) row[3]);
          ps.setString(5, Etags.of((String) row[0], (Long) row[1]));
          ps.setBytes(6, row[4] == null ? null : ResourceCodec.encode((Resource) row[4]));
          ps.executeUpdate();
        }
      }
      try (Statement st = c.createStatement()) {
        st.executeUpdate("UPDATE store_meta SET last_revision = 4, index_fingerprint = '"
            + Indexes.fingerprint() + "' WHERE id = 1");
      }
      c.commit();
    }

    MutableClock clock = new MutableClock(T0.plusSeconds(120));
    try (SitrepStore migrated = JdbcStores.openSqlite(dataDir, clock)) {
      assertThat(migrated.history(ResourceType.SOURCES, shafaaq.name()))
          .extracting(v -> v.revision() + " " + v.change() + " " + v.author())
          .containsExactly("1 CREATED anonymous", "3 UPDATED anonymous");
      assertThat(migrated.history(ResourceType.SOURCES, gone.name()))
          .extracting(v -> v.revision() + " " + v.change() + " " + v.author())
          .containsExactly("2 CREATED anonymous", "4 DELETED anonymous");
      assertThat(migrated.get(ResourceType.SOURCES, shafaaq.name()).orElseThrow().value()).isEqualTo(shafaaq);

      migrated.update(shafaaq, null, "alice@desk");
      migrated.create(gone, null, "bob@desk");
      assertThat(migrated.history(ResourceType.SOURCES, shafaaq.name())).extracting(v -> v.author())
          .containsExactly("anonymous", "anonymous", "alice@desk");
      assertThat(migrated.history(ResourceType.SOURCES, gone.name())).extracting(v -> v.author())
          .containsExactly("anonymous", "anonymous", "bob@desk");
    }
  }

  /**
   * A data directory written by the V6 schema (events in a WITHOUT ROWID table) migrates to V7
   * (events in a rowid table with a unique name): every event, its history, its filters and the
   * in-use checks of what it refers to read as before, and a taken event name is still refused.
   */
  @Test
  void aV6DataDirectoryMovesItsEventsInPlace() throws Exception {
    String url = schemaAt(dataDir, "6");

    MutableClock clock = new MutableClock(T0);
    InMemoryStore expected = new InMemoryStore(clock);
    List<Resource> all = Baghdad2020.all();
    expected.createAll(all, null);
    Event event = Baghdad2020.events().get(0);
    Event retold = new Event(event.name(), event.type(), "retold",
        event.summary(), event.description(), event.time(), event.place(), event.participants(),
        event.fatalities(), event.injuries(), event.links(), event.reports());
    try (Connection c = DriverManager.getConnection(url)) {
      c.setAutoCommit(false);
      V6 v6 = new V6(c);
      long rev = 0;
      for (Resource r : all) {
        v6.current(r, ++rev, T0, T0, "C");
      }
      // The first event updated an hour later: its created version superseded, in versions.
      Instant t1 = clock.advance(Duration.ofHours(1));
      expected.update(retold, null);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO versions (name, revision, known_from, change, etag,"
          + " payload, author) SELECT name, revision, update_time, change, etag, payload, author FROM events"
          + " WHERE name = ?")) {
        ps.setString(1, event.name());
        ps.executeUpdate();
      }
      try (Statement st = c.createStatement()) {
        st.executeUpdate("DELETE FROM events WHERE name = '" + event.name() + "'");
        st.executeUpdate("DELETE FROM filter_values WHERE name = '" + event.name() + "'");
        st.executeUpdate("DELETE FROM refs WHERE from_name = '" + event.name() + "'");
      }
      v6.current(retold, ++rev, T0, t1, "U");
      commitAtRevision(c, rev);
    }

    try (SitrepStore migrated = JdbcStores.openSqlite(dataDir, clock)) {
      Set<String> names = new TreeSet<>();
      all.forEach(r -> names.add(r.name()));
      assertThat(StoreSnapshot.of(migrated, names)).isEqualTo(StoreSnapshot.of(expected, names));
      for (Event e : Baghdad2020.events()) {
        assertThat(migrated.history(ResourceType.EVENTS, e.name())).as(e.name())
            .isEqualTo(expected.history(ResourceType.EVENTS, e.name()));
        assertThat(migrated.getAsOf(ResourceType.EVENTS, e.name(), T0)).as(e.name())
            .isEqualTo(expected.getAsOf(ResourceType.EVENTS, e.name(), T0));
      }
      checkFilters(ResourceType.EVENTS, migrated, expected);
      // An event's participant and its reports are still held in use by it.
      String participant = event.participants().get(0).actor();
      assertThatThrownBy(() -> migrated.delete(ResourceType.ACTORS, participant, null))
          .isInstanceOf(StoreException.InUse.class);
      assertThatThrownBy(() -> migrated.create(event, null)).isInstanceOf(StoreException.AlreadyExists.class);
    }
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
        java.sql.ResultSet rs = st.executeQuery("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'events'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).doesNotContainIgnoringCase("WITHOUT ROWID");
    }
  }

  /** A new database gets 8 KiB pages; one made before keeps its 4 KiB pages and keeps working. */
  @Test
  void aNewDatabaseHas8KiBPagesAndAnOlderOneKeepsItsOwn() throws Exception {
    Path fresh = dataDir.resolve("fresh");
    try (SitrepStore store = JdbcStores.openSqlite(fresh)) {
      store.createAll(Baghdad2020.all(), null);
    }
    assertThat(pageSize(fresh.resolve(JdbcStores.SQLITE_FILE))).isEqualTo(8192);

    Path old = dataDir.resolve("old");
    Files.createDirectories(old);
    schemaAt(old, "6");
    assertThat(pageSize(old.resolve(JdbcStores.SQLITE_FILE))).isEqualTo(4096);
    try (SitrepStore store = JdbcStores.openSqlite(old)) {
      store.createAll(Baghdad2020.all(), null);
      assertThat(store.count(ResourceType.EVENTS)).isEqualTo(Baghdad2020.events().size());
    }
    assertThat(pageSize(old.resolve(JdbcStores.SQLITE_FILE))).isEqualTo(4096);
  }

  /** Records {@code rev} as the last revision handed out, as the store does, and commits. */
  private static void commitAtRevision(Connection c, long rev) throws Exception {
    try (Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE store_meta SET last_revision = " + rev + ", index_fingerprint = '"
          + Indexes.fingerprint() + "' WHERE id = 1");
    }
    c.commit();
  }

  /**
   * Writes the store's schema up to {@code version} alone (as an older Sitrep left it) into the
   * data directory {@code dir}, and returns the database's JDBC URL.
   */
  private static String schemaAt(Path dir, String version) {
    String url = "jdbc:sqlite:" + dir.resolve(JdbcStores.SQLITE_FILE);
    Flyway.configure(JdbcStores.class.getClassLoader()).dataSource(url, null, null)
        .locations(JdbcStores.MIGRATIONS).placeholders(Dialect.SQLITE.placeholders()).target(version).load().migrate();
    return url;
  }

  private static int pageSize(Path file) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
        java.sql.ResultSet rs = st.executeQuery("PRAGMA page_size")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static <T extends Resource> void checkFilters(ResourceType<T> type, SitrepStore migrated,
      SitrepStore expected) {
    List<T> live = new ArrayList<>();
    expected.list(type, PageRequest.first(PageRequest.MAX_PAGE_SIZE)).items().forEach(s -> live.add(s.value()));
    for (String field : type.filterFieldNames()) {
      Set<String> values = new LinkedHashSet<>();
      live.forEach(r -> values.addAll(type.filterValues(field, r)));
      for (String value : values) {
        Filter filter = Filter.of(field, value);
        assertThat(names(migrated, type, filter)).as("%s where %s", type, filter)
            .isEqualTo(names(expected, type, filter)).isNotEmpty();
      }
    }
  }

  private static <T extends Resource> List<String> names(SitrepStore store, ResourceType<T> type, Filter filter) {
    return store.list(type, PageRequest.first(PageRequest.MAX_PAGE_SIZE, filter)).items().stream()
        .map(Stored::name).toList();
  }

  /** Writes rows as the V1 store did. */
  private record V1(Connection c) {
    void create(Resource r, long rev, Instant now) throws Exception {
      String etag = Etags.of(r.name(), rev);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + ResourceType.of(r).collection()
          + " (name, revision, etag, create_time, update_time, payload) VALUES (?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, r.name());
        ps.setLong(2, rev);
        ps.setString(3, etag);
        ps.setLong(4, Times.toNanos(now));
        ps.setLong(5, Times.toNanos(now));
        ps.setBytes(6, ResourceCodec.encode(r));
        ps.executeUpdate();
      }
      version(r.name(), rev, now, "C", r);
      index(r, true);
    }

    void update(Resource old, Resource r, long rev, Instant now) throws Exception {
      try (PreparedStatement ps = c.prepareStatement("UPDATE " + ResourceType.of(r).collection()
          + " SET revision = ?, etag = ?, update_time = ?, payload = ? WHERE name = ?")) {
        ps.setLong(1, rev);
        ps.setString(2, Etags.of(r.name(), rev));
        ps.setLong(3, Times.toNanos(now));
        ps.setBytes(4, ResourceCodec.encode(r));
        ps.setString(5, r.name());
        ps.executeUpdate();
      }
      version(r.name(), rev, now, "U", r);
      index(old, false);
      index(r, true);
    }

    void delete(Resource old, long rev, Instant now) throws Exception {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + ResourceType.of(old).collection()
          + " WHERE name = ?")) {
        ps.setString(1, old.name());
        ps.executeUpdate();
      }
      version(old.name(), rev, now, "D", null);
      index(old, false);
    }

    private void version(String name, long rev, Instant now, String change, Resource r) throws Exception {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO versions (name, revision, known_from, change, etag,"
          + " payload) VALUES (?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, name);
        ps.setLong(2, rev);
        ps.setLong(3, Times.toNanos(now));
        ps.setString(4, change);
        ps.setString(5, Etags.of(name, rev));
        ps.setBytes(6, r == null ? null : ResourceCodec.encode(r));
        ps.executeUpdate();
      }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void index(Resource r, boolean add) throws Exception {
      ResourceType type = ResourceType.of(r);
      try (PreparedStatement refs = c.prepareStatement(add
              ? "INSERT INTO refs (to_name, from_name, field) VALUES (?, ?, ?)"
              : "DELETE FROM refs WHERE to_name = ? AND from_name = ? AND field = ?");
          PreparedStatement values = c.prepareStatement(add
              ? "INSERT INTO filter_values (collection, field, value, name) VALUES (?, ?, ?, ?)"
              : "DELETE FROM filter_values WHERE collection = ? AND field = ? AND value = ? AND name = ?")) {
        for (Reference ref : Indexes.references(r)) {
          refs.setString(1, ref.name());
          refs.setString(2, r.name());
          refs.setString(3, ref.field());
          refs.executeUpdate();
        }
        for (Object field : type.filterFieldNames()) {
          for (Object value : type.filterValues((String) field, r)) {
            values.setString(1, type.collection());
            values.setString(2, (String) field);
            values.setString(3, (String) value);
            values.setString(4, r.name());
            values.executeUpdate();
          }
        }
      }
    }
  }

  /** Writes current rows as the V6 store did: filter columns, refs and filter_values rows. */
  private record V6(Connection c) {
    void current(Resource r, long rev, Instant created, Instant updated, String change) throws Exception {
      Indexes.Derived d = Indexes.derive(r);
      List<Indexes.Column> columns = Indexes.columns(d.collection());
      StringBuilder sql = new StringBuilder("INSERT INTO " + d.collection()
          + " (name, revision, etag, create_time, update_time, change, payload, author");
      columns.forEach(col -> sql.append(", ").append(col.column()));
      sql.append(") VALUES (?, ?, '', ?, ?, ?, ?, 'anonymous'").append(", ?".repeat(columns.size())).append(')');
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        ps.setString(1, r.name());
        ps.setLong(2, rev);
        ps.setLong(3, Times.toNanos(created));
        ps.setLong(4, Times.toNanos(updated));
        ps.setString(5, change);
        ps.setBytes(6, ResourceCodec.encode(r));
        for (int i = 0; i < columns.size(); i++) {
          ps.setString(7 + i, d.columnValues()[i]);
        }
        ps.executeUpdate();
      }
      try (PreparedStatement refs = c.prepareStatement("INSERT INTO refs (to_name, from_name, field) VALUES (?, ?, ?)");
          PreparedStatement values = c.prepareStatement(
              "INSERT INTO filter_values (collection, field, value, name) VALUES (?, ?, ?, ?)")) {
        for (Reference ref : d.refRows()) {
          refs.setString(1, ref.name());
          refs.setString(2, r.name());
          refs.setString(3, ref.field());
          refs.executeUpdate();
        }
        for (Indexes.FilterValue v : d.valueRows()) {
          values.setString(1, d.collection());
          values.setString(2, v.field());
          values.setString(3, v.value());
          values.setString(4, r.name());
          values.executeUpdate();
        }
      }
    }
  }
}
