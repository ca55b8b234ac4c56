package io.sitrep.bench.load;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.SettableFuture;
import com.google.protobuf.Timestamp;
import io.grpc.Channel;
import io.grpc.stub.StreamObserver;
import io.sitrep.api.v1.ActorAnalysisServiceGrpc;
import io.sitrep.api.v1.ActorServiceGrpc;
import io.sitrep.api.v1.AnalysisServiceGrpc;
import io.sitrep.api.v1.AssessClaimsRequest;
import io.sitrep.api.v1.Claim;
import io.sitrep.api.v1.ClaimServiceGrpc;
import io.sitrep.api.v1.CreateClaimRequest;
import io.sitrep.api.v1.EventServiceGrpc;
import io.sitrep.api.v1.GetActorRequest;
import io.sitrep.api.v1.GetClaimRequest;
import io.sitrep.api.v1.GetEventRequest;
import io.sitrep.api.v1.GetReportRequest;
import io.sitrep.api.v1.GetSourceRequest;
import io.sitrep.api.v1.GetTimelineRequest;
import io.sitrep.api.v1.IngestItem;
import io.sitrep.api.v1.IngestRequest;
import io.sitrep.api.v1.IngestResponse;
import io.sitrep.api.v1.IngestServiceGrpc;
import io.sitrep.api.v1.ListActorsRequest;
import io.sitrep.api.v1.ListClaimsRequest;
import io.sitrep.api.v1.ListDisputesRequest;
import io.sitrep.api.v1.ListEventsRequest;
import io.sitrep.api.v1.Proposition;
import io.sitrep.api.v1.Report;
import io.sitrep.api.v1.ReportServiceGrpc;
import io.sitrep.api.v1.ResolveActorRequest;
import io.sitrep.api.v1.Source;
import io.sitrep.api.v1.SourceKind;
import io.sitrep.api.v1.SourceServiceGrpc;
import io.sitrep.api.v1.Stance;
import io.sitrep.api.v1.TimePrecision;
import io.sitrep.api.v1.TimeSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the load driver's clients call, and how often: the mixed workload of the {@code load}
 * tool. Each {@link Method} issues one asynchronous call on a channel and returns its future.
 *
 * <p>The mix, in percent of calls (each client picks the next call at random with these weights):
 * point reads 45 (GetClaim 20, GetEvent 8, GetActor 8, GetReport 5, GetSource 4); lists 15
 * (ListClaims 8 by stance, ListEvents 5 by participant, ListActors 2; pages of 50); writes 15
 * (Ingest 10, a batch of 10 new claims on its own stream; CreateClaim 5), each with a fresh
 * request id; analyses 25 (GetTimeline 8 of Asa'ib Ahl al-Haq with its members, ListDisputes 8
 * on the detainee, AssessClaims 5 on his custody, ResolveActor 4 of a written name).
 */
final class Workload {
  static final String SOURCE = "sources/load-wire";
  static final String REPORT = "reports/load-wire-bulletin";
  /** Demo names the analyses ask about (README's tour). */
  static final String ACTOR = "actors/asaib-ahl-al-haq";
  static final String DETAINEE = "actors/hossam-al-azirjawi";
  static final String ATTRIBUTE = "custody";
  static final List<String> WRITTEN_NAMES = List.of("Kadhimi", "AAH", "al-Kazemi", "Hashd", "Khazali");
  static final int INGEST_BATCH = 10;

  /** One kind of call in the mix. */
  interface Call {
    ListenableFuture<?> issue(Channel channel, long deadlineMillis);
  }

  record Method(String name, int weight, Call call) {}

  /** The names a read may ask for, found in the store before the run. */
  record Names(List<String> sources, List<String> reports, List<String> actors, List<String> events,
      List<String> claims) {}

  private final Names names;
  private final String runId;
  private final AtomicLong writes = new AtomicLong();

  Workload(Names names, String runId) {
    this.names = names;
    this.runId = runId;
  }

  /** The source and report that written claims cite, as one Ingest batch. */
  static IngestRequest setup(String requestId) {
    Timestamp published = Timestamp.newBuilder().setSeconds(1_608_500_000L).build();
    return IngestRequest.newBuilder().setRequestId(requestId)
        .addItems(IngestItem.newBuilder().setSource(Source.newBuilder().setName(SOURCE)
            .setDisplayName("Load Wire").setKind(SourceKind.SOURCE_KIND_NEWS_OUTLET)))
        .addItems(IngestItem.newBuilder().setReport(Report.newBuilder().setName(REPORT).setSource(SOURCE)
            .setTitle("Bulletin").setPublishTime(TimeSpan.newBuilder().setStartTime(published)
                .setEndTime(published).setPrecision(TimePrecision.TIME_PRECISION_INSTANT))))
        .build();
  }

  /** The mixed workload; weights add up to 100. */
  List<Method> mix() {
    List<Method> mix = new ArrayList<>();
    mix.add(new Method("GetClaim", 20, getClaim()));
    mix.add(new Method("GetEvent", 8, (ch, d) -> EventServiceGrpc.newFutureStub(ch)
        .withDeadlineAfter(d, TimeUnit.MILLISECONDS)
        .getEvent(GetEventRequest.newBuilder().setName(pick(names.events())).build())));
    mix.add(new Method("GetActor", 8, (ch, d) -> ActorServiceGrpc.newFutureStub(ch)
        .withDeadlineAfter(d, TimeUnit.MILLISECONDS)
        .getActor(GetActorRequest.newBuilder().setName(pick(names.actors())).build())));
    mix.add(new Method("GetReport", 5, (ch, d) -> ReportServiceGrpc.newFutureStub(ch)
        .withDeadlineAfter(d, TimeUnit.MILLISECONDS)
        .getReport(GetReportRequest.newBuilder().setName(pick(names.reports())).build())));
    mix.add(new Method("GetSource", 4, (ch, d) -> SourceServiceGrpc.newFutureStub(ch)
        .withDeadlineAfter(d, TimeUnit.MILLISECONDS)
        .getSource(GetSourceRequest.newBuilder().setName(pick(names.sources())).build())));
    mix.add(new Method("ListClaims", 8, (ch, d) -> ClaimServiceGrpc.newFutureStub(ch)
        .withDeadlineAfter(d, TimeUnit.MILLISECONDS)
        .listClaims(ListClaimsRequest.newBuilder().setPageSize(50)
            .setFilter(ThreadLocalRandom.current().nextBoolean() ? "stance = STANCE_DENIES" : "stance = STANCE_ASSERTS")
            .build())));
    mix.add(new Method("ListEvents", 5, (ch, d) -> EventServiceGrpc.newFutureStub(ch)
        .withDeadlineAfter(d, TimeUnit.MILLISECONDS)
        .listEvents(ListEventsRequest.newBuilder().setPageSize(50)
            .setFilter("participant = \"" + pick(names.actors()) + "\"").build())));
    mix.add(new Method("ListActors", 2, (ch, d) -> ActorServiceGrpc.newFutureStub(ch)
        .withDeadlineAfter(d, TimeUnit.MILLISECONDS)
        .listActors(ListActorsRequest.newBuilder().setPageSize(50).build())));
    mix.add(new Method("Ingest", 10, this::ingest));
    mix.add(new Method("CreateClaim", 5, (ch, d) -> {
      long n = writes.incrementAndGet();
      String id = runId + "-create-" + n;
      return ClaimServiceGrpc.newFutureStub(ch).withDeadlineAfter(d, TimeUnit.MILLISECONDS)
          .createClaim(CreateClaimRequest.newBuilder().setClaim(claim(id, n)).setClaimId(id)
              .setRequestId(id).build());
    }));
    mix.add(new Method("GetTimeline", 8, (ch, d) -> AnalysisServiceGrpc.newFutureStub(ch)
        .withDeadlineAfter(d, TimeUnit.MILLISECONDS)
        .getTimeline(GetTimelineRequest.newBuilder().setActor(ACTOR).setIncludeMembers(true).build())));
    mix.add(new Method("ListDisputes", 8, (ch, d) -> AnalysisServiceGrpc.newFutureStub(ch)
        .withDeadlineAfter(d, TimeUnit.MILLISECONDS)
        .listDisputes(ListDisputesRequest.newBuilder().setSubject(DETAINEE).build())));
    mix.add(new Method("AssessClaims", 5, (ch, d) -> AnalysisServiceGrpc.newFutureStub(ch)
        .withDeadlineAfter(d, TimeUnit.MILLISECONDS)
        .assessClaims(AssessClaimsRequest.newBuilder().setSubject(DETAINEE).setAttribute(ATTRIBUTE).build())));
    mix.add(new Method("ResolveActor", 4, (ch, d) -> ActorAnalysisServiceGrpc.newFutureStub(ch)
        .withDeadlineAfter(d, TimeUnit.MILLISECONDS)
        .resolveActor(ResolveActorRequest.newBuilder().setName(pick(WRITTEN_NAMES)).build())));
    return mix;
  }

  /** Point reads of stored claims only: the point-Get phase. */
  Method pointGet() {
    return new Method("GetClaim", 100, getClaim());
  }

  private Call getClaim() {
    return (ch, d) -> ClaimServiceGrpc.newFutureStub(ch).withDeadlineAfter(d, TimeUnit.MILLISECONDS)
        .getClaim(GetClaimRequest.newBuilder().setName(pick(names.claims())).build());
  }

  /** One batch of new claims on its own Ingest stream; done with its acknowledgement. */
  private ListenableFuture<IngestResponse> ingest(Channel channel, long deadlineMillis) {
    long n = writes.incrementAndGet();
    String requestId = runId + "-ingest-" + n;
    IngestRequest.Builder batch = IngestRequest.newBuilder().setRequestId(requestId);
    for (int i = 0; i < INGEST_BATCH; i++) {
      batch.addItems(IngestItem.newBuilder().setClaim(claim(requestId + "-" + i, n * INGEST_BATCH + i).toBuilder()
          .setName("claims/" + requestId + "-" + i)));
    }
    SettableFuture<IngestResponse> done = SettableFuture.create();
    StreamObserver<IngestRequest> requests = IngestServiceGrpc.newStub(channel)
        .withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
        .ingest(new StreamObserver<>() {
          private IngestResponse ack;

          @Override
          public void onNext(IngestResponse value) {
            ack = value;
          }

          @Override
          public void onError(Throwable t) {
            done.setException(t);
          }

          @Override
          public void onCompleted() {
            if (ack == null || ack.getNamesCount() != INGEST_BATCH) {
              done.setException(io.grpc.Status.DATA_LOSS
                  .withDescription("batch " + requestId + " acknowledged as " + ack).asRuntimeException());
            } else {
              done.set(ack);
            }
          }
        });
    requests.onNext(batch.build());
    requests.onCompleted();
    return done;
  }

  /** A claim of a strike's toll, the kind a wire service files by the dozen: disputes form among them. */
  private static Claim claim(String id, long k) {
    return Claim.newBuilder()
        .setReport(REPORT)
        .setStance(k % 9 == 0 ? Stance.STANCE_DENIES : Stance.STANCE_ASSERTS)
        .setProposition(Proposition.newBuilder()
            .setSubject("events/load-strike-" + (k % 500))
            .setAttribute("fatalities")
            .setValue(Long.toString(k * 7 % 23)))
        .setText("Local officials said " + (k * 7 % 23) + " people were killed in the strike on the market (" + id + ")")
        .build();
  }

  private static String pick(List<String> names) {
    return names.get(ThreadLocalRandom.current().nextInt(names.size()));
  }
}
