package io.sitrep.core.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sitrep.core.model.Resource;
import io.sitrep.core.store.InMemoryStore;
import io.sitrep.core.store.ResourceType;
import io.sitrep.core.store.SitrepStore;
import io.sitrep.core.store.StoreException;
import io.sitrep.core.store.jdbc.JdbcStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batches are written on a thread of the import's own while the next is read: the sink must still
 * see one call at a time, in file order, an existence check only after the write before it, and a
 * refused batch must stop the import with the counts of the rows before it.
 */
class WritesOverlapReadingTest {
  @TempDir Path dir;

  /** A sink over a store that records its calls, fails if two overlap, and may refuse a write. */
  private static final class Watching implements ImportSink {
    final ImportSink inner;
    final int refuse;
    final AtomicBoolean busy = new AtomicBoolean();
    final AtomicInteger writes = new AtomicInteger();
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final List<String> overlaps = Collections.synchronizedList(new ArrayList<>());

    Watching(InMemoryStore store, int refuse) {
      this.inner = ImportSink.of(store);
      this.refuse = refuse;
    }

    private void enter(String call) {
      if (!busy.compareAndSet(false, true)) {
        overlaps.add(call);
      }
      calls.add(call);
    }

    @Override
    public int write(List<Resource> batch, String requestId) {
      enter("write " + batch.size());
      try {
        Thread.sleep(5); // a slow store: the reader runs ahead meanwhile
        if (writes.incrementAndGet() == refuse) {
          throw new StoreException.Unavailable("the store went away", new java.io.IOException("connection reset"));
        }
        return inner.write(batch, requestId);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      } finally {
        busy.set(false);
      }
    }

    @Override
    public Set<String> existing(Collection<String> names) {
      enter("existing " + names.size());
      try {
        return inner.existing(names);
      } finally {
        busy.set(false);
      }
    }
  }

  private static Path sample(String name) {
    Path p = SharedData.file("gdelt/" + name);
    assumeTrue(Files.isRegularFile(p), "the shared sample " + p + " is not here");
    return p;
  }

  @Test
  void eventsThenMentionsSeeOneCallAtATimeAndStoreWhatASequentialImportStores() {
    Path events = sample("20150218230000.export.CSV");
    Path mentions = sample("20150218230000.mentions.CSV");
    ImportOptions options = ImportOptions.defaults().withBatchRows(200);
    try (InMemoryStore store = new InMemoryStore()) {
      Watching sink = new Watching(store, 0);
      List<ImportResult> results = Importer.importFiles(ImportFormat.GDELT, List.of(mentions, events), sink, options,
          ImportListener.NONE);
      assertThat(sink.overlaps).isEmpty();
      assertThat(sink.calls).anyMatch(c -> c.startsWith("existing")); // mentions of events stored before
      for (ImportResult r : results) {
        assertThat(r.imported() + r.bad()).isEqualTo(r.rows());
      }
      assertThat(store.count(ResourceType.EVENTS)).isEqualTo(results.get(0).imported());
      // Again: every batch replays, nothing is stored twice.
      long resources = store.count(ResourceType.EVENTS) + store.count(ResourceType.REPORTS)
          + store.count(ResourceType.CLAIMS);
      List<ImportResult> again = Importer.importFiles(ImportFormat.GDELT, List.of(mentions, events), sink, options,
          ImportListener.NONE);
      assertThat(again).allSatisfy(r -> assertThat(r.created()).isZero());
      assertThat(store.count(ResourceType.EVENTS) + store.count(ResourceType.REPORTS)
          + store.count(ResourceType.CLAIMS)).isEqualTo(resources);
      assertThat(sink.overlaps).isEmpty();
    }
  }

  @Test
  void aRefusedBatchStopsTheImportWithTheRowsBeforeItAndNothingAfter() {
    Path events = sample("20150218230000.export.CSV");
    ImportOptions options = ImportOptions.defaults().withBatchRows(100);
    try (InMemoryStore store = new InMemoryStore()) {
      Watching sink = new Watching(store, 3);
      assertThatThrownBy(() -> Importer.importFile(ImportFormat.GDELT, events, sink, options, ImportListener.NONE))
          .isInstanceOfSatisfying(ImportAbortedException.class, e -> {
            assertThat(e.getCause()).isInstanceOf(StoreException.Unavailable.class);
            assertThat(e.getMessage()).contains(":201-300: batch refused");
            // Two batches stored; the third, refused, counted as read but neither imported nor bad;
            // the rows the reader had gone on to are not counted.
            assertThat(e.partial().imported()).isEqualTo(200);
            assertThat(e.partial().rows()).isEqualTo(300);
            assertThat(e.partial().bad()).isZero();
          });
      assertThat(sink.writes).hasValue(3); // nothing written after the refusal
      assertThat(store.count(ResourceType.EVENTS)).isEqualTo(200);
      assertThat(sink.overlaps).isEmpty();
    }
  }

  @Test
  void batchesWrittenIntoSqliteWhileTheNextIsReadAreStoredOnceAndReplayed() {
    Path events = sample("20150218230000.export.CSV");
    Path mentions = sample("20150218230000.mentions.CSV");
    ImportOptions options = ImportOptions.defaults().withBatchRows(300);
    try (SitrepStore store = JdbcStores.openSqlite(dir)) {
      ImportSink sink = ImportSink.of(store);
      List<ImportResult> first = Importer.importFiles(ImportFormat.GDELT, List.of(events, mentions), sink, options,
          ImportListener.NONE);
      assertThat(first).allSatisfy(r -> assertThat(r.imported() + r.bad()).isEqualTo(r.rows()));
      assertThat(store.count(ResourceType.EVENTS)).isEqualTo(first.get(0).imported());
      long stored = first.stream().mapToLong(ImportResult::created).sum();
      assertThat(stored).isPositive();
      assertThat(store.count(ResourceType.EVENTS) + store.count(ResourceType.REPORTS) + store.count(ResourceType.CLAIMS)
          + store.count(ResourceType.ACTORS) + store.count(ResourceType.SOURCES)).isEqualTo(stored);
      List<ImportResult> again = Importer.importFiles(ImportFormat.GDELT, List.of(events, mentions), sink, options,
          ImportListener.NONE);
      assertThat(again).allSatisfy(r -> assertThat(r.created()).isZero());
    }
  }
}
