package io.sitrep.server.ops;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.sitrep.server.service.Errors;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts the calls in flight to Sitrep's services and, once {@link #start draining} began,
 * refuses new ones with UNAVAILABLE (which clients may retry elsewhere) while those in flight
 * finish. Health and reflection are not behind it: during the drain the health service keeps
 * answering, NOT_SERVING, so load balancers learn to stop sending before the port closes.
 */
public final class Draining implements ServerInterceptor {
  /** The ErrorInfo reason of a call refused during the drain. */
  public static final String SHUTTING_DOWN = "SHUTTING_DOWN";

  private final AtomicBoolean draining = new AtomicBoolean();
  private int inFlight;

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    synchronized (this) {
      if (draining.get()) {
        StatusRuntimeException e = refusal();
        call.close(e.getStatus(), e.getTrailers());
        return new ServerCall.Listener<>() {};
      }
      inFlight++;
    }
    AtomicBoolean ended = new AtomicBoolean();
    ServerCall.Listener<Q> delegate;
    try {
      delegate = next.startCall(call, headers);
    } catch (RuntimeException e) {
      end(ended);
      throw e;
    }
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
      @Override
      public void onComplete() {
        try {
          super.onComplete();
        } finally {
          end(ended);
        }
      }

      @Override
      public void onCancel() {
        try {
          super.onCancel();
        } finally {
          end(ended);
        }
      }
    };
  }

  private synchronized void end(AtomicBoolean ended) {
    if (ended.compareAndSet(false, true) && --inFlight == 0) {
      notifyAll();
    }
  }

  /** The calls started and not yet ended. */
  public synchronized int inFlight() {
    return inFlight;
  }

  /** Refuses new calls from now on. */
  public void start() {
    draining.set(true);
  }

  /**
   * Refuses new calls and waits up to {@code grace} for those in flight to end.
   *
   * @return whether every call ended in time
   */
  public synchronized boolean drain(Duration grace) throws InterruptedException {
    start();
    long deadline = System.nanoTime() + grace.toNanos();
    while (inFlight > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  private static StatusRuntimeException refusal() {
    return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
        .setCode(Code.UNAVAILABLE_VALUE)
        .setMessage("the server is shutting down; retry on another")
        .addDetails(Any.pack(ErrorInfo.newBuilder().setReason(SHUTTING_DOWN).setDomain(Errors.DOMAIN).build()))
        .build());
  }
}
