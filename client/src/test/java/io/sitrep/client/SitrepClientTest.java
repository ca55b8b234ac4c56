package io.sitrep.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.BadRequest;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.sitrep.api.v1.Actor;
import io.sitrep.api.v1.ActorKind;
import io.sitrep.api.v1.Dataset;
import io.sitrep.api.v1.IngestItem;
import io.sitrep.api.v1.IngestRequest;
import io.sitrep.api.v1.IngestResponse;
import io.sitrep.api.v1.Reliability;
import io.sitrep.api.v1.Report;
import io.sitrep.api.v1.Source;
import io.sitrep.api.v1.SourceKind;
import io.sitrep.api.v1.TimePrecision;
import io.sitrep.api.v1.TimeSpan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SitrepClientTest {
  @RegisterExtension final SitrepTestServer server = SitrepTestServer.empty();

  private static Source outlet(String id, String name) {
    return Source.newBuilder().setName("sources/" + id).setDisplayName(name)
        .setKind(SourceKind.SOURCE_KIND_NEWS_OUTLET).setCountryCode("IQ").build();
  }

  @Test
  void aSourceIsCreatedReadRegradedAndDeletedThroughTheTypedMethods() {
    SitrepClient sitrep = server.client();

    Source created = sitrep.createSource(outlet("", "Shafaaq News"), "shafaaq-news");
    Source regraded = sitrep.updateSource(Source.newBuilder().setName(created.getName())
        .setReliability(Reliability.RELIABILITY_B).setEtag(created.getEtag()).build(), "reliability");

    assertThat(sitrep.getSource("sources/shafaaq-news")).isEqualTo(regraded);
    assertThat(regraded.getDisplayName()).isEqualTo("Shafaaq News");
    assertThat(regraded.getReliability()).isEqualTo(Reliability.RELIABILITY_B);

    sitrep.deleteSource(regraded.getName(), regraded.getEtag());
    assertThat(sitrep.listSources("")).isEmpty();
  }

  @Test
  void listingReadsEveryPage() {
    SitrepClient sitrep = server.client();
    List<IngestRequest> batches = new ArrayList<>();
    for (int b = 0; b < 3; b++) {
      IngestRequest.Builder batch = IngestRequest.newBuilder().setRequestId("outlets-" + b);
      for (int i = 0; i < 400; i++) {
        batch.addItems(IngestItem.newBuilder().setSource(outlet("outlet-" + b + "-" + i, "Outlet " + i)));
      }
      batches.add(batch.build());
    }

    List<IngestResponse> acks = sitrep.ingest(batches);

    assertThat(acks).extracting(IngestResponse::getRequestId).containsExactly("outlets-0", "outlets-1", "outlets-2");
    assertThat(sitrep.listSources("")).hasSize(1200).doesNotHaveDuplicates();
    assertThat(sitrep.streamSources("kind = SOURCE_KIND_NEWS_OUTLET").limit(3)).hasSize(3);
  }

  @Test
  void aRefusedBatchFailsTheIngestWithTheServersStatusAndKeepsTheEarlierBatches() {
    SitrepClient sitrep = server.client();
    IngestRequest good = IngestRequest.newBuilder().setRequestId("good")
        .addItems(IngestItem.newBuilder().setSource(outlet("al-hurra", "Al Hurra"))).build();
    IngestRequest bad = IngestRequest.newBuilder().setRequestId("bad")
        .addItems(IngestItem.newBuilder().setReport(Report.newBuilder().setName("reports/orphan")
            .setSource("sources/nobody").setPublishTime(TimeSpan.newBuilder()
                .setStartTime(com.google.protobuf.util.Timestamps.fromSeconds(1608930000))
                .setEndTime(com.google.protobuf.util.Timestamps.fromSeconds(1608930000))
                .setPrecision(TimePrecision.TIME_PRECISION_INSTANT)))).build();

    assertThatThrownBy(() -> sitrep.ingest(List.of(good, bad)))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
          assertThat(StatusProto.fromThrowable(e).getDetailsList()).anySatisfy(d -> {
            assertThat(d.is(BadRequest.class)).isTrue();
          });
        });
    assertThat(sitrep.listSources("")).extracting(Source::getName).containsExactly("sources/al-hurra");
  }

  @Test
  void aDatasetIsIngestedInSmallBatchesThatOnlyReferBackwards() {
    SitrepClient sitrep = server.client();
    Dataset dataset = Dataset.newBuilder()
        .addSources(outlet("sadiqoun-tv", "Sadiqoun TV").toBuilder()
            .addAffiliations(io.sitrep.api.v1.SourceAffiliation.newBuilder().setActor("actors/sadiqoun")))
        .addActors(Actor.newBuilder().setName("actors/sadiqoun").setDisplayName("Sadiqoun")
            .setKind(ActorKind.ACTOR_KIND_POLITICAL_PARTY))
        .addActors(Actor.newBuilder().setName("actors/asaib-ahl-al-haq").setDisplayName("Asaib Ahl al-Haq")
            .setKind(ActorKind.ACTOR_KIND_ARMED_GROUP))
        .build();

    List<IngestResponse> acks = sitrep.ingest(dataset, 1);

    assertThat(acks).hasSize(3);
    assertThat(sitrep.listActors("")).hasSize(2);
  }

  @Test
  void everyCallGetsTheDefaultDeadlineUnlessItSetsOne() {
    AtomicReference<CallOptions> seen = new AtomicReference<>();
    Channel recording = new Channel() {
      @Override
      public <Q, R> ClientCall<Q, R> newCall(MethodDescriptor<Q, R> method, CallOptions options) {
        seen.set(options);
        return server.channel().newCall(method, options);
      }

      @Override
      public String authority() {
        return server.channel().authority();
      }
    };
    SitrepClient sitrep = SitrepClient.builder().channel(recording).defaultDeadline(Duration.ofSeconds(7)).build();

    sitrep.listActors("");

    assertThat(seen.get().getDeadline()).isNotNull();
    assertThat(seen.get().getDeadline().timeRemaining(java.util.concurrent.TimeUnit.SECONDS)).isBetween(5L, 7L);
  }

  @Test
  void aClientBuiltOverSomeoneElsesChannelLeavesItOpen() {
    SitrepClient sitrep = SitrepClient.over(server.channel());

    sitrep.close();

    assertThat(server.channel().isShutdown()).isFalse();
  }
}
