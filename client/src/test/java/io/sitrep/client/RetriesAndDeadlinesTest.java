package io.sitrep.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.sitrep.api.v1.CreateSourceRequest;
import io.sitrep.api.v1.GetSourceRequest;
import io.sitrep.api.v1.IngestRequest;
import io.sitrep.api.v1.Source;
import io.sitrep.api.v1.SourceKind;
import io.sitrep.api.v1.SourceServiceGrpc;
import io.sitrep.core.store.InMemoryStore;
import io.sitrep.core.store.ResourceType;
import io.sitrep.server.SitrepServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against a real server on loopback that fails the first attempts of each method with
 * UNAVAILABLE, or never answers some: what is retried, what is not, and that every call has a
 * deadline.
 */
class RetriesAndDeadlinesTest {
  private static final Source WIRE = Source.newBuilder().setDisplayName("Baghdad Wire")
      .setKind(SourceKind.SOURCE_KIND_NEWS_OUTLET).build();

  /** Attempts that reached the server, per method. */
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  /** The request ids of the Create attempts that reached the server, in order. */
  private final List<String> createRequestIds = new CopyOnWriteArrayList<>();
  /** How many first attempts of each method are refused with UNAVAILABLE. */
  private volatile int failFirst;
  /** Methods whose calls are left unanswered. */
  private volatile Set<String> hang = Set.of();

  private InMemoryStore store;
  private SitrepServer server;

  @BeforeEach
  void start() throws Exception {
    store = new InMemoryStore();
    NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0));
    builder.intercept(new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
          ServerCallHandler<Q, R> next) {
        String method = call.getMethodDescriptor().getBareMethodName();
        int attempt = attempts.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
        if (hang.contains(method)) {
          call.request(Integer.MAX_VALUE);
          return new ServerCall.Listener<>() {};
        }
        if (attempt <= failFirst) {
          call.close(Status.UNAVAILABLE.withDescription("attempt " + attempt + " refused by the test"), new Metadata());
          return new ServerCall.Listener<>() {};
        }
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
          @Override
          public void onMessage(Q message) {
            if (message instanceof CreateSourceRequest create) {
              createRequestIds.add(create.getRequestId());
            }
            super.onMessage(message);
          }
        };
      }
    });
    server = new SitrepServer(builder, store).start();
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
    store.close();
  }

  private SitrepClient client(Duration deadline) {
    return SitrepClient.builder().target("127.0.0.1:" + server.port()).defaultDeadline(deadline).build();
  }

  @Test
  void readsAndCreatesAreRetriedOnUnavailableAndACreateIsStoredOnce() {
    try (SitrepClient sitrep = client(Duration.ofSeconds(30))) {
      failFirst = 0;
      Source created = sitrep.sources().createSource(CreateSourceRequest.newBuilder().setSource(WIRE).build());
      attempts.clear();
      createRequestIds.clear();
      failFirst = 2;

      Source read = sitrep.getSource(created.getName());
      Source second = sitrep.sources().createSource(CreateSourceRequest.newBuilder().setSource(WIRE).build());
      List<?> listed = sitrep.listSources("");

      assertThat(read.getName()).isEqualTo(created.getName());
      assertThat(attempts.get("GetSource")).hasValue(3);
      assertThat(attempts.get("CreateSource")).hasValue(3);
      // The client gave the request an id; the one attempt that reached the service carried it.
      assertThat(createRequestIds).singleElement().asString().startsWith("client-");
      assertThat(listed).hasSize(2);
      assertThat(store.count(ResourceType.SOURCES)).isEqualTo(2);
      assertThat(second.getName()).isNotEqualTo(created.getName());
    }
  }

  @Test
  void updatesAndDeletesAreNeverRetried() {
    try (SitrepClient sitrep = client(Duration.ofSeconds(30))) {
      Source created = sitrep.sources().createSource(CreateSourceRequest.newBuilder().setSource(WIRE).build());
      attempts.clear();
      failFirst = 1;

      assertThatThrownBy(() -> sitrep.deleteSource(created.getName(), ""))
          .isInstanceOfSatisfying(StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
      assertThatThrownBy(() -> sitrep.updateSource(created.toBuilder().setDisplayName("Wire").build(), "display_name"))
          .isInstanceOf(StatusRuntimeException.class);

      assertThat(attempts.get("DeleteSource")).hasValue(1);
      assertThat(attempts.get("UpdateSource")).hasValue(1);
      assertThat(store.count(ResourceType.SOURCES)).isEqualTo(1);
    }
  }

  @Test
  void everyCallHasTheDefaultDeadlineUnaryAsyncAndStreaming() throws Exception {
    hang = Set.of("GetSource", "Ingest");
    try (SitrepClient sitrep = client(Duration.ofMillis(500))) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> sitrep.getSource("sources/anything")).isInstanceOfSatisfying(
          StatusRuntimeException.class, e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));
      var future = SourceServiceGrpc.newFutureStub(sitrep.channel())
          .getSource(GetSourceRequest.newBuilder().setName("sources/anything").build());
      ExecutionException async = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
          () -> future.get(30, TimeUnit.SECONDS));
      assertThatThrownBy(() -> sitrep.ingest(List.of(IngestRequest.newBuilder().setRequestId("one").build())))
          .isInstanceOfSatisfying(StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));
      long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      assertThat(Status.fromThrowable(async.getCause()).getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
      assertThat(elapsedMillis).isLessThan(20_000);
    }
  }

  @Test
  void aCallersOwnDeadlineWins() {
    hang = Set.of("GetSource");
    try (SitrepClient sitrep = client(Duration.ofSeconds(60))) {
      assertThatThrownBy(() -> sitrep.sources().withDeadlineAfter(300, TimeUnit.MILLISECONDS)
          .getSource(GetSourceRequest.newBuilder().setName("sources/anything").build()))
          .isInstanceOfSatisfying(StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));
    }
  }

  @Test
  void theServiceConfigRetriesEveryReadAndWriteWithARequestIdAndNoUpdateOrDelete() {
    assertThat(Retries.retried("GetSource")).isTrue();
    assertThat(Retries.retried("ListDisputes")).isTrue();
    assertThat(Retries.retried("AssessClaims")).isTrue();
    assertThat(Retries.retried("CreateClaim")).isTrue();
    assertThat(Retries.retried("Ingest")).isTrue();
    assertThat(Retries.retried("UpdateClaim")).isFalse();
    assertThat(Retries.retried("DeleteHypothesisMatrix")).isFalse();
  }
}
