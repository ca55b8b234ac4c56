package io.sitrep.core.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Reads a file whose records never span lines (GDELT's unquoted tab-separated exports) on several
 * threads. The file is cut at line ends into blocks of {@link #BLOCK_BYTES} (256 KiB, some 650
 * GDELT rows); a worker parses each block ({@link TsvRows}) and maps its rows; the calling thread
 * accounts for the outcomes in file order ({@link Importer.Run#accept}) and writes the batches, so
 * batches, request ids, line numbers and which row first describes a shared resource are those of
 * a sequential read. At most two blocks per worker are in flight (a few megabytes of mapped rows
 * each): memory stays flat however long the file.
 */
final class BlockReader {
  static final int BLOCK_BYTES = 1 << 18;

  /** Maps one record on a worker thread; one per thread, so it may keep per-thread caches. */
  interface RecordMapper {
    Importer.RowOutcome map(String[] cells, int count);
  }

  /** A block's outcomes, with line numbers counted from the block's start. */
  private record Block(List<Importer.RowOutcome> outcomes, long[] lines, long lineCount,
      @Nullable String unreadable, long unreadableLine) {}

  private BlockReader() {}

  static void read(InputStream in, Importer.Run run, int threads, Supplier<RecordMapper> mappers)
      throws IOException {
    read(in, run, threads, mappers, BLOCK_BYTES);
  }

  static void read(InputStream in, Importer.Run run, int threads,
      Supplier<RecordMapper> mappers, int blockBytes) throws IOException {
    CsvRows.skipByteOrderMark(in);
    ThreadLocal<RecordMapper> mapper = ThreadLocal.withInitial(mappers);
    ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
      Thread t = new Thread(task, "sitrep-import-" + run.fileName);
      t.setDaemon(true);
      return t;
    });
    ArrayDeque<Future<Block>> inFlight = new ArrayDeque<>();
    long lineOffset = 0;
    try {
      byte[] carry = new byte[0];
      boolean eof = false;
      while (!eof || !inFlight.isEmpty()) {
        if (!eof && inFlight.size() < 2 * threads) {
          byte[] buf = Arrays.copyOf(carry, carry.length + blockBytes);
          int n = carry.length + in.readNBytes(buf, carry.length, blockBytes);
          eof = n < buf.length;
          int cut = eof ? n : lastLineEnd(buf, n);
          if (cut < 0) {
            carry = Arrays.copyOf(buf, n); // one line longer than a block: read on
            continue;
          }
          carry = Arrays.copyOfRange(buf, cut, n);
          if (cut > 0) {
            int length = cut;
            inFlight.add(pool.submit(() -> parse(buf, length, mapper.get())));
          }
          continue;
        }
        Block block = get(inFlight.poll());
        for (int i = 0; i < block.outcomes.size(); i++) {
          if (!run.accept(lineOffset + block.lines[i], block.outcomes.get(i))) {
            return;
          }
        }
        if (block.unreadable != null) {
          run.unreadable(lineOffset + block.unreadableLine, block.unreadable);
          return;
        }
        lineOffset += block.lineCount;
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The index after the last {@code '\n'} in {@code buf[0, n)}, or -1 if none. */
  private static int lastLineEnd(byte[] buf, int n) {
    for (int i = n - 1; i >= 0; i--) {
      if (buf[i] == '\n') {
        return i + 1;
      }
    }
    return -1;
  }

  private static Block parse(byte[] buf, int length, RecordMapper mapper) throws IOException {
    List<Importer.RowOutcome> outcomes = new ArrayList<>(length / 256);
    long[][] lines = {new long[Math.max(16, length / 256)]};
    long lineCount;
    try {
      lineCount = TsvRows.read(new InputStreamReader(new ByteArrayInputStream(buf, 0, length), StandardCharsets.UTF_8),
          (line, cells, count) -> {
            if (outcomes.size() == lines[0].length) {
              lines[0] = Arrays.copyOf(lines[0], lines[0].length * 2);
            }
            lines[0][outcomes.size()] = line;
            outcomes.add(mapper.map(cells, count));
            return true;
          });
    } catch (TsvRows.Unreadable e) {
      return new Block(outcomes, lines[0], e.line, e.getMessage(), e.line);
    }
    return new Block(outcomes, lines[0], lineCount, null, 0);
  }

  private static Block get(Future<Block> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("import interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
