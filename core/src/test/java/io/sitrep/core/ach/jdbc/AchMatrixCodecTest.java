package io.sitrep.core.ach.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitrep.core.ach.AchMatrix;
import io.sitrep.core.ach.Consistency;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The stored form of a matrix gives back every field, and refuses what it cannot read. */
class AchMatrixCodecTest {
  /** Every field set, none at a default: non-ASCII text, odd weights, every rating. */
  static AchMatrix custody() {
    return AchMatrix.builder("Who held Azirjawi (الأزيرجاوي) on 26 December 2020?")
        .hypothesis("hashd", "Handed to the Hashd's security directorate")
        .hypothesis("interior", "Held by the Interior Ministry")
        .hypothesis("released", "")
        .evidence("claims/mol-denial", "The Interior Ministry denies holding him", 0.7, 0.4)
        .evidence("claims/aah-statement", "AAH says he was handed over — «تم التسليم»", 1.0, 0.123456789)
        .evidence("claims/no-description", "", 0.4, 1.0)
        .rate("claims/mol-denial", "hashd", Consistency.CONSISTENT)
        .rate("claims/mol-denial", "interior", Consistency.STRONGLY_INCONSISTENT)
        .rate("claims/aah-statement", "interior", Consistency.INCONSISTENT)
        .rate("claims/aah-statement", "released", Consistency.NEUTRAL)
        .build();
  }

  @Test
  void theCustodyMatrixRoundTripsEveryField() {
    AchMatrix m = custody();
    AchMatrix back = AchMatrixCodec.decode(AchMatrixCodec.encode(m));

    assertThat(back).isEqualTo(m);
    assertThat(back.question()).isEqualTo(m.question());
    assertThat(back.hypotheses()).containsExactlyElementsOf(m.hypotheses());
    assertThat(back.evidence()).containsExactlyElementsOf(m.evidence());
    assertThat(back.cells()).isEqualTo(m.cells());
    assertThat(back.rating("claims/aah-statement", "released")).isEqualTo(Consistency.NEUTRAL);
    assertThat(back.cells().contains("claims/aah-statement", "released")).isTrue();
  }

  @Test
  void thePayloadStartsWithItsVersion() {
    assertThat(AchMatrixCodec.encode(custody())[0]).isEqualTo((byte) AchMatrixCodec.VERSION);
  }

  @Test
  void anUnknownVersionOrATruncatedPayloadIsRefused() {
    byte[] payload = AchMatrixCodec.encode(custody());
    byte[] future = payload.clone();
    future[0] = 2;
    assertThatThrownBy(() -> AchMatrixCodec.decode(future)).hasMessageContaining("version 2");
    assertThatThrownBy(() -> AchMatrixCodec.decode(Arrays.copyOf(payload, payload.length - 3)))
        .isInstanceOf(IllegalStateException.class);
  }
}
