package io.sitrep.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import io.sitrep.core.model.Actor;
import io.sitrep.core.model.ActorKind;
import io.sitrep.core.model.ActorRelation;
import io.sitrep.core.model.Attribution;
import io.sitrep.core.model.Claim;
import io.sitrep.core.model.Coordinates;
import io.sitrep.core.model.CountRange;
import io.sitrep.core.model.Event;
import io.sitrep.core.model.EventLinkKind;
import io.sitrep.core.model.EventType;
import io.sitrep.core.model.GeoPrecision;
import io.sitrep.core.model.ParticipantRole;
import io.sitrep.core.model.Place;
import io.sitrep.core.model.Proposition;
import io.sitrep.core.model.Quotation;
import io.sitrep.core.model.QuotationKind;
import io.sitrep.core.model.RelationKind;
import io.sitrep.core.model.Reliability;
import io.sitrep.core.model.Report;
import io.sitrep.core.model.Resource;
import io.sitrep.core.model.Source;
import io.sitrep.core.model.SourceAffiliation;
import io.sitrep.core.model.SourceKind;
import io.sitrep.core.model.Stance;
import io.sitrep.core.model.TimePrecision;
import io.sitrep.core.model.TimeSpan;
import io.sitrep.core.store.Baghdad2020;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every component of every record survives the stored encoding. */
class ResourceCodecTest {

  private static Resource roundTrip(Resource r) {
    return ResourceCodec.decode(ResourceCodec.encode(r));
  }

  @Test
  void theWholeEpisodeRoundTrips() {
    for (Resource r : Baghdad2020.all()) {
      assertThat(roundTrip(r)).as(r.name()).isEqualTo(r);
    }
  }

  @Test
  void aSourceWithEveryFieldSetRoundTrips() {
    Source s = new Source("sources/shafaaq-news", "شفق نيوز Shafaaq", SourceKind.NEWS_OUTLET, "@Shafaqnews",
        "https://shafaq.com/ar", "IQ", ImmutableList.of("ar", "en", "ku"),
        ImmutableList.of(new SourceAffiliation("actors/kdp", "Kurdish ownership"),
            new SourceAffiliation("actors/asaib-ahl-al-haq", "")),
        Reliability.C, "Baghdad-based outlet\nwith a second line");
    assertThat(roundTrip(s)).isEqualTo(s);
    Source bare = Source.builder("sources/anon", "An unnamed official", SourceKind.ANONYMOUS_OFFICIAL).build();
    assertThat(roundTrip(bare)).isEqualTo(bare);
    assertThat(((Source) roundTrip(bare)).reliability()).isNull();
  }

  @Test
  void aReportWithQuotationsOfEveryKindRoundTrips() {
    Report r = new Report("reports/malik-2020-12-26", "sources/hamdi-malik",
        new TimeSpan(Instant.parse("2020-12-26T09:15:30.123456789Z"), Instant.parse("2020-12-26T10:00:00Z"),
            TimePrecision.RANGE, "Saturday morning"),
        "Azirjawi handed to the Hashd", "https://x.com/HamdiMalik/status/1", "en-GB", "A".repeat(100_000),
        ImmutableList.of(Quotation.ofReport("reports/shafaaq-2020-12-25"),
            new Quotation(QuotationKind.SOURCE, "", "sources/sabereen-news", "via Telegram"),
            new Quotation(QuotationKind.ANONYMOUS_OFFICIAL, "", "", "a security official"),
            new Quotation(QuotationKind.DOCUMENT, "", "", "court order")));
    assertThat(roundTrip(r)).isEqualTo(r);
  }

  @Test
  void anActorWithTimedRelationsRoundTrips() {
    Actor a = new Actor("actors/hissam-al-azirjawi", "Hissam al-Azirjawi", ActorKind.PERSON,
        ImmutableList.of("Husam al-Azirjawi", "حسام الازيرجاوي"), "IQ", "AAH commander",
        ImmutableList.of(
            new ActorRelation(RelationKind.MEMBER_OF, "actors/asaib-ahl-al-haq",
                TimeSpan.month(java.time.YearMonth.of(2020, 12), Baghdad2020.BAGHDAD),
                ImmutableList.of("reports/a", "reports/b"), "since 2014"),
            ActorRelation.of(RelationKind.COMMANDS, "actors/aah-brigade-41")));
    assertThat(roundTrip(a)).isEqualTo(a);
  }

  @Test
  void anEventWithPlaceCoordinatesCountsAndLinksRoundTrips() {
    Event e = Event.builder("events/arrest", EventType.COERCE, "Arrest", TimeSpan.instant(Instant.ofEpochSecond(-5, 7)))
        .mode("raid").description("before 1970, to test negative seconds")
        .place(new Place("Palestine Street", "Rusafa", "Baghdad", "IQ", new Coordinates(33.3406, -44.4009),
            GeoPrecision.EXACT))
        .participant("actors/cts", ParticipantRole.PERPETRATOR).participant("actors/azirjawi", ParticipantRole.TARGET)
        .fatalities(new CountRange(0, null, 2)).injuries(CountRange.exactly(Integer.MAX_VALUE))
        .link(EventLinkKind.RESPONSE_TO, "events/rockets").link(EventLinkKind.PART_OF, "events/crisis")
        .report("reports/a").report("reports/b").build();
    assertThat(roundTrip(e)).isEqualTo(e);
    Event placeWithoutPoint = Event.builder("events/show", EventType.MOBILIZE, "Show of force", Baghdad2020.day(25))
        .place(new Place("", "", "", "", null, null)).build();
    assertThat(roundTrip(placeWithoutPoint)).isEqualTo(placeWithoutPoint);
    Event nowhere = Event.builder("events/x", EventType.OTHER, "x", Baghdad2020.day(1)).build();
    assertThat(roundTrip(nowhere)).isEqualTo(nowhere);
  }

  @Test
  void claimsWithAndWithoutPropositionRoundTrip() {
    Claim full = new Claim("claims/c", "reports/r", Stance.DENIES, Attribution.CITING_DOCUMENT, "MoI statement",
        "events/e", new Proposition("actors/a", "custody", "actors/b", null), "text");
    Claim minimal = new Claim("claims/d", "reports/r", Stance.ASSERTS, null, "", "events/e", null, "");
    assertThat(List.of(roundTrip(full), roundTrip(minimal))).containsExactly(full, minimal);
  }

  @Test
  void aDamagedPayloadIsRefusedNotMisread() {
    byte[] bytes = ResourceCodec.encode(Baghdad2020.claims().get(0));
    assertThatThrownBy(() -> ResourceCodec.decode(java.util.Arrays.copyOf(bytes, bytes.length - 3)))
        .isInstanceOf(IllegalStateException.class);
    byte[] future = bytes.clone();
    future[0] = 9;
    assertThatThrownBy(() -> ResourceCodec.decode(future)).hasMessageContaining("format 9");
  }
}
