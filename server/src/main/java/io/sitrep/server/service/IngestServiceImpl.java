package io.sitrep.server.service;

import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import io.grpc.Context;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.sitrep.api.v1.IngestRequest;
import io.sitrep.api.v1.IngestResponse;
import io.sitrep.api.v1.IngestServiceGrpc;
import io.sitrep.core.model.Resource;
import io.sitrep.core.store.SitrepStore;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * {@code sitrep.v1.IngestService}: each request on the stream is one batch, stored all or nothing
 * and acknowledged in order, once committed. The first refused batch ends the stream with its
 * status; batches acknowledged before it stay stored, and whatever the client sends after it is
 * ignored.
 *
 * <p>A stream is pipelined: the gRPC thread decodes and maps the next batch while a writer thread
 * stores the previous one, so the store's single writer does not also wait on decoding. At most
 * {@link #BATCHES_AHEAD} batches of a stream are taken in before the oldest is acknowledged (the
 * stream's flow control holds the rest at the client). Each stream's batches are stored one after
 * another, in order, each in the caller's gRPC {@link Context} (its principal is the author).
 */
public final class IngestServiceImpl extends IngestServiceGrpc.IngestServiceImplBase {
  private static final Logger logger = Logger.getLogger(IngestServiceImpl.class.getName());
  /** Batches of one stream received but not yet acknowledged: the one being stored and the next. */
  static final int BATCHES_AHEAD = 2;
  /** Threads that store batches; idle ones end after a minute, and none keeps the JVM alive. */
  private static final ExecutorService WRITERS = Executors.newCachedThreadPool(
      new ThreadFactoryBuilder().setNameFormat("sitrep-ingest-writer-%d").setDaemon(true).build());

  private final BatchWriter writer;

  public IngestServiceImpl(SitrepStore store) {
    this.writer = new BatchWriter(store);
  }

  @Override
  public StreamObserver<IngestRequest> ingest(StreamObserver<IngestResponse> responses) {
    ServerCallStreamObserver<IngestResponse> call = (ServerCallStreamObserver<IngestResponse>) responses;
    Stream stream = new Stream(call, MoreExecutors.newSequentialExecutor(WRITERS));
    call.setOnCancelHandler(() -> stream.cancelled = true);
    call.disableAutoRequest();
    call.request(BATCHES_AHEAD);
    return stream;
  }

  /**
   * One Ingest stream. Every call on {@code call} but {@code request} happens on {@code serial},
   * one at a time and in the order the batches came.
   */
  private final class Stream implements StreamObserver<IngestRequest> {
    private final ServerCallStreamObserver<IngestResponse> call;
    private final Executor serial;
    /** Set once a batch was refused: the stream is over, and nothing after it is stored. */
    volatile boolean refused;
    /**
     * Set once the call is cancelled (the client went, or a later message was too large): batches
     * taken in before still get stored, as they would have been without the pipeline, but nothing
     * is sent.
     */
    volatile boolean cancelled;

    Stream(ServerCallStreamObserver<IngestResponse> call, Executor serial) {
      this.call = call;
      this.serial = serial;
    }

    @Override
    public void onNext(@Nullable IngestRequest batch) {
      if (refused) {
        return;
      }
      List<? extends Resource> mapped = null;
      RuntimeException invalid = null;
      if (batch == null) {
        // Refused before it reached us (it did not parse, or has too many items): the refusal
        // ends the stream in its turn, after the batches before it are stored and acknowledged.
        invalid = Objects.requireNonNull(StreamRefusals.take(), "a null batch comes with its refusal");
      } else {
        try {
          mapped = writer.resources(batch);
        } catch (RuntimeException e) {
          invalid = e;
        }
      }
      List<? extends Resource> resources = mapped;
      RuntimeException refusal = invalid;
      serial.execute(Context.current().wrap(() -> {
        if (refused) {
          return;
        }
        IngestResponse ack;
        try {
          if (refusal != null) {
            throw refusal;
          }
          ack = writer.store(batch, resources);
        } catch (RuntimeException e) {
          end(e);
          return;
        }
        if (!cancelled) {
          try {
            call.onNext(ack);
            call.request(1);
          } catch (RuntimeException closed) {
            logger.log(Level.FINE, "Ingest stream closed before its acknowledgement", closed);
          }
        }
      }));
    }

    /** Ends the stream with the status of {@code e}: its refusal, or INTERNAL for a bug. */
    private void end(RuntimeException e) {
      refused = true;
      if (cancelled && Errors.isExpected(e)) {
        return;
      }
      try {
        if (Errors.isExpected(e)) {
          call.onError(Errors.toStatusException(e));
        } else {
          logger.log(Level.SEVERE, "Unexpected failure storing an Ingest batch", e);
          call.onError(StatusProto.toStatusRuntimeException(Errors.internal()));
        }
      } catch (RuntimeException closed) {
        logger.log(Level.FINE, "Ingest stream already closed", closed);
      }
    }

    @Override
    public void onError(Throwable t) {
      cancelled = true;
      logger.log(Level.FINE, "Ingest stream cancelled by the client", t);
    }

    @Override
    public void onCompleted() {
      serial.execute(() -> {
        if (!refused && !cancelled) {
          call.onCompleted();
        }
      });
    }
  }
}
