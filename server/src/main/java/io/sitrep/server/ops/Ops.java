package io.sitrep.server.ops;

import io.grpc.BindableService;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptor;
import io.sitrep.core.store.ListeningStore;
import java.time.Duration;

/**
 * The operational parts of one server, built from its {@link ServerLimits}. {@link
 * io.sitrep.server.SitrepServer} installs them in this order, outermost first:
 *
 * <ol>
 *   <li>{@link AccessLog} and the metrics' gRPC interceptor, on the server builder, so they see
 *       every call, also health, reflection and calls refused further in;
 *   <li>then, on each Sitrep service: {@link Draining} (refuses new calls during shutdown),
 *       authentication (sets the caller's {@code Principal}), {@link RateLimiter} (keys on that
 *       principal), {@link RequestLimits}, and the service's own error mapping.
 * </ol>
 */
public final class Ops {
  private final ServerLimits limits;
  private final Metrics metrics;
  private final AccessLog accessLog = new AccessLog();
  private final Draining draining = new Draining();
  private final RateLimiter rateLimiter;
  private final RequestLimits requestLimits;

  public Ops(ServerLimits limits, ListeningStore store) {
    this.limits = limits;
    this.metrics = new Metrics(store);
    this.rateLimiter = new RateLimiter(limits.rateLimit());
    this.requestLimits = new RequestLimits(limits);
  }

  /** The transport's hard limit for a message: twice the configured one, plus 1 MiB. */
  static int transportLimit(int maxMessageBytes) {
    return (int) Math.min(Integer.MAX_VALUE, 2L * maxMessageBytes + (1 << 20));
  }

  /** Sets the message size limit and the outermost interceptors, which see every call, on {@code builder}. */
  public void installOn(ServerBuilder<?> builder) {
    // The services refuse a message over the limit themselves, in its turn on a stream
    // (MalformedRequests); the transport only stops what is far beyond it, since its refusal of a
    // later message on a stream is a reset that can race the service's answer.
    builder.maxInboundMessageSize(transportLimit(limits.maxInboundMessageBytes()));
    // The last one added runs first.
    builder.intercept(metrics.interceptor());
    builder.intercept(accessLog);
  }

  /** Makes each method of {@code service} show in the metrics from the start. */
  public void preregister(BindableService service) {
    metrics.preregister(service);
  }

  public ServerLimits limits() {
    return limits;
  }

  public Metrics metrics() {
    return metrics;
  }

  public Draining draining() {
    return draining;
  }

  public RateLimiter rateLimiter() {
    return rateLimiter;
  }

  public RequestLimits requestLimits() {
    return requestLimits;
  }

  public Duration shutdownGrace() {
    return limits.shutdownGrace();
  }
}
