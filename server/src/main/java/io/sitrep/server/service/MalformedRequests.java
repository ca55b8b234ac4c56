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
import io.grpc.KnownLength;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
  /** Why the last request on this thread was refused: gRPC parses and delivers on one thread. */
  private static final ThreadLocal<com.google.rpc.Status> lastFailure = new ThreadLocal<>();

  private MalformedRequests() {}

  /**
   * {@code service} with every method refusing unparseable requests, and requests over {@code
   * maxMessageBytes}, cleanly: INVALID_ARGUMENT and RESOURCE_EXHAUSTED, in their turn on a stream.
   * The transport's own limit must be above {@code maxMessageBytes} (see {@code Ops}): when gRPC's
   * transport refuses a message itself, a later message of a stream ends as CANCELLED
   * (grpc/grpc-java#11245), and its trailers can race the service's own answer on the stream,
   * which fails the whole connection (the long fuzz run saw it).
   */
  public static ServerServiceDefinition refusedCleanly(ServerServiceDefinition service, int maxMessageBytes) {
    ServiceDescriptor original = service.getServiceDescriptor();
    List<ServerMethodDefinition<?, ?>> methods = new ArrayList<>();
    for (ServerMethodDefinition<?, ?> method : service.getMethods()) {
      methods.add(guarded(method, maxMessageBytes));
    }
    ServiceDescriptor.Builder descriptor = ServiceDescriptor.newBuilder(original.getName())
        .setSchemaDescriptor(original.getSchemaDescriptor());
    methods.forEach(m -> descriptor.addMethod(m.getMethodDescriptor()));
    ServerServiceDefinition.Builder guarded = ServerServiceDefinition.builder(descriptor.build());
    methods.forEach(guarded::addMethod);
    return guarded.build();
  }

  private static <Q, R> ServerMethodDefinition<Q, R> guarded(ServerMethodDefinition<Q, R> method, int maxMessageBytes) {
    MethodDescriptor<Q, R> original = method.getMethodDescriptor();
    MethodDescriptor<Q, R> lenient = original.toBuilder(new LenientMarshaller<>(original.getRequestMarshaller(),
        original.getFullMethodName(), maxMessageBytes), original.getResponseMarshaller()).build();
    return ServerMethodDefinition.create(lenient, new RefusingHandler<>(method.getServerCallHandler(),
        original.getFullMethodName(), original.getType().clientSendsOneMessage()));
  }

  /**
   * Parses as the original marshaller does, but hands on null instead of failing the call. Still
   * tells the request's prototype, which tools walking the methods (the role matrix, the fuzzer) read.
   */
  private static final class LenientMarshaller<Q> implements MethodDescriptor.PrototypeMarshaller<Q> {
    private final MethodDescriptor.Marshaller<Q> delegate;
    private final String method;
    private final int maxMessageBytes;

    LenientMarshaller(MethodDescriptor.Marshaller<Q> delegate, String method, int maxMessageBytes) {
      this.delegate = delegate;
      this.method = method;
      this.maxMessageBytes = maxMessageBytes;
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
        // gRPC hands over the whole message, whose length it knows.
        int size = stream instanceof KnownLength ? stream.available() : -1;
        if (size > maxMessageBytes) {
          lastFailure.set(tooLarge(method, size, maxMessageBytes));
          return null;
        }
        return delegate.parse(stream);
      } catch (StatusRuntimeException e) {
        if (!(e.getCause() instanceof InvalidProtocolBufferException bad)) {
          throw e;
        }
        lastFailure.set(status(method, bad.getMessage()));
        return null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
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
                StreamRefusals.refuse(refusal());
              }
              super.onMessage(null);
              return;
            }
            StatusRuntimeException status = refusal();
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

  /** The refusal of the message that was just refused on this thread. */
  private static StatusRuntimeException refusal() {
    com.google.rpc.Status why = lastFailure.get();
    lastFailure.remove();
    return StatusProto.toStatusRuntimeException(why);
  }

  /** RESOURCE_EXHAUSTED for a message over the limit, as gRPC's own refusal reads, with the reason. */
  static com.google.rpc.Status tooLarge(String method, int size, int max) {
    return com.google.rpc.Status.newBuilder().setCode(Code.RESOURCE_EXHAUSTED.getNumber())
        .setMessage("the request to " + method + " is " + size + " bytes; a message may have at most " + max
            + " (--max-message-bytes); send smaller batches")
        .addDetails(com.google.protobuf.Any.pack(com.google.rpc.ErrorInfo.newBuilder()
            .setReason(Errors.MESSAGE_TOO_LARGE).setDomain(Errors.DOMAIN)
            .putAllMetadata(Map.of("method", method, "max_bytes", Integer.toString(max))).build()))
        .build();
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
