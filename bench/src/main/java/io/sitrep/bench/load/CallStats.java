package io.sitrep.bench.load;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * One method's figures in one phase: successful calls and their latency (HdrHistogram, in
 * microseconds, 3 significant digits), and failed calls counted by status code and AIP-193
 * reason. Recorded from gRPC's callback threads concurrently.
 */
final class CallStats {
  static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(5);
  /** The reason Sitrep gives a full store; any other RESOURCE_EXHAUSTED is the server's policy (a limit). */
  static final String STORE_FULL = "STORE_FULL";

  final String method;
  private final Histogram latencyMicros = new ConcurrentHistogram(MAX_LATENCY_MICROS, 3);
  private final LongAdder ok = new LongAdder();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final LongAdder refusals = new LongAdder();

  CallStats(String method) {
    this.method = method;
  }

  void success(long nanos) {
    ok.increment();
    latencyMicros.recordValue(Math.min(MAX_LATENCY_MICROS, Math.max(1, nanos / 1_000)));
  }

  void failure(Throwable t) {
    Status status = Status.fromThrowable(t);
    String reason = reason(t);
    if (isRefusal(status.getCode(), reason)) {
      refusals.increment();
    }
    String key = status.getCode() + (reason.isEmpty() ? "" : "/" + reason);
    errors.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  /**
   * A refusal is the server declining work it could do (a rate limit or quota: RESOURCE_EXHAUSTED
   * other than a full store), as opposed to failing it. Both count as errors; the report tells
   * them apart.
   */
  static boolean isRefusal(Status.Code code, String reason) {
    return code == Status.Code.RESOURCE_EXHAUSTED && !STORE_FULL.equals(reason);
  }

  /** The ErrorInfo reason of a failed call, or empty. */
  static String reason(Throwable t) {
    com.google.rpc.Status status = StatusProto.fromThrowable(t);
    if (status == null) {
      return "";
    }
    for (Any detail : status.getDetailsList()) {
      if (detail.is(ErrorInfo.class)) {
        try {
          return detail.unpack(ErrorInfo.class).getReason();
        } catch (InvalidProtocolBufferException e) {
          return "UNPARSEABLE_ERROR_INFO";
        }
      }
    }
    return "";
  }

  long calls() {
    return ok.sum() + errorCount();
  }

  long successes() {
    return ok.sum();
  }

  long errorCount() {
    return errors.values().stream().mapToLong(LongAdder::sum).sum();
  }

  long refusalCount() {
    return refusals.sum();
  }

  /** Errors by {@code CODE/REASON}, sorted. */
  Map<String, Long> errorsByStatus() {
    Map<String, Long> sorted = new TreeMap<>();
    errors.forEach((k, v) -> sorted.put(k, v.sum()));
    return sorted;
  }

  Histogram latency() {
    return latencyMicros;
  }
}
