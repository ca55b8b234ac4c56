package io.sitrep.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WAL stays bounded under a steady stream of commits when the writer leaves checkpoints to
 * {@link WalCheckpointer}: its passes copy the WAL back, and the writer's catch-up lets the WAL
 * restart from its beginning. Without it (the writer's automatic checkpoint off) the same commits
 * grow the WAL to their full size, so the test can fail.
 */
class WalCheckpointerTest {
  private static final int COMMITS = 4_000;
  private static final int ROWS_PER_COMMIT = 5;
  private static final int ROW_BYTES = 2_000;
  /** What the commits write: 40 MB. */
  private static final long WRITTEN = (long) COMMITS * ROWS_PER_COMMIT * ROW_BYTES;

  @TempDir Path dir;

  @Test
  void walRestartsUnderSteadyCommits() throws Exception {
    long wal = writeAll(dir.resolve("with.db"), true);
    // What the writer commits between two passes, not the whole stream (13-15 MB measured).
    assertThat(wal).isLessThan(WRITTEN / 2);
  }

  @Test
  void withoutItTheWalHoldsEveryCommit() throws Exception {
    long wal = writeAll(dir.resolve("without.db"), false);
    assertThat(wal).isGreaterThan(WRITTEN);
  }

  /** The WAL file's size after the commits, every row read back. */
  private static long writeAll(Path file, boolean checkpointer) throws Exception {
    String url = "jdbc:sqlite:" + file;
    try (Connection writer = DriverManager.getConnection(url)) {
      try (Statement s = writer.createStatement()) {
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = NORMAL");
        s.execute("PRAGMA wal_autocheckpoint = 0");
        s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, b BLOB NOT NULL)");
      }
      WalCheckpointer checkpoints = null;
      if (checkpointer) {
        Connection c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
          s.execute("PRAGMA wal_autocheckpoint = 0");
        }
        checkpoints = new WalCheckpointer(c, "test", 256);
      }
      try {
        PreparedStatement insert = writer.prepareStatement("INSERT INTO t (b) VALUES (?)");
        byte[] row = new byte[ROW_BYTES];
        for (int i = 0; i < COMMITS; i++) {
          writer.setAutoCommit(false);
          for (int r = 0; r < ROWS_PER_COMMIT; r++) {
            row[0] = (byte) r;
            row[1] = (byte) i;
            insert.setBytes(1, row);
            insert.executeUpdate();
          }
          writer.commit();
          writer.setAutoCommit(true);
          if (checkpoints != null) {
            checkpoints.afterCommit(writer);
          }
          if (i % 4 == 0) {
            Thread.sleep(1); // a steady stream, not one burst between two passes
          }
        }
        insert.close();
        long wal = Files.size(Path.of(file + "-wal"));
        assertThat(count(writer)).isEqualTo((long) COMMITS * ROWS_PER_COMMIT);
        return wal;
      } finally {
        if (checkpoints != null) {
          checkpoints.close();
        }
      }
    }
  }

  private static long count(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
