package io.sitrep.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.core.model.Claim;
import io.sitrep.core.store.ResourceType;
import io.sitrep.core.store.SitrepStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer killed with SIGKILL in the middle of its batches loses nothing it acknowledged and
 * leaves no part of a batch behind: SQLite rolls the unfinished WAL tail back when the store is
 * opened again.
 */
class SqliteCrashTest {
  private static final int KILLS = 12;

  @TempDir Path dataDir;
  @TempDir Path logDir;

  @Test
  void aWriterKilledMidBatchLeavesOnlyWholeAcknowledgedBatches() throws Exception {
    Random random = new Random(20201225);
    List<String> acknowledged = new ArrayList<>();
    for (int run = 0; run < KILLS; run++) {
      acknowledged.addAll(runAndKill(run, random.nextInt(400)));
    }
    assertThat(acknowledged).as("the writers got some batches through").isNotEmpty();

    try (SitrepStore store = JdbcStores.openSqlite(dataDir)) {
      Map<String, Integer> claimsPerBatch = new HashMap<>();
      try (Stream<Claim> claims = store.scan(ResourceType.CLAIMS, io.sitrep.core.store.Filter.ALL)) {
        claims.forEach(c -> claimsPerBatch.merge(c.name().substring("claims/".length(), c.name().lastIndexOf('-')),
            1, Integer::sum));
      }
      for (String requestId : acknowledged) {
        assertThat(claimsPerBatch.get(requestId)).as("acknowledged %s is whole", requestId)
            .isEqualTo(CrashingWriter.BATCH);
      }
      assertThat(claimsPerBatch.values()).as("no partial batch is visible").allMatch(n -> n == CrashingWriter.BATCH);
      assertThat(store.count(ResourceType.CLAIMS)).isEqualTo((long) claimsPerBatch.size() * CrashingWriter.BATCH);
      System.out.printf("%d kills: %d batches acknowledged, %d stored whole (a batch may commit just before its"
          + " acknowledgement is printed)%n", KILLS, acknowledged.size(), claimsPerBatch.size());
      // A retry of an acknowledged batch after the crash is answered, not stored again.
      String last = acknowledged.get(acknowledged.size() - 1);
      assertThat(store.createAll(List.of(), last).replayed()).isTrue();
    }
  }

  /** Starts a writer for {@code run}, kills it {@code millis} after its first batch, returns what it acknowledged. */
  private List<String> runAndKill(int run, int millis) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        CrashingWriter.class.getName(), dataDir.toString(), String.valueOf(run))
        .redirectError(logDir.resolve("writer-" + run + ".err").toFile())
        .start();
    ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    CountDownLatch firstBatch = new CountDownLatch(1);
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          if (!line.equals(CrashingWriter.READY)) {
            lines.add(line);
            firstBatch.countDown();
          }
        }
      } catch (Exception ignored) {
        // the pipe breaks when the child is killed
      }
    });
    reader.start();
    try {
      // Kill it while it writes: some batches acknowledged, the next one in flight.
      boolean wrote = false;
      for (int waited = 0; waited < 300 && !wrote && child.isAlive(); waited++) {
        wrote = firstBatch.await(100, TimeUnit.MILLISECONDS);
      }
      if (!wrote) {
        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("writer " + run + " acknowledged no batch; its stderr:\n"
            + Files.readString(logDir.resolve("writer-" + run + ".err")));
      }
      Thread.sleep(millis);
    } finally {
      child.destroyForcibly(); // SIGKILL on Linux
      child.waitFor(10, TimeUnit.SECONDS);
      reader.join(10_000);
    }
    List<String> acked = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("run-")) {
        acked.add(line);
      }
    }
    return acked;
  }
}
