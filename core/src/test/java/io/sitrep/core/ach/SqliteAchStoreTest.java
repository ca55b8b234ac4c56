package io.sitrep.core.ach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitrep.core.ach.jdbc.JdbcAchStore;
import io.sitrep.core.ach.jdbc.JdbcAchStores;
import io.sitrep.core.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite keeps the hypothesis-store contract, in its own file beside the main store's. */
class SqliteAchStoreTest extends AchStoreContract {
  @TempDir Path dataDir;

  @Override
  protected AchStore newStore() {
    return JdbcAchStores.openSqlite(dataDir);
  }

  @Test
  void theMatricesLiveInHypothesesDbAndOutliveTheProcessThatWroteThem() {
    StoredAchMatrix created = store.create(CUSTODY, AchTest.custody(), "analyst-1-custody");
    store.close();

    assertThat(Files.exists(dataDir.resolve(JdbcAchStores.SQLITE_FILE))).isTrue();
    assertThat(Files.exists(dataDir.resolve("sitrep.db"))).isFalse();
    store = JdbcAchStores.open("sqlite:" + dataDir);
    assertThat(store.get(CUSTODY)).contains(created);
    assertThat(store.create(CUSTODY, AchTest.custody(), "analyst-1-custody")).isEqualTo(created);
  }

  @Test
  void everyChangeKeepsThePriorVersionWithWhenTheStoreLearnedOfIt() {
    Instant boxingDay = Instant.parse("2020-12-26T09:00:00Z");
    store.close();
    JdbcAchStore stamped = JdbcAchStores.openSqlite(dataDir, Clock.fixed(boxingDay, ZoneOffset.UTC));
    store = stamped;
    StoredAchMatrix created = stamped.create(CUSTODY, AchTest.custody(), "");
    AchMatrix retitled = AchTest.custody().toBuilder().build();
    StoredAchMatrix updated = stamped.update(CUSTODY, retitled, created.etag());
    // A refused update leaves no version behind.
    assertThatThrownBy(() -> stamped.update(CUSTODY, AchTest.custody(), created.etag()))
        .isInstanceOf(StoreException.EtagMismatch.class);
    stamped.delete(CUSTODY, updated.etag());

    assertThat(stamped.history(CUSTODY)).extracting(JdbcAchStore.Version::change).containsExactly(
        JdbcAchStore.Change.CREATED, JdbcAchStore.Change.UPDATED, JdbcAchStore.Change.DELETED);
    assertThat(stamped.history(CUSTODY).get(0).matrix()).contains(AchTest.custody());
    assertThat(stamped.history(CUSTODY).get(0).etag()).isEqualTo(created.etag());
    assertThat(stamped.history(CUSTODY).get(1).revision()).isEqualTo(updated.revision());
    assertThat(stamped.history(CUSTODY).get(2).matrix()).isEmpty();
    assertThat(stamped.history(CUSTODY)).extracting(JdbcAchStore.Version::knownFrom).containsOnly(boxingDay);
    assertThat(stamped.history(PARADE)).isEmpty();
  }
}
