package io.sitrep.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.internal.testing.StreamRecorder;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import io.sitrep.server.testing.InProcessSitrep;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SitrepServerTest {
  private static final String[] SITREP_SERVICES = {"sitrep.v1.SourceService", "sitrep.v1.ReportService",
      "sitrep.v1.ActorService", "sitrep.v1.EventService", "sitrep.v1.ClaimService", "sitrep.v1.IngestService",
      "sitrep.v1.AnalysisService"};

  @RegisterExtension final InProcessSitrep sitrep = InProcessSitrep.overAnEmptyStore();

  @Test
  void theServerAndEachServiceReportServing() {
    HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(sitrep.channel());

    assertThat(health.check(HealthCheckRequest.getDefaultInstance()).getStatus()).isEqualTo(ServingStatus.SERVING);
    for (String service : SITREP_SERVICES) {
      assertThat(health.check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus())
          .as(service).isEqualTo(ServingStatus.SERVING);
    }
  }

  @Test
  void healthOfAServiceSitrepDoesNotHaveIsNotFound() {
    HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(sitrep.channel());

    try {
      health.check(HealthCheckRequest.newBuilder().setService("sitrep.v1.Nothing").build());
      throw new AssertionError("expected NOT_FOUND");
    } catch (StatusRuntimeException e) {
      assertThat(e.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.NOT_FOUND);
    }
  }

  @Test
  void reflectionListsEverySitrepService() throws Exception {
    StreamRecorder<ServerReflectionResponse> responses = StreamRecorder.create();
    StreamObserver<ServerReflectionRequest> requests =
        ServerReflectionGrpc.newStub(sitrep.channel()).serverReflectionInfo(responses);

    requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
    requests.onCompleted();

    assertThat(responses.awaitCompletion(5, TimeUnit.SECONDS)).isTrue();
    assertThat(responses.getValues().get(0).getListServicesResponse().getServiceList())
        .extracting(ServiceResponse::getName)
        .contains(SITREP_SERVICES)
        .contains("grpc.health.v1.Health");
  }
}
