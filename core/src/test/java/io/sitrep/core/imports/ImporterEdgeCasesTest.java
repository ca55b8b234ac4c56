package io.sitrep.core.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sitrep.core.model.Event;
import io.sitrep.core.model.TimePrecision;
import io.sitrep.core.store.InMemoryStore;
import io.sitrep.core.store.ResourceType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Made-up rows (never ACLED's own) exercising what real files throw at the importers. */
class ImporterEdgeCasesTest {
  private static final String HEADER = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,"
      + "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,"
      + "region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,"
      + "fatalities,tags,timestamp";

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static String row(String id, String date, String precision, String fatalities) {
    return id + "," + date + ",2020," + precision + ",Political violence,Battles,Armed clash,Group A (2019-),,"
        + "Rebel group,Military Forces of Testland (2010-),,State forces,x,,368,Middle East,Iraq,Baghdad,"
        + "Karkh,,Baghdad,33.3,44.4,2,Outlet One; Outlet Two,National,\"Made up, for a test.\"," + fatalities
        + ",,1600000000";
  }

  @Test
  void crlfHxlNaAndAWeekOfPrecisionAllRead() throws IOException {
    String hxl = "#event+id,#date,,,,,,,,,,,,,,,,,,,,,,,,,,,,,";
    Path f = write("a.csv", HEADER + "\r\n" + hxl + "\r\n" + row("TST1", "9-May-20", "2", "NA") + "\r\n"
        + row("TST2", "21 March 2020", "3", "4") + "\r\n");
    try (InMemoryStore store = new InMemoryStore()) {
      ImportResult r = Importer.importFile(ImportFormat.ACLED, f, ImportSink.of(store), ImportOptions.defaults(),
          ImportListener.NONE);
      assertThat(r.rows()).isEqualTo(2);
      assertThat(r.bad()).isZero();
      Event week = store.get(ResourceType.EVENTS, "events/acled-tst1").orElseThrow().value();
      assertThat(week.time().precision()).isEqualTo(TimePrecision.RANGE);
      assertThat(week.fatalities().isUnknown()).isTrue();
      assertThat(week.place().countryCode()).isEqualTo("IQ");
      Event month = store.get(ResourceType.EVENTS, "events/acled-tst2").orElseThrow().value();
      assertThat(month.time().precision()).isEqualTo(TimePrecision.MONTH);
      assertThat(month.reports()).containsExactly("reports/acled-tst2-outlet-one", "reports/acled-tst2-outlet-two");
      assertThat(store.get(ResourceType.ACTORS, "actors/group-a-2019").orElseThrow().value().aliases())
          .containsExactly("Group A");
    }
  }

  @Test
  void aBadRowIsReportedWithItsLineAndTheRestGoesOn() throws IOException {
    Path f = write("b.csv", HEADER + "\n" + row("TST1", "2020-05-01", "1", "2") + "\n"
        + row("TST2", "not a date", "1", "2") + "\n" + row("TST3", "2020-05-03", "1", "-") + "\n"
        + row("TST4", "2020-05-04", "1", "1") + "\n" + "TST5,2020-05-05,\"unterminated\n");
    try (InMemoryStore store = new InMemoryStore()) {
      ImportResult r = Importer.importFile(ImportFormat.ACLED, f, ImportSink.of(store), ImportOptions.defaults(),
          ImportListener.NONE);
      assertThat(r.rows()).isEqualTo(5);
      assertThat(r.imported()).isEqualTo(2);
      assertThat(r.problems()).extracting(ImportProblem::line).containsExactly(3L, 4L, 6L);
      assertThat(r.problems().get(0).reason()).contains("event_date is not a date");
      assertThat(r.problems().get(1).reason()).contains("fatalities is not a whole number");
    }
  }

  @Test
  void strictModeStopsAtTheFirstBadRowAfterStoringTheRowsBefore() throws IOException {
    Path f = write("c.csv", HEADER + "\n" + row("TST1", "2020-05-01", "1", "2") + "\n"
        + row("TST2", "2020-13-01", "1", "2") + "\n" + row("TST3", "2020-05-03", "1", "1") + "\n");
    try (InMemoryStore store = new InMemoryStore()) {
      ImportResult r = Importer.importFile(ImportFormat.ACLED, f, ImportSink.of(store),
          ImportOptions.defaults().withStrict(true), ImportListener.NONE);
      assertThat(r.stoppedEarly()).isTrue();
      assertThat(r.rows()).isEqualTo(2);
      assertThat(r.imported()).isEqualTo(1);
      assertThat(store.get(ResourceType.EVENTS, "events/acled-tst1")).isPresent();
      assertThat(store.get(ResourceType.EVENTS, "events/acled-tst3")).isEmpty();
    }
  }

  @Test
  void aSecondFileSharingActorsAndSourcesSkipsWhatExists() throws IOException {
    Path a = write("a.csv", HEADER + "\n" + row("TST1", "2020-05-01", "1", "2") + "\n");
    Path b = write("b.csv", HEADER + "\n" + row("TST9", "2020-05-09", "1", "2") + "\n");
    try (InMemoryStore store = new InMemoryStore()) {
      ImportSink sink = ImportSink.of(store);
      Importer.importFile(ImportFormat.ACLED, a, sink, ImportOptions.defaults(), ImportListener.NONE);
      ImportResult r = Importer.importFile(ImportFormat.ACLED, b, sink, ImportOptions.defaults(), ImportListener.NONE);
      assertThat(r.imported()).isEqualTo(1);
      assertThat(r.created()).isEqualTo(5); // the event, two reports, two claims: actors and sources existed
    }
  }

  @Test
  void gdeltRowsWithCrlfAnEmptyLineAndPaddingAreReadOnOneThreadOrTwo() throws IOException {
    Path sample = SharedData.file("gdelt/20150218230000.export.CSV");
    assumeTrue(Files.isRegularFile(sample), "the shared sample " + sample + " is not here");
    List<String> lines = Files.readAllLines(sample, StandardCharsets.UTF_8);
    String[] badDate = lines.get(2).split("\t", -1);
    badDate[1] = "20141318"; // SQLDATE in month 13
    String[] padded = lines.get(3).split("\t", -1);
    padded[26] = " " + padded[26] + " "; // EventCode
    Path f = write("events.export.CSV", lines.get(0) + "\r\n\r\n" + lines.get(1) + "\r\n410412347\ttoo few fields\r\n"
        + String.join("\t", badDate) + "\r\n" + String.join("\t", padded) + "\r\n");
    for (int threads : new int[] {1, 2}) {
      try (InMemoryStore store = new InMemoryStore()) {
        ImportResult r = Importer.importFile(ImportFormat.GDELT, f, ImportSink.of(store),
            ImportOptions.defaults().withThreads(threads), ImportListener.NONE);
        assertThat(r.rows()).as("threads %d", threads).isEqualTo(5); // the empty line is no row
        assertThat(r.imported()).isEqualTo(3);
        assertThat(r.problems()).extracting(ImportProblem::line).containsExactly(4L, 5L);
        assertThat(r.problems().get(0).reason()).contains("has 2 tab-separated fields");
        assertThat(r.problems().get(1).reason()).contains("SQLDATE");
        String id = padded[0];
        Event e = store.get(ResourceType.EVENTS, "events/gdelt-" + id).orElseThrow().value();
        assertThat(e.description()).contains("\nEventCode: " + padded[26].strip() + "\n");
      }
    }
  }

  @Test
  void aPloverFileCutInsideAStringKeepsTheRecordsBeforeAndReportsTheCutOnItsLine() throws IOException {
    Path sample = SharedData.file("plover/PLOVER_GSR_CAMEO.json");
    assumeTrue(Files.isRegularFile(sample), "the shared sample " + sample + " is not here");
    String json = Files.readString(sample, StandardCharsets.UTF_8);
    int third = json.indexOf("\n{", json.indexOf("\n{", json.indexOf("\n{") + 1) + 1) + 1;
    int cut = json.indexOf("\"eventText\": \"", third) + 20; // inside the third record's eventText
    long cutLine = json.substring(0, cut).lines().count();
    Path f = write("cut.json", json.substring(0, cut) + "\nno closing quote");
    try (InMemoryStore store = new InMemoryStore()) {
      ImportResult r = Importer.importFile(ImportFormat.PLOVER, f, ImportSink.of(store), ImportOptions.defaults(),
          ImportListener.NONE);
      assertThat(r.rows()).isEqualTo(3);
      assertThat(r.imported()).isEqualTo(2);
      assertThat(r.problems()).singleElement().satisfies(p -> {
        assertThat(p.line()).isEqualTo(cutLine + 1);
        assertThat(p.reason()).contains("ends inside a string");
      });
    }
  }

  @Test
  void idsAreSlugsWithinCoresRule() {
    assertThat(Ids.slug("Şalāḩ ad Dīn")).isEqualTo("salah-ad-din");
    assertThat(Ids.slug("Military Forces of Somalia (2022-)")).isEqualTo("military-forces-of-somalia-2022");
    assertThat(Ids.slug("Qaḑā’ Sāmarrā’")).isEqualTo("qada-samarra");
    String longId = Ids.slug("acled", "x".repeat(200));
    assertThat(longId).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9][a-z0-9-]{0,62}");
    assertThat(Ids.slug("!!!")).startsWith("x-");
  }

  @Test
  void datesInEveryFormTheDataSetsUse() {
    assertThat(Dates.day("9-May-20", "d")).hasToString("2020-05-09");
    assertThat(Dates.day("21 March 2020", "d")).hasToString("2020-03-21");
    assertThat(Dates.day("2014-01-24 00:00:00.000", "d")).hasToString("2014-01-24");
    assertThat(Dates.day("20150218", "d")).hasToString("2015-02-18");
  }
}
