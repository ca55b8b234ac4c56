package io.sitrep.core.actors;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import io.sitrep.core.model.Actor;
import io.sitrep.core.model.ActorKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The labelled alias test set and the actors it is labelled against (test resources). */
final class AliasTestSet {
  private AliasTestSet() {}

  /** One labelled case: a written form and the actor it refers to, or {@code NONE}. */
  record Case(String written, String expected, String origin) {
    boolean expectsNone() {
      return expected.equals("NONE");
    }
  }

  static List<Actor> actors() {
    List<Actor> actors = new ArrayList<>();
    for (CSVRecord r : read("iraqi-actors.csv")) {
      List<String> aliases = r.get("aliases").isBlank() ? List.of()
          : Splitter.on('|').trimResults().splitToList(r.get("aliases"));
      actors.add(new Actor(r.get("name"), r.get("display_name"), ActorKind.valueOf(r.get("kind")),
          ImmutableList.copyOf(aliases), "", "", ImmutableList.of()));
    }
    return actors;
  }

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (CSVRecord r : read("alias-test-set.csv")) {
      cases.add(new Case(r.get("written"), r.get("expected"), r.get("origin")));
    }
    return cases;
  }

  private static List<CSVRecord> read(String resource) {
    try (InputStream in = AliasTestSet.class.getResourceAsStream(resource);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
          .get().parse(reader).getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
