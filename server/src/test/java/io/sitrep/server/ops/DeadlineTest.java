package io.sitrep.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.sitrep.api.v1.AnalysisServiceGrpc;
import io.sitrep.api.v1.AssessClaimsRequest;
import io.sitrep.api.v1.Claim;
import io.sitrep.api.v1.Dataset;
import io.sitrep.api.v1.IngestRequest;
import io.sitrep.api.v1.ListDisputesRequest;
import io.sitrep.api.v1.Proposition;
import io.sitrep.api.v1.Report;
import io.sitrep.api.v1.Source;
import io.sitrep.api.v1.SourceKind;
import io.sitrep.api.v1.Stance;
import io.sitrep.api.v1.TimePrecision;
import io.sitrep.api.v1.TimeSpan;
import io.sitrep.core.ach.InMemoryAchStore;
import io.sitrep.core.store.InMemoryStore;
import io.sitrep.core.store.ResourceType;
import io.sitrep.server.SitrepServer;
import io.sitrep.server.mapping.IngestMapper;
import io.sitrep.server.service.BatchWriter;
import io.sitrep.server.testing.Refusal;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An assessment over a scope that takes the real server (Netty, loopback) several seconds is cut
 * off by a short deadline: the caller gets DEADLINE_EXCEEDED, the server's work stops soon after
 * the deadline, and nothing of the cut-off run is kept.
 */
class DeadlineTest {
  /**
   * Sources and claims: 200 sources disagreeing over 6,000 casualty counts. A full AssessClaims over
   * a third of them took 8.5 s on the shared 2-core machine (load ~20) when this test was written,
   * before core's truth discovery got faster; the deadline is well inside a full run.
   */
  static final int SOURCES = Integer.getInteger("sitrep.test.deadline.sources", 200);
  static final int CLAIMS = Integer.getInteger("sitrep.test.deadline.claims", 60_000);
  static final long DEADLINE_MILLIS = 300;
  static final String ASSESS = "sitrep.v1.AnalysisService/AssessClaims";

  /** When the AssessClaims handler returned and when the server's deadline for it was, in nanoTime. */
  static final AtomicLong handlerReturned = new AtomicLong();
  static final AtomicLong serverDeadline = new AtomicLong();

  static InMemoryStore store;
  static SitrepServer server;
  static ManagedChannel channel;

  @BeforeAll
  static void aLargeScopeOnTheRealServer() throws Exception {
    store = new InMemoryStore();
    BatchWriter writer = new BatchWriter(store);
    Dataset.Builder setup = Dataset.newBuilder();
    Timestamp published = Timestamp.newBuilder().setSeconds(1_608_500_000L).build();
    for (int s = 0; s < SOURCES; s++) {
      setup.addSources(Source.newBuilder().setName("sources/wire-" + s).setDisplayName("Wire " + s)
          .setKind(SourceKind.SOURCE_KIND_NEWS_OUTLET));
      setup.addReports(Report.newBuilder().setName("reports/bulletin-" + s).setSource("sources/wire-" + s)
          .setTitle("Bulletin " + s).setPublishTime(TimeSpan.newBuilder().setStartTime(published)
              .setEndTime(published).setPrecision(TimePrecision.TIME_PRECISION_INSTANT)));
    }
    writer.write(IngestRequest.newBuilder().setRequestId("setup").addAllItems(IngestMapper.items(setup.build()))
        .build());
    List<Claim> batch = new ArrayList<>();
    for (int k = 0; k < CLAIMS; k++) {
      int source = k % SOURCES;
      int item = k / 10;
      // Most sources agree on the count; a few report their own.
      long value = source % 7 == 0 ? (item * 31L + source) % 97 : (item * 13L) % 97;
      batch.add(Claim.newBuilder().setName("claims/c-" + k).setReport("reports/bulletin-" + source)
          .setStance(Stance.STANCE_ASSERTS)
          .setProposition(Proposition.newBuilder().setSubject("events/strike-" + item).setAttribute("fatalities")
              .setValue(Long.toString(value)))
          .build());
      if (batch.size() == 10_000 || k == CLAIMS - 1) {
        writer.write(IngestRequest.newBuilder().setRequestId("claims-" + k)
            .addAllItems(IngestMapper.items(Dataset.newBuilder().addAllClaims(batch).build())).build());
        batch.clear();
      }
    }
    NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0));
    // Added first, so it runs innermost of the server-wide interceptors, right around the handler.
    builder.intercept(new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
          ServerCallHandler<Q, R> next) {
        if (!call.getMethodDescriptor().getFullMethodName().equals(ASSESS)) {
          return next.startCall(call, headers);
        }
        Deadline deadline = Context.current().getDeadline();
        serverDeadline.set(deadline == null ? Long.MAX_VALUE
            : System.nanoTime() + deadline.timeRemaining(TimeUnit.NANOSECONDS));
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
          @Override
          public void onHalfClose() {
            try {
              super.onHalfClose(); // a unary handler does all its work here
            } finally {
              handlerReturned.set(System.nanoTime());
            }
          }
        };
      }
    });
    server = new SitrepServer(builder, store, InMemoryAchStore.create(), ServerLimits.DEFAULTS).start();
    channel = Grpc.newChannelBuilder("127.0.0.1:" + server.port(), InsecureChannelCredentials.create()).build();
  }

  @AfterAll
  static void stop() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.stop();
    store.close();
  }

  @Test
  void aShortDeadlineStopsTheAssessmentSoonAfterItAndKeepsNothing() {
    // Connected and the disputes indexed first, so that the deadline falls inside the assessment.
    var before = AnalysisServiceGrpc.newBlockingStub(channel).withDeadlineAfter(120, TimeUnit.SECONDS)
        .listDisputes(ListDisputesRequest.newBuilder().setPageSize(50).build());
    assertThat(before.getDisputesList()).flatExtracting(d -> d.getPositionsList()).noneMatch(p -> p.hasBelief());
    long start = System.nanoTime();
    Refusal refusal = Refusal.of(() -> AnalysisServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(DEADLINE_MILLIS, TimeUnit.MILLISECONDS)
        .assessClaims(AssessClaimsRequest.newBuilder().setAttribute("fatalities").build()));
    long clientMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (handlerReturned.get() == 0 && System.nanoTime() < until) {
      Thread.onSpinWait();
    }
    long overrunMillis = TimeUnit.NANOSECONDS.toMillis(handlerReturned.get() - serverDeadline.get());
    System.out.printf("deadline %d ms: client gave up after %d ms; the server's work stopped %d ms after its"
        + " deadline%n", DEADLINE_MILLIS, clientMillis, overrunMillis);

    assertThat(refusal.code()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    assertThat(handlerReturned.get()).as("the handler returned").isNotZero();
    // The target is 100 ms; on the shared 2-core machine at load ~20 it measured 140-460 ms (what is
    // left runs in core's matrix build and truth pre-passes, which do not poll). The bound here only
    // says the run was cut off: a full run takes ~8.5 s.
    assertThat(overrunMillis).isLessThan(2_000);
    // Nothing of the cut-off run was kept: no dispute carries a belief from it.
    var disputes = AnalysisServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS)
        .listDisputes(ListDisputesRequest.newBuilder().setPageSize(50).build());
    assertThat(disputes.getDisputesCount()).isPositive();
    assertThat(disputes.getDisputesList()).flatExtracting(d -> d.getPositionsList())
        .noneMatch(p -> p.hasBelief());
  }

}
