package io.sitrep.server.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.ResourceInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * What a refused call said: its code, message and AIP-193 details, read back from the wire.
 *
 * @param fields the fields of the {@link BadRequest} violations, in order
 */
public record Refusal(Status.Code code, String message, ErrorInfo errorInfo, List<String> fields,
    ResourceInfo resourceInfo) {

  /** Runs {@code call}, which must be refused with a status, and reads the refusal. */
  public static Refusal of(ThrowingCallable call) {
    StatusRuntimeException[] caught = new StatusRuntimeException[1];
    assertThatThrownBy(() -> {
      try {
        call.call();
      } catch (StatusRuntimeException e) {
        caught[0] = e;
        throw e;
      }
    }).isInstanceOf(StatusRuntimeException.class);
    return of(caught[0]);
  }

  public static Refusal of(Throwable t) {
    com.google.rpc.Status status = StatusProto.fromThrowable(t);
    Status.Code code = Status.fromThrowable(t).getCode();
    if (status == null) {
      return new Refusal(code, String.valueOf(Status.fromThrowable(t).getDescription()),
          ErrorInfo.getDefaultInstance(), List.of(), ResourceInfo.getDefaultInstance());
    }
    ErrorInfo info = ErrorInfo.getDefaultInstance();
    ResourceInfo resource = ResourceInfo.getDefaultInstance();
    List<String> fields = new ArrayList<>();
    try {
      for (Any detail : status.getDetailsList()) {
        if (detail.is(ErrorInfo.class)) {
          info = detail.unpack(ErrorInfo.class);
        } else if (detail.is(BadRequest.class)) {
          detail.unpack(BadRequest.class).getFieldViolationsList().forEach(v -> fields.add(v.getField()));
        } else if (detail.is(ResourceInfo.class)) {
          resource = detail.unpack(ResourceInfo.class);
        }
      }
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError("status details do not parse", e);
    }
    return new Refusal(code, status.getMessage(), info, List.copyOf(fields), resource);
  }

  public String reason() {
    return errorInfo.getReason();
  }
}
