package io.sitrep.server;

import io.sitrep.core.ach.AchStore;
import io.sitrep.core.ach.InMemoryAchStore;
import io.sitrep.core.ach.jdbc.JdbcAchStores;
import io.sitrep.core.store.InMemoryStore;
import io.sitrep.core.store.SitrepStore;
import io.sitrep.core.store.StoreException;
import io.sitrep.core.store.jdbc.JdbcStores;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Chooses and opens the store the server runs on:
 *
 * <ul>
 *   <li>by default the embedded SQLite store in a data directory ({@code DIR/sitrep.db}, ACH
 *       matrices in {@code DIR/hypotheses.db}), held by one server at a time
 *       ({@code DIR/sitrep.lock});
 *   <li>{@code --store postgresql://host:port/db?user=...} (or {@code jdbc:postgresql:...}) for
 *       PostgreSQL, {@code --store sqlite:DIR} for SQLite elsewhere;
 *   <li>{@code --store memory} for an in-memory store, lost on exit.
 * </ul>
 */
public final class StoreFactory {
  /** The data directory when neither {@code --data-dir} nor {@code --store} is given. */
  public static final Path DEFAULT_DATA_DIR = Path.of("sitrep-data");
  /** The {@code --store} value for an in-memory store. */
  public static final String MEMORY = "memory";
  /** The lock file that keeps a second server off a SQLite data directory. */
  public static final String LOCK_FILE = "sitrep.lock";

  private StoreFactory() {}

  /**
   * A store, the hypothesis (ACH) store beside it, how to describe them, and what to release with
   * them.
   *
   * @param achStore where the ACH matrices are kept: {@code hypotheses.db} beside a SQLite store, a
   *     schema of its own on PostgreSQL, memory with {@code --store memory}
   * @param description a few words for the start-up line, e.g. {@code in-memory} or
   *     {@code sqlite /var/lib/sitrep/sitrep.db}
   * @param note what the operator must know about the choice, or empty
   */
  public record OpenedStore(SitrepStore store, AchStore achStore, String description, String note,
      @Nullable FileLock lock) implements AutoCloseable {

    /** Closes both stores, then gives up the data directory. */
    @Override
    public void close() {
      try {
        achStore.close();
      } finally {
        try {
          store.close();
        } finally {
          if (lock != null) {
            try {
              lock.channel().close(); // releases the lock
            } catch (IOException ignored) {
              // the process is ending or the directory is gone; the OS drops the lock either way
            }
          }
        }
      }
    }
  }

  /**
   * The store for the server's flags: {@code storeUrl} if given (a store URL or {@code memory}),
   * else the SQLite store in {@code dataDir}, else in {@link #DEFAULT_DATA_DIR}.
   *
   * @throws IllegalArgumentException both were given, or the URL is not a store URL
   * @throws StoreException.Unavailable the store cannot be opened, or another server holds it
   */
  public static OpenedStore open(@Nullable String storeUrl, @Nullable Path dataDir) {
    if (storeUrl != null && dataDir != null) {
      throw new IllegalArgumentException("give --data-dir or --store, not both (--store sqlite:DIR names a data directory)");
    }
    if (storeUrl == null) {
      return openSqlite(dataDir == null ? DEFAULT_DATA_DIR : dataDir);
    }
    if (storeUrl.equals(MEMORY)) {
      return new OpenedStore(new InMemoryStore(), InMemoryAchStore.create(), "in-memory",
          "Note: --store memory keeps everything in memory; it is lost when the server stops.", null);
    }
    if (storeUrl.startsWith("sqlite:")) {
      return openSqlite(Path.of(storeUrl.substring("sqlite:".length())));
    }
    if (storeUrl.startsWith("jdbc:sqlite:")) {
      Path file = Path.of(storeUrl.substring("jdbc:sqlite:".length()));
      return both(() -> JdbcStores.open(storeUrl),
          () -> JdbcAchStores.open("jdbc:sqlite:" + file.resolveSibling(JdbcAchStores.SQLITE_FILE)),
          "sqlite " + file, null);
    }
    if (storeUrl.startsWith("postgresql://") || storeUrl.startsWith("postgres://")
        || storeUrl.startsWith("jdbc:postgresql:")) {
      return both(() -> JdbcStores.open(storeUrl), () -> JdbcAchStores.open(storeUrl),
          "postgresql " + JdbcStores.redacted(storeUrl), null);
    }
    throw new IllegalArgumentException("not a store: " + JdbcStores.redacted(storeUrl)
        + " (expected memory, sqlite:DIR, postgresql://host:port/db?user=... or jdbc:postgresql:...)");
  }

  /** The SQLite stores in {@code dataDir}, created if need be, locked for this process. */
  public static OpenedStore openSqlite(Path dataDir) {
    Path dir = dataDir.toAbsolutePath().normalize();
    FileLock lock = lock(dir);
    return both(() -> JdbcStores.openSqlite(dir), () -> JdbcAchStores.openSqlite(dir),
        "sqlite " + dir.resolve(JdbcStores.SQLITE_FILE), lock);
  }

  /** Opens the main store, then the ACH store; closes what was opened (and the lock) if either fails. */
  private static OpenedStore both(Supplier<SitrepStore> main, Supplier<AchStore> ach, String description,
      @Nullable FileLock lock) {
    SitrepStore store = null;
    try {
      store = main.get();
      return new OpenedStore(store, ach.get(), description, "", lock);
    } catch (RuntimeException e) {
      if (store != null) {
        try {
          store.close();
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      if (lock != null) {
        try {
          lock.channel().close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  private static FileLock lock(Path dir) {
    FileChannel channel = null;
    try {
      Files.createDirectories(dir);
      channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw new StoreException.Unavailable("the data directory " + dir + " is in use by another Sitrep server", null);
      }
      return lock;
    } catch (OverlappingFileLockException e) {
      closeQuietly(channel);
      throw new StoreException.Unavailable("the data directory " + dir + " is already open in this process", e);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new StoreException.Unavailable("cannot use the data directory " + dir + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  private static void closeQuietly(@Nullable FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // reporting the first failure
      }
    }
  }

}
