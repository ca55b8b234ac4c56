package io.sitrep.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationExceptionTest {

  @Test
  void theMessageListsEveryViolationInOrder() {
    ValidationException e = new ValidationException(List.of(new FieldViolation("a", "is required"),
        new FieldViolation("b", "is too long")));

    assertThat(e.getMessage()).isEqualTo("a: is required; b: is too long");
    assertThat(e.under("x").getMessage()).isEqualTo("x.a: is required; x.b: is too long");
  }

  /**
   * Found by fuzzing: a request with 20,000 bad list elements kept a server thread busy for
   * minutes while the message was concatenated pair by pair. Not a speed target: linear joining
   * takes milliseconds here and the quadratic one minutes, so the bound only catches the blow-up.
   */
  @Test
  void aHundredThousandViolationsAreDescribedInLinearTime() {
    List<FieldViolation> many = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      many.add(new FieldViolation("hypotheses[" + i + "].id", "duplicate id \"h\""));
    }

    ValidationException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> new ValidationException(many).under("hypothesis_matrix"));

    assertThat(e.violations()).hasSize(100_000);
    assertThat(e.getMessage()).startsWith("hypothesis_matrix.hypotheses[0].id: duplicate id \"h\"; ");
  }
}
