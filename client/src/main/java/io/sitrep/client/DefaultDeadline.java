package io.sitrep.client;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Gives every call without a deadline of its own one that starts when the call does. (A stub's
 * {@code withDeadlineAfter} would fix the instant when the stub is made, so a long-lived stub's
 * calls would all expire together.)
 */
final class DefaultDeadline implements ClientInterceptor {
  private final Duration timeout;

  DefaultDeadline(Duration timeout) {
    this.timeout = timeout;
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    if (options.getDeadline() == null) {
      options = options.withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
    return next.newCall(method, options);
  }
}
