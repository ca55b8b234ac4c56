package io.sitrep.core.store;

import static io.sitrep.core.store.Baghdad2020.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import io.sitrep.core.model.Actor;
import io.sitrep.core.model.ActorKind;
import io.sitrep.core.model.ActorRelation;
import io.sitrep.core.model.Claim;
import io.sitrep.core.model.Event;
import io.sitrep.core.model.EventType;
import io.sitrep.core.model.ParticipantRole;
import io.sitrep.core.model.Quotation;
import io.sitrep.core.model.RelationKind;
import io.sitrep.core.model.Reliability;
import io.sitrep.core.model.Report;
import io.sitrep.core.model.Resource;
import io.sitrep.core.model.Source;
import io.sitrep.core.model.SourceKind;
import io.sitrep.core.model.Stance;
import io.sitrep.core.model.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The store contract every {@link SitrepStore} keeps, told as the Baghdad 2020 episode. A
 * subclass says how to open a fresh, empty store on a given clock; every test here runs against
 * it.
 */
public abstract class SitrepStoreContract {
  protected static final Instant MORNING_OF_27_DEC = Instant.parse("2020-12-27T05:00:00Z");

  protected MutableClock clock;
  protected SitrepStore store;

  /** A new, empty store that takes its times from {@code clock}. */
  protected abstract SitrepStore openStore(Clock clock) throws Exception;

  @BeforeEach
  void openFreshStore() throws Exception {
    clock = new MutableClock(MORNING_OF_27_DEC);
    store = openStore(clock);
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  protected void seedEpisode() {
    store.createAll(all(), null);
  }

  /** Every name the episode uses plus the ones the tests try to add. */
  protected Set<String> watchedNames() {
    Set<String> names = new TreeSet<>();
    all().forEach(r -> names.add(r.name()));
    names.addAll(List.of("sources/al-sumaria", "reports/sumaria-2020-12-27-release", "claims/sumaria-released",
        "claims/khazali-speech", "actors/kataib-hezbollah", "events/azirjawi-release-2020-12-27"));
    return names;
  }

  /** Runs {@code refused}, which must throw {@code expected}, and checks nothing changed. */
  protected <E extends Throwable> E assertRefusedAndUnchanged(Class<E> expected, ThrowingCallable refused) {
    StoreSnapshot before = StoreSnapshot.of(store, watchedNames());
    Throwable[] thrown = new Throwable[1];
    assertThatThrownBy(() -> {
      try {
        refused.call();
      } catch (Throwable t) {
        thrown[0] = t;
        throw t;
      }
    }).isInstanceOf(expected);
    assertThat(StoreSnapshot.of(store, watchedNames())).isEqualTo(before);
    return expected.cast(thrown[0]);
  }

  private static Source sumaria() {
    return Source.builder("sources/al-sumaria", "Al Sumaria", SourceKind.NEWS_OUTLET).countryCode("IQ").build();
  }

  private static Report sumariaReleaseReport() {
    return new Report("reports/sumaria-2020-12-27-release", "sources/al-sumaria", day(27),
        "Azirjawi released", "", "ar", "", ImmutableList.of(Quotation.ofReport(MALIK_THREAD)));
  }

  // --- create, get, list, update, delete ---

  @Test
  void shafaaqNewsIsStoredWithItsBookkeeping() {
    Source shafaaq = sources().get(0);
    Stored<Source> stored = store.create(shafaaq, null);

    assertThat(stored.value()).isEqualTo(shafaaq);
    assertThat(stored.etag()).isNotEmpty();
    assertThat(stored.createTime()).isEqualTo(MORNING_OF_27_DEC);
    assertThat(stored.updateTime()).isEqualTo(MORNING_OF_27_DEC);
    assertThat(store.get(ResourceType.SOURCES, SHAFAAQ)).contains(stored);
    assertThat(store.count(ResourceType.SOURCES)).isEqualTo(1);
  }

  @Test
  void everyFieldOfTheEpisodeComesBackAsWritten() {
    seedEpisode();
    for (Resource r : all()) {
      assertThat(get(r)).as(r.name()).isEqualTo(r);
    }
    assertThat(store.count(ResourceType.ACTORS)).isEqualTo(actors().size());
    assertThat(store.count(ResourceType.SOURCES)).isEqualTo(sources().size());
    assertThat(store.count(ResourceType.REPORTS)).isEqualTo(reports().size());
    assertThat(store.count(ResourceType.EVENTS)).isEqualTo(events().size());
    assertThat(store.count(ResourceType.CLAIMS)).isEqualTo(claims().size());
  }

  private Resource get(Resource r) {
    return store.get(ResourceType.of(r), r.name()).orElseThrow().value();
  }

  @Test
  void aMissingNameIsAbsentNotAnError() {
    seedEpisode();
    assertThat(store.get(ResourceType.CLAIMS, "claims/never-made")).isEmpty();
    assertThat(store.get(ResourceType.REPORTS, SHAFAAQ)).as("a source name asked of reports").isEmpty();
  }

  @Test
  void claimsAreListedInNameOrder() {
    seedEpisode();
    List<String> names = store.list(ResourceType.CLAIMS, PageRequest.first(0)).items().stream()
        .map(Stored::name).toList();
    assertThat(names).isEqualTo(claims().stream().map(Claim::name).sorted().toList());
  }

  @Test
  void regradingHamdiMalikKeepsCreateTimeAndChangesEtag() {
    seedEpisode();
    Stored<Source> before = store.get(ResourceType.SOURCES, HAMDI_MALIK).orElseThrow();
    Instant later = clock.advance(Duration.ofHours(3));
    Source regraded = Source.builder(HAMDI_MALIK, "Hamdi Malik", SourceKind.ANALYST).countryCode("GB")
        .handle("@HamdiMalik").reliability(Reliability.A).build();

    Stored<Source> after = store.update(regraded, before.etag());

    assertThat(after.value()).isEqualTo(regraded);
    assertThat(after.etag()).isNotEqualTo(before.etag());
    assertThat(after.revision()).isGreaterThan(before.revision());
    assertThat(after.createTime()).isEqualTo(before.createTime());
    assertThat(after.updateTime()).isEqualTo(later);
    assertThat(store.get(ResourceType.SOURCES, HAMDI_MALIK)).contains(after);
  }

  @Test
  void updatingAClaimNobodyMadeIsNotFound() {
    seedEpisode();
    Claim ghost = custodyClaim("sumaria-released", MOI_DENIAL, Stance.DENIES);
    StoreException.NotFound e = assertRefusedAndUnchanged(StoreException.NotFound.class,
        () -> store.update(ghost, null));
    assertThat(e.name()).isEqualTo("claims/sumaria-released");
  }

  @Test
  void retractedClaimIsGoneFromGetListAndCount() {
    seedEpisode();
    store.delete(ResourceType.CLAIMS, SABEREEN_SHOW_OF_FORCE, null);

    assertThat(store.get(ResourceType.CLAIMS, SABEREEN_SHOW_OF_FORCE)).isEmpty();
    assertThat(store.count(ResourceType.CLAIMS)).isEqualTo(claims().size() - 1);
    assertThat(StoreSnapshot.listAll(store, ResourceType.CLAIMS)).extracting(Stored::name)
        .doesNotContain(SABEREEN_SHOW_OF_FORCE);
    try (Stream<Claim> all = store.scan(ResourceType.CLAIMS, Filter.ALL)) {
      assertThat(all.map(Claim::name)).doesNotContain(SABEREEN_SHOW_OF_FORCE);
    }
    assertRefusedAndUnchanged(StoreException.NotFound.class,
        () -> store.delete(ResourceType.CLAIMS, SABEREEN_SHOW_OF_FORCE, null));
    assertRefusedAndUnchanged(StoreException.NotFound.class,
        () -> store.update(claims().get(3), null));
  }

  // --- names unique, references resolve, in use ---

  @Test
  void shafaaqNewsCannotBeAddedTwice() {
    seedEpisode();
    Source again = Source.builder(SHAFAAQ, "Shafaq News (English)", SourceKind.NEWS_OUTLET).build();
    StoreException.AlreadyExists e = assertRefusedAndUnchanged(StoreException.AlreadyExists.class,
        () -> store.create(again, "retry-shafaaq"));
    assertThat(e.name()).isEqualTo(SHAFAAQ);
  }

  @Test
  void aReportFromAnUnknownOutletNamesTheSourceField() {
    seedEpisode();
    StoreException.ReferenceNotFound e = assertRefusedAndUnchanged(StoreException.ReferenceNotFound.class,
        () -> store.create(sumariaReleaseReport(), null));
    assertThat(e.field()).isEqualTo("source");
    assertThat(e.name()).isEqualTo("sources/al-sumaria");
  }

  @Test
  void aQuotationOfAMissingReportNamesTheQuotationField() {
    seedEpisode();
    store.create(sumaria(), null);
    Report quotingNothing = new Report("reports/sumaria-2020-12-27-release", "sources/al-sumaria", day(27),
        "Azirjawi released", "", "ar", "",
        ImmutableList.of(Quotation.ofReport(MALIK_THREAD), Quotation.ofReport("reports/deleted-tweet")));
    StoreException.ReferenceNotFound e = assertRefusedAndUnchanged(StoreException.ReferenceNotFound.class,
        () -> store.create(quotingNothing, null));
    assertThat(e.field()).isEqualTo("quotations[1].report");
    assertThat(e.name()).isEqualTo("reports/deleted-tweet");
  }

  @Test
  void anActorRelationToAnUnknownGroupNamesTheRelationField() {
    seedEpisode();
    Actor kh = actor("actors/kataib-hezbollah", "Kata'ib Hezbollah", ActorKind.ARMED_GROUP, "IQ",
        List.of(ActorRelation.of(RelationKind.PART_OF, HASHD),
            ActorRelation.of(RelationKind.ALLIED_WITH, "actors/nujaba")));
    StoreException.ReferenceNotFound e = assertRefusedAndUnchanged(StoreException.ReferenceNotFound.class,
        () -> store.create(kh, null));
    assertThat(e.field()).isEqualTo("relations[1].object");
  }

  @Test
  void aReleaseEventWithAnUnknownParticipantNamesTheParticipantField() {
    seedEpisode();
    Event release = Event.builder("events/azirjawi-release-2020-12-27", EventType.CONCEDE, "Azirjawi released",
        day(27)).participant(HASHD_SECURITY, ParticipantRole.PERPETRATOR)
        .participant("actors/hussein-al-azirjawi", ParticipantRole.TARGET).build();
    StoreException.ReferenceNotFound e = assertRefusedAndUnchanged(StoreException.ReferenceNotFound.class,
        () -> store.create(release, null));
    assertThat(e.field()).isEqualTo("participants[1].actor");
  }

  @Test
  void aClaimCannotBeMovedToAReportThatDoesNotExist() {
    seedEpisode();
    Stored<Claim> stored = store.get(ResourceType.CLAIMS, MALIK_HANDED_TO_HASHD).orElseThrow();
    Claim moved = Claim.about(MALIK_HANDED_TO_HASHD, "reports/malik-2020-12-27-followup", Stance.ASSERTS,
        custodyIsHashd());
    StoreException.ReferenceNotFound e = assertRefusedAndUnchanged(StoreException.ReferenceNotFound.class,
        () -> store.update(moved, stored.etag()));
    assertThat(e.field()).isEqualTo("report");
  }

  @Test
  void shafaaqNewsCannotBeDeletedWhileItsReportStands() {
    seedEpisode();
    StoreException.InUse e = assertRefusedAndUnchanged(StoreException.InUse.class,
        () -> store.delete(ResourceType.SOURCES, SHAFAAQ, null));
    assertThat(e.name()).isEqualTo(SHAFAAQ);
    assertThat(e.referrer()).isEqualTo(SHAFAAQ_ARREST);

    // The arrest report is quoted by Malik, claimed by Shafaaq itself and cited by the arrest event.
    assertRefusedAndUnchanged(StoreException.InUse.class,
        () -> store.delete(ResourceType.REPORTS, SHAFAAQ_ARREST, null));
  }

  @Test
  void azirjawiCanGoOnceNothingRefersToHim() {
    seedEpisode();
    assertRefusedAndUnchanged(StoreException.InUse.class, () -> store.delete(ResourceType.ACTORS, AZIRJAWI, null));
    store.delete(ResourceType.CLAIMS, MALIK_HANDED_TO_HASHD, null);
    store.delete(ResourceType.CLAIMS, MOI_DENIES_HANDOVER, null);
    // Propositions name actors as free text, not as references: only the arrest event holds him now.
    assertRefusedAndUnchanged(StoreException.InUse.class, () -> store.delete(ResourceType.ACTORS, AZIRJAWI, null));
    Event arrest = events().get(1);
    Event withoutHim = Event.builder(ARREST, arrest.type(), arrest.summary(), arrest.time()).mode("arrest")
        .participant(CTS, ParticipantRole.PERPETRATOR).report(SHAFAAQ_ARREST).build();
    store.update(withoutHim, null);

    store.delete(ResourceType.ACTORS, AZIRJAWI, null);

    assertThat(store.get(ResourceType.ACTORS, AZIRJAWI)).isEmpty();
  }

  @Test
  void anActorCannotGoWhileASourceIsAffiliatedWithIt() {
    seedEpisode();
    Actor party = actor("actors/kataib-hezbollah", "Kataib Hezbollah", ActorKind.ARMED_GROUP, "IQ", List.of());
    Source outlet = Source.builder("sources/al-sumaria", "Al Sumaria", SourceKind.NEWS_OUTLET)
        .affiliations(List.of(new io.sitrep.core.model.SourceAffiliation(party.name(), "its outlet"))).build();
    store.createAll(List.of(party, outlet), null);

    StoreException.InUse e = assertRefusedAndUnchanged(StoreException.InUse.class,
        () -> store.delete(ResourceType.ACTORS, party.name(), null));
    assertThat(e.referrer()).isEqualTo(outlet.name());

    store.delete(ResourceType.SOURCES, outlet.name(), null);
    store.delete(ResourceType.ACTORS, party.name(), null);
    assertThat(store.get(ResourceType.ACTORS, party.name())).isEmpty();
  }

  // --- paging ---

  @Test
  void pagesOfTwoWalkEveryActorExactlyOnce() {
    seedEpisode();
    List<String> seen = new ArrayList<>();
    String token = "";
    int pages = 0;
    do {
      Page<Stored<Actor>> page = store.list(ResourceType.ACTORS, new PageRequest(2, token, Filter.ALL));
      assertThat(page.items().size()).isLessThanOrEqualTo(2);
      page.items().forEach(s -> seen.add(s.name()));
      token = page.nextPageToken();
      pages++;
    } while (!token.isEmpty());

    assertThat(seen).isEqualTo(actors().stream().map(Actor::name).sorted().toList());
    assertThat(pages).isEqualTo((actors().size() + 1) / 2);
  }

  @Test
  void claimsAddedWhilePagingAreNeitherRepeatedNorAllowedToShiftThePages() {
    seedEpisode();
    List<String> before = claims().stream().map(Claim::name).sorted().toList();
    List<String> seen = new ArrayList<>();
    Page<Stored<Claim>> page = store.list(ResourceType.CLAIMS, PageRequest.first(2));
    page.items().forEach(s -> seen.add(s.name()));
    // Behind the cursor and ahead of it.
    store.create(custodyClaim("a-early-voice", MOI_DENIAL, Stance.DENIES), null);
    store.create(custodyClaim("zz-late-voice", MALIK_THREAD, Stance.ASSERTS), null);
    String token = page.nextPageToken();
    while (!token.isEmpty()) {
      page = store.list(ResourceType.CLAIMS, new PageRequest(2, token, Filter.ALL));
      page.items().forEach(s -> seen.add(s.name()));
      token = page.nextPageToken();
      store.create(custodyClaim("zz-later-voice-" + seen.size(), MALIK_THREAD, Stance.ASSERTS), null);
    }

    assertThat(seen).doesNotHaveDuplicates().containsAll(before).doesNotContain("claims/a-early-voice")
        .contains("claims/zz-late-voice");
    assertThat(seen).isSorted();
  }

  @Test
  void aReaderPagingWhileAnotherThreadWritesSeesEveryEarlierClaimOnce() throws Exception {
    seedEpisode();
    List<Resource> initial = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      initial.add(custodyClaim(String.format("voice-%03d", i * 2), MALIK_THREAD, Stance.ASSERTS));
    }
    store.createAll(initial, null);
    Set<String> existing = new TreeSet<>();
    StoreSnapshot.listAll(store, ResourceType.CLAIMS).forEach(s -> existing.add(s.name()));

    AtomicBoolean done = new AtomicBoolean();
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> written = writer.submit(() -> {
        int n = 0;
        while (!done.get() && n < 59) {
          store.create(custodyClaim(String.format("voice-%03d", n * 2 + 1), MOI_DENIAL, Stance.DENIES), null);
          n++;
        }
        return n;
      });
      List<String> seen = new ArrayList<>();
      String token = "";
      do {
        Page<Stored<Claim>> page = store.list(ResourceType.CLAIMS, new PageRequest(2, token, Filter.ALL));
        page.items().forEach(s -> seen.add(s.name()));
        token = page.nextPageToken();
      } while (!token.isEmpty());
      done.set(true);
      written.get();

      assertThat(seen).doesNotHaveDuplicates().isSorted().containsAll(existing);
    } finally {
      writer.shutdownNow();
    }
  }

  @Test
  void aPageTokenCannotBeReplayedUnderAnotherFilter() {
    seedEpisode();
    Filter asserting = Filter.of("stance", "ASSERTS");
    Page<Stored<Claim>> first = store.list(ResourceType.CLAIMS, PageRequest.first(1, asserting));
    assertThat(first.nextPageToken()).isNotEmpty();

    assertThatThrownBy(() -> store.list(ResourceType.CLAIMS,
        new PageRequest(1, first.nextPageToken(), Filter.of("stance", "DENIES"))))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.violations().get(0).field()).isEqualTo("page_token"));
    assertThatThrownBy(() -> store.list(ResourceType.CLAIMS, new PageRequest(1, "not-a-token!", asserting)))
        .isInstanceOf(ValidationException.class);
    // The same filter goes on.
    assertThat(store.list(ResourceType.CLAIMS, new PageRequest(1, first.nextPageToken(), asserting)).items())
        .hasSize(1);
  }

  // --- filters ---

  @Test
  void sourcesFilterByKindCountryReliabilityNameAndAffiliation() {
    seedEpisode();
    assertThat(names(ResourceType.SOURCES, Filter.parse("kind = SOURCE_KIND_NEWS_OUTLET", ResourceType.SOURCES)))
        .containsExactly(SHAFAAQ);
    assertThat(names(ResourceType.SOURCES, Filter.parse("kind = ANALYST", ResourceType.SOURCES)))
        .containsExactly(HAMDI_MALIK);
    assertThat(names(ResourceType.SOURCES, Filter.of("country_code", "IQ")))
        .containsExactly(MOI_STATEMENTS, SABEREEN, SHAFAAQ);
    assertThat(names(ResourceType.SOURCES, Filter.parse("reliability = RELIABILITY_B", ResourceType.SOURCES)))
        .containsExactly(HAMDI_MALIK);
    assertThat(names(ResourceType.SOURCES, Filter.of("display_name", "Shafaaq News"))).containsExactly(SHAFAAQ);
    assertThat(names(ResourceType.SOURCES, Filter.of("affiliation", HASHD))).containsExactly(SABEREEN);
    assertThat(names(ResourceType.SOURCES, Filter.of("country_code", "IQ").and("reliability", "D")))
        .containsExactly(SABEREEN);
  }

  @Test
  void anEmptyFilterValueMatchesWhatHasNoneAsTheModelSays() {
    seedEpisode();
    // Each store must agree with Filter.matches, however it keeps the fields without a value.
    for (ResourceType<?> type : List.of(ResourceType.CLAIMS, ResourceType.REPORTS, ResourceType.EVENTS)) {
      for (String field : type.filterFieldNames()) {
        Filter empty = Filter.of(field, "");
        List<String> expected = all().stream().filter(r -> ResourceType.of(r) == type)
            .filter(r -> matches(empty, type, r)).map(Resource::name).sorted().toList();
        assertThat(names(type, empty)).as("%s %s = \"\"", type, field).isEqualTo(expected);
      }
    }
    assertThat(names(ResourceType.CLAIMS, Filter.of("event", ""))).as("claims about no event").isNotEmpty();
  }

  @SuppressWarnings("unchecked")
  private static <T extends Resource> boolean matches(Filter filter, ResourceType<T> type, Resource r) {
    return filter.matches(type, (T) r);
  }

  @Test
  void reportsFilterBySourceAndLanguage() {
    seedEpisode();
    assertThat(names(ResourceType.REPORTS, Filter.of("source", HAMDI_MALIK))).containsExactly(MALIK_THREAD);
    assertThat(names(ResourceType.REPORTS, Filter.of("language", "ar")))
        .containsExactly(MOI_DENIAL, SABEREEN_POST, SHAFAAQ_ARREST);
    assertThat(names(ResourceType.REPORTS, Filter.of("language", "ar").and("source", SHAFAAQ)))
        .containsExactly(SHAFAAQ_ARREST);
  }

  @Test
  void actorsFilterByKindAndCountry() {
    seedEpisode();
    assertThat(names(ResourceType.ACTORS, Filter.parse("kind = ACTOR_KIND_PERSON", ResourceType.ACTORS)))
        .containsExactly(AZIRJAWI, KHAZALI);
    assertThat(names(ResourceType.ACTORS, Filter.of("country_code", "IQ"))).hasSize(actors().size());
    assertThat(names(ResourceType.ACTORS, Filter.of("kind", "OTHER"))).as("a source kind is not an actor kind")
        .isEmpty();
  }

  @Test
  void eventsFilterByTypeModeAndParticipant() {
    seedEpisode();
    assertThat(names(ResourceType.EVENTS, Filter.parse("type = EVENT_TYPE_COERCE", ResourceType.EVENTS)))
        .containsExactly(ARREST);
    assertThat(names(ResourceType.EVENTS, Filter.parse("mode = \"show of force\"", ResourceType.EVENTS)))
        .containsExactly(SHOW_OF_FORCE);
    assertThat(names(ResourceType.EVENTS, Filter.of("participant", AAH)))
        .containsExactly(SHOW_OF_FORCE, EMBASSY_ROCKETS);
    assertThat(names(ResourceType.EVENTS, Filter.of("participant", AAH).and("type", "ASSAULT")))
        .containsExactly(EMBASSY_ROCKETS);
  }

  @Test
  void claimsFilterByReportEventStanceSubjectAndAttribute() {
    seedEpisode();
    assertThat(names(ResourceType.CLAIMS, Filter.of("report", MOI_DENIAL))).containsExactly(MOI_DENIES_HANDOVER);
    assertThat(names(ResourceType.CLAIMS, Filter.of("event", ARREST))).containsExactly(SHAFAAQ_ARREST_HAPPENED);
    assertThat(names(ResourceType.CLAIMS, Filter.parse("event = \"\"", ResourceType.CLAIMS)))
        .as("claims about no event").containsExactly(MALIK_HANDED_TO_HASHD, MOI_DENIES_HANDOVER);
    assertThat(names(ResourceType.CLAIMS, Filter.parse("stance = STANCE_DENIES", ResourceType.CLAIMS)))
        .containsExactly(MOI_DENIES_HANDOVER);
    assertThat(names(ResourceType.CLAIMS, Filter.of("subject", AZIRJAWI).and("attribute", "custody")))
        .containsExactly(MALIK_HANDED_TO_HASHD, MOI_DENIES_HANDOVER);
    assertThat(names(ResourceType.CLAIMS, Filter.of("attribute", "posture"))).containsExactly(SABEREEN_SHOW_OF_FORCE);
  }

  @Test
  void everyFilterableFieldOfEveryTypeAgreesWithFilterMatches() {
    seedEpisode();
    for (ResourceType<?> type : ResourceType.ALL) {
      checkEveryFilterField(type);
    }
  }

  private <T extends Resource> void checkEveryFilterField(ResourceType<T> type) {
    List<T> everything = new ArrayList<>();
    for (Resource r : all()) {
      if (type.javaType().isInstance(r)) {
        everything.add(type.cast(r));
      }
    }
    for (String field : type.filterFieldNames()) {
      Set<String> values = new LinkedHashSet<>();
      everything.forEach(r -> values.addAll(type.filterField(field).values(r)));
      values.add("no-such-value");
      for (String value : values) {
        Filter filter = Filter.of(field, value);
        List<String> expected = everything.stream().filter(r -> filter.matches(type, r)).map(Resource::name)
            .sorted().toList();
        assertThat(names(type, filter)).as("%s where %s", type, filter).isEqualTo(expected);
        assertThat(pagedNames(type, filter)).as("paged %s where %s", type, filter).isEqualTo(expected);
        try (Stream<T> scanned = store.scan(type, filter)) {
          assertThat(scanned.map(Resource::name).toList()).as("scan %s where %s", type, filter).isEqualTo(expected);
        }
      }
    }
  }

  private <T extends Resource> List<String> names(ResourceType<T> type, Filter filter) {
    return store.list(type, PageRequest.first(PageRequest.MAX_PAGE_SIZE, filter)).items().stream()
        .map(Stored::name).toList();
  }

  private <T extends Resource> List<String> pagedNames(ResourceType<T> type, Filter filter) {
    List<String> out = new ArrayList<>();
    String token = "";
    do {
      Page<Stored<T>> page = store.list(type, new PageRequest(1, token, filter));
      page.items().forEach(s -> out.add(s.name()));
      token = page.nextPageToken();
    } while (!token.isEmpty());
    return out;
  }

  @Test
  void scanStreamsEveryClaimInNameOrder() {
    seedEpisode();
    List<Resource> more = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      more.add(custodyClaim("echo-" + i, i % 2 == 0 ? MALIK_THREAD : MOI_DENIAL,
          i % 2 == 0 ? Stance.ASSERTS : Stance.DENIES));
    }
    store.createAll(more, null);
    try (Stream<Claim> denials = store.scan(ResourceType.CLAIMS, Filter.of("stance", "DENIES"))) {
      List<String> names = denials.map(Claim::name).toList();
      assertThat(names).hasSize(126).isSorted().doesNotHaveDuplicates();
    }
    try (Stream<Claim> all = store.scan(ResourceType.CLAIMS, Filter.ALL)) {
      assertThat(all.count()).isEqualTo(254);
    }
  }

  // --- idempotency ---

  @Test
  void aRetriedCreateOfSumariaIsAnsweredWithTheFirstResult() {
    seedEpisode();
    Stored<Source> first = store.create(sumaria(), "req-sumaria-1");
    clock.advance(Duration.ofMinutes(1));

    Stored<Source> replay = store.create(sumaria(), "req-sumaria-1");

    assertThat(replay).isEqualTo(first);
    assertThat(store.history(ResourceType.SOURCES, "sources/al-sumaria")).hasSize(1);
    assertThat(store.count(ResourceType.SOURCES)).isEqualTo(sources().size() + 1);
  }

  @Test
  void aRetriedBatchOfReportsIsReplayedAndStoredOnce() {
    BatchResult first = store.createAll(all(), "req-episode");
    StoreSnapshot after = StoreSnapshot.of(store, watchedNames());
    clock.advance(Duration.ofMinutes(1));

    BatchResult replay = store.createAll(all(), "req-episode");

    assertThat(first.replayed()).isFalse();
    assertThat(replay.replayed()).isTrue();
    assertThat(replay.names()).isEqualTo(first.names())
        .isEqualTo(all().stream().map(Resource::name).toList());
    assertThat(StoreSnapshot.of(store, watchedNames())).isEqualTo(after);
  }

  @Test
  void aPreparedBatchIsTheSameItemsAndStoresAsTheBatchWould() {
    List<Resource> prepared = List.copyOf(store.prepare(all()));
    assertThat(prepared).containsExactlyElementsOf(all());

    BatchResult result = store.createAll(store.prepare(all()), "req-prepared");

    assertThat(result.names()).isEqualTo(all().stream().map(Resource::name).toList());
    Set<String> etags = new TreeSet<>();
    for (Resource r : all()) {
      Stored<? extends Resource> stored = store.get(ResourceType.of(r), r.name()).orElseThrow();
      assertThat(stored.value()).isEqualTo(r);
      assertThat(stored.etag()).isEqualTo(store.history(ResourceType.of(r), r.name()).get(0).etag());
      etags.add(stored.etag());
    }
    assertThat(etags).hasSize(all().size());
    BatchException e = assertRefusedAndUnchanged(BatchException.class,
        () -> store.createAll(store.prepare(all()), null));
    assertThat(e.index()).isZero();
  }

  @Test
  void aRequestIdAnswersEvenWhenTheRetryCarriesOtherContent() {
    seedEpisode();
    Stored<Claim> first = store.create(custodyClaim("khazali-speech", MALIK_THREAD, Stance.ASSERTS), "req-k");
    Stored<Claim> replay = store.create(custodyClaim("khazali-speech", MALIK_THREAD, Stance.DENIES), "req-k");
    assertThat(replay).isEqualTo(first);
    assertThat(replay.value().stance()).isEqualTo(Stance.ASSERTS);
  }

  // --- etags ---

  @Test
  void aStaleEtagCannotOverwriteTheMinistrysNewerDenial() {
    seedEpisode();
    Stored<Claim> read = store.get(ResourceType.CLAIMS, MOI_DENIES_HANDOVER).orElseThrow();
    Claim edited = new Claim(MOI_DENIES_HANDOVER, MOI_DENIAL, Stance.DENIES, read.value().attribution(),
        "Saad Maan, ministry spokesman", "", custodyIsHashd(), read.value().text());
    store.update(edited, read.etag());
    Claim conflicting = new Claim(MOI_DENIES_HANDOVER, MOI_DENIAL, Stance.ASSERTS, null, "", "",
        custodyIsHashd(), "");

    StoreException.EtagMismatch e = assertRefusedAndUnchanged(StoreException.EtagMismatch.class,
        () -> store.update(conflicting, read.etag()));
    assertThat(e.name()).isEqualTo(MOI_DENIES_HANDOVER);
    assertRefusedAndUnchanged(StoreException.EtagMismatch.class,
        () -> store.delete(ResourceType.CLAIMS, MOI_DENIES_HANDOVER, read.etag()));

    String current = store.get(ResourceType.CLAIMS, MOI_DENIES_HANDOVER).orElseThrow().etag();
    store.delete(ResourceType.CLAIMS, MOI_DENIES_HANDOVER, current);
    assertThat(store.get(ResourceType.CLAIMS, MOI_DENIES_HANDOVER)).isEmpty();
  }

  // --- history and time travel ---

  @Test
  void historyKeepsEveryVersionOfTheCustodyClaimAndItsRetraction() {
    seedEpisode();
    Instant created = MORNING_OF_27_DEC;
    Instant t1 = clock.advance(Duration.ofHours(1));
    Claim hedged = new Claim(MALIK_HANDED_TO_HASHD, MALIK_THREAD, Stance.ASSERTS, null, "a Hashd official", "",
        custodyIsHashd(), "reportedly handed over");
    store.update(hedged, null);
    Instant t2 = clock.advance(Duration.ofHours(1));
    store.delete(ResourceType.CLAIMS, MALIK_HANDED_TO_HASHD, null);

    List<Version<Claim>> history = store.history(ResourceType.CLAIMS, MALIK_HANDED_TO_HASHD);

    assertThat(history).extracting(Version::change)
        .containsExactly(Version.Change.CREATED, Version.Change.UPDATED, Version.Change.DELETED);
    assertThat(history).extracting(Version::knownFrom).containsExactly(created, t1, t2);
    assertThat(history.get(0).value()).isEqualTo(claims().get(0));
    assertThat(history.get(1).value()).isEqualTo(hedged);
    assertThat(history.get(2).value()).isNull();
    assertThat(history.get(2).isTombstone()).isTrue();
    assertThat(history).extracting(Version::etag).doesNotHaveDuplicates();
    assertThat(history).extracting(Version::revision).isSorted().doesNotHaveDuplicates();
    assertThat(store.history(ResourceType.CLAIMS, "claims/never-made")).isEmpty();
  }

  @Test
  void whatWasKnownAtEachMomentOfTheCustodyDispute() {
    Instant beforeAnything = MORNING_OF_27_DEC.minusSeconds(1);
    seedEpisode();
    Stored<Claim> original = store.get(ResourceType.CLAIMS, MALIK_HANDED_TO_HASHD).orElseThrow();
    Instant updatedAt = clock.advance(Duration.ofHours(2));
    Claim retracted = new Claim(MALIK_HANDED_TO_HASHD, MALIK_THREAD, Stance.DENIES, null, "", "",
        custodyIsHashd(), "correction: still with the ministry");
    Stored<Claim> updated = store.update(retracted, null);
    Instant deletedAt = clock.advance(Duration.ofHours(2));
    store.delete(ResourceType.CLAIMS, MALIK_HANDED_TO_HASHD, null);
    Instant recreatedAt = clock.advance(Duration.ofHours(2));
    Stored<Claim> recreated = store.create(claims().get(0), null);

    assertThat(store.getAsOf(ResourceType.CLAIMS, MALIK_HANDED_TO_HASHD, beforeAnything)).isEmpty();
    // Any instant is a fair question, even one far outside the years a store's clock can write.
    assertThat(store.getAsOf(ResourceType.CLAIMS, MALIK_HANDED_TO_HASHD, Instant.parse("0001-01-01T00:00:00.444746269Z")))
        .isEmpty();
    assertThat(store.getAsOf(ResourceType.CLAIMS, MALIK_HANDED_TO_HASHD, MORNING_OF_27_DEC)).contains(original);
    assertThat(store.getAsOf(ResourceType.CLAIMS, MALIK_HANDED_TO_HASHD, updatedAt.minusNanos(1))).contains(original);
    assertThat(store.getAsOf(ResourceType.CLAIMS, MALIK_HANDED_TO_HASHD, updatedAt)).contains(updated);
    assertThat(store.getAsOf(ResourceType.CLAIMS, MALIK_HANDED_TO_HASHD, deletedAt)).isEmpty();
    assertThat(store.getAsOf(ResourceType.CLAIMS, MALIK_HANDED_TO_HASHD, recreatedAt.plusSeconds(5)))
        .contains(recreated);
    assertThat(store.getAsOf(ResourceType.CLAIMS, MALIK_HANDED_TO_HASHD, Instant.parse("9999-12-31T23:59:59.999999999Z")))
        .contains(recreated);
    assertThat(recreated.createTime()).isEqualTo(recreatedAt);
    assertThat(updated.createTime()).isEqualTo(MORNING_OF_27_DEC);
    assertThat(store.history(ResourceType.CLAIMS, MALIK_HANDED_TO_HASHD)).extracting(Version::change)
        .containsExactly(Version.Change.CREATED, Version.Change.UPDATED, Version.Change.DELETED,
            Version.Change.CREATED);
    assertThat(recreated.etag()).isNotIn(original.etag(), updated.etag());
  }

  // --- authors ---

  @Test
  void everyVersionOfTheCustodyClaimNamesWhoWroteIt() {
    store.createAll(all(), "seed", "wing@musings");
    Claim hedged = new Claim(MALIK_HANDED_TO_HASHD, MALIK_THREAD, Stance.ASSERTS, null, "a Hashd official", "",
        custodyIsHashd(), "reportedly handed over");
    clock.advance(Duration.ofHours(1));
    store.update(hedged, null, "analyst@desk");
    clock.advance(Duration.ofHours(1));
    store.delete(ResourceType.CLAIMS, MALIK_HANDED_TO_HASHD, null, "admin@desk");
    clock.advance(Duration.ofHours(1));
    store.create(claims().get(0), "recreate", "editor@desk");

    assertThat(store.history(ResourceType.CLAIMS, MALIK_HANDED_TO_HASHD)).extracting(Version::author)
        .containsExactly("wing@musings", "analyst@desk", "admin@desk", "editor@desk");
    assertThat(store.history(ResourceType.SOURCES, SHAFAAQ)).extracting(Version::author)
        .containsExactly("wing@musings");
    // A replayed request stores nothing, so it records no one new.
    store.createAll(all(), "seed", "intruder@elsewhere");
    store.create(claims().get(0), "recreate", "intruder@elsewhere");
    assertThat(store.history(ResourceType.SOURCES, SHAFAAQ)).extracting(Version::author)
        .containsExactly("wing@musings");
    assertThat(store.history(ResourceType.CLAIMS, MALIK_HANDED_TO_HASHD)).extracting(Version::author)
        .doesNotContain("intruder@elsewhere");
  }

  @Test
  void aWriteThatNamesNoAuthorIsAnonymous() {
    seedEpisode();
    store.create(sumaria(), null, "");
    assertThat(store.history(ResourceType.SOURCES, SHAFAAQ)).extracting(Version::author)
        .containsExactly(SitrepStore.ANONYMOUS);
    assertThat(store.history(ResourceType.SOURCES, "sources/al-sumaria")).extracting(Version::author)
        .containsExactly(SitrepStore.ANONYMOUS);
  }

  @Test
  void aListeningStoreWritesAsItsSupplierSaysUnlessTheWriteNamesSomeone() {
    String[] caller = {"alice@desk"};
    ListeningStore listening = ListeningStore.wrap(store, () -> caller[0]);
    listening.createAll(all(), null);
    caller[0] = "bob@desk";
    Source shafaaq = listening.get(ResourceType.SOURCES, SHAFAAQ).orElseThrow().value();
    clock.advance(Duration.ofMinutes(1));
    listening.update(shafaaq, null);
    clock.advance(Duration.ofMinutes(1));
    listening.update(shafaaq, null, "carol@desk");

    assertThat(store.history(ResourceType.SOURCES, SHAFAAQ)).extracting(Version::author)
        .containsExactly("alice@desk", "bob@desk", "carol@desk");
  }

  // --- batches ---

  @Test
  void aBatchWithADanglingReferenceInTheMiddleStoresNothing() {
    store.createAll(actors(), null);
    List<Resource> batch = new ArrayList<>();
    batch.addAll(sources());
    batch.add(sumariaReleaseReport()); // its source, Al Sumaria, is not in the batch or the store
    batch.addAll(reports());

    BatchException e = assertRefusedAndUnchanged(BatchException.class, () -> store.createAll(batch, "req-bad"));

    assertThat(e.index()).isEqualTo(sources().size());
    assertThat(e.getCause()).isInstanceOfSatisfying(StoreException.ReferenceNotFound.class,
        c -> assertThat(c.field()).isEqualTo("source"));
    // The request id was not spent on the refused batch.
    batch.add(sources().size(), sumaria());
    assertThat(store.createAll(batch, "req-bad").replayed()).isFalse();
  }

  @Test
  void anEmptyBatchLeavesItsRequestIdFreeForACreate() {
    // Found by fuzzing: a Create under the id of an earlier empty batch read the first of no names.
    assertThat(store.createAll(List.of(), "req-empty").names()).isEmpty();
    Stored<Source> created = store.create(sumaria(), "req-empty");
    assertThat(created.value()).isEqualTo(sumaria());
    assertThat(store.create(sumaria(), "req-empty")).as("a retry replays the create").isEqualTo(created);
  }

  @Test
  void aBatchRepeatingAStoredNameStoresNothing() {
    seedEpisode();
    List<Resource> batch = List.of(sumaria(), sumariaReleaseReport(), reports().get(1),
        custodyClaim("sumaria-released", "reports/sumaria-2020-12-27-release", Stance.DENIES));
    BatchException e = assertRefusedAndUnchanged(BatchException.class, () -> store.createAll(batch, null));
    assertThat(e.index()).isEqualTo(2);
    assertThat(e.getCause()).isInstanceOf(StoreException.AlreadyExists.class);
  }

  @Test
  void aBatchNamingTheSameClaimTwiceStoresNothing() {
    seedEpisode();
    List<Resource> batch = List.of(custodyClaim("khazali-speech", MALIK_THREAD, Stance.ASSERTS),
        custodyClaim("sumaria-released", MALIK_THREAD, Stance.ASSERTS),
        custodyClaim("khazali-speech", MOI_DENIAL, Stance.DENIES));
    BatchException e = assertRefusedAndUnchanged(BatchException.class, () -> store.createAll(batch, null));
    assertThat(e.index()).isEqualTo(2);
    assertThat(e.getCause()).isInstanceOfSatisfying(StoreException.AlreadyExists.class,
        c -> assertThat(c.name()).isEqualTo("claims/khazali-speech"));
  }

  @Test
  void aTakenNameIsReportedBeforeALaterDanglingReference() {
    seedEpisode();
    List<Resource> batch = List.of(sumaria(), reports().get(1),
        custodyClaim("sumaria-released", "reports/sumaria-2020-12-27-release", Stance.DENIES));
    BatchException e = assertRefusedAndUnchanged(BatchException.class, () -> store.createAll(batch, "req-taken"));
    assertThat(e.index()).isEqualTo(1);
    assertThat(e.getCause()).isInstanceOf(StoreException.AlreadyExists.class);
    // Refused by the table's key this time, with no other fault in the batch to find first.
    e = assertRefusedAndUnchanged(BatchException.class,
        () -> store.createAll(List.of(sumaria(), reports().get(1)), "req-taken"));
    assertThat(e.index()).isEqualTo(1);
    // The refusals left the writer usable and the request id unspent.
    List<Resource> fixed = List.of(sumaria(), sumariaReleaseReport(),
        custodyClaim("sumaria-released", "reports/sumaria-2020-12-27-release", Stance.DENIES));
    assertThat(store.createAll(fixed, "req-taken").replayed()).isFalse();
    assertThat(store.existing(List.of("claims/sumaria-released", "sources/al-sumaria"))).hasSize(2);
  }

  @Test
  void existingAnswersLiveNamesOfEveryCollectionAtOnce() {
    seedEpisode();
    store.delete(ResourceType.CLAIMS, SABEREEN_SHOW_OF_FORCE, null);
    List<String> asked = new ArrayList<>(all().stream().map(Resource::name).toList());
    asked.addAll(List.of("sources/al-sumaria", "nothings/at-all", "no-slash", ""));

    Set<String> expected = new TreeSet<>(all().stream().map(Resource::name).toList());
    expected.remove(SABEREEN_SHOW_OF_FORCE);
    assertThat(store.existing(asked)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(store.existing(List.of())).isEmpty();
  }

  @Test
  void referencesWithinABatchResolveInAnyOrder() {
    List<Resource> backwards = new ArrayList<>(all());
    java.util.Collections.reverse(backwards);

    BatchResult result = store.createAll(backwards, null);

    assertThat(result.names()).isEqualTo(backwards.stream().map(Resource::name).toList());
    for (Resource r : all()) {
      assertThat(get(r)).isEqualTo(r);
    }
  }

  @Test
  void anEmptyBatchStoresNothing() {
    assertThat(store.createAll(List.of(), null).names()).isEmpty();
    assertThat(store.count(ResourceType.CLAIMS)).isZero();
  }

  @Test
  void aThousandEchoesOfTheCustodyClaimArriveAsOneBatch() {
    seedEpisode();
    List<Resource> echoes = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      echoes.add(custodyClaim(String.format("echo-%04d", i), i % 3 == 0 ? MOI_DENIAL : MALIK_THREAD,
          i % 3 == 0 ? Stance.DENIES : Stance.ASSERTS));
    }
    store.createAll(echoes, "req-echoes");
    assertThat(store.count(ResourceType.CLAIMS)).isEqualTo(1000 + claims().size());
    assertThat(StoreSnapshot.listAll(store, ResourceType.CLAIMS)).hasSize(1000 + claims().size());
    assertThat(pagedNames(ResourceType.CLAIMS, Filter.of("report", MOI_DENIAL))).hasSize(334 + 1);
    Filter aboutHim = Filter.of("subject", AZIRJAWI);
    Page<Stored<Claim>> first = store.list(ResourceType.CLAIMS, PageRequest.first(5000, aboutHim));
    assertThat(first.items()).as("page size is clamped").hasSize(PageRequest.MAX_PAGE_SIZE);
    Page<Stored<Claim>> second = store.list(ResourceType.CLAIMS,
        new PageRequest(5000, first.nextPageToken(), aboutHim));
    assertThat(second.items()).hasSize(2);
    assertThat(second.isLast()).isTrue();
  }

  @Test
  void aFailedWriteOfEveryKindLeavesTheCountsAsTheyWere() {
    seedEpisode();
    StoreSnapshot before = StoreSnapshot.of(store, watchedNames());
    List<ThrowingCallable> refusals = List.of(
        () -> store.create(sources().get(0), null),
        () -> store.create(sumariaReleaseReport(), "req-x"),
        () -> store.update(sumaria(), null),
        () -> store.update(sources().get(1), "stale-etag"),
        () -> store.delete(ResourceType.SOURCES, SHAFAAQ, null),
        () -> store.delete(ResourceType.SOURCES, "sources/al-sumaria", null),
        () -> store.delete(ResourceType.CLAIMS, MALIK_HANDED_TO_HASHD, "stale-etag"),
        () -> store.createAll(List.of(sumaria(), sumariaReleaseReport(), sources().get(0)), "req-y"));
    for (ThrowingCallable refusal : refusals) {
      assertThatThrownBy(refusal).isInstanceOfAny(StoreException.class, BatchException.class);
      assertThat(StoreSnapshot.of(store, watchedNames())).isEqualTo(before);
    }
  }

  /** The names of {@code resources}, for messages. */
  protected static String namesOf(List<? extends Resource> resources) {
    return resources.stream().map(Resource::name).collect(Collectors.joining(", "));
  }
}
