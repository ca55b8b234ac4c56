package io.sitrep.core.store.jdbc;

import io.sitrep.core.model.Claim;
import io.sitrep.core.model.Report;
import io.sitrep.core.model.Resource;
import io.sitrep.core.model.Source;
import io.sitrep.core.model.SourceKind;
import io.sitrep.core.model.Stance;
import io.sitrep.core.store.Baghdad2020;
import io.sitrep.core.store.SitrepStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child process of {@link SqliteCrashTest}: opens the SQLite store in {@code args[0]} and
 * writes batches of {@link #BATCH} claims for run {@code args[1]} until it is killed, printing
 * each batch's request id once the store has acknowledged it.
 */
public final class CrashingWriter {
  static final int BATCH = 250;
  static final String READY = "ready";

  private CrashingWriter() {}

  static String requestId(int run, int batch) {
    return "run-" + run + "-batch-" + batch;
  }

  static String claimName(int run, int batch, int i) {
    return "claims/run-" + run + "-batch-" + batch + "-" + i;
  }

  public static void main(String[] args) {
    Path dataDir = Path.of(args[0]);
    int run = Integer.parseInt(args[1]);
    PrintStream out = System.out;
    try (SitrepStore store = JdbcStores.openSqlite(dataDir)) {
      store.createAll(List.of(
          Source.builder(Baghdad2020.SHAFAAQ, "Shafaaq News", SourceKind.NEWS_OUTLET).build(),
          Report.of(Baghdad2020.SHAFAAQ_ARREST, Baghdad2020.SHAFAAQ, Baghdad2020.day(25), "arrest", List.of())),
          "setup");
      out.println(READY);
      out.flush();
      for (int b = 0; ; b++) {
        List<Resource> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
          batch.add(Claim.about(claimName(run, b, i),
              Baghdad2020.SHAFAAQ_ARREST, i % 2 == 0 ? Stance.ASSERTS : Stance.DENIES, Baghdad2020.custodyIsHashd()));
        }
        store.createAll(batch, requestId(run, b));
        out.println(requestId(run, b));
        out.flush();
      }
    }
  }
}
