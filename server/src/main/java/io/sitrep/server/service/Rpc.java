package io.sitrep.server.service;

import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;

/** Runs the body of a unary call and answers it: the result, or the status of a refusal. */
final class Rpc {
  private Rpc() {}

  /**
   * Answers with {@code body}'s result, or with the status of an expected failure. Anything
   * unexpected propagates to the {@link UnexpectedErrorInterceptor}.
   */
  static <T> void unary(StreamObserver<T> responses, Supplier<T> body) {
    T result;
    try {
      result = body.get();
    } catch (RuntimeException e) {
      if (!Errors.isExpected(e)) {
        throw e;
      }
      responses.onError(Errors.toStatusException(e));
      return;
    }
    responses.onNext(result);
    responses.onCompleted();
  }
}
