package io.sitrep.cli;

import io.sitrep.core.imports.ImportListener;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * A progress bar with rate and ETA on stderr, redrawn in place; drawn only when stderr is a
 * terminal, so scripts and logs never see it.
 */
final class Progress implements ImportListener {
  private final PrintWriter err;
  private final long started = System.nanoTime();
  private long lastDraw;

  private Progress(PrintWriter err) {
    this.err = err;
  }

  /** A bar on {@code err} if it is a terminal, else nothing. */
  static ImportListener on(PrintWriter err, boolean terminal) {
    return terminal ? new Progress(err) : ImportListener.NONE;
  }

  static boolean stderrIsTerminal() {
    return System.console() != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
  }

  @Override
  public void progress(String file, long bytesRead, long totalBytes, long rows) {
    long now = System.nanoTime();
    boolean done = totalBytes > 0 && bytesRead >= totalBytes;
    if (!done && now - lastDraw < 100_000_000L) {
      return;
    }
    lastDraw = now;
    double seconds = Math.max(1e-3, (now - started) / 1e9);
    double fraction = totalBytes > 0 ? Math.min(1, (double) bytesRead / totalBytes) : 0;
    int filled = (int) (fraction * 30);
    double rate = rows / seconds;
    double eta = fraction > 0 ? seconds * (1 - fraction) / fraction : 0;
    err.printf("\r%-24s [%s%s] %3.0f%% %,d rows %,.0f rows/s ETA %3.0fs%s",
        Path.of(file).getFileName(), "#".repeat(filled), " ".repeat(30 - filled), fraction * 100, rows, rate, eta,
        done ? "\n" : "");
    err.flush();
  }
}
