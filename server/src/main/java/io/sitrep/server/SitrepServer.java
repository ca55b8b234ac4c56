package io.sitrep.server;

import com.google.common.collect.ImmutableList;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.sitrep.core.ach.AchStore;
import io.sitrep.core.ach.InMemoryAchStore;
import io.sitrep.core.store.ListeningStore;
import io.sitrep.core.store.SitrepStore;
import io.sitrep.server.auth.Principal;
import io.sitrep.server.auth.ServerSecurity;
import io.sitrep.server.ops.Durations;
import io.sitrep.server.ops.Metrics;
import io.sitrep.server.ops.Ops;
import io.sitrep.server.ops.ServerLimits;
import io.sitrep.server.service.ActorAnalysisServiceImpl;
import io.sitrep.server.service.ActorServiceImpl;
import io.sitrep.server.service.AnalysisServiceImpl;
import io.sitrep.server.service.ClaimAnalyses;
import io.sitrep.server.service.ClaimServiceImpl;
import io.sitrep.server.service.EventServiceImpl;
import io.sitrep.server.service.HypothesisServiceImpl;
import io.sitrep.server.service.IngestServiceImpl;
import io.sitrep.server.service.MalformedRequests;
import io.sitrep.server.service.ReportServiceImpl;
import io.sitrep.server.service.SourceServiceImpl;
import io.sitrep.server.service.UnexpectedErrorInterceptor;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Serves the {@code sitrep.v1} API over a {@link SitrepStore} (and ACH matrices over an
 * {@link AchStore}), with gRPC health
 * ({@code grpc.health.v1}, SERVING for "" and every service) and server reflection. Takes a
 * {@link ServerBuilder} so that tests can hand it an in-process one.
 */
public final class SitrepServer {
  private static final Logger logger = Logger.getLogger(SitrepServer.class.getName());

  private final SitrepStore store;
  private final AchStore achStore;
  private final HealthStatusManager health = new HealthStatusManager();
  private final ImmutableList<BindableService> services;
  private final Server server;
  private final Ops ops;

  /** A server over {@code rawStore}, keeping ACH matrices in memory. */
  public SitrepServer(ServerBuilder<?> serverBuilder, SitrepStore rawStore) {
    this(serverBuilder, rawStore, InMemoryAchStore.create());
  }

  /**
   * A server over {@code rawStore} keeping ACH matrices in {@code achStore}, open to every caller
   * until a key is created ({@link ServerSecurity#open()}); the caller closes both stores.
   */
  public SitrepServer(ServerBuilder<?> serverBuilder, SitrepStore rawStore, AchStore achStore) {
    this(serverBuilder, rawStore, achStore, ServerLimits.DEFAULTS);
  }

  /** The same, with {@code limits} on calls, callers and connections, and its shutdown grace. */
  public SitrepServer(ServerBuilder<?> serverBuilder, SitrepStore rawStore, AchStore achStore, ServerLimits limits) {
    this(serverBuilder, rawStore, achStore, limits, ServerSecurity.open());
  }

  /** The same, with callers authenticated as {@code security} says. */
  public SitrepServer(ServerBuilder<?> serverBuilder, SitrepStore rawStore, AchStore achStore, ServerLimits limits,
      ServerSecurity security) {
    // One listening wrapper for every service, so analyses see every committed write; each write
    // is recorded as made by the caller the auth interceptor put in the call's gRPC Context.
    ListeningStore store = ListeningStore.wrap(rawStore, Principal::currentName);
    this.store = store;
    this.achStore = achStore;
    // One set of claim analyses (live disputes, cached assessments) for every service that weighs claims.
    ClaimAnalyses claimAnalyses = new ClaimAnalyses(store);
    this.services = ImmutableList.of(
        new SourceServiceImpl(store),
        new ReportServiceImpl(store),
        new ActorServiceImpl(store),
        new EventServiceImpl(store),
        new ClaimServiceImpl(store),
        new IngestServiceImpl(store),
        new AnalysisServiceImpl(store, claimAnalyses, Clock.systemUTC()),
        new ActorAnalysisServiceImpl(store, Clock.systemUTC()),
        new HypothesisServiceImpl(store, achStore, claimAnalyses, Clock.systemUTC()),
        security.apiKeyService());
    this.ops = new Ops(limits, store);
    // Interceptors, outermost first (see Ops): access log and metrics on the builder, for every
    // call; then per Sitrep service: the shutdown drain, authentication, the rate limit (it keys
    // on the principal authentication set), request limits, and the service's error mapping.
    // ServerInterceptors.intercept runs the last interceptor it is given first.
    ops.installOn(serverBuilder);
    UnexpectedErrorInterceptor interceptor = new UnexpectedErrorInterceptor();
    ServerInterceptor authentication = security.interceptor();
    for (BindableService service : services) {
      ops.preregister(service);
      serverBuilder.addService(ServerInterceptors.intercept(MalformedRequests.refusedCleanly(service.bindService(), limits.maxInboundMessageBytes()),
          interceptor, ops.requestLimits(), ops.rateLimiter(), authentication, ops.draining()));
    }
    // Health and reflection go through MethodRoles too (health is public, reflection needs a reader).
    this.server = serverBuilder
        .addService(ServerInterceptors.intercept(health.getHealthService(), authentication))
        .addService(ServerInterceptors.intercept(ProtoReflectionServiceV1.newInstance(), authentication))
        .build();
  }

  /** Starts serving and reports every service healthy. */
  public SitrepServer start() throws IOException {
    server.start();
    health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ServingStatus.SERVING);
    for (BindableService service : services) {
      health.setStatus(service.bindService().getServiceDescriptor().getName(), ServingStatus.SERVING);
    }
    logger.fine("Sitrep server started");
    return this;
  }

  /** The port the server listens on; -1 for an in-process server. */
  public int port() {
    return server.getPort();
  }

  /** Every service the server registered, for tests that walk them. */
  public List<ServerServiceDefinition> services() {
    return server.getServices();
  }

  public SitrepStore store() {
    return store;
  }

  /** Where the ACH matrices are kept. */
  public AchStore achStore() {
    return achStore;
  }

  /** The server's metrics, for the Prometheus endpoint and tests. */
  public Metrics metrics() {
    return ops.metrics();
  }

  /**
   * Shuts down gracefully: health reports NOT_SERVING at once (and keeps answering so), new calls
   * to Sitrep's services are refused with UNAVAILABLE, calls in flight get the limits' shutdown
   * grace to finish, then the port closes and what is left is cancelled. The store stays open:
   * its owner closes it.
   */
  public void stop() throws InterruptedException {
    health.enterTerminalState();
    long deadline = System.nanoTime() + ops.shutdownGrace().toNanos();
    if (!ops.draining().drain(ops.shutdownGrace())) {
      logger.warning("Calls still in flight after the shutdown grace of "
          + Durations.format(ops.shutdownGrace()) + "; cancelling them");
    }
    server.shutdown();
    if (!server.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  /** Waits until the server has shut down; the main thread of {@link Main} waits here. */
  public void blockUntilShutdown() throws InterruptedException {
    server.awaitTermination();
  }
}
