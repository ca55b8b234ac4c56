package io.sitrep.server.ops;

import io.grpc.BindableService;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.grpc.MetricCollectingServerInterceptor;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sitrep.core.model.Resource;
import io.sitrep.core.store.ListeningStore;
import io.sitrep.core.store.ResourceType;
import io.sitrep.core.store.SitrepStore;
import io.sitrep.core.store.StoreListener;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The server's metrics (Micrometer), for Prometheus once {@link #prometheus()} is asked for:
 *
 * <ul>
 *   <li>per gRPC method, Micrometer's own gRPC binder ({@link MetricCollectingServerInterceptor}):
 *       {@code grpc.server.requests.received} and {@code grpc.server.responses.sent} (messages;
 *       in Prometheus {@code grpc_server_requests_received_messages_total}...) and the timer
 *       {@code grpc.server.processing.duration} tagged with {@code service}, {@code method},
 *       {@code methodType} and {@code statusCode}, with latency histogram buckets from 1 ms to 10 s for
 *       Prometheus' {@code histogram_quantile} (a call whose deadline passed counts as CANCELLED there);
 *   <li>{@code sitrep.store.resources} (gauge, tag {@code type}): what the store holds, counted
 *       when scraped;
 *   <li>{@code sitrep.claims.ingested} (counter): claims stored, by Ingest or CreateClaim; its
 *       rate is the ingest rate. {@code sitrep.resources.stored} (counter, tag {@code type}) counts
 *       every created resource (not "created": Prometheus reserves that suffix).
 * </ul>
 */
public final class Metrics {
  /**
   * The latency histogram's buckets: from a point read to a long analysis, 13 per method and
   * status (Micrometer's default percentile histogram has ~70, which makes a scrape of ~50
   * methods thousands of lines).
   */
  private static final Duration[] LATENCY_BUCKETS = Stream.of(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000,
      10_000).map(Duration::ofMillis).toArray(Duration[]::new);

  /**
   * Where the meters are registered. Empty (every meter a no-op) until something reads them:
   * {@link #prometheus()} adds a Prometheus registry, which takes the meters registered so far.
   * Costs nothing, and starts nothing, on a server nobody scrapes.
   */
  private final CompositeMeterRegistry registry = new CompositeMeterRegistry();
  private @Nullable PrometheusMeterRegistry prometheus;
  private final MetricCollectingServerInterceptor grpc;

  /** Metrics over {@code store}'s sizes and writes. */
  public Metrics(ListeningStore store) {
    this.grpc = new MetricCollectingServerInterceptor(registry, counter -> counter,
        timer -> timer.serviceLevelObjectives(LATENCY_BUCKETS), Status.Code.OK);
    for (ResourceType<?> type : ResourceType.ALL) {
      Gauge.builder("sitrep.store.resources", store, s -> count(s, type))
          .description("Resources of each type the store holds")
          .tag("type", type.collection())
          .register(registry);
    }
    Counter claims = Counter.builder("sitrep.claims.ingested")
        .description("Claims stored, by Ingest or CreateClaim")
        .register(registry);
    Map<String, Counter> created = new HashMap<>();
    for (ResourceType<?> type : ResourceType.ALL) {
      created.put(type.collection(), Counter.builder("sitrep.resources.stored")
          .description("Resources created, by type").tag("type", type.collection()).register(registry));
    }
    store.addListener(new StoreListener() {
      @Override
      public void created(List<? extends Resource> resources) {
        // On the writing thread after the commit: count per batch, not per resource.
        Map<String, Integer> byType = new HashMap<>();
        for (Resource r : resources) {
          byType.merge(ResourceType.collectionOf(r.name()), 1, Integer::sum);
        }
        byType.forEach((collection, n) -> {
          Counter c = created.get(collection);
          if (c != null) {
            c.increment(n);
          }
        });
        claims.increment(byType.getOrDefault(ResourceType.CLAIMS.collection(), 0));
      }

      @Override
      public void updated(Resource resource) {}

      @Override
      public void deleted(ResourceType<?> type, String name) {}
    });
  }

  private static double count(SitrepStore store, ResourceType<?> type) {
    try {
      return store.count(type);
    } catch (RuntimeException e) {
      // Closed or unreachable: the gauge has no value rather than failing the scrape.
      return Double.NaN;
    }
  }

  /** Makes each method of {@code service} show in the metrics at zero before its first call. */
  public void preregister(BindableService service) {
    grpc.preregisterService(service);
  }

  /** The gRPC binder's interceptor; it must see every call, so it goes outside authentication. */
  public ServerInterceptor interceptor() {
    return grpc;
  }

  public MeterRegistry registry() {
    return registry;
  }

  /**
   * The Prometheus registry, added on the first call: meters count from then on, so the endpoint
   * asks for it when the server starts.
   */
  public synchronized PrometheusMeterRegistry prometheus() {
    if (prometheus == null) {
      prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      registry.add(prometheus);
    }
    return prometheus;
  }

  /** The metrics in Prometheus' text format. */
  public String scrape() {
    return prometheus().scrape();
  }
}
