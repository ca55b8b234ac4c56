package io.sitrep.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.bench.BenchMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The load tool works end to end: a short run with a few clients against the real server on
 * SQLite completes every kind of call without an error and reports each method. No timing is
 * asserted: speed is the tool's own output, read by a person on a quiet machine.
 */
class LoadBenchTest {

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aShortRunCallsEveryMethodWithoutErrorAndReportsThem() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    int exit;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      exit = BenchMain.execute("load", "--clients", "6", "--seconds", "2", "--warmup-seconds", "1",
          "--get-outstanding", "2", "--get-seconds", "1");
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    System.out.print(out);
    assertThat(exit).as(out).isZero();
    assertThat(out).containsPattern("(?m)^all +[1-9][\\d,]* +0 ");
    assertThat(out).contains("mixed run: 6 clients", "point-Get run: 2 outstanding", "no call failed");
    // Every method has its row and no errors (a short run on a busy machine may not reach each one).
    for (String method : new String[] {"GetClaim", "GetEvent", "ListClaims", "Ingest", "CreateClaim", "GetTimeline",
        "ListDisputes", "AssessClaims", "ResolveActor"}) {
      assertThat(out).as(out).containsPattern("(?m)^" + method + " +[\\d,]+ +0 ");
    }
    assertThat(out).containsPattern("point Get: [\\d,]+ calls/s, p99 [\\d.]+ ms at 2 outstanding");
  }

  @Test
  void aFailedCallIsAnErrorAndARateLimitIsAlsoToldApartAsARefusal() {
    CallStats stats = new CallStats("GetClaim");
    stats.failure(io.grpc.Status.RESOURCE_EXHAUSTED.asRuntimeException());
    stats.failure(io.grpc.Status.UNAVAILABLE.asRuntimeException());
    stats.success(1_000_000);
    assertThat(stats.calls()).isEqualTo(3);
    assertThat(stats.errorCount()).isEqualTo(2);
    assertThat(stats.refusalCount()).isEqualTo(1);
    assertThat(stats.errorsByStatus()).containsEntry("RESOURCE_EXHAUSTED", 1L).containsEntry("UNAVAILABLE", 1L);
    assertThat(CallStats.isRefusal(io.grpc.Status.Code.RESOURCE_EXHAUSTED, CallStats.STORE_FULL)).isFalse();
  }
}
