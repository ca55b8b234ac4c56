package io.sitrep.server.ops;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Deadline;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per call on the logger {@value #LOGGER} at INFO, in logfmt:
 *
 * <pre>method=sitrep.v1.SourceService/GetSource status=OK latency_ms=3 principal=alice@desk peer=10.0.0.7:51234</pre>
 *
 * <p>The line is written when the call has ended <em>and</em> the server's work on it has
 * returned: a call whose deadline passed during an analysis is logged when the analysis stopped,
 * so {@code latency_ms} is the server's time spent, not the client's patience. Nothing of the
 * request, the response or the headers is logged (so no credential ever is).
 *
 * <p>The outermost interceptor: it sees every call, also those that authentication or the rate
 * limit refused. Those run inside it and cannot hand it values through the {@link Context} (an
 * inner context is invisible outside); instead this interceptor puts a mutable {@link CallNote}
 * in the context and the inner ones write the caller on it ({@link #noteCaller}).
 */
public final class AccessLog implements ServerInterceptor {
  /** The logger's name, for operators who route or silence it. */
  public static final String LOGGER = "sitrep.access";
  /** Logged as the principal when no interceptor established one (e.g. authentication refused the call). */
  static final String UNKNOWN_CALLER = "-";

  private static final Logger log = LoggerFactory.getLogger(LOGGER);
  private static final Context.Key<CallNote> NOTE = Context.key("sitrep-access-log-note");

  /** Tells the access log who the caller of the current call is; a no-op outside a logged call. */
  public static void noteCaller(String principal) {
    CallNote note = NOTE.get();
    if (note != null) {
      note.principal = principal;
    }
  }

  /** What inner interceptors learn about a call, for its line. */
  private static final class CallNote {
    volatile @Nullable String principal;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    LoggedCall<Q, R> logged = new LoggedCall<>(call, System.nanoTime());
    Context context = Context.current().withValue(NOTE, logged.note);
    ServerCall.Listener<Q> delegate = Contexts.interceptCall(context, logged, headers, next);
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
      @Override
      public void onComplete() {
        try {
          super.onComplete();
        } finally {
          logged.log(null);
        }
      }

      @Override
      public void onCancel() {
        // Delivered after the handler's running callback returned, so the work has stopped here.
        try {
          super.onCancel();
        } finally {
          logged.log(cancellation(context));
        }
      }
    };
  }

  /** DEADLINE_EXCEEDED if the call's deadline passed, else CANCELLED (the client gave up). */
  private static Status.Code cancellation(Context context) {
    Deadline deadline = context.getDeadline();
    return deadline != null && deadline.isExpired() ? Status.Code.DEADLINE_EXCEEDED : Status.Code.CANCELLED;
  }

  private static final class LoggedCall<Q, R> extends ForwardingServerCall.SimpleForwardingServerCall<Q, R> {
    final CallNote note = new CallNote();
    private final long start;
    private final AtomicBoolean logged = new AtomicBoolean();
    private volatile Status.@Nullable Code closedWith;

    LoggedCall(ServerCall<Q, R> delegate, long start) {
      super(delegate);
      this.start = start;
    }

    @Override
    public void close(Status status, Metadata trailers) {
      closedWith = status.getCode();
      super.close(status, trailers);
    }

    /** Writes the line once; {@code cancelled} when the call ended without completing. */
    void log(Status.@Nullable Code cancelled) {
      if (!logged.compareAndSet(false, true) || !log.isInfoEnabled()) {
        return;
      }
      Status.Code closed = closedWith;
      // A handler that answered before the cancellation decided the status; otherwise the cancellation did.
      Status.Code code = closed != null ? closed : cancelled != null ? cancelled : Status.Code.UNKNOWN;
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      String principal = note.principal;
      log.info("method={} status={} latency_ms={} principal={} peer={}",
          getMethodDescriptor().getFullMethodName(), code, millis,
          quote(principal == null ? UNKNOWN_CALLER : principal), quote(peer(getAttributes().get(
              Grpc.TRANSPORT_ATTR_REMOTE_ADDR))));
    }
  }

  private static String peer(@Nullable SocketAddress address) {
    if (address == null) {
      return UNKNOWN_CALLER;
    }
    if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return inet.getAddress().getHostAddress() + ":" + inet.getPort();
    }
    return address.toString();
  }

  /** A logfmt value: as is when it is a plain word, else in double quotes with quotes and backslashes escaped. */
  static String quote(String value) {
    boolean plain = !value.isEmpty();
    for (int i = 0; i < value.length() && plain; i++) {
      char c = value.charAt(i);
      plain = c > ' ' && c != '"' && c != '=' && c != '\\' && c < 0x7f;
    }
    if (plain) {
      return value;
    }
    StringBuilder b = new StringBuilder("\"");
    value.codePoints().forEach(c -> {
      if (c == '"' || c == '\\') {
        b.append('\\').appendCodePoint(c);
      } else if (c < ' ' || c == 0x7f) {
        b.append(String.format("\\u%04x", c));
      } else {
        b.appendCodePoint(c);
      }
    });
    return b.append('"').toString();
  }
}
