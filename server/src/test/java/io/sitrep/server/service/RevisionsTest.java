package io.sitrep.server.service;

import static io.sitrep.server.testing.SeedEpisode.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Timestamp;
import io.grpc.Contexts;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.sitrep.api.v1.ActorServiceGrpc;
import io.sitrep.api.v1.Claim;
import io.sitrep.api.v1.ClaimRevision;
import io.sitrep.api.v1.ClaimServiceGrpc;
import io.sitrep.api.v1.DeleteClaimRequest;
import io.sitrep.api.v1.DeleteSourceRequest;
import io.sitrep.api.v1.EventServiceGrpc;
import io.sitrep.api.v1.GetClaimRequest;
import io.sitrep.api.v1.GetSourceRequest;
import io.sitrep.api.v1.IngestRequest;
import io.sitrep.api.v1.IngestResponse;
import io.sitrep.api.v1.IngestServiceGrpc;
import io.sitrep.api.v1.ListActorRevisionsRequest;
import io.sitrep.api.v1.ListClaimRevisionsRequest;
import io.sitrep.api.v1.ListClaimRevisionsResponse;
import io.sitrep.api.v1.ListEventRevisionsRequest;
import io.sitrep.api.v1.ListReportRevisionsRequest;
import io.sitrep.api.v1.ListSourceRevisionsRequest;
import io.sitrep.api.v1.ReportServiceGrpc;
import io.sitrep.api.v1.RevisionChange;
import io.sitrep.api.v1.Source;
import io.sitrep.api.v1.SourceRevision;
import io.sitrep.api.v1.SourceServiceGrpc;
import io.sitrep.api.v1.Stance;
import io.sitrep.api.v1.UpdateClaimRequest;
import io.sitrep.api.v1.UpdateSourceRequest;
import io.sitrep.core.store.SitrepStore;
import io.sitrep.core.store.jdbc.JdbcStores;
import io.sitrep.server.SitrepServer;
import io.sitrep.server.auth.Principal;
import io.sitrep.server.mapping.IngestMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * History over the wire on a real SQLite store: each write is made by a named caller (a test
 * interceptor puts the principal in the gRPC context, as the auth interceptor does), then
 * {@code ListXRevisions} shows every change newest first with its author, and Get with a read
 * time answers what Sitrep knew at that instant.
 */
class RevisionsTest {
  private static final Metadata.Key<String> CALLER = Metadata.Key.of("x-test-caller", Metadata.ASCII_STRING_MARSHALLER);
  private static final Instant T0 = Instant.parse("2020-12-27T05:00:00Z");

  @TempDir Path dataDir;
  private final SettableClock clock = new SettableClock(T0);
  private SitrepStore store;
  private SitrepServer server;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    store = JdbcStores.openSqlite(dataDir, clock);
    String name = InProcessServerBuilder.generateName();
    InProcessServerBuilder builder = InProcessServerBuilder.forName(name).directExecutor();
    builder.intercept(new CallerFromHeader());
    server = new SitrepServer(builder, store).start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.stop();
    store.close();
  }

  @Test
  void theHandoverClaimsHistoryNamesWhoIngestedRetractedAndDeletedIt() throws Exception {
    ingestAs("alice@desk", IngestRequest.newBuilder().setRequestId("seed")
        .addAllItems(IngestMapper.items(dataset())).build());
    Claim original = claims("alice@desk").getClaim(GetClaimRequest.newBuilder().setName(HANDOVER_CLAIM).build());

    Instant t1 = clock.advance(Duration.ofHours(1));
    Claim retracted = claims("bob@desk").updateClaim(UpdateClaimRequest.newBuilder()
        .setClaim(original.toBuilder().setStance(Stance.STANCE_DENIES)).build());
    Instant t2 = clock.advance(Duration.ofHours(1));
    claims("carol@desk").deleteClaim(DeleteClaimRequest.newBuilder().setName(HANDOVER_CLAIM).build());
    clock.advance(Duration.ofHours(1));

    List<ClaimRevision> revisions = claims("dave@desk").listClaimRevisions(
        ListClaimRevisionsRequest.newBuilder().setName(HANDOVER_CLAIM).build()).getClaimRevisionsList();
    assertThat(revisions).extracting(ClaimRevision::getChange).containsExactly(
        RevisionChange.REVISION_CHANGE_DELETED, RevisionChange.REVISION_CHANGE_UPDATED,
        RevisionChange.REVISION_CHANGE_CREATED);
    assertThat(revisions).extracting(ClaimRevision::getAuthor)
        .containsExactly("carol@desk", "bob@desk", "alice@desk");
    assertThat(revisions).extracting(r -> instant(r.getRevisionCreateTime())).containsExactly(t2, t1, T0);
    assertThat(revisions.get(0).hasClaim()).isFalse();
    assertThat(revisions.get(1).getClaim()).isEqualTo(retracted);
    assertThat(revisions.get(2).getClaim()).isEqualTo(original);
    assertThat(revisions).extracting(ClaimRevision::getEtag)
        .containsExactly(revisions.get(0).getEtag(), retracted.getEtag(), original.getEtag()).doesNotHaveDuplicates();
    assertThat(revisions).extracting(r -> Long.parseLong(r.getRevisionId())).isSortedAccordingTo((a, b) -> Long.compare(b, a));

    // As known at each moment: nothing before the ingest, the assertion, the retraction, nothing once deleted.
    assertThat(statusOf(() -> getClaimAt(T0.minusNanos(1)))).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(getClaimAt(T0)).isEqualTo(original);
    assertThat(getClaimAt(t1.minusNanos(1))).isEqualTo(original);
    assertThat(getClaimAt(t1)).isEqualTo(retracted);
    assertThat(getClaimAt(t2.minusNanos(1))).isEqualTo(retracted);
    assertThat(statusOf(() -> getClaimAt(t2))).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(statusOf(() -> claims("dave@desk").getClaim(GetClaimRequest.newBuilder().setName(HANDOVER_CLAIM)
        .build()))).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void everyKindOfResourceHasItsRevisionsAndTheIngestsAuthor() throws Exception {
    ingestAs("alice@desk", IngestRequest.newBuilder().addAllItems(IngestMapper.items(dataset())).build());

    assertThat(SourceServiceGrpc.newBlockingStub(channel).listSourceRevisions(
        ListSourceRevisionsRequest.newBuilder().setName(HABIB).build()).getSourceRevisionsList())
        .singleElement().satisfies(r -> {
          assertThat(r.getAuthor()).isEqualTo("alice@desk");
          assertThat(r.getSource().getName()).isEqualTo(HABIB);
        });
    assertThat(ReportServiceGrpc.newBlockingStub(channel).listReportRevisions(
        ListReportRevisionsRequest.newBuilder().setName(HANDOVER_REPORT).build()).getReportRevisionsList())
        .singleElement().satisfies(r -> assertThat(r.getReport().getName()).isEqualTo(HANDOVER_REPORT));
    assertThat(ActorServiceGrpc.newBlockingStub(channel).listActorRevisions(
        ListActorRevisionsRequest.newBuilder().setName(AAH).build()).getActorRevisionsList())
        .singleElement().satisfies(r -> assertThat(r.getChange()).isEqualTo(RevisionChange.REVISION_CHANGE_CREATED));
    assertThat(EventServiceGrpc.newBlockingStub(channel).listEventRevisions(
        ListEventRevisionsRequest.newBuilder().setName(ARREST).build()).getEventRevisionsList())
        .singleElement().satisfies(r -> assertThat(r.getAuthor()).isEqualTo("alice@desk"));
  }

  @Test
  void aCallerWithoutAPrincipalIsRecordedAsAnonymous() {
    Source created = SourceServiceGrpc.newBlockingStub(channel).createSource(
        io.sitrep.api.v1.CreateSourceRequest.newBuilder().setSource(interiorMinistrySource().toBuilder().setName(""))
            .setSourceId("interior-ministry").build());
    assertThat(SourceServiceGrpc.newBlockingStub(channel).listSourceRevisions(ListSourceRevisionsRequest.newBuilder()
        .setName(created.getName()).build()).getSourceRevisionsList()).extracting(SourceRevision::getAuthor)
        .containsExactly(Principal.ANONYMOUS_NAME);
  }

  @Test
  void revisionsComePageByPageNewestFirstAndADeletedSourceIsReadableAsOfBefore() {
    SourceServiceGrpc.SourceServiceBlockingStub sources = sources("alice@desk");
    Source v1 = sources.createSource(io.sitrep.api.v1.CreateSourceRequest.newBuilder()
        .setSource(interiorMinistrySource().toBuilder().setName("")).setSourceId("interior-ministry").build());
    clock.advance(Duration.ofMinutes(1));
    Source v2 = sources("bob@desk").updateSource(UpdateSourceRequest.newBuilder()
        .setSource(v1.toBuilder().setDescription("speaks for the ministry")).build());
    Instant deletedAt = clock.advance(Duration.ofMinutes(1));
    sources("carol@desk").deleteSource(DeleteSourceRequest.newBuilder().setName(v1.getName()).build());

    List<String> authors = new ArrayList<>();
    String token = "";
    int pages = 0;
    do {
      var page = sources.listSourceRevisions(ListSourceRevisionsRequest.newBuilder().setName(v1.getName())
          .setPageSize(1).setPageToken(token).build());
      assertThat(page.getSourceRevisionsCount()).isEqualTo(1);
      authors.add(page.getSourceRevisions(0).getAuthor());
      token = page.getNextPageToken();
      pages++;
      // A write between pages (a new life of the name) is newer, so it never shifts the pages.
      if (pages == 1) {
        clock.advance(Duration.ofMinutes(1));
        sources("dave@desk").createSource(io.sitrep.api.v1.CreateSourceRequest.newBuilder()
            .setSource(interiorMinistrySource().toBuilder().setName("")).setSourceId("interior-ministry").build());
      }
    } while (!token.isEmpty());
    assertThat(authors).containsExactly("carol@desk", "bob@desk", "alice@desk");

    Source asOfBeforeDeletion = sources.getSource(GetSourceRequest.newBuilder().setName(v1.getName())
        .setReadTime(timestamp(deletedAt.minusNanos(1))).build());
    assertThat(asOfBeforeDeletion).isEqualTo(v2);
    assertThat(statusOf(() -> sources.getSource(GetSourceRequest.newBuilder().setName(v1.getName())
        .setReadTime(timestamp(deletedAt)).build()))).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void badRevisionRequestsAreRefusedNamingTheField() {
    SourceServiceGrpc.SourceServiceBlockingStub sources = sources("alice@desk");
    Source created = sources.createSource(io.sitrep.api.v1.CreateSourceRequest.newBuilder()
        .setSource(interiorMinistrySource().toBuilder().setName("")).setSourceId("interior-ministry").build());
    sources.updateSource(UpdateSourceRequest.newBuilder().setSource(created.toBuilder().setDescription("x")).build());
    String otherToken = sources.listSourceRevisions(ListSourceRevisionsRequest.newBuilder()
        .setName(created.getName()).setPageSize(1).build()).getNextPageToken();

    assertThat(statusOf(() -> sources.listSourceRevisions(ListSourceRevisionsRequest.newBuilder()
        .setName("sources/never-made").build()))).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(refusal(() -> sources.listSourceRevisions(ListSourceRevisionsRequest.newBuilder()
        .setName(HABIB).setPageToken(otherToken).build()))).contains("page_token");
    assertThat(refusal(() -> sources.listSourceRevisions(ListSourceRevisionsRequest.newBuilder()
        .setName(created.getName()).setPageToken("not a token").build()))).contains("page_token");
    assertThat(refusal(() -> sources.listSourceRevisions(ListSourceRevisionsRequest.newBuilder()
        .setName(created.getName()).setPageSize(-1).build()))).contains("page_size");
    assertThat(refusal(() -> sources.listSourceRevisions(ListSourceRevisionsRequest.newBuilder()
        .setName("claims/x").build()))).contains("name");
    assertThat(refusal(() -> sources.getSource(GetSourceRequest.newBuilder().setName(created.getName())
        .setReadTime(Timestamp.newBuilder().setSeconds(1).setNanos(-5)).build()))).contains("read_time");
  }

  // --- helpers ---

  private Claim getClaimAt(Instant at) {
    return claims("dave@desk").getClaim(GetClaimRequest.newBuilder().setName(HANDOVER_CLAIM)
        .setReadTime(timestamp(at)).build());
  }

  private ClaimServiceGrpc.ClaimServiceBlockingStub claims(String caller) {
    return ClaimServiceGrpc.newBlockingStub(channel).withInterceptors(callerHeader(caller));
  }

  private SourceServiceGrpc.SourceServiceBlockingStub sources(String caller) {
    return SourceServiceGrpc.newBlockingStub(channel).withInterceptors(callerHeader(caller));
  }

  private void ingestAs(String caller, IngestRequest request) throws Exception {
    CompletableFuture<IngestResponse> ack = new CompletableFuture<>();
    StreamObserver<IngestRequest> requests = IngestServiceGrpc.newStub(channel).withInterceptors(callerHeader(caller))
        .ingest(new StreamObserver<>() {
          @Override
          public void onNext(IngestResponse value) {
            ack.complete(value);
          }

          @Override
          public void onError(Throwable t) {
            ack.completeExceptionally(t);
          }

          @Override
          public void onCompleted() {}
        });
    requests.onNext(request);
    requests.onCompleted();
    assertThat(ack.get(10, TimeUnit.SECONDS).getReplayed()).isFalse();
  }

  private static io.grpc.ClientInterceptor callerHeader(String caller) {
    Metadata headers = new Metadata();
    headers.put(CALLER, caller);
    return MetadataUtils.newAttachHeadersInterceptor(headers);
  }

  private static Status.Code statusOf(Runnable call) {
    try {
      call.run();
      return Status.Code.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode();
    }
  }

  /** The INVALID_ARGUMENT's description (with the field named in it). */
  private static String refusal(Runnable call) {
    StatusRuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class, call::run);
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    return e.getStatus().getDescription();
  }

  private static Timestamp timestamp(Instant i) {
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
  }

  private static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  /** Puts the caller named in a header into the gRPC context, as the auth interceptor puts a key's principal. */
  private static final class CallerFromHeader implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
        ServerCallHandler<Q, R> next) {
      String caller = headers.get(CALLER);
      if (caller == null) {
        return next.startCall(call, headers);
      }
      return Contexts.interceptCall(io.grpc.Context.current().withValue(Principal.CONTEXT_KEY,
          new Principal(caller, Principal.Role.ADMIN)), call, headers, next);
    }
  }

  private static final class SettableClock extends Clock {
    private final AtomicReference<Instant> now;

    SettableClock(Instant start) {
      now = new AtomicReference<>(start);
    }

    Instant advance(Duration d) {
      return now.updateAndGet(i -> i.plus(d));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }
}
