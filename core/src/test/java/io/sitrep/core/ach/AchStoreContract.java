package io.sitrep.core.ach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitrep.core.model.FieldViolation;
import io.sitrep.core.model.ValidationException;
import io.sitrep.core.store.Page;
import io.sitrep.core.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link AchStore}: every implementation's test extends this class and says how to
 * make an empty store. The scenario is the seed's custody question, "who held Azirjawi on 26
 * December 2020?".
 */
public abstract class AchStoreContract {
  static final String CUSTODY = "hypothesisMatrices/azirjawi-custody";
  static final String PARADE = "hypothesisMatrices/aah-parade";

  protected AchStore store;

  /** A new, empty store. */
  protected abstract AchStore newStore();

  @BeforeEach
  void openAnEmptyStore() {
    store = newStore();
  }

  @AfterEach
  void closeTheStore() {
    store.close();
  }

  private static AchMatrix custody() {
    return AchTest.custody();
  }

  private static AchMatrix custodyWithoutRelease() {
    AchMatrix.Builder b = AchMatrix.builder(custody().question());
    custody().hypotheses().stream().filter(h -> !h.id().equals("released"))
        .forEach(h -> b.hypothesis(h.id(), h.statement()));
    custody().evidence().forEach(e -> b.evidence(e.claim(), e.description(), e.credibility(), e.relevance()));
    custody().cells().cellSet().stream().filter(c -> !c.getColumnKey().equals("released"))
        .forEach(c -> b.rate(c.getRowKey(), c.getColumnKey(), c.getValue()));
    return b.build();
  }

  private static AchMatrix parade() {
    return AchMatrix.builder("Did AAH parade in Baghdad on 25 December?")
        .hypothesis("paraded", "Armed AAH units paraded in the streets")
        .hypothesis("no-parade", "There was no parade")
        .evidence(AchTest.AAH_MOBILISED, "AAH units deployed in Baghdad", Evidence.HIGH, Evidence.HIGH)
        .row(AchTest.AAH_MOBILISED, Consistency.CONSISTENT, Consistency.INCONSISTENT)
        .build();
  }

  @Test
  void theCustodyMatrixReadsBackAsTheValueStored() {
    StoredAchMatrix created = store.create(CUSTODY, custody(), "");

    assertThat(created.name()).isEqualTo(CUSTODY);
    assertThat(created.matrix()).isEqualTo(custody());
    assertThat(created.etag()).isNotEmpty();
    assertThat(created.updateTime()).isEqualTo(created.createTime());
    assertThat(store.get(CUSTODY)).contains(created);
  }

  @Test
  void aMatrixNobodyStoredIsAbsent() {
    assertThat(store.get(CUSTODY)).isEmpty();
  }

  @Test
  void creatingTheSameNameTwiceIsRefusedAndKeepsTheFirst() {
    StoredAchMatrix first = store.create(CUSTODY, custody(), "");

    assertThatThrownBy(() -> store.create(CUSTODY, parade(), ""))
        .isInstanceOf(StoreException.AlreadyExists.class);
    assertThat(store.get(CUSTODY)).contains(first);
  }

  @Test
  void aRetriedCreateAnswersTheFirstAnswerAndStoresNothingMore() {
    StoredAchMatrix first = store.create(CUSTODY, custody(), "analyst-1-custody");

    StoredAchMatrix retried = store.create(CUSTODY, custody(), "analyst-1-custody");

    assertThat(retried).isEqualTo(first);
    assertThat(store.list(0, "").items()).containsExactly(first);
  }

  @Test
  void aRequestIdIsRememberedEvenForAnotherNameSoARetryNeverCreatesTwice() {
    StoredAchMatrix first = store.create(CUSTODY, custody(), "analyst-1-custody");

    StoredAchMatrix retried = store.create(PARADE, parade(), "analyst-1-custody");

    assertThat(retried).isEqualTo(first);
    assertThat(store.get(PARADE)).isEmpty();
  }

  @Test
  void droppingTheReleaseHypothesisWithTheCurrentEtagReplacesTheMatrix() {
    StoredAchMatrix created = store.create(CUSTODY, custody(), "");

    StoredAchMatrix updated = store.update(CUSTODY, custodyWithoutRelease(), created.etag());

    assertThat(updated.matrix().hypotheses()).hasSize(2);
    assertThat(updated.etag()).isNotEqualTo(created.etag());
    assertThat(updated.revision()).isGreaterThan(created.revision());
    assertThat(updated.createTime()).isEqualTo(created.createTime());
    assertThat(updated.updateTime()).isAfterOrEqualTo(created.updateTime());
    assertThat(store.get(CUSTODY)).contains(updated);
  }

  @Test
  void anUpdateWithAStaleEtagIsRefusedAndChangesNothing() {
    StoredAchMatrix created = store.create(CUSTODY, custody(), "");
    StoredAchMatrix updated = store.update(CUSTODY, custodyWithoutRelease(), "");

    assertThatThrownBy(() -> store.update(CUSTODY, parade(), created.etag()))
        .isInstanceOf(StoreException.EtagMismatch.class);
    assertThat(store.get(CUSTODY)).contains(updated);
  }

  @Test
  void updatingOrDeletingAMatrixNobodyStoredIsNotFound() {
    assertThatThrownBy(() -> store.update(CUSTODY, custody(), "")).isInstanceOf(StoreException.NotFound.class);
    assertThatThrownBy(() -> store.delete(CUSTODY, "")).isInstanceOf(StoreException.NotFound.class);
    assertThat(store.list(0, "").items()).isEmpty();
  }

  @Test
  void aDeleteWithAStaleEtagIsRefusedAndOneWithTheCurrentEtagRemovesIt() {
    StoredAchMatrix created = store.create(CUSTODY, custody(), "");
    StoredAchMatrix updated = store.update(CUSTODY, custodyWithoutRelease(), "");

    assertThatThrownBy(() -> store.delete(CUSTODY, created.etag())).isInstanceOf(StoreException.EtagMismatch.class);
    assertThat(store.get(CUSTODY)).contains(updated);

    store.delete(CUSTODY, updated.etag());
    assertThat(store.get(CUSTODY)).isEmpty();
  }

  @Test
  void aDeletedNameMayBeCreatedAgainWithAFreshEtag() {
    StoredAchMatrix first = store.create(CUSTODY, custody(), "");
    store.delete(CUSTODY, "");

    StoredAchMatrix again = store.create(CUSTODY, custody(), "");

    assertThat(again.etag()).isNotEqualTo(first.etag());
  }

  @Test
  void listingPagesThroughEveryMatrixInNameOrderWithoutRepeats() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      String name = "hypothesisMatrices/question-" + i;
      store.create(name, custody(), "");
      names.add(name);
    }
    List<String> seen = new ArrayList<>();
    String token = "";
    int pages = 0;
    do {
      Page<StoredAchMatrix> page = store.list(3, token);
      page.items().forEach(m -> seen.add(m.name()));
      token = page.nextPageToken();
      pages++;
    } while (!token.isEmpty());

    assertThat(seen).containsExactlyElementsOf(names);
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void aNegativePageSizeAndAForgedTokenAreRefusedNamingTheField() {
    assertThatThrownBy(() -> store.list(-1, "")).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("page_size"));
    assertThatThrownBy(() -> store.list(10, "not-a-token!")).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("page_token"));
  }

  @Test
  void aMalformedNameIsRefusedNamingNameAndStoresNothing() {
    assertThatThrownBy(() -> store.create("claims/not-a-matrix", custody(), "r1"))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("name"));
    assertThatThrownBy(() -> store.create("hypothesisMatrices/Upper Case", custody(), "r1"))
        .isInstanceOf(ValidationException.class);
    assertThat(store.list(0, "").items()).isEmpty();
    // The refused request's id was not spent: a good retry with it stores the matrix.
    assertThat(store.create(CUSTODY, custody(), "r1").name()).isEqualTo(CUSTODY);
  }

  @Test
  void concurrentEtagCheckedUpdatesLetExactlyOneWin() throws Exception {
    StoredAchMatrix created = store.create(CUSTODY, custody(), "");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> attempts = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        attempts.add(pool.submit(() -> {
          try {
            store.update(CUSTODY, custodyWithoutRelease(), created.etag());
            return true;
          } catch (StoreException.EtagMismatch e) {
            return false;
          }
        }));
      }
      int wins = 0;
      for (Future<Boolean> f : attempts) {
        wins += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(wins).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
