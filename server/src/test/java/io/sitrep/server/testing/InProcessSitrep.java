package io.sitrep.server.testing;

import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.sitrep.api.v1.ActorServiceGrpc;
import io.sitrep.api.v1.AnalysisServiceGrpc;
import io.sitrep.api.v1.ClaimServiceGrpc;
import io.sitrep.api.v1.Dataset;
import io.sitrep.api.v1.EventServiceGrpc;
import io.sitrep.api.v1.IngestRequest;
import io.sitrep.api.v1.IngestServiceGrpc;
import io.sitrep.api.v1.ReportServiceGrpc;
import io.sitrep.api.v1.SourceServiceGrpc;
import io.sitrep.core.model.Resource;
import io.sitrep.core.store.InMemoryStore;
import io.sitrep.core.store.ResourceType;
import io.sitrep.core.store.SitrepStore;
import io.sitrep.server.SitrepServer;
import io.sitrep.server.mapping.IngestMapper;
import io.sitrep.server.service.BatchWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Sitrep server in process for each test: its own server name, direct executors on both ends,
 * a fresh store, and everything shut down after the test. Register with {@code @RegisterExtension}.
 */
public final class InProcessSitrep implements BeforeEachCallback, AfterEachCallback {
  private final Supplier<SitrepStore> stores;
  private SitrepStore store;
  private SitrepServer server;
  private ManagedChannel channel;

  private InProcessSitrep(Supplier<SitrepStore> stores) {
    this.stores = stores;
  }

  /** A server over an empty in-memory store. */
  public static InProcessSitrep overAnEmptyStore() {
    return new InProcessSitrep(InMemoryStore::new);
  }

  /** A server over the store {@code stores} makes for each test (e.g. a mock that fails). */
  public static InProcessSitrep over(Supplier<SitrepStore> stores) {
    return new InProcessSitrep(stores);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    String name = InProcessServerBuilder.generateName();
    store = stores.get();
    server = new SitrepServer(InProcessServerBuilder.forName(name).directExecutor(), store).start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    try {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      server.stop();
    } finally {
      store.close();
    }
  }

  public SitrepStore store() {
    return store;
  }

  public ManagedChannel channel() {
    return channel;
  }

  public SourceServiceGrpc.SourceServiceBlockingStub sources() {
    return SourceServiceGrpc.newBlockingStub(channel);
  }

  public ReportServiceGrpc.ReportServiceBlockingStub reports() {
    return ReportServiceGrpc.newBlockingStub(channel);
  }

  public ActorServiceGrpc.ActorServiceBlockingStub actors() {
    return ActorServiceGrpc.newBlockingStub(channel);
  }

  public EventServiceGrpc.EventServiceBlockingStub events() {
    return EventServiceGrpc.newBlockingStub(channel);
  }

  public ClaimServiceGrpc.ClaimServiceBlockingStub claims() {
    return ClaimServiceGrpc.newBlockingStub(channel);
  }

  public AnalysisServiceGrpc.AnalysisServiceBlockingStub analysis() {
    return AnalysisServiceGrpc.newBlockingStub(channel);
  }

  public IngestServiceGrpc.IngestServiceStub ingest() {
    return IngestServiceGrpc.newStub(channel);
  }

  /** Stores {@code dataset} directly, through the same batch path as the Ingest RPC. */
  public void load(Dataset dataset) {
    new BatchWriter(store).write(IngestRequest.newBuilder().addAllItems(IngestMapper.items(dataset)).build());
  }

  /** Every stored resource's name and etag: equal snapshots mean nothing changed. */
  public Map<String, String> snapshot() {
    Map<String, String> etags = new TreeMap<>();
    for (ResourceType<?> type : ResourceType.ALL) {
      try (Stream<? extends Resource> all = store.scan(type, io.sitrep.core.store.Filter.ALL)) {
        all.forEach(r -> etags.put(r.name(), etagOf(type, r.name())));
      }
    }
    return etags;
  }

  private <T extends Resource> String etagOf(ResourceType<T> type, String name) {
    return store.get(type, name).orElseThrow().etag();
  }
}
