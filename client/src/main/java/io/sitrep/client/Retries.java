package io.sitrep.client;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.sitrep.api.v1.ActorAnalysisServiceGrpc;
import io.sitrep.api.v1.ActorServiceGrpc;
import io.sitrep.api.v1.AnalysisServiceGrpc;
import io.sitrep.api.v1.ClaimServiceGrpc;
import io.sitrep.api.v1.EventServiceGrpc;
import io.sitrep.api.v1.HypothesisServiceGrpc;
import io.sitrep.api.v1.IngestServiceGrpc;
import io.sitrep.api.v1.ReportServiceGrpc;
import io.sitrep.api.v1.SourceServiceGrpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which calls the client retries: only those that are safe to repeat, and only when the server
 * was UNAVAILABLE (it did not take the call, or went away mid-call). As a gRPC service config with
 * a retry policy ({@link #serviceConfig}):
 *
 * <ul>
 *   <li><b>retried</b>: every Get and List, every analysis (Analysis, ActorAnalysis, ScoreHypotheses)
 *       — they only read; every Create and Ingest — they carry a request id (AIP-155), which
 *       {@link FillRequestIds} fills in when the caller left it empty, so a repeat replays the
 *       first answer and stores nothing twice;
 *   <li><b>never retried</b>: Update and Delete — an update without an etag could overwrite a
 *       change made between the attempts, and a repeated delete answers NOT_FOUND for a delete
 *       that worked; the caller decides.
 * </ul>
 */
final class Retries {
  /** Attempts in all, the first included. */
  static final int MAX_ATTEMPTS = 4;

  private Retries() {}

  /** The services of sitrep.v1. */
  private static final List<ServiceDescriptor> SERVICES = List.of(SourceServiceGrpc.getServiceDescriptor(),
      ReportServiceGrpc.getServiceDescriptor(), ActorServiceGrpc.getServiceDescriptor(),
      EventServiceGrpc.getServiceDescriptor(), ClaimServiceGrpc.getServiceDescriptor(),
      IngestServiceGrpc.getServiceDescriptor(), AnalysisServiceGrpc.getServiceDescriptor(),
      ActorAnalysisServiceGrpc.getServiceDescriptor(), HypothesisServiceGrpc.getServiceDescriptor());

  /** Whether {@code method} (its bare name, e.g. {@code GetSource}) may be repeated. */
  static boolean retried(String method) {
    return !method.startsWith("Update") && !method.startsWith("Delete");
  }

  /** The service config for {@code ManagedChannelBuilder.defaultServiceConfig}, with {@code enableRetry}. */
  static Map<String, ?> serviceConfig() {
    List<Map<String, ?>> names = new ArrayList<>();
    for (ServiceDescriptor service : SERVICES) {
      for (MethodDescriptor<?, ?> method : service.getMethods()) {
        if (retried(method.getBareMethodName())) {
          names.add(Map.of("service", service.getName(), "method", method.getBareMethodName()));
        }
      }
    }
    // gRPC reads the config as JSON would parse it: numbers are doubles, durations strings.
    Map<String, ?> retryPolicy = Map.of(
        "maxAttempts", (double) MAX_ATTEMPTS,
        "initialBackoff", "0.1s",
        "maxBackoff", "2s",
        "backoffMultiplier", 2.0,
        "retryableStatusCodes", List.of("UNAVAILABLE"));
    return Map.of("methodConfig", List.of(Map.of("name", names, "retryPolicy", retryPolicy)));
  }

  /**
   * Gives every request that has an empty {@code request_id} a fresh one before it leaves, so that
   * a retried Create or Ingest batch is recognised by the server as the same request.
   */
  static final class FillRequestIds implements ClientInterceptor {
    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
      return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
        @Override
        public void sendMessage(Q message) {
          super.sendMessage(withRequestId(message));
        }
      };
    }

    @SuppressWarnings("unchecked")
    static <Q> Q withRequestId(Q message) {
      if (!(message instanceof Message m)) {
        return message;
      }
      FieldDescriptor field = m.getDescriptorForType().findFieldByName("request_id");
      if (field == null || field.getJavaType() != FieldDescriptor.JavaType.STRING
          || !((String) m.getField(field)).isEmpty()) {
        return message;
      }
      return (Q) m.toBuilder().setField(field, "client-" + UUID.randomUUID()).build();
    }
  }
}
