package io.sitrep.bench.load;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.Channel;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.sitrep.api.v1.ActorServiceGrpc;
import io.sitrep.api.v1.ClaimServiceGrpc;
import io.sitrep.api.v1.EventServiceGrpc;
import io.sitrep.api.v1.IngestResponse;
import io.sitrep.api.v1.ListActorsRequest;
import io.sitrep.api.v1.ListClaimsRequest;
import io.sitrep.api.v1.ListEventsRequest;
import io.sitrep.api.v1.ListReportsRequest;
import io.sitrep.api.v1.ListSourcesRequest;
import io.sitrep.api.v1.ReportServiceGrpc;
import io.sitrep.api.v1.SourceServiceGrpc;
import io.sitrep.server.Main;
import io.sitrep.server.ops.AccessLog;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code load}: the real server under many concurrent clients on loopback, then its point-Get
 * rate. Starts {@code sitrep-server} in this process as {@link Main} does (Netty on 127.0.0.1, a
 * fresh SQLite data directory in a temporary directory or memory, the demo loaded), and drives it
 * with closed-loop clients on asynchronous stubs: each client has one call outstanding and issues
 * the next, picked from the {@link Workload} mix, when it completes. Latency runs from the call's
 * issue to its completion (HdrHistogram); with a closed loop it is what each client waited, not
 * what an open arrival stream would see.
 *
 * <p>Two phases, each after an unrecorded warm-up: the mixed run ({@code --clients} clients for
 * {@code --seconds}) and the point-Get run ({@code --get-outstanding} clients calling only
 * GetClaim for {@code --get-seconds}). Every failed call is an error and makes the exit status 1;
 * RESOURCE_EXHAUSTED other than a full store (a rate limit or quota) is reported apart as a
 * refusal by the server's policy.
 */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "The real server (SQLite by default, demo loaded) under concurrent clients on loopback: per method calls,"
            + " errors by status, calls/s and p50/p90/p99/max latency; then point GetClaim calls/s and p99 at a"
            + " few outstanding calls. Exits 1 if any call failed.",
        "",
        "Mix (percent of calls): GetClaim 20, GetEvent 8, GetActor 8, GetReport 5, GetSource 4;"
            + " ListClaims 8 (by stance), ListEvents 5 (by participant), ListActors 2 (pages of 50);"
            + " Ingest 10 (10 new claims per batch, one stream each), CreateClaim 5 (fresh request ids);"
            + " GetTimeline 8 (Asa'ib Ahl al-Haq with members), ListDisputes 8 and AssessClaims 5 (the"
            + " detainee's custody), ResolveActor 4.",
        ""})
public final class LoadBench implements Callable<Integer> {
  /** The issue's target for point Get on a 2-core machine shared by client and server. */
  static final double TARGET_GET_PER_SECOND = 5_000;
  static final double TARGET_GET_P99_MILLIS = 10;
  /** Held: java.util.logging keeps loggers weakly, and a collected logger forgets its level. */
  private static final List<Logger> QUIETED = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Option(names = "--clients", defaultValue = "200", paramLabel = "C",
      description = "Concurrent clients in the mixed run, one call outstanding each (default: ${DEFAULT-VALUE}).")
  int clients;

  @Option(names = "--seconds", defaultValue = "60", paramLabel = "D",
      description = "Length of the measured mixed run (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--warmup-seconds", defaultValue = "10", paramLabel = "S",
      description = "Unrecorded warm-up before each phase, same load (default: ${DEFAULT-VALUE}).")
  int warmupSeconds;

  @Option(names = "--get-outstanding", defaultValue = "16", paramLabel = "N",
      description = "Outstanding GetClaim calls in the point-Get run (default: ${DEFAULT-VALUE}).")
  int getOutstanding;

  @Option(names = "--get-seconds", defaultValue = "20", paramLabel = "S",
      description = "Length of the measured point-Get run; 0 skips it (default: ${DEFAULT-VALUE}).")
  int getSeconds;

  @Option(names = "--channels", defaultValue = "4", paramLabel = "N",
      description = "Client channels (HTTP/2 connections) the clients share (default: ${DEFAULT-VALUE}).")
  int channels;

  @Option(names = "--deadline-millis", defaultValue = "30000", paramLabel = "MS",
      description = "Deadline of every call, the client library's default (default: ${DEFAULT-VALUE}).")
  long deadlineMillis;

  @Option(names = "--store", defaultValue = "sqlite", paramLabel = "KIND",
      description = "sqlite (a fresh data directory in a temporary directory) or memory (default: ${DEFAULT-VALUE}).")
  String store;

  @Option(names = "--access-log",
      description = "Keep the server's access log (one line per call on standard error); off by default, as an"
          + " operator quiets it with a logging config, so that the run measures the calls, not the console.")
  boolean accessLog;

  @Option(names = "--server-arg", paramLabel = "ARG",
      description = "A further sitrep-server flag, e.g. a limit to measure (repeatable).")
  List<String> serverArgs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (clients < 1 || seconds < 1 || warmupSeconds < 0 || getOutstanding < 1 || getSeconds < 0 || channels < 1
        || deadlineMillis < 1 || !(store.equals("sqlite") || store.equals("memory"))) {
      System.err.println("load: need --clients, --seconds, --get-outstanding, --channels, --deadline-millis >= 1,"
          + " --warmup-seconds, --get-seconds >= 0 and --store sqlite|memory");
      return 2;
    }
    // As sitrep-server's main does: libraries speak only of trouble; the access log as asked.
    List<Logger> quiet = new ArrayList<>(List.of(Logger.getLogger("org.flywaydb"), Logger.getLogger("com.zaxxer.hikari")));
    if (!accessLog) {
      quiet.add(Logger.getLogger(AccessLog.LOGGER));
    }
    quiet.forEach(l -> l.setLevel(Level.WARNING));
    QUIETED.addAll(quiet);
    Path tmp = Files.createTempDirectory("sitrep-load-bench");
    Main.Running running = null;
    List<ManagedChannel> open = new ArrayList<>();
    try {
      List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", "0", "--demo"));
      args.addAll(store.equals("memory") ? List.of("--store", "memory") : List.of("--data-dir", tmp.resolve("data").toString()));
      args.addAll(serverArgs);
      Main main = new Main();
      new CommandLine(main).parseArgs(args.toArray(String[]::new));
      running = main.start();
      System.out.printf(Locale.ROOT, "load bench: %s; access log %s; %d processors, Java %s, load average %s%n",
          running.banner(), accessLog ? "on" : "off", Runtime.getRuntime().availableProcessors(), Runtime.version(),
          loadAverage());

      for (int i = 0; i < channels; i++) {
        open.add(Grpc.newChannelBuilder("127.0.0.1:" + running.port(), InsecureChannelCredentials.create())
            .directExecutor().build());
      }
      Channel first = open.get(0);
      String runId = "load-" + Long.toString(System.currentTimeMillis(), 36);
      IngestResponse setup = ingestSetup(first, runId);
      Workload workload = new Workload(names(first), runId);
      System.out.printf(Locale.ROOT, "setup: %d resources written; reads pick among the store's names%n",
          setup.getNamesCount());

      int errors = 0;
      System.out.printf(Locale.ROOT, "%nmixed run: %d clients over %d channels, warm-up %d s, measured %d s,"
          + " deadline %d ms%n", clients, channels, warmupSeconds, seconds, deadlineMillis);
      Phase mixed = new Phase(workload.mix(), clients, open, deadlineMillis);
      errors += mixed.run(warmupSeconds, seconds);
      mixed.print(System.out);

      if (getSeconds > 0) {
        System.out.printf(Locale.ROOT, "%npoint-Get run: %d outstanding GetClaim calls over %d channels, warm-up %d s,"
            + " measured %d s%n", getOutstanding, channels, warmupSeconds, getSeconds);
        Phase gets = new Phase(List.of(workload.pointGet()), getOutstanding, open, deadlineMillis);
        errors += gets.run(warmupSeconds, getSeconds);
        gets.print(System.out);
        CallStats get = gets.measured.get(0);
        double rate = get.successes() / gets.measuredSeconds;
        double p99 = get.latency().getValueAtPercentile(99) / 1e3;
        boolean met = rate >= TARGET_GET_PER_SECOND && p99 < TARGET_GET_P99_MILLIS && get.errorCount() == 0;
        System.out.printf(Locale.ROOT, "point Get: %,.0f calls/s, p99 %.2f ms at %d outstanding; target >= %,.0f"
                + " calls/s with p99 < %.0f ms: %s (load average %s)%n", rate, p99, getOutstanding,
            TARGET_GET_PER_SECOND, TARGET_GET_P99_MILLIS, met ? "met" : "NOT met", loadAverage());
      }
      if (errors > 0) {
        System.out.printf(Locale.ROOT, "%nFAILED: %,d calls failed (see the errors column); exit status 1%n", errors);
        return 1;
      }
      System.out.printf(Locale.ROOT, "%nno call failed%n");
      return 0;
    } finally {
      for (ManagedChannel c : open) {
        c.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
      }
      if (running != null) {
        running.stop();
      }
      try (Stream<Path> walk = Files.walk(tmp)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static IngestResponse ingestSetup(Channel channel, String runId) throws Exception {
    java.util.concurrent.CompletableFuture<IngestResponse> done = new java.util.concurrent.CompletableFuture<>();
    io.grpc.stub.StreamObserver<io.sitrep.api.v1.IngestRequest> requests = io.sitrep.api.v1.IngestServiceGrpc
        .newStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
        .ingest(new io.grpc.stub.StreamObserver<>() {
          @Override
          public void onNext(IngestResponse value) {
            done.complete(value);
          }

          @Override
          public void onError(Throwable t) {
            done.completeExceptionally(t);
          }

          @Override
          public void onCompleted() {
            done.completeExceptionally(new IllegalStateException("the setup batch was not acknowledged"));
          }
        });
    requests.onNext(Workload.setup(runId + "-setup"));
    requests.onCompleted();
    return done.get(60, TimeUnit.SECONDS);
  }

  /** The names of the demo's resources, which the reads ask for. */
  private static Workload.Names names(Channel channel) {
    Workload.Names names = new Workload.Names(
        SourceServiceGrpc.newBlockingStub(channel).listSources(ListSourcesRequest.newBuilder().setPageSize(1000).build())
            .getSourcesList().stream().map(s -> s.getName()).toList(),
        ReportServiceGrpc.newBlockingStub(channel).listReports(ListReportsRequest.newBuilder().setPageSize(1000).build())
            .getReportsList().stream().map(r -> r.getName()).toList(),
        ActorServiceGrpc.newBlockingStub(channel).listActors(ListActorsRequest.newBuilder().setPageSize(1000).build())
            .getActorsList().stream().map(a -> a.getName()).toList(),
        EventServiceGrpc.newBlockingStub(channel).listEvents(ListEventsRequest.newBuilder().setPageSize(1000).build())
            .getEventsList().stream().map(e -> e.getName()).toList(),
        ClaimServiceGrpc.newBlockingStub(channel).listClaims(ListClaimsRequest.newBuilder().setPageSize(1000).build())
            .getClaimsList().stream().map(c -> c.getName()).toList());
    if (names.sources().isEmpty() || names.reports().isEmpty() || names.actors().isEmpty() || names.events().isEmpty()
        || names.claims().isEmpty()) {
      throw new IllegalStateException("the demo is not in the store: " + names);
    }
    return names;
  }

  /** The 1-minute load average of the machine (what {@code uptime} shows first), or "n/a". */
  static String loadAverage() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", load);
  }

  private static long cpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : 0;
  }

  /**
   * One phase: {@code clients} closed-loop clients over the channels, issuing calls of the mix
   * until the time is up, recorded only after the warm-up.
   */
  static final class Phase {
    private final List<Workload.Method> mix;
    private final int totalWeight;
    private final int clients;
    private final List<ManagedChannel> channels;
    private final long deadlineMillis;
    final List<CallStats> warmup;
    final List<CallStats> measured;
    double measuredSeconds;
    private double cpuSeconds;
    private String loadAtEnd = "";
    private volatile long measureFrom;
    private volatile long endAt;
    private CountDownLatch stopped;

    Phase(List<Workload.Method> mix, int clients, List<ManagedChannel> channels, long deadlineMillis) {
      this.mix = mix;
      this.totalWeight = mix.stream().mapToInt(Workload.Method::weight).sum();
      this.clients = clients;
      this.channels = channels;
      this.deadlineMillis = deadlineMillis;
      this.warmup = mix.stream().map(m -> new CallStats(m.name())).toList();
      this.measured = mix.stream().map(m -> new CallStats(m.name())).toList();
    }

    /** Runs the phase; the number of failed calls, warm-up included. */
    int run(int warmupSeconds, int measuredSeconds) throws InterruptedException {
      long start = System.nanoTime();
      measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
      endAt = measureFrom + TimeUnit.SECONDS.toNanos(measuredSeconds);
      stopped = new CountDownLatch(clients);
      for (int c = 0; c < clients; c++) {
        issue(channels.get(c % channels.size()));
      }
      long waitMillis = TimeUnit.NANOSECONDS.toMillis(measureFrom - System.nanoTime());
      if (waitMillis > 0) {
        Thread.sleep(waitMillis);
      }
      long cpu0 = cpuNanos();
      // Every client stops issuing at endAt; the last calls finish within their deadline.
      if (!stopped.await(TimeUnit.NANOSECONDS.toMillis(endAt - System.nanoTime()) + deadlineMillis + 5_000,
          TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(stopped.getCount() + " clients did not finish within the deadline");
      }
      this.measuredSeconds = measuredSeconds;
      this.cpuSeconds = (cpuNanos() - cpu0) / 1e9;
      this.loadAtEnd = loadAverage();
      long errors = 0;
      for (int i = 0; i < mix.size(); i++) {
        errors += warmup.get(i).errorCount() + measured.get(i).errorCount();
      }
      return Math.toIntExact(errors);
    }

    /** One client's next call, or its end when the time is up. */
    private void issue(Channel channel) {
      long now = System.nanoTime();
      if (now - endAt >= 0) {
        stopped.countDown();
        return;
      }
      int i = pick();
      Workload.Method method = mix.get(i);
      ListenableFuture<?> call;
      try {
        call = method.call().issue(channel, deadlineMillis);
      } catch (RuntimeException e) {
        (now - measureFrom >= 0 ? measured : warmup).get(i).failure(e);
        issue(channel);
        return;
      }
      Futures.addCallback(call, new FutureCallback<Object>() {
        @Override
        public void onSuccess(Object result) {
          long done = System.nanoTime();
          if (now - measureFrom >= 0 && done - endAt < 0) {
            measured.get(i).success(done - now);
          } else {
            warmup.get(i).success(done - now);
          }
          issue(channel);
        }

        @Override
        public void onFailure(Throwable t) {
          // Failures always count, whenever they happen.
          (now - measureFrom >= 0 ? measured : warmup).get(i).failure(t);
          issue(channel);
        }
      }, MoreExecutors.directExecutor());
    }

    private int pick() {
      int r = ThreadLocalRandom.current().nextInt(totalWeight);
      for (int i = 0; i < mix.size(); i++) {
        r -= mix.get(i).weight();
        if (r < 0) {
          return i;
        }
      }
      throw new AssertionError();
    }

    void print(java.io.PrintStream out) {
      out.printf(Locale.ROOT, "%-13s %9s %7s %10s %8s %8s %8s %9s  %s%n", "method", "calls", "errors", "calls/s",
          "p50 ms", "p90 ms", "p99 ms", "max ms", "errors by status");
      long calls = 0;
      long errors = 0;
      long refusals = 0;
      Histogram all = new Histogram(CallStats.MAX_LATENCY_MICROS, 3);
      for (CallStats s : measured) {
        Histogram h = s.latency();
        out.printf(Locale.ROOT, "%-13s %,9d %,7d %,10.0f %8.2f %8.2f %8.2f %9.2f  %s%n", s.method, s.calls(),
            s.errorCount(), s.successes() / measuredSeconds, ms(h, 50), ms(h, 90), ms(h, 99),
            h.getMaxValue() / 1e3, describe(s.errorsByStatus()));
        calls += s.calls();
        errors += s.errorCount();
        refusals += s.refusalCount();
        all.add(h);
      }
      out.printf(Locale.ROOT, "%-13s %,9d %,7d %,10.0f %8.2f %8.2f %8.2f %9.2f%n", "all", calls, errors,
          (calls - errors) / measuredSeconds, ms(all, 50), ms(all, 90), ms(all, 99), all.getMaxValue() / 1e3);
      Map<String, Long> warmErrors = warmup.stream().flatMap(s -> s.errorsByStatus().entrySet().stream()
          .map(e -> Map.entry(s.method + " " + e.getKey(), e.getValue())))
          .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, java.util.TreeMap::new));
      long warmCalls = warmup.stream().mapToLong(CallStats::calls).sum();
      out.printf(Locale.ROOT, "warm-up: %,d calls, errors: %s; refusals by server policy (RESOURCE_EXHAUSTED other"
              + " than STORE_FULL) in the measured run: %,d; process CPU %.1f s in %d s; load average %s%n",
          warmCalls, describe(warmErrors), refusals, cpuSeconds, (long) measuredSeconds, loadAtEnd);
    }

    private static double ms(Histogram h, double percentile) {
      return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1e3;
    }

    private static String describe(Map<String, Long> errors) {
      return errors.isEmpty() ? "none" : errors.entrySet().stream()
          .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
  }
}
