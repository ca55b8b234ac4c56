package io.sitrep.core.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.core.model.Claim;
import io.sitrep.core.model.Proposition;
import io.sitrep.core.model.Report;
import io.sitrep.core.model.Source;
import io.sitrep.core.model.SourceKind;
import io.sitrep.core.model.Stance;
import io.sitrep.core.model.TimeSpan;
import io.sitrep.core.store.InMemoryStore;
import io.sitrep.core.store.ListeningStore;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Disputes kept current as the Baghdad week's reports arrive. */
class LiveDisputesTest {
  private static final TimeSpan DEC_26 = TimeSpan.day(LocalDate.of(2020, 12, 26), ZoneId.of("Asia/Baghdad"));

  private static Source source(String id) {
    return Source.builder("sources/" + id, id, SourceKind.SOCIAL_MEDIA_ACCOUNT).build();
  }

  private static Report report(String id, String source) {
    return Report.of("reports/" + id, "sources/" + source, DEC_26, id, List.of());
  }

  private static Claim custody(String id, String report, String value) {
    return Claim.about("claims/" + id, "reports/" + report, Stance.ASSERTS,
        new Proposition("actors/hossam-al-azirjawi", "custody", value, DEC_26));
  }

  @Test
  void aBatchArrivingAfterTheIndexWasBuiltJoinsItWithItsReportsSource() {
    ListeningStore store = ListeningStore.wrap(new InMemoryStore());
    LiveDisputes live = LiveDisputes.of(store);
    store.createAll(List.of(source("mustafa-habib"), report("habib-26", "mustafa-habib"),
        custody("habib", "habib-26", "actors/hashd-security-directorate")), null);
    assertThat(live.index().disputes()).isEmpty();

    // The ministry's denial comes in one batch with the report that carries it.
    store.createAll(List.of(source("interior-ministry"), report("moi-26", "interior-ministry"),
        custody("moi", "moi-26", "actors/interior-ministry")), null);

    Dispute d = live.index().disputes().get(0);
    assertThat(d.sources()).containsExactlyInAnyOrder("sources/mustafa-habib", "sources/interior-ministry");
  }

  @Test
  void deletingAClaimTakesItOutOfItsDispute() {
    ListeningStore store = ListeningStore.wrap(new InMemoryStore());
    LiveDisputes live = LiveDisputes.of(store);
    store.createAll(List.of(source("a"), report("a-26", "a"), custody("a", "a-26", "actors/x"),
        source("b"), report("b-26", "b"), custody("b", "b-26", "actors/y")), null);
    assertThat(live.index().disputes()).hasSize(1);
    long before = live.version();

    store.delete(io.sitrep.core.store.ResourceType.CLAIMS, "claims/b", null);

    assertThat(live.index().disputes()).isEmpty();
    assertThat(live.version()).isGreaterThan(before);
  }
}
