package io.sitrep.server;

import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.sitrep.api.v1.IngestRequest;
import io.sitrep.api.v1.IngestResponse;
import io.sitrep.core.store.BatchException;
import io.sitrep.core.store.SitrepStore;
import io.sitrep.core.store.StoreException;
import io.sitrep.server.auth.KeyStore;
import io.sitrep.server.auth.KeyStores;
import io.sitrep.server.auth.KeysCommand;
import io.sitrep.server.auth.SecurityOptions;
import io.sitrep.server.auth.ServerSecurity;
import io.sitrep.server.demo.DemoDataset;
import io.sitrep.server.mapping.IngestMapper;
import io.sitrep.server.ops.Durations;
import io.sitrep.server.ops.MetricsEndpoint;
import io.sitrep.server.ops.ServerLimits;
import io.sitrep.server.service.BatchWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code sitrep-server} command: runs the Sitrep gRPC server until it is stopped. */
@Command(
    name = "sitrep-server",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 110,
    version = "sitrep-server 0.1.0",
    description = "Serves the Sitrep API (sitrep.v1) over gRPC, with health and reflection.",
    subcommands = KeysCommand.class)
public final class Main implements Callable<Integer> {
  /** The request id of the demo batch: a second load on the same store replays the first. */
  static final String DEMO_REQUEST_ID = "sitrep-demo-baghdad-2020-12";

  @Option(names = "--port", defaultValue = "50051", paramLabel = "N",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDR",
      description = "Address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Option(names = "--demo",
      description = "Load the demo data set (Baghdad, December 2020) into the store at start, unless the store"
          + " already holds it.")
  boolean demo;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Directory of the embedded SQLite store (DIR/sitrep.db), created if need be and held by one"
          + " server at a time (default: ./sitrep-data, relative to the working directory).")
  @Nullable Path dataDir;

  @Option(names = "--store", paramLabel = "URL",
      description = "Another store instead of --data-dir: postgresql://host:port/db?user=U&password=P"
          + " (or jdbc:postgresql:...), sqlite:DIR, or memory (nothing kept after exit).")
  @Nullable String store;

  /** --tls-cert, --tls-key, --client-ca, --insecure. */
  @Mixin SecurityOptions security = new SecurityOptions();

  // Limits, shutdown and metrics (io.sitrep.server.ops); the defaults are ServerLimits.DEFAULTS.
  @Option(names = "--max-message-bytes", defaultValue = "16777216", paramLabel = "N",
      description = "Largest request message accepted, in bytes (default: ${DEFAULT-VALUE}, 16 MiB).")
  int maxMessageBytes = ServerLimits.DEFAULTS.maxInboundMessageBytes();

  @Option(names = "--max-page-size", defaultValue = "1000", paramLabel = "N",
      description = "List methods coerce a larger page_size down to N, at most 1000 (default: ${DEFAULT-VALUE}).")
  int maxPageSize = ServerLimits.DEFAULTS.maxPageSize();

  @Option(names = "--max-batch-items", defaultValue = "10000", paramLabel = "N",
      description = "An Ingest batch with more items is refused (default: ${DEFAULT-VALUE}).")
  int maxBatchItems = ServerLimits.DEFAULTS.maxBatchItems();

  @Option(names = "--rate-limit", defaultValue = "0", paramLabel = "N",
      description = "Requests per second per caller (API key's principal, or peer address without"
          + " authentication); 0 for no limit (default: ${DEFAULT-VALUE}).")
  long rateLimit;

  @Option(names = "--rate-burst", paramLabel = "N",
      description = "Requests a caller may send at once before --rate-limit applies (default: one second's worth).")
  @Nullable Long rateBurst;

  @Option(names = "--keepalive-time", defaultValue = "60s", paramLabel = "DURATION", converter = DurationFlag.class,
      description = "Ping a client after this long without traffic (default: ${DEFAULT-VALUE}).")
  Duration keepaliveTime = ServerLimits.DEFAULTS.keepaliveTime();

  @Option(names = "--keepalive-timeout", defaultValue = "20s", paramLabel = "DURATION", converter = DurationFlag.class,
      description = "Close a connection whose ping is not answered within this (default: ${DEFAULT-VALUE}).")
  Duration keepaliveTimeout = ServerLimits.DEFAULTS.keepaliveTimeout();

  @Option(names = "--max-connection-idle", defaultValue = "30m", paramLabel = "DURATION",
      converter = DurationFlag.class,
      description = "Close a connection without calls for this long; 0 for never (default: ${DEFAULT-VALUE}).")
  Duration maxConnectionIdle = ServerLimits.DEFAULTS.maxConnectionIdle();

  @Option(names = "--max-connection-age", defaultValue = "0", paramLabel = "DURATION",
      converter = DurationFlag.class,
      description = "Ask a client to reconnect after this long, e.g. to rebalance; 0 for never (default: ${DEFAULT-VALUE}).")
  Duration maxConnectionAge = ServerLimits.DEFAULTS.maxConnectionAge();

  @Option(names = "--shutdown-grace", defaultValue = "10s", paramLabel = "DURATION", converter = DurationFlag.class,
      description = "On shutdown, how long calls in flight may finish before they are cancelled (default:"
          + " ${DEFAULT-VALUE}).")
  Duration shutdownGrace = ServerLimits.DEFAULTS.shutdownGrace();

  @Option(names = "--metrics-port", paramLabel = "N",
      description = "Serve Prometheus metrics on http://METRICS-HOST:N/metrics; 0 picks a free port (default: off).")
  @Nullable Integer metricsPort;

  @Option(names = "--metrics-host", defaultValue = "127.0.0.1", paramLabel = "ADDR",
      description = "Address of the metrics endpoint, which has no authentication (default: ${DEFAULT-VALUE}).")
  String metricsHost = "127.0.0.1";

  /** The limits the flags ask for. @throws IllegalArgumentException a flag is out of range */
  ServerLimits limits() {
    ServerLimits.RateLimit rate = rateLimit == 0 ? ServerLimits.RateLimit.OFF
        : new ServerLimits.RateLimit(rateLimit, rateBurst == null ? rateLimit : rateBurst);
    return new ServerLimits(maxMessageBytes, maxPageSize, maxBatchItems, rate, keepaliveTime, keepaliveTimeout,
        maxConnectionIdle, maxConnectionAge, shutdownGrace);
  }

  /** Reads {@code 500ms}, {@code 10s}, {@code 30m}, {@code 2h}. */
  static final class DurationFlag implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return Durations.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /**
   * Flyway and HikariCP report every migration check and pool start at INFO on each start; an
   * operator needs to hear only of trouble. Held in a field: java.util.logging keeps loggers
   * weakly, and a collected logger forgets its level.
   */
  private static final List<Logger> QUIET_LIBRARIES =
      List.of(Logger.getLogger("org.flywaydb"), Logger.getLogger("com.zaxxer.hikari"));

  public static void main(String[] args) {
    // One line per log record (the access log's lines stay lines), unless the operator chose a format.
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$s %3$s %5$s%6$s%n");
    }
    QUIET_LIBRARIES.forEach(l -> l.setLevel(Level.WARNING));
    System.exit(new CommandLine(new Main()).execute(args));
  }

  /** The options of {@code args}, for tests and embedders. */
  public static Main parse(String... args) {
    Main main = new Main();
    new CommandLine(main).parseArgs(args);
    return main;
  }

  @Override
  public Integer call() throws Exception {
    Running running;
    try {
      running = start();
    } catch (IllegalArgumentException | StoreException e) {
      System.err.println("sitrep-server: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      System.err.println("sitrep-server: cannot listen on " + host + ":" + port + ": " + e.getMessage());
      return 2;
    }
    System.out.println(running.banner());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        running.stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "sitrep-shutdown"));
    running.server().blockUntilShutdown();
    return 0;
  }

  /**
   * Opens the store, loads the demo if asked and not there yet, and starts the Netty server on the
   * configured address. The caller stops it.
   *
   * @throws IllegalArgumentException the flags name no store
   * @throws StoreException the store cannot be opened or the demo cannot be loaded
   */
  public Running start() throws IOException {
    MetricsEndpoint metrics;
    StoreFactory.OpenedStore opened = StoreFactory.open(store, dataDir);
    KeyStore keyStore = null;
    try {
      keyStore = KeyStores.open(store, dataDir);
      ServerSecurity serverSecurity = security.serverSecurity(host, keyStore);
      if (!opened.note().isEmpty()) {
        printNote(System.err, opened.note());
      }
      ServerLimits limits = limits();
      String demoNote = demo ? loadDemo(opened.store()) : "";
      SitrepServer server = new SitrepServer(limits.applyTo(
          NettyServerBuilder.forAddress(new InetSocketAddress(host, port), security.serverCredentials())),
          opened.store(), opened.achStore(), limits, serverSecurity);
      server.start();
      try {
        metrics = metricsPort == null ? null : MetricsEndpoint.start(metricsHost, metricsPort,
            server.metrics().prometheus()::scrape);
      } catch (IOException e) {
        server.stop();
        throw new IOException("cannot serve metrics on " + metricsHost + ":" + metricsPort + ": " + e.getMessage(), e);
      }
      return new Running(server, host, server.port(), opened, demoNote, metrics, keyStore,
          security.describe(serverSecurity));
    } catch (IOException | RuntimeException e) {
      closeAll(keyStore, opened);
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeAll(keyStore, opened);
      throw new IOException("interrupted while starting", e);
    }
  }

  private static void closeAll(@Nullable KeyStore keyStore, StoreFactory.OpenedStore opened) {
    try {
      if (keyStore != null) {
        keyStore.close();
      }
    } finally {
      opened.close();
    }
  }

  /**
   * Loads the demo unless the store holds it, and says what happened for the start-up line. The
   * same path as the Ingest RPC: one all-or-nothing batch, under a fixed request id so that a
   * restart on the same store replays the first answer and stores nothing.
   */
  static String loadDemo(SitrepStore store) {
    IngestRequest request = IngestRequest.newBuilder()
        .setRequestId(DEMO_REQUEST_ID)
        .addAllItems(IngestMapper.items(DemoDataset.load()))
        .build();
    try {
      IngestResponse ack = new BatchWriter(store).write(request);
      return ack.getReplayed()
          ? ack.getNamesCount() + " resources, already in the store"
          : ack.getNamesCount() + " resources";
    } catch (BatchException e) {
      if (!(e.getCause() instanceof StoreException.AlreadyExists)) {
        throw e;
      }
      // Ingested some other way (e.g. by a client): leave what the store holds as it is.
      return "not loaded, the store already holds some of it (" + e.getCause().getMessage() + ")";
    }
  }

  private static void printNote(PrintStream out, String note) {
    out.println(note);
  }

  /** A started server, its store, and what the start-up line says about them. */
  public static final class Running {
    private final SitrepServer server;
    private final String host;
    private final int port;
    private final StoreFactory.OpenedStore store;
    private final String demo;
    private final @Nullable MetricsEndpoint metrics;
    private final KeyStore keyStore;
    private final String security;
    private boolean stopped;

    Running(SitrepServer server, String host, int port, StoreFactory.OpenedStore store, String demo,
        @Nullable MetricsEndpoint metrics, KeyStore keyStore, String security) {
      this.keyStore = keyStore;
      this.security = security;
      this.server = server;
      this.host = host;
      this.port = port;
      this.store = store;
      this.demo = demo;
      this.metrics = metrics;
    }

    /** The port of the Prometheus endpoint, if {@code --metrics-port} asked for one. */
    public java.util.OptionalInt metricsPort() {
      return metrics == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(metrics.port());
    }

    public SitrepServer server() {
      return server;
    }

    public String host() {
      return host;
    }

    public int port() {
      return port;
    }

    /** E.g. {@code sqlite /home/me/sitrep-data/sitrep.db} or {@code in-memory}. */
    public String storeDescription() {
      return store.description();
    }

    /**
     * {@code Sitrep listening on 127.0.0.1:50051 (store: sqlite /srv/sitrep-data/sitrep.db, demo:
     * 212 resources)}; the demo part only with {@code --demo}.
     */
    public String banner() {
      return "Sitrep listening on " + host + ":" + port + " (store: " + store.description()
          + (demo.isEmpty() ? "" : ", demo: " + demo)
          + (metrics == null ? "" : ", metrics: " + metrics.url())
          + (security.isEmpty() ? "" : ", " + security) + ")";
    }

    /** Stops the server gracefully, then closes its store; once. */
    public synchronized void stop() throws InterruptedException {
      if (stopped) {
        return;
      }
      stopped = true;
      try {
        server.stop();
      } finally {
        if (metrics != null) {
          metrics.close();
        }
        closeAll(keyStore, store);
      }
    }
  }
}
