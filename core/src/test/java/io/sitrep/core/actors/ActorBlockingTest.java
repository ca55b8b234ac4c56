package io.sitrep.core.actors;

import static io.sitrep.core.actors.ActorIndexTest.person;
import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.core.model.Actor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Blocking at scale: a given name too common to find candidates by still decides which of many
 * namesakes of a surname are scored, so the man written is never crowded out by others who share
 * only his surname's key.
 */
class ActorBlockingTest {
  private static final String QASIM = "actors/qasim-al-hothaani";

  /** 2,100 Qasims of other tribes, and thirty al-Hothaanis (in several spellings) who are not Qasim. */
  private static List<Actor> actors() {
    List<Actor> actors = new ArrayList<>();
    String[] given = {"Ali", "Hadi", "Karim", "Abbas", "Haider", "Jawad"};
    String[] spellings = {"al-Hothaani", "al-Hadhani", "al-Hithini", "al-Hidoni", "al-Hedhini"};
    for (int i = 0; i < 30; i++) {
      actors.add(person("actors/h" + i, given[i % given.length] + " " + spellings[i % spellings.length]));
    }
    actors.add(person(QASIM, "Qasim al-Hothaani"));
    for (int i = 0; i < 2100; i++) {
      actors.add(person("actors/q" + i, "Qasim al-" + tribe(i)));
    }
    return actors;
  }

  private static String tribe(int i) {
    String onsets = "bfjlmnrstwy";
    StringBuilder b = new StringBuilder();
    for (int n = i + 1; n > 0; n /= onsets.length()) {
      b.append(onsets.charAt(n % onsets.length())).append("ou");
    }
    return Character.toUpperCase(b.charAt(0)) + b.substring(1) + "i";
  }

  private final ActorIndex index = ActorIndex.of(actors());

  @Test
  void qasimAlHothaaniIsFoundAmongThirtyAlHothaanis() {
    Resolution r = index.resolve("Qasim al-Hothaani");

    assertThat(r.candidates().get(0).actor()).isEqualTo(QASIM);
    assertThat(r.actor()).contains(QASIM);
    assertThat(index.resolve("Qassem al-Hothani").candidates().get(0).actor()).isEqualTo(QASIM);
  }

  @Test
  void theSurnameAloneNamesNoOneOfThem() {
    assertThat(index.resolve("al-Hothaani").actor()).isEmpty();
  }

  @Test
  void resolvingManyNamesInParallelAnswersAsResolvingThemOneByOne() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      names.add(i % 3 == 0 ? "Qasim al-" + tribe(i) : i % 3 == 1 ? "Sheikh Qassem al-Hothaani" : "Hadi al-Hidoni");
    }
    List<Resolution> parallel = index.resolveAll(names);

    assertThat(parallel).hasSize(names.size());
    for (int i = 0; i < names.size(); i++) {
      assertThat(parallel.get(i)).isEqualTo(index.resolve(names.get(i)));
    }
  }
}
