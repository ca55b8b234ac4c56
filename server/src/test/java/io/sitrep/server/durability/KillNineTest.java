package io.sitrep.server.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Channel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.sitrep.api.v1.Claim;
import io.sitrep.api.v1.Dataset;
import io.sitrep.api.v1.GetClaimRequest;
import io.sitrep.api.v1.IngestItem;
import io.sitrep.api.v1.IngestRequest;
import io.sitrep.api.v1.IngestResponse;
import io.sitrep.api.v1.IngestServiceGrpc;
import io.sitrep.api.v1.ListActorsRequest;
import io.sitrep.api.v1.ListActorsResponse;
import io.sitrep.api.v1.ListClaimsRequest;
import io.sitrep.api.v1.ListClaimsResponse;
import io.sitrep.api.v1.ListEventsRequest;
import io.sitrep.api.v1.ListEventsResponse;
import io.sitrep.api.v1.ListReportsRequest;
import io.sitrep.api.v1.ListReportsResponse;
import io.sitrep.api.v1.ListSourcesRequest;
import io.sitrep.api.v1.ListSourcesResponse;
import io.sitrep.api.v1.Proposition;
import io.sitrep.api.v1.Report;
import io.sitrep.api.v1.Source;
import io.sitrep.api.v1.SourceKind;
import io.sitrep.api.v1.Stance;
import io.sitrep.api.v1.TimePrecision;
import io.sitrep.api.v1.TimeSpan;
import com.google.protobuf.Timestamp;
import io.sitrep.api.v1.ActorServiceGrpc;
import io.sitrep.api.v1.ClaimServiceGrpc;
import io.sitrep.api.v1.EventServiceGrpc;
import io.sitrep.api.v1.ReportServiceGrpc;
import io.sitrep.api.v1.SourceServiceGrpc;
import io.sitrep.server.demo.DemoDataset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server in a child JVM on a SQLite data directory, killed with SIGKILL at random moments
 * while claims stream in, and started again on the same directory: every batch acknowledged before
 * a kill is there, whole, and no batch is ever partly visible.
 *
 * <p>The server module cannot depend on {@code sitrep-client} (the client depends on the server),
 * so the claims go through the same raw {@code IngestService.Ingest} stream that
 * {@code SitrepClient.ingest} drives: batches sent as fast as flow control allows, acknowledged in
 * order.
 */
class KillNineTest {
  private static final int KILLS = 11;
  private static final int CLAIMS_PER_BATCH = 200;
  private static final int MAX_BATCHES_PER_ROUND = 40;
  private static final String SOURCE = "sources/crash-wire";
  private static final String REPORT = "reports/crash-wire-bulletin";

  /** Every claim sent, by batch request id, in send order. */
  private final Map<String, List<Claim>> sent = new LinkedHashMap<>();
  /** Request ids of the batches the server acknowledged, across every run. */
  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
  /** Acknowledgements that name fewer claims than the batch held, or say it was a replay. */
  private final List<String> badAcks = java.util.Collections.synchronizedList(new ArrayList<>());

  @Test
  @Timeout(value = 85, unit = TimeUnit.SECONDS)
  void everyAcknowledgedBatchSurvivesKill9WholeAndNoBatchIsEverHalfStored(@TempDir Path dir) throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Path data = dir.resolve("data");
    Path log = dir.resolve("server.log");
    String why = "seed " + seed + ", server log " + log;

    try (ChildServer first = ChildServer.launch(log, "--data-dir", data.toString()).awaitListening()) {
      assertThat(first.banner()).as(why).contains("store: sqlite " + data.toAbsolutePath());
      List<IngestResponse> acks = ingest(first.channel(), List.of(IngestRequest.newBuilder()
          .setRequestId("setup")
          .addItems(IngestItem.newBuilder().setSource(Source.newBuilder().setName(SOURCE)
              .setDisplayName("Crash Wire").setKind(SourceKind.SOURCE_KIND_NEWS_OUTLET)))
          .addItems(IngestItem.newBuilder().setReport(Report.newBuilder().setName(REPORT).setSource(SOURCE)
              .setTitle("Bulletin").setPublishTime(TimeSpan.newBuilder()
                  .setStartTime(Timestamp.newBuilder().setSeconds(1_608_500_000L))
                  .setEndTime(Timestamp.newBuilder().setSeconds(1_608_500_000L))
                  .setPrecision(TimePrecision.TIME_PRECISION_INSTANT))))
          .build()).iterator()).join();
      assertThat(acks).hasSize(1);
      first.kill9();
    }

    int kills = 0;
    int midStream = 0;
    for (int round = 0; round < KILLS; round++) {
      long t0 = System.nanoTime();
      try (ChildServer server = ChildServer.launch(log, "--data-dir", data.toString()).awaitListening()) {
        long t1 = System.nanoTime();
        if (round > 0) {
          // A quick look at the round killed last: its last acknowledged claim is back, as sent.
          // Every batch is checked in full at the end, after every kill.
          lastAcknowledgedClaim(round - 1).ifPresent(claim -> assertThat(
              ClaimServiceGrpc.newBlockingStub(server.channel())
                  .getClaim(GetClaimRequest.newBuilder().setName(claim.getName()).build())
                  .toBuilder().clearEtag().clearCreateTime().clearUpdateTime().build())
              .as("%s, after a kill", why).isEqualTo(claim));
        }
        long t2 = System.nanoTime();
        int batches = 1 + random.nextInt(MAX_BATCHES_PER_ROUND);
        List<IngestRequest> roundBatches = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
          roundBatches.add(batch("r" + round + "-b" + b, attribute(round)));
        }
        // Kill after a random number of acknowledgements plus a random few milliseconds, so that
        // the kill lands with batches in flight, some of them mid-transaction.
        int killAfterAcks = random.nextInt(batches);
        CompletableFuture<List<IngestResponse>> stream = ingest(server.channel(), roundBatches.iterator());
        AtomicInteger waited = new AtomicInteger();
        while (!stream.isDone() && ackedIn(round) <= killAfterAcks && waited.incrementAndGet() < 10_000) {
          Thread.sleep(1);
        }
        Thread.sleep(random.nextInt(15));
        if (!stream.isDone()) {
          midStream++;
        }
        server.kill9();
        kills++;
        stream.handle((r, t) -> null).get(10, TimeUnit.SECONDS);
        System.out.printf("round %d: start %d ms, check %d ms, ingest %d ms, %d of %d batches acknowledged%n",
            round, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000,
            ackedIn(round), batches);
      }
    }

    // A last start: verify, then a clean stop (SIGTERM runs the shutdown hook and closes the
    // store) and a start after it.
    try (ChildServer server = ChildServer.launch(log, "--data-dir", data.toString()).awaitListening()) {
      verify(server.channel(), why + ", after the last kill");
      // A second server on the same data directory is refused, not let in to corrupt it.
      try (ChildServer intruder = ChildServer.launch(log, "--data-dir", data.toString())) {
        assertThat(intruder.awaitExit()).as(why).isEqualTo(2);
      }
      server.terminate();
    }
    try (ChildServer server = ChildServer.launch(log, "--data-dir", data.toString()).awaitListening()) {
      Summary summary = verify(server.channel(), why + ", after a clean stop");
      System.out.printf("KillNineTest: %d kills (%d mid-stream), %d batches sent, %d acknowledged and verified"
              + " (%d claims), %d stored unacknowledged, seed %d%n",
          kills, midStream, sent.size(), acknowledged.size() - 1, summary.acknowledgedClaims(),
          summary.storedUnacknowledged(), seed);
      assertThat(kills).isGreaterThanOrEqualTo(10);
      assertThat(badAcks).as(why).isEmpty();
      assertThat(acknowledged.size() - 1).as("batches acknowledged over all rounds").isPositive();
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void theDemoSurvivesKill9AndARestartLoadsItOnceIntact(@TempDir Path dir) throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Path data = dir.resolve("data");
    Path log = dir.resolve("server.log");
    String why = "seed " + seed + ", server log " + log;
    Dataset demo = DemoDataset.load();
    Map<String, Integer> expected = Map.of(
        "sources", demo.getSourcesCount(), "reports", demo.getReportsCount(), "actors", demo.getActorsCount(),
        "events", demo.getEventsCount(), "claims", demo.getClaimsCount());

    // Killed at a random moment of the first start: maybe before, during or after the demo load.
    try (ChildServer server = ChildServer.launch(log, "--data-dir", data.toString(), "--demo")) {
      Thread.sleep(random.nextInt(2500));
      server.kill9();
    }
    for (int run = 0; run < 3; run++) {
      try (ChildServer server = ChildServer.launch(log, "--data-dir", data.toString(), "--demo").awaitListening()) {
        assertThat(server.banner()).as(why).containsPattern("demo: \\d+ resources");
        assertThat(counts(server.channel())).as(why + ", run " + run).isEqualTo(expected);
        if (run > 0) {
          assertThat(server.banner()).as(why).contains("already in the store");
        }
        server.kill9();
      }
    }
  }

  // --- ingesting ---

  private static String attribute(int round) {
    return "shelling-r" + round;
  }

  private IngestRequest batch(String requestId, String attribute) {
    List<Claim> claims = new ArrayList<>(CLAIMS_PER_BATCH);
    IngestRequest.Builder request = IngestRequest.newBuilder().setRequestId(requestId);
    for (int i = 0; i < CLAIMS_PER_BATCH; i++) {
      Claim claim = Claim.newBuilder()
          .setName("claims/" + requestId + "-c" + i)
          .setReport(REPORT)
          .setStance(i % 7 == 0 ? Stance.STANCE_DENIES : Stance.STANCE_ASSERTS)
          .setProposition(Proposition.newBuilder()
              .setSubject("places/" + requestId + "-" + i)
              .setAttribute(attribute)
              .setValue(Integer.toString(i * 31 % 97)))
          .setText("claim " + i + " of batch " + requestId + ": \u0642\u0635\u0641 " + "x".repeat(i % 40))
          .build();
      claims.add(claim);
      request.addItems(IngestItem.newBuilder().setClaim(claim));
    }
    sent.put(requestId, claims);
    return request.build();
  }

  private java.util.Optional<Claim> lastAcknowledgedClaim(int round) {
    String prefix = "r" + round + "-";
    return sent.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix) && acknowledged.contains(e.getKey()))
        .reduce((a, b) -> b)
        .map(e -> e.getValue().get(e.getValue().size() - 1));
  }

  private int ackedIn(int round) {
    String prefix = "r" + round + "-";
    return (int) acknowledged.stream().filter(id -> id.startsWith(prefix)).count();
  }

  /** Streams {@code batches} on one Ingest call, recording each acknowledgement as it arrives. */
  private CompletableFuture<List<IngestResponse>> ingest(Channel channel, Iterator<IngestRequest> batches) {
    CompletableFuture<List<IngestResponse>> done = new CompletableFuture<>();
    List<IngestResponse> acks = new ArrayList<>();
    IngestServiceGrpc.newStub(channel).ingest(new ClientResponseObserver<IngestRequest, IngestResponse>() {
      private ClientCallStreamObserver<IngestRequest> requests;
      private boolean halfClosed;

      @Override
      public void beforeStart(ClientCallStreamObserver<IngestRequest> requests) {
        this.requests = requests;
        requests.setOnReadyHandler(this::send);
      }

      private synchronized void send() {
        while (!halfClosed && !done.isDone() && requests.isReady()) {
          if (batches.hasNext()) {
            requests.onNext(batches.next());
          } else {
            halfClosed = true;
            requests.onCompleted();
          }
        }
      }

      @Override
      public synchronized void onNext(IngestResponse ack) {
        List<Claim> claims = sent.get(ack.getRequestId());
        int expected = claims == null ? 2 : claims.size(); // the set-up batch: a source and a report
        if (ack.getNamesCount() != expected || ack.getReplayed()) {
          badAcks.add(ack.toString());
        }
        acknowledged.add(ack.getRequestId());
        acks.add(ack);
      }

      @Override
      public void onError(Throwable t) {
        done.completeExceptionally(t);
      }

      @Override
      public synchronized void onCompleted() {
        done.complete(List.copyOf(acks));
      }
    });
    return done;
  }

  // --- checking ---

  record Summary(long acknowledgedClaims, int storedUnacknowledged) {}

  /**
   * Every acknowledged batch is stored whole and equal to what was sent; every other batch sent is
   * stored whole or not at all; nothing else is stored.
   */
  private Summary verify(Channel channel, String why) {
    Map<String, Claim> stored = new HashMap<>();
    for (Claim c : listAll(channel, t -> ClaimServiceGrpc.newBlockingStub(channel).listClaims(
        ListClaimsRequest.newBuilder().setPageSize(1000).setPageToken(t).build()),
        ListClaimsResponse::getClaimsList, ListClaimsResponse::getNextPageToken)) {
      stored.put(c.getName(), c.toBuilder().clearEtag().clearCreateTime().clearUpdateTime().build());
    }
    long acknowledgedClaims = 0;
    int storedUnacknowledged = 0;
    int accounted = 0;
    for (Map.Entry<String, List<Claim>> batch : sent.entrySet()) {
      List<Claim> claims = batch.getValue();
      long present = claims.stream().filter(c -> stored.containsKey(c.getName())).count();
      assertThat(present).as("%s: batch %s is all or nothing", why, batch.getKey())
          .isIn(0L, (long) claims.size());
      if (acknowledged.contains(batch.getKey())) {
        assertThat(present).as("%s: acknowledged batch %s is stored", why, batch.getKey()).isEqualTo(claims.size());
        acknowledgedClaims += claims.size();
      } else if (present > 0) {
        storedUnacknowledged++;
      }
      for (Claim c : claims) {
        if (present > 0) {
          assertThat(stored.get(c.getName())).as("%s: %s is stored as sent", why, c.getName()).isEqualTo(c);
        }
      }
      accounted += (int) present;
    }
    assertThat(stored).as("%s: nothing but the claims sent is stored", why).hasSize(accounted);
    return new Summary(acknowledgedClaims, storedUnacknowledged);
  }

  private Map<String, Integer> counts(Channel channel) {
    return Map.of(
        "sources", listAll(channel, t -> SourceServiceGrpc.newBlockingStub(channel).listSources(
            ListSourcesRequest.newBuilder().setPageSize(1000).setPageToken(t).build()),
            ListSourcesResponse::getSourcesList, ListSourcesResponse::getNextPageToken).size(),
        "reports", listAll(channel, t -> ReportServiceGrpc.newBlockingStub(channel).listReports(
            ListReportsRequest.newBuilder().setPageSize(1000).setPageToken(t).build()),
            ListReportsResponse::getReportsList, ListReportsResponse::getNextPageToken).size(),
        "actors", listAll(channel, t -> ActorServiceGrpc.newBlockingStub(channel).listActors(
            ListActorsRequest.newBuilder().setPageSize(1000).setPageToken(t).build()),
            ListActorsResponse::getActorsList, ListActorsResponse::getNextPageToken).size(),
        "events", listAll(channel, t -> EventServiceGrpc.newBlockingStub(channel).listEvents(
            ListEventsRequest.newBuilder().setPageSize(1000).setPageToken(t).build()),
            ListEventsResponse::getEventsList, ListEventsResponse::getNextPageToken).size(),
        "claims", listAll(channel, t -> ClaimServiceGrpc.newBlockingStub(channel).listClaims(
            ListClaimsRequest.newBuilder().setPageSize(1000).setPageToken(t).build()),
            ListClaimsResponse::getClaimsList, ListClaimsResponse::getNextPageToken).size());
  }

  private static <P, T> List<T> listAll(Channel channel, Function<String, P> page, Function<P, List<T>> items,
      Function<P, String> next) {
    List<T> all = new ArrayList<>();
    String token = "";
    do {
      P p = page.apply(token);
      all.addAll(items.apply(p));
      token = next.apply(p);
    } while (!token.isEmpty());
    return all;
  }
}
