package io.sitrep.core.ach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InMemoryAchStoreTest extends AchStoreContract {
  @Override
  protected AchStore newStore() {
    return InMemoryAchStore.create();
  }

  @Test
  void timesComeFromTheStoresClock() {
    Instant boxingDay = Instant.parse("2020-12-26T09:00:00Z");
    AchStore stamped = InMemoryAchStore.withClock(Clock.fixed(boxingDay, ZoneOffset.UTC));

    StoredAchMatrix created = stamped.create(CUSTODY, AchTest.custody(), "");

    assertThat(created.createTime()).isEqualTo(boxingDay);
    assertThat(created.updateTime()).isEqualTo(boxingDay);
  }
}
