package io.sitrep.core.imports;

import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hashing;
import com.google.common.io.CountingInputStream;
import com.google.common.util.concurrent.Uninterruptibles;
import io.sitrep.core.model.Resource;
import io.sitrep.core.model.ValidationException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * Imports data-set files into an {@link ImportSink}, streaming: rows are read one at a time,
 * mapped, gathered into batches of {@link ImportOptions#batchRows} rows and written with one
 * {@link ImportSink#write} each.
 *
 * <p><b>Re-importing changes nothing</b>, by two means that cover different cases:
 * <ol>
 *   <li>Names come from the data set's ids, and every batch carries a request id that is a hash of
 *       its resource names. Importing the same file again builds the same batches, which the store
 *       replays without storing anything and without a single name check; an import interrupted
 *       and run again replays the batches it had stored and goes on.
 *   <li>When a batch holds a name that exists already (an actor or source another file created, a
 *       GDELT report an events file made before its mentions file, a batch size changed between
 *       runs), the sink refuses it whole; the importer then asks which names exist, drops them and
 *       writes the rest under the request id of what is left.
 * </ol>
 * Request ids alone would fail on the second case; name checks alone would cost a look-up per
 * resource on every import, where the first means costs nothing when nothing overlaps.
 *
 * <p>A bad row (unreadable, a value out of range, a date that does not parse, a GDELT mention of
 * an event found neither in the files nor in the store) is reported with its file, line and
 * reason, and the import goes on; in strict mode it stops there, after storing the rows before.
 *
 * <p><b>Writes overlap reading</b>: a batch is handed to a writer thread of the import's own
 * (which also works out its request id), and the next batch is read and mapped while the sink
 * stores it. At most one batch is being written at a time, in file order, and the importer waits
 * for it before it asks the sink which names exist, before it hands over the next batch, and
 * before it returns, so the sink sees the same calls in the same order as a sequential import.
 */
public final class Importer {
  private Importer() {}

  /** Imports one file. */
  public static ImportResult importFile(ImportFormat format, Path file, ImportSink sink, ImportOptions options,
      ImportListener listener) {
    return new Run(file, sink, options, listener, new HashSet<>()).run(format);
  }

  /**
   * Imports {@code files} in order, except that GDELT events files go before mentions files (a
   * mention refers to its event). Actors and sources emitted by one file are not emitted again.
   * Stops after a file that strict mode stopped.
   */
  public static List<ImportResult> importFiles(ImportFormat format, List<Path> files, ImportSink sink,
      ImportOptions options, ImportListener listener) {
    List<Path> ordered = new ArrayList<>(files);
    if (format == ImportFormat.GDELT) {
      ordered.sort((a, b) -> Boolean.compare(GdeltImport.isMentionsFile(a), GdeltImport.isMentionsFile(b)));
    }
    Set<String> seen = new HashSet<>();
    List<ImportResult> results = new ArrayList<>();
    for (Path file : ordered) {
      ImportResult r = new Run(file, sink, options, listener, seen).run(format);
      results.add(r);
      if (r.stoppedEarly()) {
        break;
      }
    }
    return results;
  }

  /** Maps one row into its resources; may throw to report the row as bad. */
  @FunctionalInterface
  interface RowMapping {
    void map(RowOutput out);
  }

  /**
   * What one row mapped to, or why it is bad ({@code bad} not null): copies, so that the
   * {@link RowOutput} it was mapped with can map the next row. A row may be mapped on a worker
   * thread and accounted for later, in file order, by {@link Run#accept}.
   */
  record RowOutcome(@Nullable String bad, List<Resource> shared, List<Resource> own, List<String> requires,
      List<String> reasons) {
    static RowOutcome bad(String reason) {
      return new RowOutcome(reason, List.of(), List.of(), List.of(), List.of());
    }
  }

  /** Maps one row with {@code out} (which it resets first); never throws for a bad row. */
  static RowOutcome map(RowMapping mapping, RowOutput out) {
    out.reset();
    try {
      mapping.map(out);
    } catch (ValidationException e) {
      return RowOutcome.bad("invalid " + e.getMessage());
    } catch (DateTimeParseException e) {
      return RowOutcome.bad("bad date \"" + e.getParsedString() + "\"");
    } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
      return RowOutcome.bad(e.getMessage() == null ? e.toString() : e.getMessage());
    }
    // The names' hashes, which the accounting keys them by, are worked out (and kept by each
    // String) here: on a worker thread, accounting on another thread read every name's bytes
    // from the worker's cache.
    for (Resource r : out.own) {
      r.name().hashCode();
    }
    return new RowOutcome(null, out.shared.isEmpty() ? List.of() : List.copyOf(out.shared), List.copyOf(out.own),
        out.requires.isEmpty() ? List.of() : List.copyOf(out.requires),
        out.requires.isEmpty() ? List.of() : List.copyOf(out.requireReasons));
  }

  /** Reads one format: calls {@link Run#row} per data row, returns what the file held. */
  interface FormatReader {
    String read(InputStream in, Run run) throws IOException;
  }

  /** One file's import: accounting, batching and writing. */
  static final class Run {
    final Path file;
    final String fileName;
    private final ImportSink sink;
    private final ImportOptions options;
    private final ImportListener listener;
    private final Set<String> seenShared;
    private final RowOutput out;
    private final List<Resource> pendingShared = new ArrayList<>();
    private final List<Pending> pendingRows = new ArrayList<>();
    /**
     * The pending rows' own resources by name, the first of a name kept: filled as each row is
     * accepted, while its names are in the cache (at flush they were not, and hashing them there
     * cost a tenth of a GDELT row).
     */
    private final Map<String, Resource> pendingOwn;
    private final List<ImportProblem> problems = new ArrayList<>();
    private @org.jspecify.annotations.Nullable CountingInputStream counting;
    private long totalBytes = -1;
    private long rows;
    private long imported;
    private long bad;
    private long created;
    private boolean stopped;
    private ImportFormat format = ImportFormat.ACLED;
    private String kind = "";

    /** The batch on the writer thread, and the counts as they were when it was handed over. */
    private @Nullable InFlight inFlight;
    private @Nullable ExecutorService writer;

    private record Pending(long line, List<Resource> own, List<String> requires, List<String> reasons) {}

    /**
     * A batch being written: its rows, lines, and what the result said when it was handed over
     * (the result an abort reports: rows read after it are not counted).
     */
    private record InFlight(Future<Integer> created, int keptRows, long firstLine, long lastLine, long rows, long bad,
        int problems, boolean stopped) {}

    Run(Path file, ImportSink sink, ImportOptions options, ImportListener listener, Set<String> seenShared) {
      this.file = file;
      this.fileName = file.toString();
      this.sink = sink;
      this.options = options;
      this.listener = listener;
      this.seenShared = seenShared;
      this.out = new RowOutput();
      // Sized for a batch's resources (a row's 3 to 8) so that it never rehashes.
      this.pendingOwn = new LinkedHashMap<>(2 * 8 * options.batchRows());
    }

    ImportOptions options() {
      return options;
    }

    ImportResult run(ImportFormat format) {
      this.format = format;
      FormatReader reader = switch (format) {
        case ACLED -> new AcledImport();
        case UCDP -> new UcdpImport();
        case GDELT -> new GdeltImport(GdeltImport.isMentionsFile(file));
        case PLOVER -> new PloverImport();
      };
      try {
        try (InputStream raw = Files.newInputStream(file)) {
          totalBytes = Files.size(file);
          counting = new CountingInputStream(new BufferedInputStream(raw, 1 << 16));
          kind = reader.read(counting, this);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + file, e);
        }
        if (!stopped || !pendingRows.isEmpty()) {
          flush();
        }
        awaitWrite();
      } finally {
        stopWriter();
      }
      listener.progress(fileName, totalBytes, totalBytes, rows);
      return result();
    }

    private ImportResult result() {
      return new ImportResult(fileName, format, kind, rows, imported, bad, created, ImmutableList.copyOf(problems),
          stopped);
    }

    /** Maps one data row starting on {@code line}. Returns false when the import must stop. */
    boolean row(long line, RowMapping mapping) {
      return accept(line, map(mapping, out));
    }

    /** The output the calling thread maps its rows with. */
    RowOutput output() {
      return out;
    }

    /**
     * Accounts for the row starting on {@code line}, mapped to {@code o}: the rows must come in
     * file order. Shared resources not emitted before join the batch. Returns false when the
     * import must stop.
     */
    boolean accept(long line, RowOutcome o) {
      rows++;
      if (o.bad() != null) {
        return bad(line, o.bad());
      }
      for (Resource r : o.shared()) {
        if (seenShared.add(r.name())) {
          pendingShared.add(r);
        }
      }
      for (Resource r : o.own()) {
        pendingOwn.putIfAbsent(r.name(), r);
      }
      pendingRows.add(new Pending(line, o.own(), o.requires(), o.reasons()));
      if (pendingRows.size() >= options.batchRows()) {
        flush();
      }
      return true;
    }

    /** A data row that could not be read at all. Returns false when the import must stop. */
    boolean unreadable(long line, String reason) {
      rows++;
      return bad(line, reason);
    }

    private boolean bad(long line, String reason) {
      bad++;
      if (problems.size() < options.maxProblems()) {
        problems.add(new ImportProblem(fileName, line, reason));
      }
      if (options.strict()) {
        stopped = true;
        return false;
      }
      return true;
    }

    boolean stopped() {
      return stopped;
    }

    private void flush() {
      if (pendingRows.isEmpty() && pendingShared.isEmpty()) {
        return;
      }
      // The batch: the shared resources (each name once, by seenShared), then the rows' own in
      // file order; a shared resource wins over a row's own of the same name.
      Set<String> sharedNames = new HashSet<>();
      for (Resource r : pendingShared) {
        sharedNames.add(r.name());
        pendingOwn.remove(r.name());
      }
      List<Pending> kept = checkRequirements(sharedNames);
      long firstLine = pendingRows.isEmpty() ? 0 : pendingRows.get(0).line;
      long lastLine = pendingRows.isEmpty() ? 0 : pendingRows.get(pendingRows.size() - 1).line;
      Resource[] items = new Resource[pendingShared.size() + pendingOwn.size()];
      int n = 0;
      for (Resource r : pendingShared) {
        items[n++] = r;
      }
      for (Resource r : pendingOwn.values()) {
        items[n++] = r;
      }
      List<Resource> batch = List.of(items);
      awaitWrite(); // one batch at a time, in order
      if (batch.isEmpty()) {
        imported += kept.size();
      } else {
        if (writer == null) {
          writer = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "sitrep-import-writer-" + fileName);
            t.setDaemon(true);
            return t;
          });
        }
        inFlight = new InFlight(writer.submit(() -> write(batch)), kept.size(), firstLine, lastLine, rows, bad,
            problems.size(), stopped);
      }
      pendingShared.clear();
      pendingRows.clear();
      pendingOwn.clear();
      if (counting != null) {
        listener.progress(fileName, counting.getCount(), totalBytes, rows);
      }
    }

    /**
     * Drops (and reports) the rows that refer to a name neither in the batch ({@code sharedNames}
     * and the rows' own) nor in the sink.
     */
    private List<Pending> checkRequirements(Set<String> sharedNames) {
      Set<String> wanted = new HashSet<>();
      for (Pending p : pendingRows) {
        for (String name : p.requires) {
          if (!pendingOwn.containsKey(name) && !sharedNames.contains(name)) {
            wanted.add(name);
          }
        }
      }
      if (wanted.isEmpty()) {
        return pendingRows;
      }
      awaitWrite(); // the batch being written may hold some of the names
      Set<String> found = sink.existing(wanted);
      List<Pending> kept = new ArrayList<>(pendingRows.size());
      for (Pending p : pendingRows) {
        String missing = null;
        for (int i = 0; i < p.requires.size(); i++) {
          String name = p.requires.get(i);
          if (!pendingOwn.containsKey(name) && !sharedNames.contains(name) && !found.contains(name)) {
            missing = p.reasons.get(i);
            break;
          }
        }
        if (missing == null) {
          kept.add(p);
        } else {
          for (Resource r : p.own) {
            pendingOwn.remove(r.name());
          }
          bad(p.line, missing);
        }
      }
      return kept;
    }

    /**
     * Waits for the batch being written, if any, and counts it in; if the sink refused it, the
     * import stops with the result as it was when that batch was handed over.
     */
    private void awaitWrite() {
      InFlight w = inFlight;
      if (w == null) {
        return;
      }
      inFlight = null;
      int n;
      try {
        n = Uninterruptibles.getUninterruptibly(w.created());
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException refused) {
          ImportResult partial = new ImportResult(fileName, format, kind, w.rows(), imported, w.bad(), created,
              ImmutableList.copyOf(problems.subList(0, w.problems())), w.stopped());
          throw new ImportAbortedException(partial, w.firstLine(), w.lastLine(), refused);
        }
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException(e.getCause());
      }
      created += n;
      imported += w.keptRows();
    }

    /**
     * Ends the writer thread, after the batch it is writing, if any (an import that failed while
     * reading leaves no write going on behind it).
     */
    private void stopWriter() {
      if (inFlight != null) {
        try {
          Uninterruptibles.getUninterruptibly(inFlight.created());
        } catch (ExecutionException ignored) {
          // the import is failing already: its own exception is the one to report
        }
        inFlight = null;
      }
      if (writer != null) {
        writer.shutdown();
        writer = null;
      }
    }

    /** Writes {@code batch} (on the writer thread); returns the resources newly stored. */
    private int write(List<Resource> batch) {
      try {
        return sink.write(batch, requestId(batch));
      } catch (ImportSink.NameTaken taken) {
        Collection<String> names = batch.stream().map(Resource::name).toList();
        Set<String> existing = sink.existing(names);
        List<Resource> fresh = batch.stream().filter(r -> !existing.contains(r.name())).toList();
        if (fresh.size() == batch.size()) {
          throw taken;
        }
        return fresh.isEmpty() ? 0 : sink.write(fresh, requestId(fresh));
      }
    }

    /** A batch's request id: a hash of its names, so the same batch always gets the same id. */
    static String requestId(List<Resource> batch) {
      // The SHA-256 of each name and a zero byte, digested in one call: Guava's hasher fed the
      // digest the separators a byte at a time. Names are ASCII (core's rule), their own UTF-8.
      int length = 0;
      for (Resource r : batch) {
        length += r.name().length() + 1;
      }
      byte[] bytes = new byte[length];
      int at = 0;
      for (Resource r : batch) {
        String name = r.name();
        for (int i = 0; i < name.length(); i++) {
          bytes[at++] = (byte) name.charAt(i);
        }
        bytes[at++] = 0;
      }
      return "import-" + Hashing.sha256().hashBytes(bytes).toString().substring(0, 40);
    }
  }
}
