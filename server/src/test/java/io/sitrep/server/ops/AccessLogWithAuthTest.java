package io.sitrep.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.MetadataUtils;
import io.sitrep.api.v1.GetSourceRequest;
import io.sitrep.api.v1.SourceServiceGrpc;
import io.sitrep.core.ach.InMemoryAchStore;
import io.sitrep.core.store.InMemoryStore;
import io.sitrep.server.SitrepServer;
import io.sitrep.server.auth.ApiKeys;
import io.sitrep.server.auth.Principal.Role;
import io.sitrep.server.auth.ServerSecurity;
import io.sitrep.server.testing.Refusal;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With authentication on, the access log and the metrics (outside it) see the calls it refuses,
 * the rate limit (inside it) keys on the key's principal, and the log names that principal but
 * never its token.
 */
class AccessLogWithAuthTest {
  private static final String GET_SOURCE = "sitrep.v1.SourceService/GetSource";

  @RegisterExtension final AccessLogCapture accessLog = new AccessLogCapture();

  private final InMemoryStore store = new InMemoryStore();
  private final ApiKeys keys = ApiKeys.inMemory();
  private SitrepServer server;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    server = new SitrepServer(NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)), store,
        InMemoryAchStore.create(), ServerLimits.DEFAULTS.withRateLimit(new ServerLimits.RateLimit(1, 2)),
        new ServerSecurity(keys, false)).start();
    server.metrics().prometheus();
    channel = Grpc.newChannelBuilder("127.0.0.1:" + server.port(), InsecureChannelCredentials.create()).build();
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.stop();
    store.close();
  }

  @Test
  void refusedCallsAreLoggedAndCountedAndTheCallerIsNamedButNeverItsToken() {
    String token = keys.create("desk-baghdad", Role.READER).token();
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
    var withKey = SourceServiceGrpc.newBlockingStub(channel)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    var withoutKey = SourceServiceGrpc.newBlockingStub(channel);
    GetSourceRequest get = GetSourceRequest.newBuilder().setName("sources/nobody").build();

    List<Status.Code> codes = List.of(Refusal.of(() -> withoutKey.getSource(get)).code(),
        Refusal.of(() -> withKey.getSource(get)).code(), Refusal.of(() -> withKey.getSource(get)).code(),
        Refusal.of(() -> withKey.getSource(get)).code());

    assertThat(codes).containsExactly(Status.Code.UNAUTHENTICATED, Status.Code.NOT_FOUND, Status.Code.NOT_FOUND,
        Status.Code.RESOURCE_EXHAUSTED);
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (accessLog.linesOf(GET_SOURCE).size() < 4 && System.nanoTime() < until) {
      Thread.onSpinWait();
    }
    assertThat(accessLog.linesOf(GET_SOURCE)).extracting(l -> l.split(" ")[1] + " " + l.split(" ")[3])
        // Each line is written as its call ends on the server, so two quick calls may log in either order.
        .containsExactlyInAnyOrder("status=UNAUTHENTICATED principal=-", "status=NOT_FOUND principal=desk-baghdad",
            "status=NOT_FOUND principal=desk-baghdad", "status=RESOURCE_EXHAUSTED principal=desk-baghdad");
    assertThat(accessLog.records()).extracting(LogRecord::getMessage).noneMatch(m -> m.contains(token));
    String metrics = server.metrics().scrape();
    assertThat(metrics).contains("grpc_server_processing_duration_seconds_count{method=\"GetSource\","
        + "methodType=\"UNARY\",service=\"sitrep.v1.SourceService\",statusCode=\"UNAUTHENTICATED\"} 1");
    assertThat(metrics).contains("grpc_server_processing_duration_seconds_count{method=\"GetSource\","
        + "methodType=\"UNARY\",service=\"sitrep.v1.SourceService\",statusCode=\"RESOURCE_EXHAUSTED\"} 1");
  }
}
