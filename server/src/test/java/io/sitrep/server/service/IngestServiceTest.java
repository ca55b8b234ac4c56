package io.sitrep.server.service;

import static io.sitrep.server.testing.SeedEpisode.HABIB;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.internal.testing.StreamRecorder;
import io.grpc.stub.StreamObserver;
import io.sitrep.api.v1.Event;
import io.sitrep.api.v1.IngestItem;
import io.sitrep.api.v1.IngestRequest;
import io.sitrep.api.v1.IngestResponse;
import io.sitrep.api.v1.Source;
import io.sitrep.server.mapping.IngestMapper;
import io.sitrep.server.testing.InProcessSitrep;
import io.sitrep.server.testing.Refusal;
import io.sitrep.server.testing.SeedEpisode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IngestServiceTest {
  @RegisterExtension final InProcessSitrep sitrep = InProcessSitrep.overAnEmptyStore();

  /** Sends {@code batches} on one stream, half-closes, and waits for the server to end it. */
  private StreamRecorder<IngestResponse> ingest(IngestRequest... batches) throws Exception {
    StreamRecorder<IngestResponse> responses = StreamRecorder.create();
    StreamObserver<IngestRequest> requests = sitrep.ingest().ingest(responses);
    for (IngestRequest batch : batches) {
      requests.onNext(batch);
    }
    requests.onCompleted();
    assertThat(responses.awaitCompletion(5, TimeUnit.SECONDS)).isTrue();
    return responses;
  }

  private static IngestRequest batch(String requestId, List<IngestItem> items) {
    return IngestRequest.newBuilder().setRequestId(requestId).addAllItems(items).build();
  }

  private static IngestItem source(Source s) {
    return IngestItem.newBuilder().setSource(s).build();
  }

  /** The seed episode in two batches: who speaks and who acts, then what was said and done. */
  private static List<List<IngestItem>> theEpisodeInTwoBatches() {
    List<IngestItem> all = IngestMapper.items(SeedEpisode.dataset());
    List<IngestItem> sourcesAndActors = new ArrayList<>();
    List<IngestItem> rest = new ArrayList<>();
    for (IngestItem item : all) {
      boolean early = item.hasSource() || (item.hasActor() && !item.getActor().getName().equals(SeedEpisode.AZIRJAWI));
      (early ? sourcesAndActors : rest).add(item);
    }
    return List.of(sourcesAndActors, rest);
  }

  @Test
  void theEpisodeIngestedInTwoBatchesIsAcknowledgedInOrderWithTheNamesStored() throws Exception {
    List<List<IngestItem>> batches = theEpisodeInTwoBatches();

    StreamRecorder<IngestResponse> responses = ingest(batch("who", batches.get(0)), batch("what", batches.get(1)));

    assertThat(responses.getError()).isNull();
    assertThat(responses.getValues()).extracting(IngestResponse::getRequestId).containsExactly("who", "what");
    assertThat(responses.getValues().get(0).getNamesList())
        .containsExactlyElementsOf(batches.get(0).stream().map(IngestMapper::name).toList());
    assertThat(responses.getValues()).noneMatch(IngestResponse::getReplayed);
    assertThat(sitrep.snapshot()).hasSize(IngestMapper.items(SeedEpisode.dataset()).size());
  }

  @Test
  void claimsMayComeBeforeTheReportsTheyCiteWithinOneBatch() throws Exception {
    List<IngestItem> reversed = new ArrayList<>(IngestMapper.items(SeedEpisode.dataset()));
    java.util.Collections.reverse(reversed);

    StreamRecorder<IngestResponse> responses = ingest(batch("reversed", reversed));

    assertThat(responses.getError()).isNull();
    assertThat(responses.getValues()).hasSize(1);
  }

  @Test
  void aRefusedBatchEndsTheStreamAndTheBatchesAcknowledgedBeforeItStay() throws Exception {
    List<List<IngestItem>> batches = theEpisodeInTwoBatches();
    IngestItem reportOfAnUnknownSource = IngestItem.newBuilder()
        .setReport(SeedEpisode.handoverReport().toBuilder().setName("reports/al-hurra-2020-12-26")
            .setSource("sources/al-hurra")).build();
    List<IngestItem> badBatch = List.of(IngestItem.newBuilder().setReport(SeedEpisode.handoverReport()).build(),
        reportOfAnUnknownSource);

    StreamRecorder<IngestResponse> responses = ingest(batch("who", batches.get(0)), batch("bad", badBatch),
        batch("what", batches.get(1)));

    assertThat(responses.getValues()).extracting(IngestResponse::getRequestId).containsExactly("who");
    Refusal refusal = Refusal.of(responses.getError());
    assertThat(refusal.code()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(refusal.fields()).containsExactly("items[1].report.source");
    assertThat(refusal.reason()).isEqualTo("REFERENCED_RESOURCE_NOT_FOUND");
    assertThat(sitrep.snapshot().keySet())
        .containsExactlyInAnyOrderElementsOf(batches.get(0).stream().map(IngestMapper::name).toList());
  }

  @Test
  void anInvalidItemIsRefusedNamingItsPathAndNothingOfTheBatchIsStored() throws Exception {
    IngestItem eventWithoutSummary = IngestItem.newBuilder()
        .setEvent(Event.newBuilder(SeedEpisode.rocketAttack()).clearSummary().clearReports()).build();

    StreamRecorder<IngestResponse> responses = ingest(batch("one",
        List.of(source(SeedEpisode.interiorMinistrySource()), eventWithoutSummary)));

    Refusal refusal = Refusal.of(responses.getError());
    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("items[1].event.summary");
    assertThat(sitrep.snapshot()).isEmpty();
  }

  @Test
  void anItemHoldingNoResourceIsRefusedNamingTheItem() throws Exception {
    StreamRecorder<IngestResponse> responses = ingest(batch("one",
        List.of(source(SeedEpisode.interiorMinistrySource()), IngestItem.getDefaultInstance())));

    Refusal refusal = Refusal.of(responses.getError());
    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("items[1]");
    assertThat(sitrep.snapshot()).isEmpty();
  }

  @Test
  void aBatchNamingAStoredSourceAgainIsRefusedAsAlreadyExisting() throws Exception {
    ingest(batch("first", List.of(source(SeedEpisode.interiorMinistrySource()))));
    Map<String, String> before = sitrep.snapshot();

    StreamRecorder<IngestResponse> responses = ingest(batch("second",
        List.of(source(SeedEpisode.interiorMinistrySource()))));

    Refusal refusal = Refusal.of(responses.getError());
    assertThat(refusal.code()).isEqualTo(Status.Code.ALREADY_EXISTS);
    assertThat(refusal.fields()).containsExactly("items[0]");
    assertThat(sitrep.snapshot()).isEqualTo(before);
  }

  @Test
  void aBatchSentAgainWithItsRequestIdIsAcknowledgedAsAReplayAndStoresNothing() throws Exception {
    IngestRequest batch = batch("ministry", List.of(source(SeedEpisode.interiorMinistrySource())));
    ingest(batch);
    Map<String, String> before = sitrep.snapshot();

    StreamRecorder<IngestResponse> responses = ingest(batch);

    assertThat(responses.getError()).isNull();
    assertThat(responses.getValues()).singleElement().satisfies(ack -> {
      assertThat(ack.getReplayed()).isTrue();
      assertThat(ack.getNamesList()).containsExactly(SeedEpisode.INTERIOR_MINISTRY_SOURCE);
    });
    assertThat(sitrep.snapshot()).isEqualTo(before);
  }

  @Test
  void itemsWithoutANameGetAGeneratedOneInTheirCollection() throws Exception {
    StreamRecorder<IngestResponse> responses = ingest(batch("anonymous",
        List.of(source(SeedEpisode.interiorMinistrySource().toBuilder().clearName().build()))));

    assertThat(responses.getValues().get(0).getNamesList()).singleElement().asString()
        .matches("sources/[a-z2-7]{12}");
  }

  @Test
  void aBatchOfMoreThanTenThousandItemsIsRefusedNamingItems() throws Exception {
    List<IngestItem> items = new ArrayList<>();
    for (int i = 0; i <= BatchWriter.MAX_ITEMS; i++) {
      items.add(source(SeedEpisode.interiorMinistrySource().toBuilder().setName("sources/s" + i).build()));
    }

    StreamRecorder<IngestResponse> responses = ingest(batch("huge", items));

    Refusal refusal = Refusal.of(responses.getError());
    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("items");
    assertThat(sitrep.snapshot()).isEmpty();
  }

  @Test
  void anEmptyStreamEndsCleanly() throws Exception {
    StreamRecorder<IngestResponse> responses = ingest();

    assertThat(responses.getError()).isNull();
    assertThat(responses.getValues()).isEmpty();
    assertThat(sitrep.snapshot()).doesNotContainKey(HABIB);
  }
}
