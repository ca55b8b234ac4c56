package io.sitrep.server.fault;

import com.google.protobuf.Timestamp;
import io.grpc.Channel;
import io.grpc.Deadline;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.sitrep.api.v1.Claim;
import io.sitrep.api.v1.ClaimServiceGrpc;
import io.sitrep.api.v1.IngestItem;
import io.sitrep.api.v1.IngestRequest;
import io.sitrep.api.v1.IngestResponse;
import io.sitrep.api.v1.IngestServiceGrpc;
import io.sitrep.api.v1.ListClaimsRequest;
import io.sitrep.api.v1.ListClaimsResponse;
import io.sitrep.api.v1.Proposition;
import io.sitrep.api.v1.Report;
import io.sitrep.api.v1.Source;
import io.sitrep.api.v1.SourceKind;
import io.sitrep.api.v1.Stance;
import io.sitrep.api.v1.TimePrecision;
import io.sitrep.api.v1.TimeSpan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * What the fault tests send through the real server: a wire service and its bulletin, batches of
 * claims under it, one Ingest call per batch, and a read of every claim back.
 */
final class Wire {
  static final String SOURCE = "sources/fault-wire";
  static final String REPORT = "reports/fault-wire-bulletin";

  private Wire() {}

  /** The source and report every claim hangs from, as one Ingest batch. */
  static IngestRequest setup() {
    Timestamp published = Timestamp.newBuilder().setSeconds(1_608_500_000L).build();
    return IngestRequest.newBuilder().setRequestId("fault-setup")
        .addItems(IngestItem.newBuilder().setSource(Source.newBuilder().setName(SOURCE)
            .setDisplayName("Fault Wire").setKind(SourceKind.SOURCE_KIND_NEWS_OUTLET)))
        .addItems(IngestItem.newBuilder().setReport(Report.newBuilder().setName(REPORT).setSource(SOURCE)
            .setTitle("Bulletin").setPublishTime(TimeSpan.newBuilder().setStartTime(published)
                .setEndTime(published).setPrecision(TimePrecision.TIME_PRECISION_INSTANT))))
        .build();
  }

  /** {@code n} claims named after {@code requestId}, with texts of {@code textBytes} or so. */
  static List<Claim> claims(String requestId, int n, int textBytes) {
    List<Claim> claims = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      claims.add(Claim.newBuilder()
          .setName("claims/" + requestId + "-c" + i)
          .setReport(REPORT)
          .setStance(i % 7 == 0 ? Stance.STANCE_DENIES : Stance.STANCE_ASSERTS)
          .setProposition(Proposition.newBuilder()
              .setSubject("places/" + requestId + "-" + i)
              .setAttribute("shelling")
              .setValue(Integer.toString(i * 31 % 97)))
          .setText("claim " + i + " of " + requestId + ": " + "\u0642\u0635\u0641 ".repeat(Math.max(1, textBytes / 7)))
          .build());
    }
    return claims;
  }

  static IngestRequest batch(String requestId, List<Claim> claims) {
    IngestRequest.Builder request = IngestRequest.newBuilder().setRequestId(requestId);
    claims.forEach(c -> request.addItems(IngestItem.newBuilder().setClaim(c)));
    return request.build();
  }

  /**
   * One batch on its own Ingest call: its acknowledgement, or the call's {@link StatusRuntimeException}.
   */
  static IngestResponse ingest(Channel channel, IngestRequest batch, long deadlineSeconds) {
    CompletableFuture<IngestResponse> done = new CompletableFuture<>();
    StreamObserver<IngestRequest> requests = IngestServiceGrpc.newStub(channel)
        .withDeadline(Deadline.after(deadlineSeconds, TimeUnit.SECONDS))
        .ingest(new StreamObserver<>() {
          private IngestResponse ack;

          @Override
          public void onNext(IngestResponse value) {
            ack = value;
          }

          @Override
          public void onError(Throwable t) {
            done.completeExceptionally(t);
          }

          @Override
          public void onCompleted() {
            if (ack == null) {
              done.completeExceptionally(new AssertionError("the stream ended without an acknowledgement"));
            } else {
              done.complete(ack);
            }
          }
        });
    requests.onNext(batch);
    requests.onCompleted();
    try {
      return done.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new AssertionError(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Every claim the server holds, by name, with the server-set fields cleared to compare with what was sent. */
  static Map<String, Claim> storedClaims(Channel channel) {
    Map<String, Claim> stored = new HashMap<>();
    String token = "";
    do {
      ListClaimsResponse page = ClaimServiceGrpc.newBlockingStub(channel)
          .withDeadline(Deadline.after(60, TimeUnit.SECONDS))
          .listClaims(ListClaimsRequest.newBuilder().setPageSize(1000).setPageToken(token).build());
      page.getClaimsList().forEach(c -> stored.put(c.getName(),
          c.toBuilder().clearEtag().clearCreateTime().clearUpdateTime().build()));
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    return stored;
  }
}
