package io.sitrep.server;

import com.google.common.collect.ImmutableList;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.sitrep.core.ach.AchStore;
import io.sitrep.core.ach.InMemoryAchStore;
import io.sitrep.core.store.ListeningStore;
import io.sitrep.core.store.SitrepStore;
import io.sitrep.server.auth.Principal;
import io.sitrep.server.service.ActorAnalysisServiceImpl;
import io.sitrep.server.service.ActorServiceImpl;
import io.sitrep.server.service.AnalysisServiceImpl;
import io.sitrep.server.service.ClaimAnalyses;
import io.sitrep.server.service.ClaimServiceImpl;
import io.sitrep.server.service.EventServiceImpl;
import io.sitrep.server.service.HypothesisServiceImpl;
import io.sitrep.server.service.IngestServiceImpl;
import io.sitrep.server.service.ReportServiceImpl;
import io.sitrep.server.service.SourceServiceImpl;
import io.sitrep.server.service.UnexpectedErrorInterceptor;
import java.io.IOException;
import java.time.Clock;
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
  /** How long {@link #stop} lets calls in flight finish before cancelling them. */
  private static final long GRACE_SECONDS = 10;

  private final SitrepStore store;
  private final AchStore achStore;
  private final HealthStatusManager health = new HealthStatusManager();
  private final ImmutableList<BindableService> services;
  private final Server server;

  /** A server over {@code rawStore}, keeping ACH matrices in memory. */
  public SitrepServer(ServerBuilder<?> serverBuilder, SitrepStore rawStore) {
    this(serverBuilder, rawStore, InMemoryAchStore.create());
  }

  /** A server over {@code rawStore} keeping ACH matrices in {@code achStore}; the caller closes both. */
  public SitrepServer(ServerBuilder<?> serverBuilder, SitrepStore rawStore, AchStore achStore) {
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
        new HypothesisServiceImpl(store, achStore, claimAnalyses, Clock.systemUTC()));
    UnexpectedErrorInterceptor interceptor = new UnexpectedErrorInterceptor();
    for (BindableService service : services) {
      serverBuilder.addService(ServerInterceptors.intercept(service, interceptor));
    }
    this.server = serverBuilder
        .addService(health.getHealthService())
        .addService(ProtoReflectionServiceV1.newInstance())
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

  public SitrepStore store() {
    return store;
  }

  /** Where the ACH matrices are kept. */
  public AchStore achStore() {
    return achStore;
  }

  /**
   * Reports NOT_SERVING, lets calls in flight finish for a few seconds, then cancels the rest. The
   * store stays open: its owner closes it.
   */
  public void stop() throws InterruptedException {
    health.enterTerminalState();
    server.shutdown();
    if (!server.awaitTermination(GRACE_SECONDS, TimeUnit.SECONDS)) {
      server.shutdownNow().awaitTermination(GRACE_SECONDS, TimeUnit.SECONDS);
    }
  }

  /** Waits until the server has shut down; the main thread of {@link Main} waits here. */
  public void blockUntilShutdown() throws InterruptedException {
    server.awaitTermination();
  }
}
