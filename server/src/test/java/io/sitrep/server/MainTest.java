package io.sitrep.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.sitrep.api.v1.Dataset;
import io.sitrep.api.v1.ListSourcesRequest;
import io.sitrep.api.v1.SourceServiceGrpc;
import io.sitrep.server.demo.DemoDataset;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @Test
  void theDefaultsListenOnLoopbackPort50051WithoutTheDemo() {
    Main main = Main.parse();

    assertThat(main.port).isEqualTo(50051);
    assertThat(main.host).isEqualTo("127.0.0.1");
    assertThat(main.demo).isFalse();
    assertThat(main.dataDir).isNull();
  }

  @Test
  void withTheDemoOnAFreePortTheServerAnswersOverTheNetworkAndSaysSo() throws Exception {
    Dataset demo = DemoDataset.load();
    int demoResources = demo.getSourcesCount() + demo.getReportsCount() + demo.getActorsCount()
        + demo.getEventsCount() + demo.getClaimsCount();
    Main.Running running = Main.parse("--port", "0", "--demo").start();
    ManagedChannel channel = Grpc.newChannelBuilder("127.0.0.1:" + running.port(),
        InsecureChannelCredentials.create()).build();
    try {
      assertThat(running.port()).isPositive();
      assertThat(running.banner()).isEqualTo("Sitrep listening on 127.0.0.1:" + running.port()
          + " (store: in-memory, demo: " + demoResources + " resources)");
      assertThat(HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance()).getStatus())
          .isEqualTo(ServingStatus.SERVING);
      assertThat(SourceServiceGrpc.newBlockingStub(channel)
          .listSources(ListSourcesRequest.newBuilder().setPageSize(1000).build()).getSourcesCount())
          .isEqualTo(demo.getSourcesCount());
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      running.stop();
    }
  }

  @Test
  void aDataDirIsAcceptedButTheOperatorIsToldItIsNotDurableYet(@TempDir Path dir) {
    StoreFactory.OpenedStore opened = StoreFactory.open(dir);

    assertThat(opened.description()).isEqualTo("in-memory");
    assertThat(opened.note()).contains("--data-dir").contains("not durable");
    assertThat(Main.parse("--data-dir", dir.toString()).dataDir).isEqualTo(dir);
    opened.store().close();
  }
}
