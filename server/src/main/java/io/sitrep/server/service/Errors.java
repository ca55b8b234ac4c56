package io.sitrep.server.service;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.ResourceInfo;
import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.sitrep.core.model.FieldViolation;
import io.sitrep.core.model.ValidationException;
import io.sitrep.core.store.BatchException;
import io.sitrep.core.store.ResourceType;
import io.sitrep.core.store.StoreException;
import io.sitrep.core.timeline.Timelines;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.jspecify.annotations.Nullable;

/**
 * Maps core's exceptions to gRPC statuses with AIP-193 details: a {@code google.rpc.Status}
 * carrying an {@link ErrorInfo} (reason in UPPER_SNAKE, domain {@value #DOMAIN}) and, where a
 * field or resource is to blame, {@link BadRequest} field violations and {@link ResourceInfo}.
 */
public final class Errors {
  public static final String DOMAIN = "sitrep.io";

  /** ErrorInfo reasons. */
  public static final String INVALID_FIELD = "INVALID_FIELD";
  public static final String RESOURCE_NOT_FOUND = "RESOURCE_NOT_FOUND";
  public static final String RESOURCE_ALREADY_EXISTS = "RESOURCE_ALREADY_EXISTS";
  public static final String REFERENCED_RESOURCE_NOT_FOUND = "REFERENCED_RESOURCE_NOT_FOUND";
  public static final String RESOURCE_IN_USE = "RESOURCE_IN_USE";
  public static final String ETAG_MISMATCH = "ETAG_MISMATCH";
  public static final String STORE_UNAVAILABLE = "STORE_UNAVAILABLE";
  public static final String STORE_FULL = "STORE_FULL";
  public static final String INTERNAL_ERROR = "INTERNAL_ERROR";
  public static final String MALFORMED_REQUEST = "MALFORMED_REQUEST";
  /** A request message over the server's size limit. */
  public static final String MESSAGE_TOO_LARGE = "MESSAGE_TOO_LARGE";

  private Errors() {}

  /** True for the exceptions this class maps: what a caller did wrong or the store refused. */
  public static boolean isExpected(Throwable t) {
    return t instanceof ValidationException || t instanceof StoreException || t instanceof BatchException
        || t instanceof Timelines.UnknownActorException || t instanceof StatusRuntimeException
        || t instanceof CancellationException;
  }

  /**
   * The status of an expected exception ({@link #isExpected}); anything else must go to the
   * {@link UnexpectedErrorInterceptor}, which logs it.
   */
  public static StatusRuntimeException toStatusException(Throwable t) {
    if (t instanceof StatusRuntimeException s) {
      return s;
    }
    return StatusProto.toStatusRuntimeException(toStatus(t, ""));
  }

  /**
   * The same failure as seen from an enclosing message: field paths in {@code e} get {@code
   * prefix} in front, e.g. {@code source} + {@code display_name}.
   */
  public static RuntimeException under(String prefix, RuntimeException e) {
    if (e instanceof ValidationException v) {
      return v.under(prefix);
    }
    if (e instanceof StoreException.ReferenceNotFound r) {
      return new StoreException.ReferenceNotFound(prefix + "." + r.field(), r.name());
    }
    return e;
  }

  private static com.google.rpc.Status toStatus(Throwable t, String itemPrefix) {
    if (t instanceof ValidationException v) {
      List<FieldViolation> violations = itemPrefix.isEmpty() ? v.violations() : v.under(itemPrefix).violations();
      BadRequest.Builder badRequest = BadRequest.newBuilder();
      violations.forEach(f -> badRequest.addFieldViolations(
          BadRequest.FieldViolation.newBuilder().setField(f.field()).setDescription(f.description())));
      return status(Code.INVALID_ARGUMENT, describe(itemPrefix, v.getMessage()), INVALID_FIELD,
          Map.of("field", violations.get(0).field()), badRequest.build());
    }
    if (t instanceof BatchException b) {
      return toStatus(b.getCause(), "items[" + b.index() + "]");
    }
    if (t instanceof StoreException.NotFound e) {
      return status(Code.NOT_FOUND, describe(itemPrefix, e.getMessage()), RESOURCE_NOT_FOUND,
          Map.of("resource", e.name()), resourceInfo(e.name(), "does not exist"));
    }
    if (t instanceof StoreException.AlreadyExists e) {
      return status(Code.ALREADY_EXISTS, describe(itemPrefix, e.getMessage()), RESOURCE_ALREADY_EXISTS,
          Map.of("resource", e.name()), resourceInfo(e.name(), "already exists"),
          itemPrefix.isEmpty() ? null : fieldViolation(itemPrefix, e.getMessage()));
    }
    if (t instanceof StoreException.ReferenceNotFound e) {
      String field = itemPrefix.isEmpty() ? e.field() : itemPrefix + "." + e.field();
      return status(Code.NOT_FOUND, field + " refers to " + e.name() + ", which does not exist",
          REFERENCED_RESOURCE_NOT_FOUND, Map.of("field", field, "resource", e.name()),
          fieldViolation(field, "refers to " + e.name() + ", which does not exist"),
          resourceInfo(e.name(), "does not exist"));
    }
    if (t instanceof StoreException.InUse e) {
      return status(Code.FAILED_PRECONDITION, describe(itemPrefix, e.getMessage()), RESOURCE_IN_USE,
          Map.of("resource", e.name(), "referrer", e.referrer()),
          PreconditionFailure.newBuilder().addViolations(PreconditionFailure.Violation.newBuilder()
              .setType("RESOURCE_IN_USE").setSubject(e.name())
              .setDescription("referred to by " + e.referrer())).build(),
          resourceInfo(e.name(), "referred to by " + e.referrer()));
    }
    if (t instanceof StoreException.EtagMismatch e) {
      return status(Code.ABORTED, describe(itemPrefix, e.getMessage()), ETAG_MISMATCH,
          Map.of("resource", e.name()), resourceInfo(e.name(), "has a newer revision"));
    }
    if (t instanceof StoreException.Unavailable) {
      // The cause may name files or hosts; the client learns only that it may retry.
      return status(Code.UNAVAILABLE, "the store is unavailable; retry later", STORE_UNAVAILABLE, Map.of());
    }
    if (t instanceof StoreException.Full) {
      // RESOURCE_EXHAUSTED, not UNAVAILABLE: per google.rpc.Code it is the code for "the entire
      // file system is out of space", and a client must not retry blindly what only an operator
      // can cure. The reason STORE_FULL tells it apart from a quota or a rate limit.
      return status(Code.RESOURCE_EXHAUSTED, "the store is full: nothing of this request was written; writes"
          + " succeed again once the operator frees space", STORE_FULL, Map.of());
    }
    if (t instanceof CancellationException) {
      // A long analysis polls the call's context; it stopped because the call did.
      boolean expired = Context.current().getDeadline() != null && Context.current().getDeadline().isExpired();
      return expired
          ? status(Code.DEADLINE_EXCEEDED, "the deadline passed before the analysis finished; nothing was kept",
              "DEADLINE_EXCEEDED", Map.of())
          : status(Code.CANCELLED, "the call was cancelled; nothing was kept", "CANCELLED", Map.of());
    }
    if (t instanceof Timelines.UnknownActorException e) {
      return status(Code.NOT_FOUND, e.getMessage(), REFERENCED_RESOURCE_NOT_FOUND,
          Map.of("field", "actor", "resource", e.actor()), fieldViolation("actor", e.getMessage()),
          resourceInfo(e.actor(), "no actor has this name, display name or alias"));
    }
    throw new IllegalArgumentException("not an expected exception: " + t.getClass().getName(), t);
  }

  private static String describe(String itemPrefix, @Nullable String message) {
    return itemPrefix.isEmpty() ? String.valueOf(message) : itemPrefix + ": " + message;
  }

  private static BadRequest fieldViolation(String field, String description) {
    return BadRequest.newBuilder().addFieldViolations(
        BadRequest.FieldViolation.newBuilder().setField(field).setDescription(description)).build();
  }

  private static ResourceInfo resourceInfo(String name, String description) {
    String collection = ResourceType.collectionOf(name);
    String type = switch (collection) {
      case "sources", "reports", "actors", "events", "claims", "disputes" -> DOMAIN + "/"
          + Character.toUpperCase(collection.charAt(0)) + collection.substring(1, collection.length() - 1);
      case "hypothesisMatrices" -> DOMAIN + "/HypothesisMatrix";
      default -> "";
    };
    return ResourceInfo.newBuilder().setResourceType(type).setResourceName(name).setDescription(description)
        .build();
  }

  private static com.google.rpc.Status status(Code code, String message, String reason,
      Map<String, String> metadata, com.google.protobuf.@Nullable Message... details) {
    ErrorInfo.Builder info = ErrorInfo.newBuilder().setReason(reason).setDomain(DOMAIN);
    metadata.forEach((k, v) -> info.putMetadata(k, clip(v, MAX_VALUE_BYTES)));
    com.google.rpc.Status.Builder b = com.google.rpc.Status.newBuilder()
        .setCode(code.getNumber())
        .setMessage(clip(message, MAX_MESSAGE_BYTES))
        .addDetails(Any.pack(info.build()));
    for (com.google.protobuf.Message d : details) {
      if (d != null) {
        b.addDetails(Any.pack(bounded(d)));
      }
    }
    return b.build();
  }

  /*
   * A status travels in the trailers (grpc-message percent-encoded, grpc-status-details-bin in
   * base64), and gRPC clients refuse trailers over 8 KiB by default: they would see INTERNAL instead
   * of the refusal. Messages and details echo what the caller sent (names, values, one violation per
   * bad list element), so each string is cut to a few hundred bytes and only the first violations
   * are listed; the worst case stays near 5 KiB.
   */
  private static final int MAX_MESSAGE_BYTES = 400;
  private static final int MAX_VALUE_BYTES = 120;
  private static final int MAX_VIOLATIONS = 5;

  private static com.google.protobuf.Message bounded(com.google.protobuf.Message detail) {
    if (detail instanceof BadRequest bad) {
      BadRequest.Builder b = BadRequest.newBuilder();
      List<BadRequest.FieldViolation> all = bad.getFieldViolationsList();
      for (BadRequest.FieldViolation v : all.subList(0, Math.min(all.size(), MAX_VIOLATIONS))) {
        b.addFieldViolations(BadRequest.FieldViolation.newBuilder().setField(clip(v.getField(), MAX_VALUE_BYTES))
            .setDescription(clip(v.getDescription(), MAX_VALUE_BYTES)));
      }
      if (all.size() > MAX_VIOLATIONS) {
        b.addFieldViolations(BadRequest.FieldViolation.newBuilder().setField("")
            .setDescription("and " + (all.size() - MAX_VIOLATIONS) + " more violations, not listed"));
      }
      return b.build();
    }
    if (detail instanceof ResourceInfo r) {
      return r.toBuilder().setResourceName(clip(r.getResourceName(), MAX_VALUE_BYTES))
          .setDescription(clip(r.getDescription(), MAX_VALUE_BYTES)).build();
    }
    if (detail instanceof PreconditionFailure p) {
      PreconditionFailure.Builder b = PreconditionFailure.newBuilder();
      for (PreconditionFailure.Violation v : p.getViolationsList().subList(0, Math.min(p.getViolationsCount(),
          MAX_VIOLATIONS))) {
        b.addViolations(v.toBuilder().setSubject(clip(v.getSubject(), MAX_VALUE_BYTES))
            .setDescription(clip(v.getDescription(), MAX_VALUE_BYTES)));
      }
      return b.build();
    }
    return detail;
  }

  /** {@code s} cut to at most about {@code maxBytes} of UTF-8, at a code point, saying how long it was. */
  static String clip(String s, int maxBytes) {
    if (s.length() * 3 <= maxBytes) {
      return s;
    }
    int bytes = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + n > maxBytes) {
        return s.substring(0, i) + "...(" + s.length() + " chars)";
      }
      bytes += n;
      i += Character.charCount(cp);
    }
    return s;
  }

  /** The status of an unexpected failure: nothing of it reaches the client. */
  static com.google.rpc.Status internal() {
    return status(Code.INTERNAL, "internal error; the server has logged the details", INTERNAL_ERROR, Map.of());
  }
}
