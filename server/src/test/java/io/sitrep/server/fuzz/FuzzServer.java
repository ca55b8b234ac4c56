package io.sitrep.server.fuzz;

import com.google.protobuf.Descriptors;
import io.grpc.BindableService;
import io.grpc.ForwardingServerBuilder;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ServerBuilder;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import io.sitrep.api.v1.IngestRequest;
import io.sitrep.core.ach.StoredAchMatrix;
import io.sitrep.core.model.Resource;
import io.sitrep.core.store.Filter;
import io.sitrep.core.store.Page;
import io.sitrep.core.store.ResourceType;
import io.sitrep.server.SitrepServer;
import io.sitrep.server.StoreFactory;
import io.sitrep.server.demo.DemoDataset;
import io.sitrep.server.mapping.IngestMapper;
import io.sitrep.server.service.BatchWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A real Sitrep server on a loopback port (Netty, as {@code Main} starts it) over a fresh store
 * holding the demo episode, with a channel to it. It records every service the server registers,
 * so the fuzzer walks whatever RPCs {@code sitrep.v1} has today, new ones included.
 */
final class FuzzServer implements AutoCloseable {
  /** Which store the server runs on. */
  enum StoreKind { MEMORY, SQLITE }

  /** Large enough that the client never refuses an answer; the server's own limits are under test. */
  private static final int CLIENT_MAX_INBOUND = 256 << 20;

  private final StoreKind kind;
  private final @Nullable Path dataDir;
  private final StoreFactory.OpenedStore opened;
  private final SitrepServer server;
  private final ManagedChannel channel;
  private final List<Rpc> rpcs;

  private FuzzServer(StoreKind kind) {
    this.kind = kind;
    try {
      this.dataDir = kind == StoreKind.SQLITE ? Files.createTempDirectory("sitrep-fuzz") : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.opened = dataDir == null ? StoreFactory.open(StoreFactory.MEMORY, null) : StoreFactory.openSqlite(dataDir);
    RecordingBuilder builder = new RecordingBuilder(NettyServerBuilder.forAddress(
        new InetSocketAddress("127.0.0.1", 0), InsecureServerCredentials.create()));
    try {
      new BatchWriter(opened.store()).write(IngestRequest.newBuilder().setRequestId("fuzz-demo")
          .addAllItems(IngestMapper.items(DemoDataset.load())).build());
      this.server = new SitrepServer(builder, opened.store(), opened.achStore()).start();
    } catch (IOException e) {
      opened.close();
      throw new UncheckedIOException(e);
    }
    this.channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext()
        .maxInboundMessageSize(CLIENT_MAX_INBOUND).build();
    this.rpcs = builder.services.stream()
        .filter(s -> s.getServiceDescriptor().getName().startsWith("sitrep."))
        .flatMap(s -> s.getMethods().stream())
        .map(Rpc::of)
        .sorted(Comparator.comparing(Rpc::fullName))
        .toList();
  }

  /** A server over an in-memory store or SQLite in a fresh temporary directory, the demo loaded. */
  static FuzzServer start(StoreKind kind) {
    return new FuzzServer(kind);
  }

  /** The same kind of server again, on a fresh store: the fuzzer resets when its store has drifted far. */
  FuzzServer restart() {
    close();
    return new FuzzServer(kind);
  }

  StoreKind kind() {
    return kind;
  }

  ManagedChannel channel() {
    return channel;
  }

  /** Every sitrep RPC the server serves, in name order. */
  List<Rpc> rpcs() {
    return rpcs;
  }

  /** True when the server still answers a health check with SERVING. */
  boolean healthy() {
    try {
      return HealthGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
          .check(HealthCheckRequest.getDefaultInstance()).getStatus() == ServingStatus.SERVING;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Every stored resource's and ACH matrix's name with its etag: equal fingerprints mean nothing was
   * stored, changed or deleted. Cheap for the demo's few hundred resources.
   */
  Map<String, String> fingerprint() {
    Map<String, String> etags = new TreeMap<>();
    for (ResourceType<?> type : ResourceType.ALL) {
      addAll(type, etags);
    }
    String token = "";
    do {
      Page<StoredAchMatrix> page = opened.achStore().list(1000, token);
      page.items().forEach(m -> etags.put(m.name(), m.etag()));
      token = page.nextPageToken();
    } while (!token.isEmpty());
    return etags;
  }

  private <T extends Resource> void addAll(ResourceType<T> type, Map<String, String> etags) {
    List<String> names = new ArrayList<>();
    try (Stream<T> all = opened.store().scan(type, Filter.ALL)) {
      all.forEach(r -> names.add(r.name()));
    }
    for (String name : names) {
      opened.store().get(type, name).ifPresent(s -> etags.put(name, s.etag()));
    }
  }

  @Override
  public void close() {
    try {
      channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
      server.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      opened.close();
      if (dataDir != null) {
        try (Stream<Path> files = Files.walk(dataDir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
          // a temporary directory left behind is harmless
        }
      }
    }
  }

  /** One RPC as the fuzzer sees it: its name, its request and response types, and its shape. */
  record Rpc(String fullName, String methodName, Descriptors.Descriptor input, Descriptors.Descriptor output,
      boolean clientStreaming, boolean serverStreaming) {

    static Rpc of(ServerMethodDefinition<?, ?> definition) {
      Object schema = definition.getMethodDescriptor().getSchemaDescriptor();
      if (!(schema instanceof ProtoMethodDescriptorSupplier supplier)) {
        throw new IllegalStateException("no proto schema for " + definition.getMethodDescriptor().getFullMethodName());
      }
      Descriptors.MethodDescriptor method = supplier.getMethodDescriptor();
      return new Rpc(definition.getMethodDescriptor().getFullMethodName(), method.getName(), method.getInputType(),
          method.getOutputType(), method.isClientStreaming(), method.isServerStreaming());
    }

    /** What a successful call may change: by the AIP verb that starts the method's name. */
    Effect effect() {
      for (String verb : List.of("Get", "List", "Search", "Resolve", "Find", "Assess", "Score", "BatchGet")) {
        if (methodName.startsWith(verb)) {
          return Effect.READ;
        }
      }
      if (methodName.startsWith("Create") || methodName.equals("Ingest")) {
        return Effect.CREATE;
      }
      if (methodName.startsWith("Update")) {
        return Effect.UPDATE;
      }
      if (methodName.startsWith("Delete")) {
        return Effect.DELETE;
      }
      return Effect.UNKNOWN;
    }

    @Override
    public String toString() {
      return fullName;
    }
  }

  /** What an RPC that succeeded may have done to the store. */
  enum Effect { READ, CREATE, UPDATE, DELETE, UNKNOWN }

  /** Passes everything to Netty and remembers the services the Sitrep server registers. */
  private static final class RecordingBuilder extends ForwardingServerBuilder<RecordingBuilder> {
    private final ServerBuilder<?> delegate;
    final List<ServerServiceDefinition> services = new ArrayList<>();

    RecordingBuilder(ServerBuilder<?> delegate) {
      this.delegate = delegate;
    }

    @Override
    protected ServerBuilder<?> delegate() {
      return delegate;
    }

    @Override
    public RecordingBuilder addService(ServerServiceDefinition service) {
      services.add(service);
      return super.addService(service);
    }

    @Override
    public RecordingBuilder addService(BindableService service) {
      services.add(service.bindService());
      return super.addService(service);
    }
  }
}
