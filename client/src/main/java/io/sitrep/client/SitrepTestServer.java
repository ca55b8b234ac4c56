package io.sitrep.client;

import static com.google.common.base.Preconditions.checkState;

import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.sitrep.api.v1.Dataset;
import io.sitrep.api.v1.IngestRequest;
import io.sitrep.core.store.InMemoryStore;
import io.sitrep.server.SitrepServer;
import io.sitrep.server.demo.DemoDataset;
import io.sitrep.server.mapping.IngestMapper;
import io.sitrep.server.service.BatchWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Sitrep server, in process and in memory, for other services' tests. As a JUnit 5
 * extension it starts before and stops after each test when held in an instance field, or the
 * whole class when held in a static one:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SitrepTestServer sitrep = SitrepTestServer.withDemo();
 *
 * @Test
 * void findsTheArmedGroups() {
 *   assertThat(sitrep.client().listActors("kind = ACTOR_KIND_ARMED_GROUP")).isNotEmpty();
 * }
 * }</pre>
 *
 * Without JUnit it is an {@link AutoCloseable}: {@code try (var sitrep = SitrepTestServer.empty().start())}.
 */
public final class SitrepTestServer
    implements AutoCloseable, BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  private final @Nullable Dataset preload;
  private @Nullable SitrepServer server;
  private @Nullable InMemoryStore store;
  private @Nullable ManagedChannel channel;
  private @Nullable SitrepClient client;
  private boolean startedForTheClass;

  private SitrepTestServer(@Nullable Dataset preload) {
    this.preload = preload;
  }

  /** A server with an empty store. */
  public static SitrepTestServer empty() {
    return new SitrepTestServer(null);
  }

  /** A server holding the demo data set (Baghdad, December 2020). */
  public static SitrepTestServer withDemo() {
    return new SitrepTestServer(DemoDataset.load());
  }

  /** A server holding {@code dataset}. */
  public static SitrepTestServer with(Dataset dataset) {
    return new SitrepTestServer(dataset);
  }

  /** Starts the server and connects a client to it. */
  public synchronized SitrepTestServer start() {
    checkState(server == null, "already started");
    String name = InProcessServerBuilder.generateName();
    InMemoryStore newStore = new InMemoryStore();
    if (preload != null) {
      new BatchWriter(newStore).write(IngestRequest.newBuilder().setRequestId("preload")
          .addAllItems(IngestMapper.items(preload)).build());
    }
    try {
      server = new SitrepServer(InProcessServerBuilder.forName(name).directExecutor(), newStore).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    store = newStore;
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    client = SitrepClient.over(channel);
    return this;
  }

  /** A client of the running server; closing it is not needed. */
  public synchronized SitrepClient client() {
    checkState(client != null, "not started");
    return client;
  }

  /** The in-process channel to the running server, for stubs of your own. */
  public synchronized ManagedChannel channel() {
    checkState(channel != null, "not started");
    return channel;
  }

  /** Stops the server and drops its data. */
  @Override
  public synchronized void close() {
    if (server == null) {
      return;
    }
    try {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      server.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      store.close();
      server = null;
      store = null;
      channel = null;
      client = null;
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
    startedForTheClass = true;
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!startedForTheClass) {
      start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!startedForTheClass) {
      close();
    }
  }
}
