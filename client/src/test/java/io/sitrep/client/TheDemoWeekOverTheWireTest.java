package io.sitrep.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import io.sitrep.api.v1.Actor;
import io.sitrep.api.v1.ActorRelation;
import io.sitrep.api.v1.Dataset;
import io.sitrep.api.v1.Event;
import io.sitrep.api.v1.IngestResponse;
import io.sitrep.api.v1.Participant;
import io.sitrep.api.v1.RelationKind;
import io.sitrep.api.v1.TemporalOrder;
import io.sitrep.api.v1.TimeSpan;
import io.sitrep.api.v1.Timeline;
import io.sitrep.api.v1.TimelineEntry;
import io.sitrep.server.Main;
import io.sitrep.server.demo.DemoDataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real server, as {@code sitrep-server --port 0} builds it (Netty on loopback), loaded with
 * the demo week through the client, then asked for Asa'ib Ahl al-Haq's timeline. The expectations
 * are derived from the demo data's own facts, not copied from an output.
 */
class TheDemoWeekOverTheWireTest {
  private static final Set<RelationKind> MEMBERSHIP = Set.of(RelationKind.RELATION_KIND_MEMBER_OF,
      RelationKind.RELATION_KIND_PART_OF, RelationKind.RELATION_KIND_LEADS, RelationKind.RELATION_KIND_COMMANDS);
  private static final Timestamp DECEMBER_FIRST = Timestamps.fromSeconds(1606770000L); // 2020-12-01T00:00+03:00

  private static Dataset demo;
  private static Main.Running server;
  private static SitrepClient sitrep;
  private static List<IngestResponse> acks;

  @BeforeAll
  static void startTheServerAndIngestTheDemoWeekThroughTheClient() throws Exception {
    demo = DemoDataset.load();
    server = Main.parse("--port", "0", "--host", "127.0.0.1", "--store", "memory").start();
    sitrep = SitrepClient.connect("127.0.0.1:" + server.port());
    acks = sitrep.ingest(demo, 50);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    sitrep.close();
    server.stop();
  }

  @Test
  void everyResourceOfTheDemoWeekIsAcknowledgedAndListed() {
    assertThat(acks).isNotEmpty().noneMatch(IngestResponse::getReplayed);
    int total = demo.getSourcesCount() + demo.getReportsCount() + demo.getActorsCount() + demo.getEventsCount()
        + demo.getClaimsCount();
    assertThat(acks.stream().mapToInt(IngestResponse::getNamesCount).sum()).isEqualTo(total);
    assertThat(sitrep.listSources("")).hasSize(demo.getSourcesCount());
    assertThat(sitrep.listReports("")).hasSize(demo.getReportsCount());
    assertThat(sitrep.listActors("")).hasSize(demo.getActorsCount());
    assertThat(sitrep.listEvents("")).hasSize(demo.getEventsCount());
    assertThat(sitrep.listClaims("")).hasSize(demo.getClaimsCount());
  }

  @Test
  void asaibAhlAlHaqsDecemberRunsInOrderAndTheChristmasDayOverlapsAreFlagged() {
    Actor aah = sitrep.streamActors("kind = ACTOR_KIND_ARMED_GROUP")
        .filter(a -> a.getAliasesList().contains("Asa'ib Ahl al-Haq") || a.getAliasesList().contains("AAH"))
        .findFirst().orElseThrow();

    Timeline timeline = sitrep.timelineOf(aah.getName(), true);

    Map<String, Event> events = demo.getEventsList().stream().collect(Collectors.toMap(Event::getName, e -> e));
    List<TimelineEntry> december = timeline.getEntriesList().stream()
        .filter(e -> Timestamps.compare(e.getTime().getEndTime(), DECEMBER_FIRST) > 0).toList();

    // Every December event in which AAH itself or an untimed member of it takes part is there.
    Set<String> aahAndMembers = membersOf(aah.getName());
    Set<String> expected = demo.getEventsList().stream()
        .filter(e -> Timestamps.compare(e.getTime().getEndTime(), DECEMBER_FIRST) > 0)
        .filter(e -> e.getParticipantsList().stream().map(Participant::getActor).anyMatch(aahAndMembers::contains))
        .map(Event::getName).collect(Collectors.toSet());
    assertThat(december).extracting(TimelineEntry::getEvent).containsAll(expected);
    assertThat(expected).as("the demo week has AAH events in December").hasSizeGreaterThan(5);

    // Chronological: by earliest start, then latest end; each entry's time is the stored event's.
    for (int i = 1; i < december.size(); i++) {
      TimeSpan before = december.get(i - 1).getTime();
      TimeSpan after = december.get(i).getTime();
      int byStart = Timestamps.compare(before.getStartTime(), after.getStartTime());
      assertThat(byStart < 0 || (byStart == 0 && Timestamps.compare(before.getEndTime(), after.getEndTime()) <= 0))
          .as("%s before %s", december.get(i - 1).getEvent(), december.get(i).getEvent()).isTrue();
    }
    december.forEach(e -> assertThat(e.getTime()).isEqualTo(events.get(e.getEvent()).getTime()));

    // The events known only to the day of 25 December cannot be ordered among themselves.
    List<TimelineEntry> christmasDay = december.stream()
        .filter(e -> e.getTime().getPrecision() == io.sitrep.api.v1.TimePrecision.TIME_PRECISION_DAY
            && Timestamps.toString(e.getTime().getStartTime()).startsWith("2020-12-24T21:00:00"))
        .toList();
    assertThat(christmasDay).as("DAY-precision events on 25 December").hasSizeGreaterThan(2);
    for (TimelineEntry entry : christmasDay) {
      List<String> others = new ArrayList<>(christmasDay.stream().map(TimelineEntry::getEvent).toList());
      others.remove(entry.getEvent());
      assertThat(entry.getUncertainWithList()).as(entry.getEvent()).containsAll(others);
    }
    assertThat(christmasDay.subList(1, christmasDay.size())).extracting(TimelineEntry::getOrderAfterPrevious)
        .containsOnly(TemporalOrder.TEMPORAL_ORDER_UNCERTAIN);

    // And where one span surely ends before the next begins, the order is certain.
    for (int i = 1; i < december.size(); i++) {
      TimeSpan before = december.get(i - 1).getTime();
      TimeSpan after = december.get(i).getTime();
      boolean overlap = Timestamps.compare(before.getEndTime(), after.getStartTime()) > 0;
      assertThat(december.get(i).getOrderAfterPrevious()).as(december.get(i).getEvent())
          .isEqualTo(overlap ? TemporalOrder.TEMPORAL_ORDER_UNCERTAIN : TemporalOrder.TEMPORAL_ORDER_AFTER);
    }
  }

  /** {@code org} and every actor tied into it by an untimed membership relation, transitively. */
  private static Set<String> membersOf(String org) {
    Map<String, List<String>> membersByOrg = new java.util.HashMap<>();
    for (Actor a : demo.getActorsList()) {
      for (ActorRelation r : a.getRelationsList()) {
        if (MEMBERSHIP.contains(r.getKind()) && !r.hasValidTime()) {
          membersByOrg.computeIfAbsent(r.getObject(), k -> new ArrayList<>()).add(a.getName());
        }
      }
    }
    Set<String> all = new java.util.HashSet<>(Set.of(org));
    java.util.Deque<String> queue = new java.util.ArrayDeque<>(List.of(org));
    while (!queue.isEmpty()) {
      for (String m : membersByOrg.getOrDefault(queue.poll(), List.of())) {
        if (all.add(m)) {
          queue.add(m);
        }
      }
    }
    return all;
  }
}
