package io.sitrep.server.ops;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.sitrep.server.auth.Principal;
import io.sitrep.server.service.Errors;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Per-caller request rate limits: a Bucket4j token bucket per caller, one token per request
 * message (a unary call takes one; an Ingest stream one per batch). A caller whose bucket is empty
 * gets RESOURCE_EXHAUSTED with a {@code google.rpc.RetryInfo} saying when a token will be there,
 * and the call ends there; the service never sees it.
 *
 * <p>The caller is the authenticated {@link Principal}; without authentication every caller is
 * anonymous, and the bucket is then the peer's IP address (so two tools on one host share one,
 * and a misbehaving host does not starve the others). Runs inside the authentication interceptor,
 * whose context carries the principal, and tells the {@link AccessLog} who the caller is.
 */
public final class RateLimiter implements ServerInterceptor {
  /** The ErrorInfo reason of a refusal (AIP-193). */
  public static final String RATE_LIMIT_EXCEEDED = "RATE_LIMIT_EXCEEDED";

  private final ServerLimits.RateLimit limit;
  /** Buckets of callers seen in the last 10 minutes; a caller back after longer starts full. */
  private final Cache<String, Bucket> buckets =
      CacheBuilder.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

  public RateLimiter(ServerLimits.RateLimit limit) {
    this.limit = limit;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    Optional<Principal> principal = Principal.current();
    AccessLog.noteCaller(principal.map(Principal::name).orElse(Principal.ANONYMOUS_NAME));
    ServerCall.Listener<Q> delegate = next.startCall(call, headers);
    if (!limit.enabled()) {
      return delegate;
    }
    Bucket bucket = bucketOf(principal.filter(p -> !p.name().equals(Principal.ANONYMOUS_NAME))
        .map(p -> "principal:" + p.name())
        .orElseGet(() -> "peer:" + host(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR))));
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
      /** gRPC delivers these callbacks one at a time. */
      private boolean refused;

      @Override
      public void onMessage(Q message) {
        if (refused) {
          return;
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
          super.onMessage(message);
          return;
        }
        refused = true;
        StatusRuntimeException e = refusal(probe.getNanosToWaitForRefill());
        call.close(e.getStatus(), e.getTrailers());
      }

      @Override
      public void onHalfClose() {
        if (!refused) {
          super.onHalfClose();
        }
      }
    };
  }

  private Bucket bucketOf(String caller) {
    try {
      return buckets.get(caller, () -> Bucket.builder()
          .addLimit(Bandwidth.builder().capacity(limit.burst())
              .refillGreedy(limit.perSecond(), Duration.ofSeconds(1)).build())
          .build());
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  private StatusRuntimeException refusal(long nanosToWait) {
    // Whole milliseconds, rounded up: retrying at the given delay finds a token.
    long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanosToWait + 999_999));
    com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
        .setCode(Code.RESOURCE_EXHAUSTED_VALUE)
        .setMessage("too many requests: at most " + limit.perSecond() + " per second (bursts of " + limit.burst()
            + "); retry in " + millis + " ms")
        .addDetails(Any.pack(ErrorInfo.newBuilder().setReason(RATE_LIMIT_EXCEEDED).setDomain(Errors.DOMAIN)
            .putMetadata("limit_per_second", Long.toString(limit.perSecond()))
            .putMetadata("burst", Long.toString(limit.burst())).build()))
        .addDetails(Any.pack(RetryInfo.newBuilder().setRetryDelay(com.google.protobuf.Duration.newBuilder()
            .setSeconds(millis / 1000).setNanos((int) (millis % 1000) * 1_000_000)).build()))
        .build();
    return StatusProto.toStatusRuntimeException(status);
  }

  private static String host(@Nullable SocketAddress address) {
    if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return inet.getAddress().getHostAddress();
    }
    return String.valueOf(address);
  }
}
