package io.sitrep.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.CallOptions;
import io.grpc.Status;
import io.grpc.internal.testing.StreamRecorder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import io.sitrep.api.v1.GetSourceRequest;
import io.sitrep.api.v1.IngestItem;
import io.sitrep.api.v1.IngestRequest;
import io.sitrep.api.v1.IngestServiceGrpc;
import io.sitrep.api.v1.Source;
import io.sitrep.api.v1.SourceKind;
import io.sitrep.api.v1.SourceServiceGrpc;
import io.sitrep.server.testing.InProcessSitrep;
import io.sitrep.server.testing.RawBytes;
import io.sitrep.server.testing.Refusal;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Requests whose bytes do not parse are refused with INVALID_ARGUMENT, not gRPC's UNKNOWN. */
class MalformedRequestsTest {
  @RegisterExtension final InProcessSitrep sitrep = InProcessSitrep.overAnEmptyStore();

  @Test
  void aTruncatedRequestIsInvalidArgument() {
    byte[] valid = GetSourceRequest.newBuilder().setName("sources/reuters").build().toByteArray();

    Refusal refusal = Refusal.of(() -> ClientCalls.blockingUnaryCall(sitrep.channel(),
        RawBytes.method(SourceServiceGrpc.getGetSourceMethod()), CallOptions.DEFAULT, Arrays.copyOf(valid, 5)));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.errorInfo().getReason()).isEqualTo(Errors.MALFORMED_REQUEST);
    assertThat(refusal.message()).contains("sitrep.v1.SourceService/GetSource");
  }

  @Test
  void invalidUtf8InAStringFieldIsInvalidArgument() {
    byte[] badName = {0x0a, 0x03, 'a', (byte) 0xC3, 0x28}; // field 1 (name), "a" then a broken sequence

    Refusal refusal = Refusal.of(() -> ClientCalls.blockingUnaryCall(sitrep.channel(),
        RawBytes.method(SourceServiceGrpc.getGetSourceMethod()), CallOptions.DEFAULT, badName));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.message()).containsIgnoringCase("UTF-8");
  }

  /**
   * Ingest stores batches on a writer thread while the next ones are read; a message that does not
   * parse must still wait for the batches before it, so that their acknowledgements reach the
   * client before the refusal (the long fuzz run found the refusal overtaking them).
   */
  @Test
  void aMalformedBatchEndsTheIngestStreamAfterTheBatchesBeforeItAreAcknowledged() throws Exception {
    StreamRecorder<byte[]> responses = StreamRecorder.create();
    StreamObserver<byte[]> requests = ClientCalls.asyncBidiStreamingCall(
        sitrep.channel().newCall(RawBytes.method(IngestServiceGrpc.getIngestMethod()), CallOptions.DEFAULT), responses);
    byte[] good = null;
    for (int i = 0; i < 20; i++) {
      good = IngestRequest.newBuilder().setRequestId("b" + i).addItems(IngestItem.newBuilder().setSource(
          Source.newBuilder().setName("sources/wire-" + i).setDisplayName("Wire " + i)
              .setKind(SourceKind.SOURCE_KIND_NEWS_OUTLET))).build().toByteArray();
      requests.onNext(good);
    }
    requests.onNext(Arrays.copyOf(good, good.length - 3));
    requests.onCompleted();

    assertThat(responses.awaitCompletion(5, TimeUnit.SECONDS)).isTrue();
    assertThat(responses.getValues()).hasSize(20);
    assertThat(Status.fromThrowable(responses.getError()).getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(sitrep.snapshot()).hasSize(20);
  }
}
