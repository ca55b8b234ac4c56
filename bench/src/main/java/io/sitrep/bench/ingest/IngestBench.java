package io.sitrep.bench.ingest;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.sitrep.api.v1.Claim;
import io.sitrep.api.v1.IngestItem;
import io.sitrep.api.v1.IngestRequest;
import io.sitrep.api.v1.IngestResponse;
import io.sitrep.api.v1.Proposition;
import io.sitrep.api.v1.Report;
import io.sitrep.api.v1.Source;
import io.sitrep.api.v1.SourceKind;
import io.sitrep.api.v1.Stance;
import io.sitrep.api.v1.TimePrecision;
import io.sitrep.api.v1.TimeSpan;
import io.sitrep.client.SitrepClient;
import io.sitrep.core.store.ResourceType;
import io.sitrep.server.SitrepServer;
import io.sitrep.server.StoreFactory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ingest}: claims per second through the real server's {@code IngestService.Ingest} into a
 * store, and the same stream against a no-op endpoint in the same process (the transport alone),
 * with the acknowledgement latency of each batch. Everything runs on loopback in this process: the
 * real {@link SitrepServer} over Netty on one port, the {@link NoopIngestService} on another, and
 * {@link SitrepClient}s streaming as fast as HTTP/2 flow control lets them.
 *
 * <p>Each endpoint first takes a warm-up run (so both are measured with a warm JIT), then the
 * measured runs of {@code --claims} claims: no-op, store, no-op again; the store is compared with
 * the faster no-op run. A batch's latency runs from the moment the client hands
 * it to the stream to the moment its acknowledgement arrives, queueing behind earlier batches
 * included: what a client streaming flat out sees.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Claims/s and per-batch acknowledgement latency through the Ingest RPC into a store,"
        + " against a no-op Ingest endpoint measured in the same run (the transport alone).")
public final class IngestBench implements Callable<Integer> {
  private static final String SOURCE = "sources/bench-wire";
  private static final String REPORT = "reports/bench-wire-bulletin";
  private static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(10);

  @Option(names = "--store", required = true, paramLabel = "KIND",
      description = "sqlite (a fresh data directory in a temporary directory), postgresql (--store-url, or an"
          + " embedded PostgreSQL) or memory.")
  String store;

  @Option(names = "--store-url", paramLabel = "URL",
      description = "For --store postgresql: postgresql://host:port/db?user=... (default: start an embedded"
          + " PostgreSQL in a temporary directory). Its tables must be empty of the bench's names.")
  @Nullable String storeUrl;

  @Option(names = "--claims", defaultValue = "1000000", paramLabel = "N",
      description = "Claims in the measured run, per endpoint (default: ${DEFAULT-VALUE}).")
  long claims;

  @Option(names = "--batch", defaultValue = "1000", paramLabel = "N",
      description = "Claims per Ingest batch (default: ${DEFAULT-VALUE}; the API allows at most 10000).")
  int batch;

  @Option(names = "--clients", defaultValue = "1", paramLabel = "N",
      description = "Concurrent clients, each with its own channel and stream (default: ${DEFAULT-VALUE}).")
  int clients;

  @Option(names = "--warmup", defaultValue = "-1", paramLabel = "N",
      description = "Claims in each endpoint's warm-up run (default: a tenth of --claims, at most 100000).")
  long warmup;

  @Option(names = "--max-seconds", defaultValue = "600", paramLabel = "S",
      description = "Deadline of each run; a run that exceeds it stops the bench (default: ${DEFAULT-VALUE}).")
  int maxSeconds;

  /** One run's figures. */
  record Result(long claims, double seconds, double cpuSeconds, Histogram latencyMicros) {
    double claimsPerSecond() {
      return claims / seconds;
    }

    String describe() {
      return String.format(Locale.ROOT,
          "%,11.0f claims/s  (%,d claims in %.2f s, process CPU %.2f s)  ack latency per batch: p50 %7.2f ms,"
              + " p99 %7.2f ms, max %7.2f ms",
          claimsPerSecond(), claims, seconds, cpuSeconds, latencyMicros.getValueAtPercentile(50) / 1e3,
          latencyMicros.getValueAtPercentile(99) / 1e3, latencyMicros.getMaxValue() / 1e3);
    }
  }

  @Override
  public Integer call() throws Exception {
    if (batch < 1 || batch > 10_000 || clients < 1 || claims < clients) {
      System.err.println("ingest: need 1 <= --batch <= 10000, --clients >= 1 and --claims >= --clients");
      return 2;
    }
    long warm = warmup >= 0 ? warmup : Math.min(claims / 10, 100_000);
    List<AutoCloseable> cleanup = new ArrayList<>();
    Path tmp = Files.createTempDirectory("sitrep-ingest-bench");
    try {
      StoreFactory.OpenedStore opened = openStore(tmp, cleanup);
      SitrepServer real = new SitrepServer(NettyServerBuilder.forAddress(
          new InetSocketAddress("127.0.0.1", 0), InsecureServerCredentials.create()), opened.store()).start();
      cleanup.add(0, () -> real.stop());
      Server noop = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0),
          InsecureServerCredentials.create()).addService(new NoopIngestService()).build().start();
      cleanup.add(0, () -> noop.shutdownNow().awaitTermination(10, TimeUnit.SECONDS));

      System.out.printf(Locale.ROOT, "ingest bench: %,d claims per endpoint in batches of %,d, %d client(s),"
              + " warm-up %,d claims each; loopback 127.0.0.1; %d processors, Java %s%n",
          claims, batch, clients, warm, Runtime.getRuntime().availableProcessors(), Runtime.version());
      System.out.println("store: " + opened.description() + " (real server on :" + real.port()
          + ", no-op endpoint on :" + noop.getPort() + ")");

      String realTarget = "127.0.0.1:" + real.port();
      String noopTarget = "127.0.0.1:" + noop.getPort();
      try (SitrepClient setup = client(realTarget)) {
        setup.ingest(List.of(IngestRequest.newBuilder().setRequestId("bench-setup")
            .addItems(IngestItem.newBuilder().setSource(Source.newBuilder().setName(SOURCE)
                .setDisplayName("Bench Wire").setKind(SourceKind.SOURCE_KIND_NEWS_OUTLET)))
            .addItems(IngestItem.newBuilder().setReport(Report.newBuilder().setName(REPORT).setSource(SOURCE)
                .setTitle("Bulletin").setPublishTime(TimeSpan.newBuilder()
                    .setStartTime(com.google.protobuf.Timestamp.newBuilder().setSeconds(1_608_500_000L))
                    .setEndTime(com.google.protobuf.Timestamp.newBuilder().setSeconds(1_608_500_000L))
                    .setPrecision(TimePrecision.TIME_PRECISION_INSTANT))))
            .build()));
      }

      if (warm > 0) {
        System.out.printf(Locale.ROOT, "%-18s %s%n", "warm-up no-op:", run(noopTarget, "warm-noop", warm).describe());
        System.out.printf(Locale.ROOT, "%-18s %s%n", "warm-up store:", run(realTarget, "warm-store", warm).describe());
      }
      Result transport = run(noopTarget, "noop", claims);
      System.out.printf(Locale.ROOT, "%-18s %s%n", "no-op endpoint:", transport.describe());
      Map<String, Long> threadsBefore = threadCpuNanos();
      Result stored = run(realTarget, "store", claims);
      System.out.printf(Locale.ROOT, "%-18s %s%n", "store " + store + ":", stored.describe());
      System.out.println("  CPU per claim by thread: " + threadCpuPerClaim(threadsBefore, threadCpuNanos(), claims));
      // The transport again, after the store: on a shared machine one measurement can be unlucky.
      // The ratio is taken against the faster of the two, the conservative reading.
      Result again = run(noopTarget, "noop-again", claims);
      System.out.printf(Locale.ROOT, "%-18s %s%n", "no-op again:", again.describe());
      if (again.claimsPerSecond() > transport.claimsPerSecond()) {
        transport = again;
      }
      long held = opened.store().count(ResourceType.CLAIMS);
      System.out.printf(Locale.ROOT, "store/no-op: %.3f of the faster no-op run's claims/s; p50 latency %.1fx, p99 %.1fx;"
              + " the store holds %,d claims (expected %,d)%n",
          stored.claimsPerSecond() / transport.claimsPerSecond(),
          (double) stored.latencyMicros().getValueAtPercentile(50) / transport.latencyMicros().getValueAtPercentile(50),
          (double) stored.latencyMicros().getValueAtPercentile(99) / transport.latencyMicros().getValueAtPercentile(99),
          held, claims + warm);
      return held == claims + warm ? 0 : 1;
    } finally {
      for (AutoCloseable c : cleanup) {
        try {
          c.close();
        } catch (Exception e) {
          System.err.println("ingest: cleanup failed: " + e);
        }
      }
      try (Stream<Path> walk = Files.walk(tmp)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private StoreFactory.OpenedStore openStore(Path tmp, List<AutoCloseable> cleanup) throws IOException {
    StoreFactory.OpenedStore opened;
    switch (store) {
      case "memory" -> opened = StoreFactory.open(StoreFactory.MEMORY, null);
      case "sqlite" -> opened = StoreFactory.open(null, tmp.resolve("data"));
      case "postgresql" -> {
        String url = storeUrl;
        if (url == null) {
          EmbeddedPostgres pg = EmbeddedPostgres.builder()
              .setDataDirectory(tmp.resolve("pg-data"))
              .setCleanDataDirectory(true)
              .start();
          cleanup.add(pg);
          url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres?user=postgres";
        }
        opened = StoreFactory.open(url, null);
      }
      default -> throw new IllegalArgumentException("--store must be sqlite, postgresql or memory, not " + store);
    }
    cleanup.add(0, opened);
    return opened;
  }

  private SitrepClient client(String target) {
    return SitrepClient.builder().target(target).defaultDeadline(Duration.ofSeconds(maxSeconds)).build();
  }

  /** {@code total} claims over {@link #clients} concurrent streams to {@code target}; wall time to the last ack. */
  private Result run(String target, String prefix, long total) throws Exception {
    List<SitrepClient> sitreps = new ArrayList<>();
    List<BatchStream> streams = new ArrayList<>();
    try {
      for (int c = 0; c < clients; c++) {
        sitreps.add(client(target));
        long share = total / clients + (c < total % clients ? 1 : 0);
        streams.add(new BatchStream(prefix + "-" + c, share, batch));
      }
      long cpu0 = cpuNanos();
      long t0 = System.nanoTime();
      for (int c = 0; c < clients; c++) {
        sitreps.get(c).ingestStub().ingest(streams.get(c));
      }
      CompletableFuture.allOf(streams.stream().map(s -> s.done).toArray(CompletableFuture[]::new))
          .get(maxSeconds + 10L, TimeUnit.SECONDS);
      double seconds = (System.nanoTime() - t0) / 1e9;
      double cpuSeconds = (cpuNanos() - cpu0) / 1e9;
      Histogram latency = new Histogram(MAX_LATENCY_MICROS, 3);
      long acked = 0;
      for (BatchStream s : streams) {
        latency.add(s.latencyMicros);
        acked += s.ackedClaims;
      }
      if (acked != total) {
        throw new IllegalStateException(prefix + ": " + acked + " claims acknowledged of " + total);
      }
      return new Result(total, seconds, cpuSeconds, latency);
    } finally {
      streams.forEach(s -> s.cancel());
      sitreps.forEach(SitrepClient::close);
    }
  }

  /**
   * CPU time so far of each group of live threads, the groups named as the threads are without
   * their numbers ({@code sitrep-ingest-writer-}): which part of the pipeline a run's CPU went to.
   */
  private static Map<String, Long> threadCpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Long> out = new TreeMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long cpu = threads.getThreadCpuTime(info.getThreadId());
      if (cpu > 0) {
        out.merge(info.getThreadName().replaceAll("[0-9]+", "#"), cpu, Long::sum);
      }
    }
    return out;
  }

  /** The groups that took at least 0.1 µs per claim between two {@link #threadCpuNanos} readings, most first. */
  private static String threadCpuPerClaim(Map<String, Long> before, Map<String, Long> after, long claims) {
    return after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / 1e3 / claims))
        .filter(e -> e.getValue() >= 0.1)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .map(e -> String.format(Locale.ROOT, "%s %.2f µs", e.getKey(), e.getValue()))
        .collect(Collectors.joining(", "));
  }

  /** CPU time of the whole process (client, both servers, the store); 0 where the JVM does not say. */
  private static long cpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : 0;
  }

  /**
   * One client's Ingest stream: generates its batches as the transport takes them (as
   * {@code SitrepClient.ingest} sends), notes when each was handed over, and times its ack.
   */
  private static final class BatchStream implements ClientResponseObserver<IngestRequest, IngestResponse> {
    final CompletableFuture<Void> done = new CompletableFuture<>();
    final Histogram latencyMicros = new Histogram(MAX_LATENCY_MICROS, 3);
    long ackedClaims;
    private final String prefix;
    private final long total;
    private final int batchSize;
    private final long[] sentAt;
    private int sent;
    private int acked;
    private long generated;
    private @Nullable ClientCallStreamObserver<IngestRequest> requests;
    private boolean halfClosed;

    BatchStream(String prefix, long total, int batchSize) {
      this.prefix = prefix;
      this.total = total;
      this.batchSize = batchSize;
      this.sentAt = new long[Math.toIntExact((total + batchSize - 1) / batchSize)];
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<IngestRequest> requests) {
      this.requests = requests;
      requests.setOnReadyHandler(this::send);
    }

    private synchronized void send() {
      ClientCallStreamObserver<IngestRequest> out = requests;
      while (!halfClosed && !done.isDone() && out.isReady()) {
        if (generated < total) {
          IngestRequest next = next();
          sentAt[sent++] = System.nanoTime();
          out.onNext(next);
        } else {
          halfClosed = true;
          out.onCompleted();
        }
      }
    }

    private IngestRequest next() {
      if (generated >= total) {
        throw new NoSuchElementException();
      }
      int n = (int) Math.min(batchSize, total - generated);
      IngestRequest.Builder request = IngestRequest.newBuilder().setRequestId(prefix + "-" + sent);
      for (int i = 0; i < n; i++) {
        long k = generated + i;
        request.addItems(IngestItem.newBuilder().setClaim(Claim.newBuilder()
            .setName("claims/" + prefix + "-" + k)
            .setReport(REPORT)
            .setStance(k % 9 == 0 ? Stance.STANCE_DENIES : Stance.STANCE_ASSERTS)
            .setProposition(Proposition.newBuilder()
                .setSubject("events/" + prefix + "-" + (k / 4))
                .setAttribute("fatalities")
                .setValue(Long.toString(k * 7 % 23)))
            .setText("Local officials said " + (k * 7 % 23) + " people were killed in the strike on the market,"
                + " according to report " + k)));
      }
      generated += n;
      return request.build();
    }

    @Override
    public void onNext(IngestResponse ack) {
      long now = System.nanoTime(); // before the lock, which send() may hold while it builds a batch
      synchronized (this) {
        latencyMicros.recordValue(Math.min(MAX_LATENCY_MICROS, (now - sentAt[acked]) / 1_000));
        acked++;
        ackedClaims += ack.getNamesCount();
      }
    }

    @Override
    public void onError(Throwable t) {
      done.completeExceptionally(t);
    }

    @Override
    public void onCompleted() {
      done.complete(null);
    }

    synchronized void cancel() {
      if (requests != null && !done.isDone()) {
        requests.cancel("bench stopped", null);
        done.completeExceptionally(Status.CANCELLED.asRuntimeException());
      }
    }
  }
}
