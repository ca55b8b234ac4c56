package io.sitrep.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ClientInterceptors;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.sitrep.api.v1.Dataset;
import io.sitrep.api.v1.GetSourceRequest;
import io.sitrep.api.v1.IngestRequest;
import io.sitrep.api.v1.IngestResponse;
import io.sitrep.api.v1.IngestServiceGrpc;
import io.sitrep.api.v1.SourceServiceGrpc;
import io.sitrep.server.Main;
import io.sitrep.server.demo.DemoDataset;
import io.sitrep.server.mapping.IngestMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An operator of the real server (Main, on loopback, with --metrics-port) sees each call once in
 * the access log and counted in Prometheus metrics, and never sees a caller's token.
 */
class ObservabilityTest {
  private static final String GET_SOURCE = "sitrep.v1.SourceService/GetSource";
  private static final String INGEST = "sitrep.v1.IngestService/Ingest";
  private static final String TOKEN = "sk-live-7f3a9c-do-not-log";

  @RegisterExtension final AccessLogCapture accessLog = new AccessLogCapture();

  private Main.Running running;
  private ManagedChannel channel;

  @BeforeEach
  void startTheServerWithMetrics() throws Exception {
    running = Main.parse("--port", "0", "--store", "memory", "--metrics-port", "0").start();
    channel = Grpc.newChannelBuilder("127.0.0.1:" + running.port(), InsecureChannelCredentials.create()).build();
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    running.stop();
  }

  @Test
  void eachCallIsOneAccessLogLineWithItsStatusAndCallerAndNeverTheAuthorizationHeader() {
    Dataset demo = DemoDataset.load();
    ingest(IngestRequest.newBuilder().setRequestId("demo").addAllItems(IngestMapper.items(demo)).build());
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + TOKEN);
    var sources = SourceServiceGrpc.newBlockingStub(
        ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers)));
    String known = demo.getSources(0).getName();

    sources.getSource(GetSourceRequest.newBuilder().setName(known).build());
    sources.getSource(GetSourceRequest.newBuilder().setName(known).build());
    assertThatThrownBy(() -> sources.getSource(GetSourceRequest.newBuilder().setName("sources/nobody").build()))
        .isInstanceOf(StatusRuntimeException.class);

    List<String> lines = awaitLines(GET_SOURCE, 3);
    assertThat(lines).hasSize(3);
    assertThat(lines.subList(0, 2)).allSatisfy(l -> assertThat(l).contains(" status=OK "));
    assertThat(lines.get(2)).contains(" status=NOT_FOUND ");
    assertThat(lines).allSatisfy(l -> assertThat(l)
        .matches("method=sitrep\\.v1\\.SourceService/GetSource status=\\w+ latency_ms=\\d+ principal=anonymous"
            + " peer=127\\.0\\.0\\.1:\\d+"));
    assertThat(accessLog.linesOf(INGEST)).singleElement().asString().contains(" status=OK ");
    assertThat(accessLog.records()).extracting(LogRecord::getMessage).noneMatch(m -> m.contains(TOKEN))
        .noneMatch(m -> m.contains("Bearer"));
  }

  @Test
  void prometheusSeesPerMethodCountsStatusCodesLatencyHistogramsStoreSizesAndClaimsIngested() throws Exception {
    Dataset demo = DemoDataset.load();
    ingest(IngestRequest.newBuilder().setRequestId("demo").addAllItems(IngestMapper.items(demo)).build());
    var sources = SourceServiceGrpc.newBlockingStub(channel);
    for (int i = 0; i < 3; i++) {
      sources.getSource(GetSourceRequest.newBuilder().setName(demo.getSources(i).getName()).build());
    }
    assertThatThrownBy(() -> sources.getSource(GetSourceRequest.newBuilder().setName("sources/nobody").build()))
        .isInstanceOf(StatusRuntimeException.class);
    awaitLines(GET_SOURCE, 4); // the metrics record a call when the access log does, as it ends

    String metrics = scrape();

    String getSource = "method=\"GetSource\",methodType=\"UNARY\",service=\"sitrep.v1.SourceService\"";
    assertThat(value(metrics, "grpc_server_requests_received_messages_total{" + getSource + "}")).isEqualTo(4);
    assertThat(value(metrics, "grpc_server_processing_duration_seconds_count{" + getSource
        + ",statusCode=\"OK\"}")).isEqualTo(3);
    assertThat(value(metrics, "grpc_server_processing_duration_seconds_count{" + getSource
        + ",statusCode=\"NOT_FOUND\"}")).isEqualTo(1);
    // A histogram: cumulative buckets, the last (+Inf) holding every OK call.
    assertThat(value(metrics, "grpc_server_processing_duration_seconds_bucket{" + getSource
        + ",statusCode=\"OK\",le=\"+Inf\"}")).isEqualTo(3);
    assertThat(value(metrics, "grpc_server_processing_duration_seconds_bucket{" + getSource
        + ",statusCode=\"OK\",le=\"10.0\"}")).isEqualTo(3);
    assertThat(metrics).contains("grpc_server_processing_duration_seconds_bucket{" + getSource
        + ",statusCode=\"OK\",le=\"0.001\"}");
    // Methods never called are there at zero, so a rate() over them is defined from the start.
    assertThat(value(metrics, "grpc_server_requests_received_messages_total{method=\"DeleteClaim\",methodType=\"UNARY\","
        + "service=\"sitrep.v1.ClaimService\"}")).isEqualTo(0);
    assertThat(value(metrics, "sitrep_store_resources{type=\"claims\"}")).isEqualTo(demo.getClaimsCount());
    assertThat(value(metrics, "sitrep_store_resources{type=\"sources\"}")).isEqualTo(demo.getSourcesCount());
    assertThat(value(metrics, "sitrep_claims_ingested_total")).isEqualTo(demo.getClaimsCount());
    assertThat(value(metrics, "sitrep_resources_stored_total{type=\"actors\"}")).isEqualTo(demo.getActorsCount());
    assertThat(value(metrics, "grpc_server_responses_sent_messages_total{method=\"Ingest\",methodType=\"BIDI_STREAMING\","
        + "service=\"sitrep.v1.IngestService\"}")).isEqualTo(1);
  }

  @Test
  void theMetricsEndpointServesOnlyMetrics() throws Exception {
    HttpResponse<String> other = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + running.metricsPort().orElseThrow() + "/admin")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(running.banner()).contains("metrics: http://127.0.0.1:" + running.metricsPort().orElseThrow()
        + "/metrics");
  }

  private void ingest(IngestRequest batch) {
    var done = new java.util.concurrent.CompletableFuture<IngestResponse>();
    var requests = IngestServiceGrpc.newStub(channel).ingest(new io.grpc.stub.StreamObserver<>() {
      @Override
      public void onNext(IngestResponse value) {
        done.complete(value);
      }

      @Override
      public void onError(Throwable t) {
        done.completeExceptionally(t);
      }

      @Override
      public void onCompleted() {}
    });
    requests.onNext(batch);
    requests.onCompleted();
    assertThat(done.orTimeout(30, TimeUnit.SECONDS).join().getNamesCount()).isEqualTo(batch.getItemsCount());
    awaitLines(INGEST, 1);
  }

  /**
   * The access log's lines of {@code method} once there are {@code n}: a line is written when the
   * server has finished with the call, a moment after the client got its answer.
   */
  private List<String> awaitLines(String method, int n) {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (accessLog.linesOf(method).size() < n && System.nanoTime() < until) {
      Thread.onSpinWait();
    }
    return accessLog.linesOf(method);
  }

  private String scrape() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + running.metricsPort().orElseThrow() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
        .startsWith("text/plain"));
    return response.body();
  }

  /** The value of the sample {@code series} (name and labels as Prometheus prints them). */
  private static double value(String metrics, String series) {
    Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(metrics);
    assertThat(m.find()).as("%s in%n%s", series, metrics).isTrue();
    return Double.parseDouble(m.group(1));
  }

}
