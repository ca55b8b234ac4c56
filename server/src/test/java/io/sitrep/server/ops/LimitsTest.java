package io.sitrep.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.util.Durations;
import com.google.rpc.RetryInfo;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.sitrep.api.v1.CreateSourceRequest;
import io.sitrep.api.v1.Dataset;
import io.sitrep.api.v1.GetSourceRequest;
import io.sitrep.api.v1.IngestRequest;
import io.sitrep.api.v1.IngestResponse;
import io.sitrep.api.v1.IngestServiceGrpc;
import io.sitrep.api.v1.ListClaimsRequest;
import io.sitrep.api.v1.ListDisputesRequest;
import io.sitrep.api.v1.ListSourcesRequest;
import io.sitrep.api.v1.Source;
import io.sitrep.api.v1.SourceServiceGrpc;
import io.sitrep.core.store.InMemoryStore;
import io.sitrep.core.store.ResourceType;
import io.sitrep.server.Main;
import io.sitrep.server.auth.Principal;
import io.sitrep.server.demo.DemoDataset;
import io.sitrep.server.mapping.IngestMapper;
import io.sitrep.server.service.BatchWriter;
import io.sitrep.server.service.SourceServiceImpl;
import io.sitrep.server.testing.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The limits an operator sets with flags, on the real server over loopback. */
class LimitsTest {
  private static final Dataset DEMO = DemoDataset.load();

  @RegisterExtension final AccessLogCapture accessLog = new AccessLogCapture();

  private final List<AutoCloseable> cleanup = new ArrayList<>();

  @AfterEach
  void stopAll() throws Exception {
    for (int i = cleanup.size() - 1; i >= 0; i--) {
      cleanup.get(i).close();
    }
  }

  /** The real server with the demo in memory and {@code flags}; a channel to it. */
  private ManagedChannel serverWith(String... flags) throws Exception {
    List<String> args = new ArrayList<>(List.of("--port", "0", "--store", "memory", "--demo"));
    args.addAll(List.of(flags));
    Main.Running running = Main.parse(args.toArray(String[]::new)).start();
    cleanup.add(running::stop);
    ManagedChannel channel = Grpc.newChannelBuilder("127.0.0.1:" + running.port(),
        InsecureChannelCredentials.create()).build();
    cleanup.add(() -> channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS));
    return channel;
  }

  @Test
  void aPageSizeAboveTheMaximumIsCoercedDownNotRefusedAndANegativeOneIsRefused() throws Exception {
    ManagedChannel channel = serverWith("--max-page-size", "3");
    var claims = io.sitrep.api.v1.ClaimServiceGrpc.newBlockingStub(channel);

    var page = claims.listClaims(ListClaimsRequest.newBuilder().setPageSize(100).build());
    var defaultPage = SourceServiceGrpc.newBlockingStub(channel).listSources(ListSourcesRequest.getDefaultInstance());
    var disputes = io.sitrep.api.v1.AnalysisServiceGrpc.newBlockingStub(channel)
        .listDisputes(ListDisputesRequest.newBuilder().setPageSize(1000).build());

    assertThat(page.getClaimsCount()).isEqualTo(3);
    assertThat(page.getNextPageToken()).isNotEmpty();
    assertThat(defaultPage.getSourcesCount()).isEqualTo(3);
    assertThat(disputes.getDisputesCount()).isLessThanOrEqualTo(3);
    assertThat(disputes.getNextPageToken()).isNotEmpty();
    Refusal negative = Refusal.of(() -> claims.listClaims(ListClaimsRequest.newBuilder().setPageSize(-1).build()));
    assertThat(negative.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(negative.fields()).containsExactly("page_size");
  }

  @Test
  void anIngestBatchAboveTheMaximumIsRefusedNamingItemsAndStoresNothing() throws Exception {
    ManagedChannel channel = serverWith("--max-batch-items", "5");
    List<Source> six = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      six.add(Source.newBuilder().setName("sources/stringer-" + i).setDisplayName("Stringer " + i)
          .setKind(io.sitrep.api.v1.SourceKind.SOURCE_KIND_NEWS_OUTLET).build());
    }
    IngestRequest tooBig = IngestRequest.newBuilder().setRequestId("six")
        .addAllItems(IngestMapper.items(Dataset.newBuilder().addAllSources(six).build())).build();
    IngestRequest fits = IngestRequest.newBuilder().setRequestId("five")
        .addAllItems(tooBig.getItemsList().subList(0, 5)).build();

    Refusal refusal = Refusal.of(() -> {
      try {
        ingest(channel, tooBig).join();
      } catch (CompletionException e) {
        throw e.getCause();
      }
    });
    IngestResponse ack = ingest(channel, fits).join();

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("items");
    assertThat(refusal.message()).contains("at most 5");
    assertThat(ack.getNamesList()).hasSize(5).doesNotContain("sources/stringer-5");
    var sources = SourceServiceGrpc.newBlockingStub(channel);
    assertThat(Refusal.of(() -> sources.getSource(GetSourceRequest.newBuilder().setName("sources/stringer-5")
        .build())).code()).isEqualTo(Status.Code.NOT_FOUND);
  }

  /**
   * Found by the long fuzz run: the batch-size refusal closed the call from the gRPC thread while
   * Ingest's writer thread was acknowledging an earlier batch on it, and the HTTP/2 stream broke
   * (GOAWAY, INTERNAL for every call on the connection). It now ends the stream in its turn. The
   * race needs a slow store to show here (in memory, the earlier batch is done first), so this
   * test pins the order the fix guarantees rather than reproducing the fuzz case.
   */
  @Test
  void aBatchAboveTheMaximumEndsTheStreamAfterTheBatchesBeforeItAreAcknowledged() throws Exception {
    ManagedChannel channel = serverWith("--max-batch-items", "5");
    List<Source> six = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      six.add(Source.newBuilder().setName("sources/late-" + i).setDisplayName("Late " + i)
          .setKind(io.sitrep.api.v1.SourceKind.SOURCE_KIND_NEWS_OUTLET).build());
    }
    List<IngestRequest> batches = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      batches.add(IngestRequest.newBuilder().setRequestId("b" + i).addAllItems(IngestMapper.items(
          Dataset.newBuilder().addSources(Source.newBuilder().setName("sources/wire-" + i).setDisplayName("Wire " + i)
              .setKind(io.sitrep.api.v1.SourceKind.SOURCE_KIND_NEWS_OUTLET)).build())).build());
    }
    batches.add(IngestRequest.newBuilder().setRequestId("six")
        .addAllItems(IngestMapper.items(Dataset.newBuilder().addAllSources(six).build())).build());

    Streamed streamed = stream(channel, batches);
    Status status = streamed.status();
    List<IngestResponse> acks = streamed.acks();

    assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(status.getDescription()).startsWith("items has 6 items");
    assertThat(acks).extracting(IngestResponse::getRequestId).hasSize(30).startsWith("b0").endsWith("b29");
  }

  @Test
  void aMessageAboveTheMaximumSizeIsRefusedAndChangesNothing() throws Exception {
    ManagedChannel channel = serverWith("--max-message-bytes", "2048");
    var sources = SourceServiceGrpc.newBlockingStub(channel);
    CreateSourceRequest huge = CreateSourceRequest.newBuilder().setSourceId("verbose")
        .setSource(Source.newBuilder().setDisplayName("x".repeat(4000))).build();

    Refusal refusal = Refusal.of(() -> sources.createSource(huge));

    assertThat(refusal.code()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(Refusal.of(() -> sources.getSource(GetSourceRequest.newBuilder().setName("sources/verbose")
        .build())).code()).isEqualTo(Status.Code.NOT_FOUND);
  }

  /**
   * Found by the long fuzz run: a message over the size limit makes the transport end the whole
   * Ingest stream (RESOURCE_EXHAUSTED, or CANCELLED for a message after the first), and the acknowledgement of
   * a batch stored just before may be lost with it. Nothing is half stored, and the batch's
   * request id recovers the answer: a replay acknowledges the same names and stores nothing twice.
   */
  @Test
  void aStreamEndedByAnOversizedMessageKeepsEarlierBatchesWholeAndTheirRequestIdsAnswerAReplay() throws Exception {
    ManagedChannel channel = serverWith("--max-message-bytes", "4096");
    IngestRequest first = IngestRequest.newBuilder().setRequestId("before-the-big-one")
        .addAllItems(IngestMapper.items(Dataset.newBuilder().addSources(Source.newBuilder()
            .setName("sources/stringer").setDisplayName("Stringer")
            .setKind(io.sitrep.api.v1.SourceKind.SOURCE_KIND_NEWS_OUTLET)).build())).build();
    IngestRequest oversized = IngestRequest.newBuilder().setRequestId("big")
        .addAllItems(IngestMapper.items(Dataset.newBuilder().addSources(Source.newBuilder()
            .setName("sources/verbose").setDisplayName("x".repeat(8000))
            .setKind(io.sitrep.api.v1.SourceKind.SOURCE_KIND_NEWS_OUTLET)).build())).build();
    var sources = SourceServiceGrpc.newBlockingStub(channel);
    long before = sources.listSources(ListSourcesRequest.newBuilder().setPageSize(1000).build()).getSourcesCount();

    Streamed streamed = stream(channel, List.of(first, oversized));
    Status status = streamed.status();
    List<IngestResponse> acks = streamed.acks();
    // The server stores the batches it took in before the stream ended, but Ingest is pipelined:
    // the earlier batch may commit just after the client hears the stream end. Wait a little for
    // it. (The transport may also have reset the stream before the batch reached the service at
    // all; then it is never stored, and the replay stores it, once.)
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (System.nanoTime() < deadline) {
      try {
        sources.getSource(GetSourceRequest.newBuilder().setName("sources/stringer").build());
        break;
      } catch (StatusRuntimeException notYet) {
        Thread.sleep(10);
      }
    }
    IngestResponse replay = ingest(channel, first).join();

    // The service refuses the oversized message in its turn: the batch before it is acknowledged
    // first. (gRPC's transport would reset the stream instead: CANCELLED, grpc/grpc-java#11245.)
    assertThat(status.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(status.getDescription()).contains("at most 4096");
    assertThat(acks).extracting(IngestResponse::getRequestId).containsExactly("before-the-big-one");
    assertThat(replay.getReplayed()).isTrue();
    assertThat(replay.getNamesList()).containsExactly("sources/stringer");
    assertThat(sources.listSources(ListSourcesRequest.newBuilder().setPageSize(1000).build()).getSourcesCount())
        .isEqualTo(before + 1);
    assertThat(Refusal.of(() -> sources.getSource(GetSourceRequest.newBuilder().setName("sources/verbose")
        .build())).code()).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void aCallerOverTheRateLimitIsRefusedWithWhenToRetryAndIsServedAgainAfterIt() throws Exception {
    ManagedChannel channel = serverWith("--rate-limit", "2", "--rate-burst", "2");
    var sources = SourceServiceGrpc.newBlockingStub(channel);
    GetSourceRequest get = GetSourceRequest.newBuilder().setName(DEMO.getSources(0).getName()).build();

    sources.getSource(get);
    sources.getSource(get);
    StatusRuntimeException refused = null;
    try {
      sources.getSource(get);
    } catch (StatusRuntimeException e) {
      refused = e;
    }

    assertThat(refused).isNotNull();
    Refusal refusal = Refusal.of(refused);
    assertThat(refusal.code()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(refusal.errorInfo().getReason()).isEqualTo(RateLimiter.RATE_LIMIT_EXCEEDED);
    long delayMillis = Durations.toMillis(retryInfo(refused).getRetryDelay());
    assertThat(delayMillis).isBetween(1L, 500L); // 2 per second: a token every 500 ms
    Thread.sleep(delayMillis);
    assertThat(sources.getSource(get).getName()).isEqualTo(get.getName());
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (accessLog.linesOf("sitrep.v1.SourceService/GetSource").size() < 4 && System.nanoTime() < until) {
      Thread.onSpinWait();
    }
    assertThat(accessLog.linesOf("sitrep.v1.SourceService/GetSource")).extracting(l -> l.split(" ")[1])
        .containsExactly("status=OK", "status=OK", "status=RESOURCE_EXHAUSTED", "status=OK");
  }

  @Test
  void eachPrincipalHasItsOwnBucket() throws Exception {
    // Authentication stands in as an interceptor naming the caller from a header, outside the limiter.
    InMemoryStore store = new InMemoryStore();
    cleanup.add(store::close);
    new BatchWriter(store).write(IngestRequest.newBuilder().setRequestId("demo")
        .addAllItems(IngestMapper.items(DEMO)).build());
    Metadata.Key<String> who = Metadata.Key.of("x-test-principal", Metadata.ASCII_STRING_MARSHALLER);
    ServerInterceptor auth = new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
          ServerCallHandler<Q, R> next) {
        Principal p = new Principal(headers.get(who), Principal.Role.READER);
        return Contexts.interceptCall(Context.current().withValue(Principal.CONTEXT_KEY, p), call, headers, next);
      }
    };
    String name = InProcessServerBuilder.generateName();
    var server = InProcessServerBuilder.forName(name).directExecutor()
        .addService(ServerInterceptors.intercept(new SourceServiceImpl(io.sitrep.core.store.ListeningStore.wrap(store)),
            new RateLimiter(new ServerLimits.RateLimit(1, 1)), auth))
        .build().start();
    cleanup.add(() -> server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS));
    ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    cleanup.add(() -> channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS));
    GetSourceRequest get = GetSourceRequest.newBuilder().setName(DEMO.getSources(0).getName()).build();

    var alice = SourceServiceGrpc.newBlockingStub(channel).withInterceptors(
        MetadataUtils.newAttachHeadersInterceptor(header(who, "alice@desk")));
    var bob = SourceServiceGrpc.newBlockingStub(channel).withInterceptors(
        MetadataUtils.newAttachHeadersInterceptor(header(who, "bob@desk")));

    alice.getSource(get);
    assertThat(Refusal.of(() -> alice.getSource(get)).code()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(bob.getSource(get).getName()).isEqualTo(get.getName());
    assertThat(store.count(ResourceType.SOURCES)).isEqualTo(DEMO.getSourcesCount());
  }

  private static Metadata header(Metadata.Key<String> key, String value) {
    Metadata m = new Metadata();
    m.put(key, value);
    return m;
  }

  private static RetryInfo retryInfo(StatusRuntimeException e) throws Exception {
    for (Any detail : StatusProto.fromThrowable(e).getDetailsList()) {
      if (detail.is(RetryInfo.class)) {
        return detail.unpack(RetryInfo.class);
      }
    }
    throw new AssertionError("no RetryInfo in " + e);
  }

  /** What one Ingest stream answered: its acknowledgements, in order, and how it ended. */
  private record Streamed(List<IngestResponse> acks, Status status) {}

  /** Sends {@code batches} on one Ingest stream, half-closes, and waits for the stream to end. */
  private static Streamed stream(ManagedChannel channel, List<IngestRequest> batches) throws Exception {
    List<IngestResponse> acks = new java.util.concurrent.CopyOnWriteArrayList<>();
    CompletableFuture<Status> ended = new CompletableFuture<>();
    StreamObserver<IngestRequest> requests = IngestServiceGrpc.newStub(channel).ingest(new StreamObserver<>() {
      @Override
      public void onNext(IngestResponse value) {
        acks.add(value);
      }

      @Override
      public void onError(Throwable t) {
        ended.complete(Status.fromThrowable(t));
      }

      @Override
      public void onCompleted() {
        ended.complete(Status.OK);
      }
    });
    batches.forEach(requests::onNext);
    requests.onCompleted();
    Status status = ended.get(30, TimeUnit.SECONDS);
    return new Streamed(List.copyOf(acks), status);
  }

  /** Sends one batch on an Ingest stream; completes with its acknowledgement or the stream's error. */
  private static CompletableFuture<IngestResponse> ingest(ManagedChannel channel, IngestRequest batch) {
    CompletableFuture<IngestResponse> done = new CompletableFuture<>();
    StreamObserver<IngestRequest> requests = IngestServiceGrpc.newStub(channel).ingest(new StreamObserver<>() {
      @Override
      public void onNext(IngestResponse value) {
        done.complete(value);
      }

      @Override
      public void onError(Throwable t) {
        done.completeExceptionally(t);
      }

      @Override
      public void onCompleted() {}
    });
    requests.onNext(batch);
    requests.onCompleted();
    return done.orTimeout(30, TimeUnit.SECONDS);
  }
}
