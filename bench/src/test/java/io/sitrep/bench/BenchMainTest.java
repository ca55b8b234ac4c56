package io.sitrep.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BenchMainTest {
  @Test
  void aBadOptionValueAToolRefusesIsAUsageErrorWithItsMessageNotAStackTrace() {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int exit;
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      exit = BenchMain.execute("import-bench", "--format", "gdelt", "--passes", "0");
    } finally {
      System.setErr(err);
    }

    String printed = captured.toString(StandardCharsets.UTF_8);
    assertThat(exit).isEqualTo(2);
    assertThat(printed).contains("--passes must be at least 1").doesNotContain("\tat ");
  }
}
