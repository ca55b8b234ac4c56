package io.sitrep.core.imports;

import io.sitrep.core.model.Resource;
import io.sitrep.core.store.BatchException;
import io.sitrep.core.store.BatchResult;
import io.sitrep.core.store.SitrepStore;
import io.sitrep.core.store.StoreException;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Where an import's batches go: a store, or a server through its client (the CLI's sink). A
 * batch is stored all or nothing. {@link #write} is called on a writer thread of the import's own
 * while the importing thread reads the next batch; the calls never overlap: one write at a time,
 * in file order, and {@link #existing} only once the write before it has returned.
 */
public interface ImportSink {

  /**
   * Stores {@code batch} all or nothing under {@code requestId}; a request id seen before stores
   * nothing and answers as the first time did.
   *
   * @return how many resources were newly stored (0 for a replay)
   * @throws NameTaken if some name of the batch exists already (nothing was stored)
   */
  int write(List<Resource> batch, String requestId);

  /** Which of {@code names} (full resource names of any collection) exist. */
  Set<String> existing(Collection<String> names);

  /** Some name of a batch was already taken. */
  final class NameTaken extends RuntimeException {
    public NameTaken(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** A sink over {@code store} that calls {@link SitrepStore#createAll} once per batch. */
  static ImportSink of(SitrepStore store) {
    return new ImportSink() {
      @Override
      public int write(List<Resource> batch, String requestId) {
        try {
          BatchResult r = store.createAll(batch, requestId);
          return r.replayed() ? 0 : r.names().size();
        } catch (BatchException e) {
          if (e.getCause() instanceof StoreException.AlreadyExists) {
            throw new NameTaken(e.getMessage(), e);
          }
          throw e;
        }
      }

      @Override
      public Set<String> existing(Collection<String> names) {
        // One query per collection: a batch asks about hundreds of names.
        return store.existing(names);
      }
    };
  }

  /**
   * A sink that stores nothing and takes every reference as resolved: for measuring parsing and
   * mapping alone.
   */
  static ImportSink discarding() {
    return new ImportSink() {
      @Override
      public int write(List<Resource> batch, String requestId) {
        return batch.size();
      }

      @Override
      public Set<String> existing(Collection<String> names) {
        return Set.copyOf(names);
      }
    };
  }
}
