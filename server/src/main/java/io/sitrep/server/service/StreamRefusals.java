package io.sitrep.server.service;

import io.grpc.StatusRuntimeException;
import org.jspecify.annotations.Nullable;

/**
 * Refusals of one message of a client stream, handed from an interceptor to the service that
 * must answer them in their turn. A service that stores a stream's messages on another thread
 * (Ingest) acknowledges each after it commits; an interceptor closing the call itself would end
 * the stream before those acknowledgements, and would use the call from a second thread at once
 * (which corrupts the HTTP/2 stream: the long fuzz run saw GOAWAY). So the interceptor records
 * the refusal here and passes {@code null} on; the service, on the same gRPC thread, takes it and
 * ends the call after the messages before it.
 */
public final class StreamRefusals {
  /** gRPC delivers a call's messages one at a time on one thread, through every listener. */
  private static final ThreadLocal<StatusRuntimeException> pending = new ThreadLocal<>();

  private StreamRefusals() {}

  /** Records why the message about to be passed on as {@code null} is refused, unless one already is. */
  public static void refuse(StatusRuntimeException refusal) {
    if (pending.get() == null) {
      pending.set(refusal);
    }
  }

  /** Whether a refusal waits for the service. */
  static boolean isPending() {
    return pending.get() != null;
  }

  /** The refusal of the {@code null} message the service just received, cleared. */
  static @Nullable StatusRuntimeException take() {
    StatusRuntimeException refusal = pending.get();
    pending.remove();
    return refusal;
  }
}
