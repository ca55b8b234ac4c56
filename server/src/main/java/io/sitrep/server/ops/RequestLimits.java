package io.sitrep.server.ops;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.sitrep.api.v1.IngestRequest;
import io.sitrep.core.store.PageRequest;
import io.sitrep.server.service.Errors;
import io.sitrep.server.service.StreamRefusals;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The limits on what one request may ask, applied to every request message before a service sees
 * it, so that every List method and every Ingest batch gets them alike:
 *
 * <ul>
 *   <li>a {@code page_size} above {@link ServerLimits#maxPageSize} (or 0, the default of 50, when
 *       the maximum is lower) is coerced down to it (AIP-158: clamped, not refused; a negative one
 *       is left for the service to refuse);
 *   <li>an {@link IngestRequest} with more {@code items} than {@link ServerLimits#maxBatchItems}
 *       is refused with INVALID_ARGUMENT naming {@code items}, and the stream ends there, as it
 *       does for any refused batch.
 * </ul>
 */
public final class RequestLimits implements ServerInterceptor {
  private final int maxPageSize;
  private final int maxBatchItems;
  /** The {@code page_size} field of each request type, if it has one. */
  private final Map<Descriptor, Optional<FieldDescriptor>> pageSizeFields = new ConcurrentHashMap<>();

  public RequestLimits(ServerLimits limits) {
    this.maxPageSize = limits.maxPageSize();
    this.maxBatchItems = limits.maxBatchItems();
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
      /** gRPC delivers these callbacks one at a time. */
      private boolean refused;

      @Override
      public void onMessage(Q message) {
        if (refused) {
          return;
        }
        if (message instanceof IngestRequest batch && batch.getItemsCount() > maxBatchItems) {
          refused = true;
          StatusRuntimeException e = tooManyItems(batch.getItemsCount());
          if (call.getMethodDescriptor().getType().clientSendsOneMessage()) {
            call.close(e.getStatus(), e.getTrailers());
          } else {
            // The stream's service ends it in its turn, after the batches before this one.
            StreamRefusals.refuse(e);
            super.onMessage(null);
          }
          return;
        }
        super.onMessage(clampPageSize(message));
      }

      @Override
      public void onHalfClose() {
        if (!refused) {
          super.onHalfClose();
        }
      }
    };
  }

  /** {@code message} with its {@code page_size} coerced to at most the maximum. */
  @SuppressWarnings("unchecked")
  <Q> Q clampPageSize(Q message) {
    if (!(message instanceof Message m)) {
      return message;
    }
    Optional<FieldDescriptor> field = pageSizeFields.computeIfAbsent(m.getDescriptorForType(),
        d -> Optional.ofNullable(d.findFieldByName("page_size"))
            .filter(f -> f.getJavaType() == FieldDescriptor.JavaType.INT));
    if (field.isEmpty()) {
      return message;
    }
    int asked = (int) m.getField(field.get());
    // 0 asks for the default page, which must not exceed the maximum either.
    int effective = asked == 0 ? PageRequest.DEFAULT_PAGE_SIZE : asked;
    if (effective <= maxPageSize) {
      return message;
    }
    return (Q) m.toBuilder().setField(field.get(), maxPageSize).build();
  }

  private StatusRuntimeException tooManyItems(int count) {
    String description = "has " + count + " items; a batch may have at most " + maxBatchItems
        + " (send the rest in further batches)";
    return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
        .setCode(Code.INVALID_ARGUMENT_VALUE)
        .setMessage("items " + description)
        .addDetails(Any.pack(ErrorInfo.newBuilder().setReason(Errors.INVALID_FIELD).setDomain(Errors.DOMAIN)
            .putMetadata("field", "items").putMetadata("max_items", Integer.toString(maxBatchItems)).build()))
        .addDetails(Any.pack(BadRequest.newBuilder().addFieldViolations(BadRequest.FieldViolation.newBuilder()
            .setField("items").setDescription(description)).build()))
        .build());
  }
}
