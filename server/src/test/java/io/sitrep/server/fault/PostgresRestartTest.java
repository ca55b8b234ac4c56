package io.sitrep.server.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Deadline;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.sitrep.api.v1.Claim;
import io.sitrep.api.v1.ClaimServiceGrpc;
import io.sitrep.api.v1.GetClaimRequest;
import io.sitrep.api.v1.IngestRequest;
import io.sitrep.api.v1.IngestResponse;
import io.sitrep.server.SitrepServer;
import io.sitrep.server.StoreFactory;
import io.sitrep.server.service.Errors;
import io.sitrep.server.testing.Refusal;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stopped and started again under the real server while clients stream writes: while
 * it is down, calls fail with UNAVAILABLE (what clients retry), never INTERNAL or a hang past the
 * deadline; once it is back on the same data directory and port, the server's pool reconnects and
 * calls succeed without a restart of Sitrep; every acknowledged batch is there whole, every
 * unacknowledged one is there whole or not at all, and retrying those under their request ids
 * stores nothing twice.
 */
class PostgresRestartTest {
  private static final int WRITERS = 4;
  private static final int CLAIMS_PER_BATCH = 20;
  /** Longer than the pool's connection timeout (5 s), so an outage shows as UNAVAILABLE, not a missed deadline. */
  private static final long DEADLINE_SECONDS = 20;

  private final Map<String, List<Claim>> sent = new ConcurrentHashMap<>();
  private final Map<String, Boolean> acknowledged = new ConcurrentHashMap<>();
  private final Queue failures = new Queue();

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void callsFailUnavailableWhileDownSucceedAfterAndNoAcknowledgedWriteIsLost(@TempDir Path dir) throws Exception {
    Path pgData = dir.resolve("pg");
    int port = freePort();
    EmbeddedPostgres postgres = start(pgData, port);
    String url = "postgresql://postgres@localhost:" + port + "/postgres";
    StoreFactory.OpenedStore opened = StoreFactory.open(url, null);
    SitrepServer server = new SitrepServer(NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0),
        InsecureServerCredentials.create()), opened.store(), opened.achStore()).start();
    ManagedChannel channel = Grpc.newChannelBuilder("127.0.0.1:" + server.port(),
        InsecureChannelCredentials.create()).build();
    AtomicBoolean writing = new AtomicBoolean(true);
    List<Thread> writers = new ArrayList<>();
    try {
      assertThat(Wire.ingest(channel, Wire.setup(), DEADLINE_SECONDS).getNamesCount()).isEqualTo(2);
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        Thread t = new Thread(() -> write(channel, "w" + writer, writing), "writer-" + w);
        t.start();
        writers.add(t);
      }
      awaitAcknowledged(20, 60);

      // Down, mid-load: in-flight calls lose their connections; later ones find none.
      postgres.close();
      int acknowledgedBeforeOutage = acknowledged.size();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (failures.size() < 2 * WRITERS && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(failures.size()).as("failed calls while PostgreSQL was down").isGreaterThanOrEqualTo(2 * WRITERS);
      Refusal read = Refusal.of(() -> ClaimServiceGrpc.newBlockingStub(channel)
          .withDeadline(Deadline.after(DEADLINE_SECONDS, TimeUnit.SECONDS))
          .getClaim(GetClaimRequest.newBuilder().setName("claims/w0-0-c0").build()));
      assertThat(read.code()).as(read.toString()).isEqualTo(Status.Code.UNAVAILABLE);

      // Back on the same data directory and port: the same server's calls succeed again.
      postgres = start(pgData, port);
      int after = acknowledged.size();
      awaitAcknowledged(after + 20, 60);
      writing.set(false);
      for (Thread t : writers) {
        t.join(TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS + 10));
      }

      List<Refusal> refusals = failures.all();
      assertThat(refusals).as("every failure is UNAVAILABLE / STORE_UNAVAILABLE").allSatisfy(r -> {
        assertThat(r.code()).as(r.toString()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(r.reason()).as(r.toString()).isEqualTo(Errors.STORE_UNAVAILABLE);
      });

      // Every acknowledged batch is whole; every other batch whole or absent.
      Map<String, Claim> stored = Wire.storedClaims(channel);
      List<String> unacknowledged = new ArrayList<>();
      int storedUnacknowledged = 0;
      for (Map.Entry<String, List<Claim>> batch : sent.entrySet()) {
        long present = batch.getValue().stream().filter(c -> c.equals(stored.get(c.getName()))).count();
        if (acknowledged.containsKey(batch.getKey())) {
          assertThat(present).as("acknowledged batch %s", batch.getKey()).isEqualTo(CLAIMS_PER_BATCH);
        } else {
          assertThat(present).as("unacknowledged batch %s is all or nothing", batch.getKey())
              .isIn(0L, (long) CLAIMS_PER_BATCH);
          unacknowledged.add(batch.getKey());
          storedUnacknowledged += present > 0 ? 1 : 0;
        }
      }
      assertThat(stored).hasSize((int) sent.values().stream().filter(claims -> claims.stream()
          .anyMatch(c -> stored.containsKey(c.getName()))).count() * CLAIMS_PER_BATCH);

      // A retry of each unacknowledged batch under its request id stores it once: a replay if it had committed.
      for (String requestId : unacknowledged) {
        boolean wasStored = stored.containsKey(sent.get(requestId).get(0).getName());
        IngestResponse ack = Wire.ingest(channel, Wire.batch(requestId, sent.get(requestId)), DEADLINE_SECONDS);
        assertThat(ack.getNamesCount()).isEqualTo(CLAIMS_PER_BATCH);
        assertThat(ack.getReplayed()).as("retry of %s", requestId).isEqualTo(wasStored);
      }
      Map<String, Claim> afterRetries = Wire.storedClaims(channel);
      assertThat(afterRetries).hasSize(sent.size() * CLAIMS_PER_BATCH);
      sent.values().forEach(claims -> claims.forEach(c -> assertThat(afterRetries.get(c.getName())).isEqualTo(c)));
      System.out.printf("PostgresRestartTest: %d batches sent, %d acknowledged (%d before the outage),"
              + " %d failed with UNAVAILABLE, %d of the unacknowledged had committed%n",
          sent.size(), acknowledged.size(), acknowledgedBeforeOutage, refusals.size(), storedUnacknowledged);
    } finally {
      writing.set(false);
      for (Thread t : writers) {
        t.join(TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS + 10));
      }
      channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
      server.stop();
      opened.close();
      postgres.close();
    }
  }

  /** One client: batch after batch, each under a fresh request id, until told to stop. */
  private void write(ManagedChannel channel, String writer, AtomicBoolean writing) {
    for (int n = 0; writing.get(); n++) {
      String requestId = writer + "-" + n;
      List<Claim> claims = Wire.claims(requestId, CLAIMS_PER_BATCH, 60);
      sent.put(requestId, claims);
      IngestRequest batch = Wire.batch(requestId, claims);
      try {
        IngestResponse ack = Wire.ingest(channel, batch, DEADLINE_SECONDS);
        if (ack.getNamesCount() == CLAIMS_PER_BATCH && !ack.getReplayed()) {
          acknowledged.put(requestId, true);
        }
      } catch (StatusRuntimeException e) {
        failures.add(Refusal.of(e));
        try {
          Thread.sleep(100);
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  private void awaitAcknowledged(int count, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (acknowledged.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(acknowledged.size()).as("acknowledged batches; failures so far: %s", failures.all())
        .isGreaterThanOrEqualTo(count);
  }

  /** PostgreSQL on {@code data} (made on the first start, kept after) at {@code port}, durable. */
  private static EmbeddedPostgres start(Path data, int port) throws IOException {
    return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Failures, in arrival order, from the writer threads. */
  private static final class Queue {
    private final ConcurrentLinkedQueue<Refusal> refusals = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();

    void add(Refusal r) {
      refusals.add(r);
      count.incrementAndGet();
    }

    int size() {
      return count.get();
    }

    List<Refusal> all() {
      return new CopyOnWriteArrayList<>(refusals);
    }
  }
}
