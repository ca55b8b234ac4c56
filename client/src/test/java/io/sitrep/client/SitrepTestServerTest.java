package io.sitrep.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.api.v1.Actor;
import io.sitrep.api.v1.TimelineEntry;
import io.sitrep.server.demo.DemoDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What another service's test sees when it registers a Sitrep server holding the demo week. */
class SitrepTestServerTest {
  @RegisterExtension static final SitrepTestServer sitrep = SitrepTestServer.withDemo();

  @Test
  void theDemoWeekIsThereForTheWholeClass() {
    assertThat(sitrep.client().listEvents("")).hasSize(DemoDataset.load().getEventsCount());
  }

  @Test
  void theArmedGroupsCanBeListedAndTheirTimelinesAsked() {
    Actor aah = sitrep.client().listActors("kind = ACTOR_KIND_ARMED_GROUP").stream()
        .filter(a -> a.getAliasesList().contains("AAH")).findFirst().orElseThrow();

    assertThat(sitrep.client().timelineOf("AAH", false).getEntriesList()).extracting(TimelineEntry::getEvent)
        .isNotEmpty()
        .allSatisfy(event -> assertThat(sitrep.client().getEvent(event).getParticipantsList())
            .anyMatch(p -> p.getActor().equals(aah.getName())));
  }

  @Test
  void withoutJUnitItIsAnAutoCloseable() {
    try (SitrepTestServer server = SitrepTestServer.empty().start()) {
      assertThat(server.client().listSources("")).isEmpty();
    }
  }
}
