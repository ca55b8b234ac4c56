package io.sitrep.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.sitrep.api.v1.IngestRequest;
import io.sitrep.api.v1.IngestResponse;
import io.sitrep.api.v1.IngestServiceGrpc;
import io.sitrep.server.auth.Principal.Role;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The interceptor puts the caller in the context of every callback of a call: a bidirectional
 * Ingest sees its principal in each onNext, where the store records it as the author of a batch.
 */
class AuthInterceptorTest {
  private final ApiKeys keys = ApiKeys.inMemory();
  private final List<String> seenInOnNext = new CopyOnWriteArrayList<>();
  private Server server;
  private ManagedChannel channel;

  /** An Ingest endpoint that answers each batch with the name of the principal current in onNext. */
  private void start(boolean direct) throws Exception {
    ServerServiceDefinition ingest = ServerServiceDefinition.builder(IngestServiceGrpc.getServiceDescriptor())
        .addMethod(IngestServiceGrpc.getIngestMethod(), ServerCalls.asyncBidiStreamingCall(responses ->
            new StreamObserver<IngestRequest>() {
              @Override
              public void onNext(IngestRequest request) {
                String author = Principal.currentName();
                seenInOnNext.add(author);
                responses.onNext(IngestResponse.newBuilder().setRequestId(request.getRequestId())
                    .addNames(author).build());
              }

              @Override
              public void onError(Throwable t) {}

              @Override
              public void onCompleted() {
                responses.onCompleted();
              }
            }))
        .build();
    String name = InProcessServerBuilder.generateName();
    InProcessServerBuilder builder = InProcessServerBuilder.forName(name);
    if (direct) {
      builder.directExecutor();
    }
    // An outer interceptor that claims every caller is an admin: it counts only while auth is off.
    io.grpc.ServerInterceptor spoof = new io.grpc.ServerInterceptor() {
      @Override
      public <Q, R> io.grpc.ServerCall.Listener<Q> interceptCall(io.grpc.ServerCall<Q, R> call, Metadata headers,
          io.grpc.ServerCallHandler<Q, R> next) {
        return io.grpc.Contexts.interceptCall(io.grpc.Context.current().withValue(Principal.CONTEXT_KEY,
            new Principal("outer-admin", Role.ADMIN)), call, headers, next);
      }
    };
    server = builder.addService(ServerInterceptors.intercept(ingest, new AuthInterceptor(keys, false), spoof))
        .build().start();
    channel = InProcessChannelBuilder.forName(name).build();
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private List<IngestResponse> ingest(String token, int batches) throws Exception {
    Metadata headers = new Metadata();
    headers.put(AuthInterceptor.AUTHORIZATION, "Bearer " + token);
    IngestServiceGrpc.IngestServiceStub stub = IngestServiceGrpc.newStub(channel)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    List<IngestResponse> acks = new CopyOnWriteArrayList<>();
    CompletableFuture<Status> done = new CompletableFuture<>();
    StreamObserver<IngestRequest> requests = stub.ingest(new StreamObserver<>() {
      @Override
      public void onNext(IngestResponse value) {
        acks.add(value);
      }

      @Override
      public void onError(Throwable t) {
        done.complete(Status.fromThrowable(t));
      }

      @Override
      public void onCompleted() {
        done.complete(Status.OK);
      }
    });
    for (int i = 0; i < batches; i++) {
      requests.onNext(IngestRequest.newBuilder().setRequestId("batch-" + i).build());
    }
    requests.onCompleted();
    assertThat(done.get(10, TimeUnit.SECONDS).getCode()).isEqualTo(Status.Code.OK);
    return acks;
  }

  @Test
  void everyBatchOfAStreamingIngestRunsAsTheKeysPrincipalOnTheServersOwnThreads() throws Exception {
    String token = keys.create("desk-baghdad", Role.ANALYST).token();
    start(false);

    List<IngestResponse> acks = ingest(token, 5);

    assertThat(acks).hasSize(5).allSatisfy(a -> assertThat(a.getNamesList()).containsExactly("desk-baghdad"));
    assertThat(seenInOnNext).containsOnly("desk-baghdad").hasSize(5);
  }

  @Test
  void withoutAnyKeyACallRunsAsThePrincipalAnOuterInterceptorSetAndWithKeysThatOneCountsForNothing()
      throws Exception {
    start(true);
    List<IngestResponse> acks = ingest("not-even-a-token", 2);
    assertThat(acks).allSatisfy(a -> assertThat(a.getNamesList()).containsExactly("outer-admin"));

    keys.create("alice", Role.READER);
    CompletableFuture<Status> refused = new CompletableFuture<>();
    IngestServiceGrpc.newStub(channel).ingest(observer(refused)).onCompleted();
    assertThat(refused.get(10, TimeUnit.SECONDS).getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void theBearerSchemeIsCaseInsensitiveButTheTokenIsNot() throws Exception {
    String token = keys.create("alice", Role.ADMIN).token();
    start(true);
    Metadata headers = new Metadata();
    headers.put(AuthInterceptor.AUTHORIZATION, "bearer   " + token);
    var stub = IngestServiceGrpc.newStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    CompletableFuture<Status> done = new CompletableFuture<>();
    StreamObserver<IngestRequest> requests = stub.ingest(observer(done));
    requests.onNext(IngestRequest.getDefaultInstance());
    requests.onCompleted();
    assertThat(done.get(10, TimeUnit.SECONDS).getCode()).isEqualTo(Status.Code.OK);

    headers.put(AuthInterceptor.AUTHORIZATION, "Bearer " + token.toUpperCase(java.util.Locale.ROOT));
    CompletableFuture<Status> refused = new CompletableFuture<>();
    StreamObserver<IngestRequest> again = IngestServiceGrpc.newStub(channel)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers)).ingest(observer(refused));
    again.onCompleted();
    assertThat(refused.get(10, TimeUnit.SECONDS).getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(seenInOnNext).containsExactly("alice");
  }

  private static StreamObserver<IngestResponse> observer(CompletableFuture<Status> done) {
    return new StreamObserver<>() {
      @Override
      public void onNext(IngestResponse value) {}

      @Override
      public void onError(Throwable t) {
        done.complete(Status.fromThrowable(t));
      }

      @Override
      public void onCompleted() {
        done.complete(Status.OK);
      }
    };
  }
}
