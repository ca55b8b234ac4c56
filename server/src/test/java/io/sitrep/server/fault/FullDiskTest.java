package io.sitrep.server.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.grpc.Deadline;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.sitrep.api.v1.Claim;
import io.sitrep.api.v1.ClaimServiceGrpc;
import io.sitrep.api.v1.CreateClaimRequest;
import io.sitrep.api.v1.GetClaimRequest;
import io.sitrep.api.v1.IngestRequest;
import io.sitrep.api.v1.IngestResponse;
import io.sitrep.core.store.jdbc.JdbcStores;
import io.sitrep.server.SitrepServer;
import io.sitrep.server.StoreFactory;
import io.sitrep.server.service.Errors;
import io.sitrep.server.testing.Refusal;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk under the real server on SQLite: a small tmpfs holds the data directory, ballast
 * files fill it, and the writes that no longer fit are refused with RESOURCE_EXHAUSTED / STORE_FULL
 * (the code google.rpc.Code names for a file system out of space, and not one a client retries
 * blindly); reads go on, the database passes {@code PRAGMA integrity_check}, every acknowledged
 * batch is there whole and no refused one is there at all; when the ballast goes, the same
 * requests (same request ids) succeed, once.
 *
 * <p>The disk is really full: SQLite meets ENOSPC writing its WAL, as it would on a server's
 * disk. Mounting the tmpfs needs root (as on CI and the project's machines); elsewhere the test is
 * skipped, saying why.
 */
class FullDiskTest {
  /** Small enough that the WAL never outgrows its first 32 KiB of wal-index (SQLite grows that by writing). */
  private static final String TMPFS_SIZE = "8m";
  private static final int CLAIMS_PER_BATCH = 40;
  private static final int TEXT_BYTES = 400;
  private static final long DEADLINE_SECONDS = 30;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void writesAreRefusedAsStoreFullNothingIsCorruptedAndTheySucceedWhenSpaceReturns(@TempDir Path dir)
      throws Exception {
    Path disk = Files.createDirectories(dir.resolve("disk"));
    assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=" + TMPFS_SIZE + ",mode=0700", "sitrep-full-disk",
        disk.toString()) == 0, "mounting a small tmpfs needs root; the full-disk test did not run");
    try {
      Path data = disk.resolve("data");
      Path db = data.resolve(JdbcStores.SQLITE_FILE);
      Map<String, List<Claim>> acknowledged = new LinkedHashMap<>();
      IngestRequest refused;
      try (Served served = Served.on(data)) {
        assertThat(Wire.ingest(served.channel, Wire.setup(), DEADLINE_SECONDS).getNamesCount()).isEqualTo(2);
        for (int i = 0; i < 5; i++) { // room to spare: these fit
          acknowledge(served, "early-" + i, acknowledged);
        }

        // Leave about 1 MiB, then write batches until one does not fit.
        long free = Files.getFileStore(disk).getUsableSpace();
        fill(disk.resolve("ballast-1"), free - (1 << 20));
        refused = null;
        for (int i = 0; i < 500 && refused == null; i++) {
          String requestId = "late-" + i;
          List<Claim> claims = Wire.claims(requestId, CLAIMS_PER_BATCH, TEXT_BYTES);
          try {
            IngestResponse ack = Wire.ingest(served.channel, Wire.batch(requestId, claims), DEADLINE_SECONDS);
            assertThat(ack.getNamesCount()).isEqualTo(CLAIMS_PER_BATCH);
            acknowledged.put(requestId, claims);
          } catch (io.grpc.StatusRuntimeException e) {
            assertStoreFull(Refusal.of(e));
            refused = Wire.batch(requestId, claims);
          }
        }
        assertThat(refused).as("a batch was refused before 500 batches filled 1 MiB").isNotNull();
        assertThat(acknowledged).hasSizeGreaterThan(5);

        // Not a byte left: a single Create and the refused batch again are refused as STORE_FULL,
        // unless they fit in WAL space SQLite reuses: the WAL checkpointer (its own thread) may
        // have copied every frame into the database by now, and the next write transaction then
        // writes the WAL from its start, in blocks the file already holds. Either way nothing is
        // half-stored: a write that succeeds is there whole, one refused is not there at all.
        fill(disk.resolve("ballast-2"), Long.MAX_VALUE);
        // Bigger than the refused batch: SQLite reuses the WAL space that batch had claimed before it
        // failed, and a create small enough to fit there rightly succeeds (after V4 a 10-byte one did).
        Claim single = Wire.claims("single", 1, 100_000).get(0).toBuilder().clearName().build();
        CreateClaimRequest create = CreateClaimRequest.newBuilder().setClaim(single).setClaimId("single")
            .setRequestId("create-single").build();
        boolean singleStored = storedOrFull(() -> ClaimServiceGrpc.newBlockingStub(served.channel)
            .withDeadline(Deadline.after(DEADLINE_SECONDS, TimeUnit.SECONDS)).createClaim(create));
        IngestRequest again = refused;
        boolean againStored = storedOrFull(() -> Wire.ingest(served.channel, again, DEADLINE_SECONDS));
        if (againStored) {
          acknowledged.put(refused.getRequestId(), claimsOf(refused));
        }

        // Reads go on, and show every acknowledged batch whole and nothing of the refused writes.
        if (singleStored) {
          Claim stored = ClaimServiceGrpc.newBlockingStub(served.channel)
              .getClaim(GetClaimRequest.newBuilder().setName("claims/single").build());
          acknowledged.put("create-single", List.of(asSent(stored)));
        } else {
          assertThat(Refusal.of(() -> ClaimServiceGrpc.newBlockingStub(served.channel)
              .getClaim(GetClaimRequest.newBuilder().setName("claims/single").build())).code())
              .isEqualTo(Status.Code.NOT_FOUND);
        }
        assertHolds(served, acknowledged);
        assertThat(integrityCheck(db)).isEqualTo("ok");

        // Space returns: the same requests succeed, once (a replay if they were stored above).
        Files.delete(disk.resolve("ballast-1"));
        Files.delete(disk.resolve("ballast-2"));
        IngestResponse ack = Wire.ingest(served.channel, refused, DEADLINE_SECONDS);
        assertThat(ack.getNamesCount()).isEqualTo(CLAIMS_PER_BATCH);
        assertThat(ack.getReplayed()).isEqualTo(againStored);
        assertThat(Wire.ingest(served.channel, refused, DEADLINE_SECONDS).getReplayed())
            .as("a retry of the same request id stores nothing twice").isTrue();
        acknowledged.put(refused.getRequestId(), claimsOf(refused));
        Claim created = ClaimServiceGrpc.newBlockingStub(served.channel)
            .withDeadline(Deadline.after(DEADLINE_SECONDS, TimeUnit.SECONDS)).createClaim(create);
        assertThat(created.getName()).isEqualTo("claims/single");
        acknowledged.put("create-single", List.of(asSent(created)));
        for (int i = 0; i < 3; i++) {
          acknowledge(served, "after-" + i, acknowledged);
        }
        assertHolds(served, acknowledged);
        assertThat(integrityCheck(db)).isEqualTo("ok");
      }
      // And a restart on the same directory finds it all.
      try (Served served = Served.on(data)) {
        assertHolds(served, acknowledged);
      }
      assertThat(integrityCheck(db)).isEqualTo("ok");
    } finally {
      run("umount", "-l", disk.toString());
    }
  }

  private static void acknowledge(Served served, String requestId, Map<String, List<Claim>> acknowledged) {
    List<Claim> claims = Wire.claims(requestId, CLAIMS_PER_BATCH, TEXT_BYTES);
    IngestResponse ack = Wire.ingest(served.channel, Wire.batch(requestId, claims), DEADLINE_SECONDS);
    assertThat(ack.getNamesCount()).isEqualTo(CLAIMS_PER_BATCH);
    acknowledged.put(requestId, claims);
  }

  private static List<Claim> claimsOf(IngestRequest batch) {
    return batch.getItemsList().stream().map(i -> i.getClaim()).toList();
  }

  /** A stored claim without what the server adds to it (etag, times), to compare with what was sent. */
  private static Claim asSent(Claim stored) {
    return stored.toBuilder().clearEtag().clearCreateTime().clearUpdateTime().build();
  }

  /** Runs {@code write}: true if it succeeded, false if it was refused as STORE_FULL (anything else fails). */
  private static boolean storedOrFull(Runnable write) {
    try {
      write.run();
      return true;
    } catch (io.grpc.StatusRuntimeException e) {
      assertStoreFull(Refusal.of(e));
      return false;
    }
  }

  private static void assertStoreFull(Refusal refusal) {
    assertThat(refusal.code()).as(refusal.toString()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(refusal.reason()).isEqualTo(Errors.STORE_FULL);
    assertThat(refusal.message()).contains("the store is full").doesNotContain("/");
  }

  /** The server holds exactly the acknowledged claims, as sent. */
  private static void assertHolds(Served served, Map<String, List<Claim>> acknowledged) {
    Map<String, Claim> stored = Wire.storedClaims(served.channel);
    Map<String, Claim> expected = new LinkedHashMap<>();
    acknowledged.values().forEach(claims -> claims.forEach(c -> expected.put(c.getName(), c)));
    assertThat(stored).containsExactlyInAnyOrderEntriesOf(expected);
  }

  private static String integrityCheck(Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
      return String.join("\n", rows);
    }
  }

  /** Writes zeros to {@code file} until it holds {@code bytes} or the disk is full. */
  private static void fill(Path file, long bytes) throws IOException {
    byte[] chunk = new byte[64 << 10];
    long written = 0;
    try (OutputStream out = Files.newOutputStream(file)) {
      while (written < bytes) {
        int n = (int) Math.min(chunk.length, bytes - written);
        out.write(chunk, 0, n);
        written += n;
      }
    } catch (IOException e) {
      if (bytes != Long.MAX_VALUE && !String.valueOf(e.getMessage()).contains("No space left")) {
        throw e;
      }
    }
    // Leave the tail of a failed write to the file system: tmpfs keeps whole pages it could allocate.
  }

  private static int run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
  }

  /** The real server on loopback over the SQLite store in {@code data}, and a channel to it. */
  private record Served(StoreFactory.OpenedStore opened, SitrepServer server, ManagedChannel channel)
      implements AutoCloseable {
    static Served on(Path data) throws IOException {
      StoreFactory.OpenedStore opened = StoreFactory.openSqlite(data);
      SitrepServer server = new SitrepServer(NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0),
          InsecureServerCredentials.create()), opened.store(), opened.achStore()).start();
      ManagedChannel channel = Grpc.newChannelBuilder("127.0.0.1:" + server.port(),
          InsecureChannelCredentials.create()).build();
      return new Served(opened, server, channel);
    }

    @Override
    public void close() throws Exception {
      channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
      server.stop();
      opened.close();
    }
  }
}
