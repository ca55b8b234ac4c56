package io.sitrep.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.grpc.Status;
import io.grpc.internal.testing.StreamRecorder;
import io.grpc.stub.StreamObserver;
import io.sitrep.api.v1.GetSourceRequest;
import io.sitrep.api.v1.IngestItem;
import io.sitrep.api.v1.IngestRequest;
import io.sitrep.api.v1.IngestResponse;
import io.sitrep.api.v1.ListClaimsRequest;
import io.sitrep.core.store.PageRequest;
import io.sitrep.core.store.ResourceType;
import io.sitrep.core.store.SitrepStore;
import io.sitrep.core.store.StoreException;
import io.sitrep.server.testing.InProcessSitrep;
import io.sitrep.server.testing.Refusal;
import io.sitrep.server.testing.SeedEpisode;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A store that breaks: the client learns the kind of failure, never the server's insides. */
class UnexpectedFailuresTest {
  private final SitrepStore store = mock(SitrepStore.class);

  @RegisterExtension final InProcessSitrep sitrep = InProcessSitrep.over(() -> store);

  @Test
  void aBugInTheStoreIsInternalWithAGenericMessageAndNoStackTrace() {
    when(store.get(any(), anyString())).thenThrow(new IllegalStateException("index corrupt at /var/secret/db"));

    Refusal refusal = Refusal.of(() -> sitrep.sources().getSource(GetSourceRequest.newBuilder()
        .setName(SeedEpisode.HABIB).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INTERNAL);
    assertThat(refusal.reason()).isEqualTo("INTERNAL_ERROR");
    assertThat(refusal.message()).doesNotContain("secret").doesNotContain("IllegalStateException")
        .doesNotContain("at io.");
  }

  @Test
  void aBugDuringIngestEndsTheStreamAsInternal() throws Exception {
    when(store.createAll(any(), any(), any())).thenThrow(new NullPointerException("oops"));
    StreamRecorder<IngestResponse> responses = StreamRecorder.create();

    StreamObserver<IngestRequest> requests = sitrep.ingest().ingest(responses);
    requests.onNext(IngestRequest.newBuilder()
        .addItems(IngestItem.newBuilder().setSource(SeedEpisode.interiorMinistrySource())).build());
    requests.onCompleted();

    assertThat(responses.awaitCompletion(5, TimeUnit.SECONDS)).isTrue();
    Refusal refusal = Refusal.of(responses.getError());
    assertThat(refusal.code()).isEqualTo(Status.Code.INTERNAL);
    assertThat(refusal.message()).doesNotContain("oops");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aStoreThatIsDownIsUnavailableSoClientsMayRetry() {
    when(store.list(any(ResourceType.class), any(PageRequest.class)))
        .thenThrow(new StoreException.Unavailable("database at db.internal:5432 refused", new IOException()));

    Refusal refusal = Refusal.of(() -> sitrep.claims().listClaims(ListClaimsRequest.getDefaultInstance()));

    assertThat(refusal.code()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(refusal.reason()).isEqualTo("STORE_UNAVAILABLE");
    assertThat(refusal.message()).doesNotContain("db.internal");
  }
}
