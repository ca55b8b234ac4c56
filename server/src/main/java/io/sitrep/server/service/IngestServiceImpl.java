package io.sitrep.server.service;

import io.grpc.stub.StreamObserver;
import io.sitrep.api.v1.IngestRequest;
import io.sitrep.api.v1.IngestResponse;
import io.sitrep.api.v1.IngestServiceGrpc;
import io.sitrep.core.store.SitrepStore;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code sitrep.v1.IngestService}: each request on the stream is one batch, stored all or nothing
 * and acknowledged in order. The first refused batch ends the stream with its status; batches
 * acknowledged before it stay stored, and whatever the client sends after it is ignored.
 */
public final class IngestServiceImpl extends IngestServiceGrpc.IngestServiceImplBase {
  private static final Logger logger = Logger.getLogger(IngestServiceImpl.class.getName());

  private final BatchWriter writer;

  public IngestServiceImpl(SitrepStore store) {
    this.writer = new BatchWriter(store);
  }

  @Override
  public StreamObserver<IngestRequest> ingest(StreamObserver<IngestResponse> responses) {
    return new StreamObserver<>() {
      /** Set once the stream was ended with a refusal; gRPC calls these methods one at a time. */
      private boolean refused;

      @Override
      public void onNext(IngestRequest batch) {
        if (refused) {
          return;
        }
        IngestResponse ack;
        try {
          ack = writer.write(batch);
        } catch (RuntimeException e) {
          if (!Errors.isExpected(e)) {
            throw e;
          }
          refused = true;
          responses.onError(Errors.toStatusException(e));
          return;
        }
        responses.onNext(ack);
      }

      @Override
      public void onError(Throwable t) {
        logger.log(Level.FINE, "Ingest stream cancelled by the client", t);
      }

      @Override
      public void onCompleted() {
        if (!refused) {
          responses.onCompleted();
        }
      }
    };
  }
}
