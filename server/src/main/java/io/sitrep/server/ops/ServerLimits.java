package io.sitrep.server.ops;

import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.sitrep.core.store.PageRequest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What one call, one caller and one connection may ask of the server, and how long a shutdown
 * waits for calls in flight. {@link #DEFAULTS} are the documented defaults of {@code
 * sitrep-server}'s flags; {@code Duration.ZERO} means "no limit" where a limit is a duration.
 *
 * @param maxInboundMessageBytes the largest request message accepted; a bigger one is refused
 *     with RESOURCE_EXHAUSTED by gRPC before it is parsed
 * @param maxPageSize List methods coerce a larger {@code page_size} down to this (AIP-158); at
 *     most core's {@link PageRequest#MAX_PAGE_SIZE}
 * @param maxBatchItems an Ingest batch with more {@code items} is refused with INVALID_ARGUMENT
 * @param rateLimit calls per second per caller
 * @param keepaliveTime how long a connection may be quiet before the server pings the client
 * @param keepaliveTimeout how long the server waits for the ping's answer before closing
 * @param maxConnectionIdle a connection without calls for this long is closed (gracefully)
 * @param maxConnectionAge a connection older than this is asked to reconnect, so that clients
 *     spread over replicas again; its calls get {@code shutdownGrace} to finish
 * @param shutdownGrace how long a shutdown lets calls in flight finish before cancelling them
 */
public record ServerLimits(int maxInboundMessageBytes, int maxPageSize, int maxBatchItems, RateLimit rateLimit,
    Duration keepaliveTime, Duration keepaliveTimeout, Duration maxConnectionIdle, Duration maxConnectionAge,
    Duration shutdownGrace) {

  public static final int DEFAULT_MAX_INBOUND_MESSAGE_BYTES = 16 * 1024 * 1024;
  public static final int DEFAULT_MAX_BATCH_ITEMS = 10_000;

  /**
   * 16 MiB messages (a 10,000-item batch of claims fits; gRPC's own default of 4 MiB may not),
   * pages of up to 1000, batches of up to 10,000 items, no rate limit (one caller on loopback is
   * the common case; set one when the server is shared), a keepalive ping after 60 s of quiet
   * answered within 20 s, idle connections closed after 30 min, no maximum connection age, and
   * 10 s for calls in flight at shutdown.
   */
  public static final ServerLimits DEFAULTS = new ServerLimits(DEFAULT_MAX_INBOUND_MESSAGE_BYTES,
      PageRequest.MAX_PAGE_SIZE, DEFAULT_MAX_BATCH_ITEMS, RateLimit.OFF, Duration.ofSeconds(60),
      Duration.ofSeconds(20), Duration.ofMinutes(30), Duration.ZERO, Duration.ofSeconds(10));

  /** How often a client may ping; clients that ping more often are told to calm down by gRPC. */
  private static final Duration PERMIT_KEEPALIVE_TIME = Duration.ofSeconds(20);

  public ServerLimits {
    check(maxInboundMessageBytes > 0, "max inbound message size must be positive");
    check(maxPageSize > 0 && maxPageSize <= PageRequest.MAX_PAGE_SIZE,
        "max page size must be in [1, " + PageRequest.MAX_PAGE_SIZE + "]");
    check(maxBatchItems > 0, "max batch size must be positive");
    for (Duration d : new Duration[] {keepaliveTime, keepaliveTimeout, maxConnectionIdle, maxConnectionAge,
        shutdownGrace}) {
      check(!d.isNegative(), "durations must not be negative");
    }
    check(!keepaliveTime.isZero() && !keepaliveTimeout.isZero(), "keepalive time and timeout must be positive");
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  public ServerLimits withRateLimit(RateLimit limit) {
    return new ServerLimits(maxInboundMessageBytes, maxPageSize, maxBatchItems, limit, keepaliveTime,
        keepaliveTimeout, maxConnectionIdle, maxConnectionAge, shutdownGrace);
  }

  public ServerLimits withMaxPageSize(int size) {
    return new ServerLimits(maxInboundMessageBytes, size, maxBatchItems, rateLimit, keepaliveTime,
        keepaliveTimeout, maxConnectionIdle, maxConnectionAge, shutdownGrace);
  }

  public ServerLimits withMaxBatchItems(int items) {
    return new ServerLimits(maxInboundMessageBytes, maxPageSize, items, rateLimit, keepaliveTime,
        keepaliveTimeout, maxConnectionIdle, maxConnectionAge, shutdownGrace);
  }

  public ServerLimits withShutdownGrace(Duration grace) {
    return new ServerLimits(maxInboundMessageBytes, maxPageSize, maxBatchItems, rateLimit, keepaliveTime,
        keepaliveTimeout, maxConnectionIdle, maxConnectionAge, grace);
  }

  /** Sets the connection limits, which only Netty has, on {@code builder}. */
  public NettyServerBuilder applyTo(NettyServerBuilder builder) {
    builder.keepAliveTime(keepaliveTime.toNanos(), TimeUnit.NANOSECONDS)
        .keepAliveTimeout(keepaliveTimeout.toNanos(), TimeUnit.NANOSECONDS)
        .permitKeepAliveTime(PERMIT_KEEPALIVE_TIME.toNanos(), TimeUnit.NANOSECONDS);
    if (!maxConnectionIdle.isZero()) {
      builder.maxConnectionIdle(maxConnectionIdle.toNanos(), TimeUnit.NANOSECONDS);
    }
    if (!maxConnectionAge.isZero()) {
      builder.maxConnectionAge(maxConnectionAge.toNanos(), TimeUnit.NANOSECONDS)
          .maxConnectionAgeGrace(shutdownGrace.toNanos(), TimeUnit.NANOSECONDS);
    }
    return builder;
  }

  /**
   * A token bucket per caller (Bucket4j): {@code perSecond} calls a second on average, up to
   * {@code burst} at once; {@link #OFF} when {@code perSecond} is 0.
   */
  public record RateLimit(long perSecond, long burst) {
    public static final RateLimit OFF = new RateLimit(0, 0);

    public RateLimit {
      // Not ServerLimits.check: calling the outer class from here initialises it first, and its
      // DEFAULTS would then be built while OFF is still null.
      if (perSecond < 0 || burst < 0) {
        throw new IllegalArgumentException("rate limits must not be negative");
      }
      if (perSecond != 0 && burst <= 0) {
        throw new IllegalArgumentException("a rate limit needs a burst of at least 1");
      }
    }

    /** {@code perSecond} calls a second with bursts of one second's worth. */
    public static RateLimit perSecond(long perSecond) {
      return new RateLimit(perSecond, perSecond);
    }

    public boolean enabled() {
      return perSecond > 0;
    }
  }
}
