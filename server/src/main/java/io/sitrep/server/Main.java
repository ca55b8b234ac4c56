package io.sitrep.server;

import io.grpc.InsecureServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.sitrep.api.v1.IngestRequest;
import io.sitrep.server.demo.DemoDataset;
import io.sitrep.server.mapping.IngestMapper;
import io.sitrep.server.service.BatchWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code sitrep-server} command: runs the Sitrep gRPC server until it is stopped. */
@Command(
    name = "sitrep-server",
    mixinStandardHelpOptions = true,
    version = "sitrep-server 0.1.0",
    description = "Serves the Sitrep API (sitrep.v1) over gRPC, with health and reflection.")
public final class Main implements Callable<Integer> {

  @Option(names = "--port", defaultValue = "50051", paramLabel = "N",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDR",
      description = "Address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Option(names = "--demo",
      description = "Load the demo data set (Baghdad, December 2020) into the store at start.")
  boolean demo;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Directory of the durable store. Not durable yet: the store is kept in memory.")
  @Nullable Path dataDir;

  public static void main(String[] args) {
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
    Running running = start();
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
   * Opens the store, loads the demo if asked, and starts the Netty server on the configured
   * address. The caller stops it.
   */
  public Running start() throws IOException {
    StoreFactory.OpenedStore opened = StoreFactory.open(dataDir);
    if (!opened.note().isEmpty()) {
      printNote(System.err, opened.note());
    }
    int demoResources = 0;
    if (demo) {
      // The same path as the Ingest RPC: one all-or-nothing batch, nothing skipped.
      demoResources = new BatchWriter(opened.store()).write(IngestRequest.newBuilder()
          .setRequestId("demo")
          .addAllItems(IngestMapper.items(DemoDataset.load()))
          .build()).getNamesCount();
    }
    SitrepServer server = new SitrepServer(
        NettyServerBuilder.forAddress(new InetSocketAddress(host, port), InsecureServerCredentials.create()),
        opened.store());
    try {
      server.start();
    } catch (IOException | RuntimeException e) {
      opened.store().close();
      throw e;
    }
    return new Running(server, host, server.port(), opened.description(), demoResources);
  }

  private static void printNote(PrintStream out, String note) {
    out.println(note);
  }

  /** A started server and what the start-up line says about it. */
  public record Running(SitrepServer server, String host, int port, String storeDescription, int demoResources) {
    /** {@code Sitrep listening on 127.0.0.1:50051 (store: in-memory, demo: 212 resources)}. */
    public String banner() {
      return "Sitrep listening on " + host + ":" + port + " (store: " + storeDescription + ", demo: "
          + demoResources + " resources)";
    }

    /** Stops the server gracefully and closes its store. */
    public void stop() throws InterruptedException {
      try {
        server.stop();
      } finally {
        server.store().close();
      }
    }
  }
}
