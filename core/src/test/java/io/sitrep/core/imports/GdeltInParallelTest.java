package io.sitrep.core.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sitrep.core.model.Resource;
import io.sitrep.core.store.InMemoryStore;
import io.sitrep.core.store.ResourceType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GDELT read on several threads, in blocks of 256 KiB, stores what a read on one thread
 * stores: the same batches under the same request ids (so a re-import by either replays), the
 * same bad rows on the same lines, the same shared actors and sources.
 */
class GdeltInParallelTest {
  @TempDir Path dir;

  /** A sink over a store that remembers each batch's request id and size. */
  private static final class Recording implements ImportSink {
    final ImportSink inner;
    final List<String> batches = new ArrayList<>();

    Recording(InMemoryStore store) {
      inner = ImportSink.of(store);
    }

    @Override
    public int write(List<Resource> batch, String requestId) {
      batches.add(requestId + " " + batch.size());
      return inner.write(batch, requestId);
    }

    @Override
    public Set<String> existing(Collection<String> names) {
      return inner.existing(names);
    }
  }

  /** Three copies of the events sample (2.6 MB, ten blocks), ids shifted, with bad rows among them. */
  private Path eventsWithBadRows() throws IOException {
    Path sample = SharedData.file("gdelt/20150218230000.export.CSV");
    assumeTrue(Files.isRegularFile(sample), "the shared sample " + sample + " is not here");
    List<String> lines = Files.readAllLines(sample, StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder();
    for (int copy = 0; copy < 3; copy++) {
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        int tab = line.indexOf('\t');
        String shifted = (Long.parseLong(line.substring(0, tab)) + copy * 10_000_000_000L) + line.substring(tab);
        if (i == 700) {
          out.append("410412347\ttoo few fields\n"); // unreadable as GDELT: reported, the next row goes on
        }
        if (i == 1500 && copy == 1) {
          String[] fields = shifted.split("\t", -1);
          fields[1] = "20141318"; // SQLDATE in month 13: a bad row
          shifted = String.join("\t", fields);
        }
        out.append(shifted).append('\n');
      }
    }
    Path f = dir.resolve("events.export.CSV");
    Files.writeString(f, out, StandardCharsets.UTF_8);
    return f;
  }

  private record Run(ImportResult events, ImportResult mentions, List<String> batches, long actors, long sources) {}

  private static Run importWith(int threads, Path events, Path mentions) {
    try (InMemoryStore store = new InMemoryStore()) {
      Recording sink = new Recording(store);
      ImportOptions options = ImportOptions.defaults().withThreads(threads);
      ImportResult e = Importer.importFile(ImportFormat.GDELT, events, sink, options, ImportListener.NONE);
      ImportResult m = Importer.importFile(ImportFormat.GDELT, mentions, sink, options, ImportListener.NONE);
      return new Run(e, m, sink.batches, store.count(ResourceType.ACTORS), store.count(ResourceType.SOURCES));
    }
  }

  @Test
  void threeThreadsStoreWhatOneThreadStores() throws IOException {
    Path events = eventsWithBadRows();
    Path mentions = SharedData.file("gdelt/20150218230000.mentions.CSV");
    Run one = importWith(1, events, mentions);
    Run three = importWith(3, events, mentions);

    assertThat(one.events.rows()).isEqualTo(3 * 2_271 + 3);
    assertThat(one.events.bad()).isEqualTo(4);
    assertThat(one.events.problems()).extracting(ImportProblem::line)
        .containsExactly(701L, 2_271L + 1 + 701, 2_271L + 1 + 1_502, 2 * (2_271L + 1) + 701);
    assertThat(three.events).isEqualTo(one.events);
    assertThat(one.mentions.imported() + one.mentions.bad()).isEqualTo(one.mentions.rows());
    assertThat(three.mentions).isEqualTo(one.mentions);
    assertThat(three.batches).isEqualTo(one.batches);
    assertThat(three.actors).isEqualTo(one.actors).isPositive();
    assertThat(three.sources).isEqualTo(one.sources).isPositive();
  }
}
