package io.sitrep.bench.ingest;

import io.grpc.stub.StreamObserver;
import io.sitrep.api.v1.IngestItem;
import io.sitrep.api.v1.IngestRequest;
import io.sitrep.api.v1.IngestResponse;
import io.sitrep.api.v1.IngestServiceGrpc;

/**
 * {@code sitrep.v1.IngestService} that stores nothing: each batch is acknowledged at once with the
 * names its items carry, so that the acknowledgement is as large as the real one. What it measures
 * is the transport alone (client, HTTP/2 over loopback, protobuf both ways), the ceiling of the
 * real endpoint. Bench-only: it is never registered on the real server.
 */
final class NoopIngestService extends IngestServiceGrpc.IngestServiceImplBase {

  @Override
  public StreamObserver<IngestRequest> ingest(StreamObserver<IngestResponse> responses) {
    return new StreamObserver<>() {
      @Override
      public void onNext(IngestRequest batch) {
        IngestResponse.Builder ack = IngestResponse.newBuilder().setRequestId(batch.getRequestId());
        for (IngestItem item : batch.getItemsList()) {
          ack.addNames(item.getClaim().getName());
        }
        responses.onNext(ack.build());
      }

      @Override
      public void onError(Throwable t) {
        // the client went away; nothing to undo
      }

      @Override
      public void onCompleted() {
        responses.onCompleted();
      }
    };
  }
}
