package io.sitrep.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.sitrep.api.v1.Dataset;
import io.sitrep.api.v1.IngestRequest;
import io.sitrep.api.v1.ListSourcesRequest;
import io.sitrep.api.v1.SourceServiceGrpc;
import io.sitrep.core.ach.jdbc.JdbcAchStore;
import io.sitrep.core.store.ResourceType;
import io.sitrep.core.store.StoreException;
import io.sitrep.server.demo.DemoDataset;
import io.sitrep.server.mapping.IngestMapper;
import io.sitrep.server.service.BatchWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {

  @Test
  void theDefaultsListenOnLoopbackPort50051WithoutTheDemo() {
    Main main = Main.parse();

    assertThat(main.port).isEqualTo(50051);
    assertThat(main.host).isEqualTo("127.0.0.1");
    assertThat(main.demo).isFalse();
    assertThat(main.dataDir).isNull();
    assertThat(main.store).isNull();
  }

  @Test
  void helpSaysWhereTheDataGoesByDefault() {
    String help = new CommandLine(new Main()).getUsageMessage();

    assertThat(help).contains("--data-dir=DIR").contains("./sitrep-data").contains("--store=URL")
        .contains("postgresql://").contains("memory");
  }

  @Test
  void withTheDemoOnAFreePortTheServerAnswersOverTheNetworkAndSaysSo() throws Exception {
    Dataset demo = DemoDataset.load();
    int demoResources = demo.getSourcesCount() + demo.getReportsCount() + demo.getActorsCount()
        + demo.getEventsCount() + demo.getClaimsCount();
    Main.Running running = Main.parse("--port", "0", "--demo", "--store", "memory").start();
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
  void aDataDirHoldsASqliteStoreThatKeepsTheDemoAcrossRestartsWithoutLoadingItTwice(@TempDir Path dir)
      throws Exception {
    Dataset demo = DemoDataset.load();
    int demoResources = demo.getSourcesCount() + demo.getReportsCount() + demo.getActorsCount()
        + demo.getEventsCount() + demo.getClaimsCount();
    Path data = dir.resolve("data");

    Main.Running first = Main.parse("--port", "0", "--demo", "--data-dir", data.toString()).start();
    String firstBanner = first.banner();
    first.stop();
    Main.Running second = Main.parse("--port", "0", "--demo", "--data-dir", data.toString()).start();
    try {
      assertThat(firstBanner).isEqualTo("Sitrep listening on 127.0.0.1:" + first.port() + " (store: sqlite "
          + data.toAbsolutePath().resolve("sitrep.db") + ", demo: " + demoResources + " resources)");
      assertThat(second.banner()).endsWith("demo: " + demoResources + " resources, already in the store)");
      assertThat(second.server().store().count(ResourceType.CLAIMS)).isEqualTo(demo.getClaimsCount());
      assertThat(second.server().store().count(ResourceType.SOURCES)).isEqualTo(demo.getSourcesCount());
      assertThat(second.server().achStore()).isInstanceOf(JdbcAchStore.class);
      assertThat(data.resolve("hypotheses.db")).exists();
    } finally {
      second.stop();
    }
  }

  @Test
  void aDemoIngestedSomeOtherWayIsLeftAsItIs(@TempDir Path dir) throws Exception {
    Dataset demo = DemoDataset.load();
    try (StoreFactory.OpenedStore opened = StoreFactory.open(null, dir)) {
      new BatchWriter(opened.store()).write(IngestRequest.newBuilder().setRequestId("by-a-client")
          .addAllItems(IngestMapper.items(demo)).build());
    }

    Main.Running running = Main.parse("--port", "0", "--demo", "--data-dir", dir.toString()).start();
    try {
      assertThat(running.banner()).contains("demo: not loaded, the store already holds some of it");
      assertThat(running.server().store().count(ResourceType.CLAIMS)).isEqualTo(demo.getClaimsCount());
    } finally {
      running.stop();
    }
  }

  @Test
  void theStoreFlagOpensSqliteElsewhereOrMemoryAndRefusesTheRest(@TempDir Path dir) {
    try (StoreFactory.OpenedStore sqlite = StoreFactory.open("sqlite:" + dir, null)) {
      assertThat(sqlite.description()).isEqualTo("sqlite " + dir.toAbsolutePath().resolve("sitrep.db"));
    }
    try (StoreFactory.OpenedStore memory = StoreFactory.open("memory", null)) {
      assertThat(memory.description()).isEqualTo("in-memory");
      assertThat(memory.note()).contains("lost");
    }
    assertThatThrownBy(() -> StoreFactory.open("memory", dir))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
    assertThatThrownBy(() -> StoreFactory.open("mysql://u:secret@db/x", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a store")
        .hasMessageNotContaining("secret");
    assertThat(io.sitrep.core.store.jdbc.JdbcStores.redacted("postgresql://u:secret@db:5432/x?user=u&password=hush&ssl=true"))
        .isEqualTo("postgresql://u:***@db:5432/x?user=u&password=***&ssl=true");
  }

  @Test
  void aDataDirIsHeldByOneServerAtATime(@TempDir Path dir) {
    try (StoreFactory.OpenedStore first = StoreFactory.open(null, dir)) {
      assertThatThrownBy(() -> StoreFactory.open(null, dir))
          .isInstanceOf(StoreException.Unavailable.class).hasMessageContaining("already open");
    }
    try (StoreFactory.OpenedStore again = StoreFactory.open(null, dir)) {
      assertThat(again.description()).startsWith("sqlite ");
    }
  }

  @Test
  void theCommandLineExitsWith2AndAClearMessageWhenTheStoreCannotBeOpened(@TempDir Path dir) {
    int code = new CommandLine(new Main()).execute("--port", "0", "--store", "memory", "--data-dir", dir.toString());

    assertThat(code).isEqualTo(2);
  }
}
