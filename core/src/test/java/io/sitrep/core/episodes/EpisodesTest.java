package io.sitrep.core.episodes;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.core.actors.Seed;
import io.sitrep.core.model.Event;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpisodesTest {

  @Test
  void theJuneRaidOnKhIsTheClosestPrecedentOfTheDecemberAahArrest() {
    List<Event> events = Seed.allEvents();
    Episode december = Episodes.partOf("events/aah-confrontation-2020-12", events);
    assertThat(december.events()).hasSize(8);
    List<EpisodeMatch> matches = Episodes.similar(december, Episodes.all(events), Seed.actors(),
        EpisodeOptions.DEFAULTS);
    assertThat(matches).extracting(EpisodeMatch::episode).containsExactly("events/kh-raid-2020-06",
        matches.get(1).episode(), matches.get(2).episode());
    EpisodeMatch june = matches.get(0);
    assertThat(june.similarity()).isGreaterThan(matches.get(1).similarity());
    // The arrests align, and so do the releases.
    assertThat(june.alignment()).anySatisfy(s -> {
      assertThat(s.queryEvent()).isEqualTo("events/azirjawi-arrest-2020-12-20");
      assertThat(s.pastEvent()).isEqualTo("events/cts-raid-2020-06-25");
      assertThat(s.why()).contains("COERCE/arrest ~ COERCE/arrest");
    });
    assertThat(june.alignment()).anySatisfy(s -> assertThat(s.pastEvent()).isEqualTo("events/kh-release-2020-06-29"));
  }

  @Test
  void anEpisodeAlignedWithItselfIsAPerfectMatch() {
    Episode june = Episodes.partOf("events/kh-raid-2020-06", Seed.allEvents());
    EpisodeMatch self = Episodes.align(june, june, new Episodes.Scorer(java.util.Map.of(),
        io.sitrep.core.tension.InteractionScores.standard(), EpisodeOptions.DEFAULTS));
    assertThat(self.alignment()).hasSize(4).allSatisfy(s -> assertThat(s.queryEvent()).isEqualTo(s.pastEvent()));
  }
}
