package io.sitrep.server.service;

import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns any exception a service lets escape into INTERNAL with a generic message, never
 * UNKNOWN, and logs the stack trace on the server only. Services map the failures they expect
 * ({@link Errors}); this is for bugs.
 */
public final class UnexpectedErrorInterceptor implements ServerInterceptor {
  private static final Logger logger = Logger.getLogger(UnexpectedErrorInterceptor.class.getName());

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    ClosingOnce<Q, R> guarded = new ClosingOnce<>(call);
    ServerCall.Listener<Q> delegate;
    try {
      delegate = next.startCall(guarded, headers);
    } catch (RuntimeException e) {
      guarded.fail(e);
      return new ServerCall.Listener<>() {};
    }
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
      @Override
      public void onMessage(Q message) {
        try {
          super.onMessage(message);
        } catch (RuntimeException e) {
          guarded.fail(e);
        }
      }

      @Override
      public void onHalfClose() {
        try {
          super.onHalfClose();
        } catch (RuntimeException e) {
          guarded.fail(e);
        }
      }

      @Override
      public void onReady() {
        try {
          super.onReady();
        } catch (RuntimeException e) {
          guarded.fail(e);
        }
      }
    };
  }

  /** A call that remembers it was closed, so that a failure after the answer is only logged. */
  private static final class ClosingOnce<Q, R> extends ForwardingServerCall.SimpleForwardingServerCall<Q, R> {
    private boolean closed;

    ClosingOnce(ServerCall<Q, R> delegate) {
      super(delegate);
    }

    @Override
    public synchronized void close(Status status, Metadata trailers) {
      closed = true;
      super.close(status, trailers);
    }

    synchronized void fail(RuntimeException e) {
      String method = getMethodDescriptor().getFullMethodName();
      logger.log(Level.SEVERE, "Unexpected failure in " + method, e);
      if (!closed) {
        StatusRuntimeException internal = StatusProto.toStatusRuntimeException(Errors.internal());
        close(internal.getStatus(), internal.getTrailers());
      }
    }
  }
}
