package io.sitrep.core.store.jdbc;

import io.sitrep.core.model.Claim;
import io.sitrep.core.model.Proposition;
import io.sitrep.core.model.Report;
import io.sitrep.core.model.Resource;
import io.sitrep.core.model.Source;
import io.sitrep.core.model.SourceKind;
import io.sitrep.core.model.Stance;
import io.sitrep.core.store.Baghdad2020;
import io.sitrep.core.store.ResourceType;
import io.sitrep.core.store.SitrepStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: a quick measure of in-process createAll throughput into SQLite, the floor under the
 * gRPC benchmark. {@code java -cp <test classpath> io.sitrep.core.store.jdbc.ClaimThroughput
 * [claims] [batch] [subjects] [dir]}. Claims are spread over {@code subjects} subjects (default
 * 1000) and 100 reports: the spread of the indexed values, not the row count, decides how many
 * index pages each commit rewrites.
 */
public final class ClaimThroughput {
  private ClaimThroughput() {}

  public static void main(String[] args) throws Exception {
    int claims = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    int subjects = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
    Path dir = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("sitrep-throughput");
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    try (SitrepStore store = JdbcStores.openSqlite(dir)) {
      List<Resource> setup = new ArrayList<>();
      setup.add(Source.builder("sources/wire", "Wire", SourceKind.NEWS_OUTLET).build());
      for (int r = 0; r < 100; r++) {
        setup.add(Report.of("reports/wire-" + r, "sources/wire", Baghdad2020.day(26), "wire " + r, List.of()));
      }
      store.createAll(setup, null);
      for (int round = 0; round < 2; round++) {
        String prefix = round == 0 ? "warmup" : "claim";
        int n = round == 0 ? Math.min(claims, 20_000) : claims;
        long start = System.nanoTime();
        long cpuStart = os.getProcessCpuTime();
        for (int b = 0; b < n; b += batchSize) {
          List<Resource> batch = new ArrayList<>(batchSize);
          for (int i = b; i < Math.min(n, b + batchSize); i++) {
            batch.add(Claim.about(String.format("claims/%s-%07d", prefix, i), "reports/wire-" + (i % 100),
                i % 3 == 0 ? Stance.DENIES : Stance.ASSERTS,
                new Proposition("actors/a-" + (i % subjects), "custody", "actors/b-" + (i % 7), null)));
          }
          store.createAll(batch, prefix + "-batch-" + b);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        // On a shared machine the wall-clock rate understates the store; CPU time shows its cost.
        System.out.printf("%s: %,d claims over %,d subjects in batches of %,d: %.2f s, %,.0f claims/s"
            + " (%.2f s of CPU: %,.0f claims per CPU-second)%n", prefix, n, subjects, batchSize, seconds, n / seconds,
            cpu, n / cpu);
      }
      System.out.printf("claims stored: %,d; database %s (%,d bytes)%n", store.count(ResourceType.CLAIMS),
          dir.resolve(JdbcStores.SQLITE_FILE), Files.size(dir.resolve(JdbcStores.SQLITE_FILE)));
    }
  }
}
