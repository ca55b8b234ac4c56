package io.sitrep.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.spy;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.sitrep.api.v1.Dataset;
import io.sitrep.api.v1.GetSourceRequest;
import io.sitrep.api.v1.IngestRequest;
import io.sitrep.api.v1.Source;
import io.sitrep.api.v1.SourceServiceGrpc;
import io.sitrep.core.ach.InMemoryAchStore;
import io.sitrep.core.store.InMemoryStore;
import io.sitrep.core.store.ResourceType;
import io.sitrep.server.SitrepServer;
import io.sitrep.server.demo.DemoDataset;
import io.sitrep.server.mapping.IngestMapper;
import io.sitrep.server.service.BatchWriter;
import io.sitrep.server.testing.Refusal;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stopping the real server (Netty on loopback) while a slow call is in flight: health says
 * NOT_SERVING, new calls are refused, the slow call finishes within the grace, then the store closes.
 */
class GracefulShutdownTest {
  private static final Dataset DEMO = DemoDataset.load();
  /** The source whose read is held until the test lets it go: the slow call in flight. */
  private static final String SLOW = DEMO.getSources(0).getName();

  @RegisterExtension final AccessLogCapture accessLog = new AccessLogCapture();

  private final CountDownLatch slowReadStarted = new CountDownLatch(1);
  private final CountDownLatch letSlowReadFinish = new CountDownLatch(1);
  /** The slow read's handler thread has left the store, so its call is about to be logged. */
  private final CountDownLatch slowReadReturned = new CountDownLatch(1);
  private InMemoryStore store;
  private ManagedChannel channel;

  @BeforeEach
  void aStoreWithOneSlowRead() {
    store = spy(new InMemoryStore());
    new BatchWriter(store).write(IngestRequest.newBuilder().setRequestId("demo")
        .addAllItems(IngestMapper.items(DEMO)).build());
    doAnswer(read -> {
      slowReadStarted.countDown();
      try {
        letSlowReadFinish.await(30, TimeUnit.SECONDS);
        return read.callRealMethod();
      } finally {
        slowReadReturned.countDown();
      }
    }).when(store).get(eq(ResourceType.SOURCES), eq(SLOW));
  }

  @AfterEach
  void cleanUp() throws Exception {
    letSlowReadFinish.countDown();
    if (slowReadStarted.getCount() == 0) {
      // A slow call a test left blocked (its server already stopped) is logged when its handler
      // returns: wait for that line here, or it lands in the next test's access log capture.
      assertThat(slowReadReturned.await(30, TimeUnit.SECONDS)).isTrue();
      int lines = -1;
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (lines != accessLog.records().size() && System.nanoTime() < until) {
        lines = accessLog.records().size();
        Thread.sleep(100);
      }
    }
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    store.close();
  }

  private SitrepServer startWithGrace(Duration grace) throws Exception {
    SitrepServer server = new SitrepServer(NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)),
        store, InMemoryAchStore.create(), ServerLimits.DEFAULTS.withShutdownGrace(grace)).start();
    channel = Grpc.newChannelBuilder("127.0.0.1:" + server.port(), InsecureChannelCredentials.create()).build();
    return server;
  }

  @Test
  void aSlowCallInFlightFinishesWhileHealthSaysNotServingAndNewCallsAreRefused() throws Exception {
    SitrepServer server = startWithGrace(Duration.ofSeconds(20));
    var sources = SourceServiceGrpc.newFutureStub(channel);
    var health = HealthGrpc.newBlockingStub(channel);
    ListenableFuture<Source> slow = sources.getSource(GetSourceRequest.newBuilder().setName(SLOW).build());
    assertThat(slowReadStarted.await(30, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> {
      try {
        server.stop();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    ServingStatus status;
    do {
      status = health.check(HealthCheckRequest.getDefaultInstance()).getStatus();
    } while (status == ServingStatus.SERVING && System.nanoTime() < until);
    Refusal newCall = Refusal.of(() -> SourceServiceGrpc.newBlockingStub(channel)
        .getSource(GetSourceRequest.newBuilder().setName(DEMO.getSources(1).getName()).build()));
    boolean stoppedBeforeTheSlowCallFinished = stopped.isDone();
    letSlowReadFinish.countDown();

    assertThat(status).isEqualTo(ServingStatus.NOT_SERVING);
    assertThat(newCall.code()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(newCall.errorInfo().getReason()).isEqualTo(Draining.SHUTTING_DOWN);
    assertThat(stoppedBeforeTheSlowCallFinished).isFalse();
    assertThat(slow.get(30, TimeUnit.SECONDS).getName()).isEqualTo(SLOW);
    stopped.get(30, TimeUnit.SECONDS);
    assertThat(server.store().count(ResourceType.SOURCES)).isEqualTo(DEMO.getSourcesCount());
    assertThat(accessLog.linesOf("sitrep.v1.SourceService/GetSource")).extracting(l -> l.split(" ")[1])
        .containsExactlyInAnyOrder("status=OK", "status=UNAVAILABLE");
  }

  @Test
  void aCallStillRunningWhenTheGraceEndsIsCancelledAndTheServerStopsOnTime() throws Exception {
    SitrepServer server = startWithGrace(Duration.ofMillis(300));
    ListenableFuture<Source> slow = SourceServiceGrpc.newFutureStub(channel)
        .getSource(GetSourceRequest.newBuilder().setName(SLOW).build());
    assertThat(slowReadStarted.await(30, TimeUnit.SECONDS)).isTrue();

    long start = System.nanoTime();
    server.stop();
    long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    // The handler thread is still blocked in the store; the client was told, and the port is closed.
    assertThat(stopMillis).isGreaterThanOrEqualTo(300).isLessThan(5_000 + 300);
    ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> slow.get(10, TimeUnit.SECONDS));
    assertThat(Status.fromThrowable(failure.getCause()).getCode()).isIn(Status.Code.CANCELLED,
        Status.Code.UNAVAILABLE);
  }
}
