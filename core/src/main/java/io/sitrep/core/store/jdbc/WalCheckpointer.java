package io.sitrep.core.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Copies a SQLite store's WAL back into the database file on a thread of its own, so that the
 * writer does not stop to do it after a commit (SQLite's automatic checkpoint runs on the
 * committing connection: measured, it held the writer for 6-8 µs per claim of wall time, most of
 * it the copy and the fsync of the database file).
 *
 * <p>The thread runs PASSIVE checkpoints on its own connection while the writer goes on appending
 * to the WAL. A passive checkpoint never leaves the WAL empty under a steady stream of commits:
 * the WAL restarts from its beginning only when a write transaction begins with every frame
 * copied. So once the WAL holds {@code restartFrames} frames (64 MiB), the writer itself, between two
 * transactions and under its lock, checkpoints the few frames committed since the last pass
 * ({@link #afterCommit}); its next transaction then restarts the WAL. The writer's own automatic
 * checkpoint stays on, at a much larger size, in case this thread stops.
 *
 * <p>Checkpoints change nothing a reader or a crash sees: a commit is durable once it is in the
 * WAL, and SQLite copies WAL frames into the database file idempotently.
 */
final class WalCheckpointer implements AutoCloseable {
  private static final Logger logger = Logger.getLogger(WalCheckpointer.class.getName());
  /** Least time between two passes, so a page rewritten by many commits is copied once. */
  private static final long PASS_INTERVAL_MILLIS = 250;

  private final Connection connection;
  private final int restartFrames;
  private final Thread thread;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition committed = lock.newCondition();
  private boolean pending;
  private boolean closed;
  /** Set by a pass that left the WAL over {@code restartFrames}; cleared by the writer's catch-up. */
  private volatile boolean catchUpDue;

  /**
   * Checkpoints on {@code connection} (in auto-commit, its own automatic checkpoint off) from now
   * on, and has the WAL restart once it holds {@code restartFrames} frames (the store: 64 MiB of
   * its pages; tests: a few).
   */
  WalCheckpointer(Connection connection, String name, int restartFrames) {
    this.connection = connection;
    this.restartFrames = restartFrames;
    this.thread = new Thread(this::run, "sitrep-wal-checkpoint-" + name);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Called by the writer after each commit, still holding the write lock: wakes the thread, and
   * when a pass asked for it, checkpoints on the writer's connection the frames the pass left, so
   * that the next write transaction restarts the WAL.
   */
  void afterCommit(Connection writer) {
    if (catchUpDue) {
      try {
        long[] r = checkpoint(writer);
        if (r[0] == 0 && r[1] == r[2]) {
          catchUpDue = false;
        }
      } catch (SQLException e) {
        // The commit stands; the WAL only grows until a later catch-up or the automatic checkpoint.
        logger.log(Level.FINE, "WAL catch-up checkpoint failed", e);
      }
    }
    lock.lock();
    try {
      pending = true;
      committed.signal();
    } finally {
      lock.unlock();
    }
  }

  private void run() {
    try {
      while (awaitCommit()) {
        long[] r = checkpoint(connection);
        if (r[0] == 0 && r[1] >= restartFrames) {
          catchUpDue = true;
        }
        Thread.sleep(PASS_INTERVAL_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      if (!isClosed()) {
        logger.log(Level.WARNING, "WAL checkpoints stopped; the writer's automatic checkpoint takes over", e);
      }
    }
  }

  private boolean awaitCommit() throws InterruptedException {
    lock.lock();
    try {
      while (!pending && !closed) {
        committed.await(1, TimeUnit.SECONDS);
      }
      pending = false;
      return !closed;
    } finally {
      lock.unlock();
    }
  }

  private boolean isClosed() {
    lock.lock();
    try {
      return closed;
    } finally {
      lock.unlock();
    }
  }

  /** A PASSIVE checkpoint: (busy, frames in the WAL, frames copied), as SQLite answers it. */
  private static long[] checkpoint(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
      return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)} : new long[] {1, -1, -1};
    }
  }

  @Override
  public void close() throws SQLException {
    lock.lock();
    try {
      closed = true;
      committed.signal();
    } finally {
      lock.unlock();
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    connection.close();
  }
}
