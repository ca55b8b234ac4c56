package io.sitrep.core.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sitrep.core.model.Claim;
import io.sitrep.core.model.Event;
import io.sitrep.core.store.Filter;
import io.sitrep.core.store.InMemoryStore;
import io.sitrep.core.store.ResourceType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every sample in the shared data imports with each row accounted for, against the row counts of
 * SOURCES.md: imported + reported bad rows = rows in the file. Importing again stores nothing.
 */
class EverySampleImportsTest {

  private static ImportResult importTwice(ImportFormat format, String file, long expectedRows) {
    Path path = SharedData.file(file);
    assumeTrue(Files.isRegularFile(path), "the shared sample " + path + " is not here");
    try (InMemoryStore store = new InMemoryStore()) {
      ImportSink sink = ImportSink.of(store);
      ImportResult first = Importer.importFile(format, path, sink, ImportOptions.defaults(), ImportListener.NONE);
      assertThat(first.rows()).as("rows read").isEqualTo(expectedRows);
      assertThat(first.imported() + first.bad()).as("imported + bad").isEqualTo(expectedRows);
      assertThat(first.problems()).hasSize((int) first.bad());
      long events = store.count(ResourceType.EVENTS);
      assertThat(events).as("one event per imported row").isGreaterThan(0);

      ImportResult again = Importer.importFile(format, path, sink, ImportOptions.defaults(), ImportListener.NONE);
      assertThat(again.created()).as("re-import stores nothing").isZero();
      assertThat(again.imported()).isEqualTo(first.imported());
      assertThat(store.count(ResourceType.EVENTS)).isEqualTo(events);
      return first;
    }
  }

  @Test
  void acledSomaliaCurrentFormatImportsEveryRow() {
    ImportResult r = importTwice(ImportFormat.ACLED, "acled/acled_somalia_2025-04_2026-03.csv", 6_464);
    assertThat(r.bad()).as("%s", r.problems().stream().limit(5).toList()).isZero();
  }

  @Test
  void acledLegacyGlobalReportsOnlyTheTruncatedLastRow() {
    ImportResult r = importTwice(ImportFormat.ACLED, "acled/acled_legacy_global_2020-04-27_2020-05-09.csv", 5_071);
    assertThat(r.imported()).as("%s", r.problems()).isEqualTo(5_070);
    assertThat(r.problems()).hasSize(1);
    assertThat(r.bad()).isEqualTo(1);
    assertThat(r.problems().get(0).line()).isEqualTo(5_072);
    assertThat(r.problems().get(0).reason()).contains("is empty");
  }

  @Test
  void acledLegacyAfghanistanWebExportImportsEveryRow() {
    ImportResult r = importTwice(ImportFormat.ACLED, "acled/acled_legacy_afghanistan_2020-03.csv", 496);
    assertThat(r.bad()).as("%s", r.problems().stream().limit(5).toList()).isZero();
  }

  @Test
  void ucdpIraqSkipsTheHxlRowAndImportsEveryEvent() {
    ImportResult r = importTwice(ImportFormat.UCDP, "ucdp/ucdp_ged_hdx_iraq_1989-2018.csv", 7_473);
    assertThat(r.bad()).as("%s", r.problems().stream().limit(5).toList()).isZero();
  }

  @Test
  void gdeltEventsImportEveryRow() {
    ImportResult r = importTwice(ImportFormat.GDELT, "gdelt/20150218230000.export.CSV", 2_271);
    assertThat(r.bad()).as("%s", r.problems().stream().limit(5).toList()).isZero();
    assertThat(r.kind()).isEqualTo("events");
  }

  @Test
  void gdeltMentionsJoinTheirEventsAndEachBecomesAReport() {
    Path events = SharedData.file("gdelt/20150218230000.export.CSV");
    Path mentions = SharedData.file("gdelt/20150218230000.mentions.CSV");
    assumeTrue(Files.isRegularFile(events) && Files.isRegularFile(mentions));
    try (InMemoryStore store = new InMemoryStore()) {
      ImportSink sink = ImportSink.of(store);
      // Given in the wrong order on purpose: events files go first.
      List<ImportResult> results = Importer.importFiles(ImportFormat.GDELT, List.of(mentions, events), sink,
          ImportOptions.defaults(), ImportListener.NONE);
      assertThat(results).extracting(ImportResult::kind).containsExactly("events", "mentions");
      ImportResult m = results.get(1);
      assertThat(m.rows()).isEqualTo(8_462);
      assertThat(m.imported() + m.bad()).isEqualTo(8_462);
      // GDELT mentions events of earlier slices too: those rows are reported, each with its reason.
      assertThat(m.bad()).isEqualTo(mentionsOfEventsNotIn(events, mentions));
      assertThat(m.problems()).allSatisfy(p -> assertThat(p.reason()).contains("import its events file first"));
      try (var claims = store.scan(ResourceType.CLAIMS, Filter.of("event", "events/gdelt-410412347"))) {
        assertThat(claims.map(Claim::report).distinct().count()).isGreaterThanOrEqualTo(1);
      }
      List<ImportResult> again = Importer.importFiles(ImportFormat.GDELT, List.of(events, mentions), sink,
          ImportOptions.defaults(), ImportListener.NONE);
      assertThat(again).allSatisfy(r -> assertThat(r.created()).isZero());
    }
  }

  @Test
  void gdeltMentionsWithoutTheirEventsAreReportedRowByRow() {
    Path mentions = SharedData.file("gdelt/20150218230000.mentions.CSV");
    assumeTrue(Files.isRegularFile(mentions));
    try (InMemoryStore store = new InMemoryStore()) {
      ImportResult r = Importer.importFile(ImportFormat.GDELT, mentions, ImportSink.of(store),
          ImportOptions.defaults(), ImportListener.NONE);
      assertThat(r.rows()).isEqualTo(8_462);
      assertThat(r.bad()).isEqualTo(8_462);
      assertThat(r.problems().get(0).reason()).contains("GDELT event 410412347");
    }
  }

  /** Mentions rows whose GLOBALEVENTID is not in the events file, counted independently of the importer. */
  private static long mentionsOfEventsNotIn(Path events, Path mentions) {
    try (var ev = Files.lines(events); var mn = Files.lines(mentions)) {
      java.util.Set<String> ids = ev.map(l -> l.substring(0, l.indexOf('\t'))).collect(java.util.stream.Collectors.toSet());
      return mn.filter(l -> !ids.contains(l.substring(0, l.indexOf('\t')))).count();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void ploverGoldStandardImportsEveryRecord() {
    ImportResult r = importTwice(ImportFormat.PLOVER, "plover/PLOVER_GSR_CAMEO.json", 323);
    assertThat(r.bad()).as("%s", r.problems().stream().limit(5).toList()).isZero();
  }

  @Test
  void theSomaliAirstrikeKeepsItsSourcesPrecisionAndFatalities() {
    Path path = SharedData.file("acled/acled_somalia_2025-04_2026-03.csv");
    assumeTrue(Files.isRegularFile(path));
    try (InMemoryStore store = new InMemoryStore()) {
      Importer.importFile(ImportFormat.ACLED, path, ImportSink.of(store), ImportOptions.defaults(),
          ImportListener.NONE);
      Event e = store.get(ResourceType.EVENTS, "events/acled-som49639").orElseThrow().value();
      assertThat(e.type()).isEqualTo(io.sitrep.core.model.EventType.ASSAULT);
      assertThat(e.mode()).isEqualTo("heavy-weapons");
      assertThat(e.place().countryCode()).isEqualTo("SO");
      assertThat(e.place().precision()).isEqualTo(io.sitrep.core.model.GeoPrecision.EXACT);
      assertThat(e.fatalities().best()).isEqualTo(3);
      assertThat(e.reports()).hasSize(8);
      assertThat(e.participants()).extracting(p -> p.actor())
          .contains("actors/military-forces-of-the-united-states-2025", "actors/islamic-state-somalia-province");
      assertThat(store.get(ResourceType.SOURCES, "sources/africom")).isPresent();
      Claim c = store.get(ResourceType.CLAIMS, "claims/acled-som49639-africom").orElseThrow().value();
      assertThat(c.text()).startsWith("On 1 April 2025, US forces");
    }
  }
}
