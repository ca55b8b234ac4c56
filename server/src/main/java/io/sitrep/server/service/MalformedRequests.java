package io.sitrep.server.service;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.Code;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Refuses a request whose bytes are not a valid message of the method's request type (truncated,
 * a broken tag, invalid UTF-8 in a string field) with INVALID_ARGUMENT. gRPC itself parses the
 * request before any interceptor or service sees it and answers a parse failure with UNKNOWN
 * ("Application error processing RPC"), which tells the caller nothing and reads as a server bug.
 *
 * <p>On a client-streaming method the service ends the call itself: it receives {@code null} for
 * the message that did not parse and answers the refusal recorded in {@link StreamRefusals} once
 * the messages before it are done, so that a stream still acknowledges what it stored before the
 * bad message (Ingest stores batches on another thread). Nothing after the bad message reaches the
 * service.
 */
public final class MalformedRequests {
  /** Why the last request on this thread did not parse: gRPC parses and delivers on one thread. */
  private static final ThreadLocal<String> lastFailure = new ThreadLocal<>();

  private MalformedRequests() {}

  /** {@code service} with every method refusing unparseable requests cleanly. */
  public static ServerServiceDefinition refusedCleanly(ServerServiceDefinition service) {
    ServiceDescriptor original = service.getServiceDescriptor();
    List<ServerMethodDefinition<?, ?>> methods = new ArrayList<>();
    for (ServerMethodDefinition<?, ?> method : service.getMethods()) {
      methods.add(guarded(method));
    }
    ServiceDescriptor.Builder descriptor = ServiceDescriptor.newBuilder(original.getName())
        .setSchemaDescriptor(original.getSchemaDescriptor());
    methods.forEach(m -> descriptor.addMethod(m.getMethodDescriptor()));
    ServerServiceDefinition.Builder guarded = ServerServiceDefinition.builder(descriptor.build());
    methods.forEach(guarded::addMethod);
    return guarded.build();
  }

  private static <Q, R> ServerMethodDefinition<Q, R> guarded(ServerMethodDefinition<Q, R> method) {
    MethodDescriptor<Q, R> original = method.getMethodDescriptor();
    MethodDescriptor<Q, R> lenient = original.toBuilder(new LenientMarshaller<>(original.getRequestMarshaller()),
        original.getResponseMarshaller()).build();
    return ServerMethodDefinition.create(lenient, new RefusingHandler<>(method.getServerCallHandler(),
        original.getFullMethodName(), original.getType().clientSendsOneMessage()));
  }

  /**
   * Parses as the original marshaller does, but hands on null instead of failing the call. Still
   * tells the request's prototype, which tools walking the methods (the role matrix, the fuzzer) read.
   */
  private static final class LenientMarshaller<Q> implements MethodDescriptor.PrototypeMarshaller<Q> {
    private final MethodDescriptor.Marshaller<Q> delegate;

    LenientMarshaller(MethodDescriptor.Marshaller<Q> delegate) {
      this.delegate = delegate;
    }

    @Override
    public @Nullable Q getMessagePrototype() {
      return delegate instanceof MethodDescriptor.PrototypeMarshaller<Q> p ? p.getMessagePrototype() : null;
    }

    @Override
    public @Nullable Class<Q> getMessageClass() {
      return delegate instanceof MethodDescriptor.ReflectableMarshaller<Q> r ? r.getMessageClass() : null;
    }

    @Override
    public InputStream stream(Q value) {
      return delegate.stream(value);
    }

    @Override
    public @Nullable Q parse(InputStream stream) {
      try {
        return delegate.parse(stream);
      } catch (StatusRuntimeException e) {
        if (!(e.getCause() instanceof InvalidProtocolBufferException bad)) {
          throw e;
        }
        lastFailure.set(bad.getMessage());
        return null;
      }
    }
  }

  /** Answers a null (unparseable) request with INVALID_ARGUMENT and ignores the rest of the call. */
  private static final class RefusingHandler<Q, R> implements ServerCallHandler<Q, R> {
    private final ServerCallHandler<Q, R> delegate;
    private final String method;
    private final boolean unaryRequest;

    RefusingHandler(ServerCallHandler<Q, R> delegate, String method, boolean unaryRequest) {
      this.delegate = delegate;
      this.method = method;
      this.unaryRequest = unaryRequest;
    }

    @Override
    public ServerCall.Listener<Q> startCall(ServerCall<Q, R> call, Metadata headers) {
      return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate.startCall(call, headers)) {
        private boolean refused;

        @Override
        public void onMessage(@Nullable Q message) {
          if (refused) {
            return;
          }
          if (message == null) {
            refused = true;
            if (!unaryRequest) {
              // The service answers in its turn (StreamRefusals); a refusal an interceptor
              // recorded before (RequestLimits) keeps its own reason.
              if (!StreamRefusals.isPending()) {
                StreamRefusals.refuse(refusal(method));
              }
              super.onMessage(null);
              return;
            }
            String why = lastFailure.get();
            lastFailure.remove();
            StatusRuntimeException status = StatusProto.toStatusRuntimeException(status(method, why));
            call.close(status.getStatus(), status.getTrailers());
            return;
          }
          super.onMessage(message);
        }

        @Override
        public void onHalfClose() {
          if (!refused) {
            super.onHalfClose();
          }
        }

        @Override
        public void onReady() {
          if (!refused) {
            super.onReady();
          }
        }
      };
    }
  }

  /** The refusal of the message that just failed to parse on this thread. */
  private static StatusRuntimeException refusal(String method) {
    String why = lastFailure.get();
    lastFailure.remove();
    return StatusProto.toStatusRuntimeException(status(method, why));
  }

  /** INVALID_ARGUMENT for a request that does not parse; the parser's reason says where. */
  static com.google.rpc.Status status(String method, @Nullable String why) {
    String message = "the request to " + method + " is not a valid protocol buffer message of its type"
        + (why == null ? "" : ": " + why);
    return com.google.rpc.Status.newBuilder().setCode(Code.INVALID_ARGUMENT.getNumber()).setMessage(message)
        .addDetails(com.google.protobuf.Any.pack(com.google.rpc.ErrorInfo.newBuilder()
            .setReason(Errors.MALFORMED_REQUEST).setDomain(Errors.DOMAIN)
            .putAllMetadata(Map.of("method", method)).build()))
        .build();
  }
}
