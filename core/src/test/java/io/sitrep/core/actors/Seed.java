package io.sitrep.core.actors;

import com.google.common.collect.ImmutableList;
import io.sitrep.core.model.Actor;
import io.sitrep.core.model.ActorKind;
import io.sitrep.core.model.ActorRelation;
import io.sitrep.core.model.Claim;
import io.sitrep.core.model.Event;
import io.sitrep.core.model.EventLinkKind;
import io.sitrep.core.model.EventType;
import io.sitrep.core.model.ParticipantRole;
import io.sitrep.core.model.Proposition;
import io.sitrep.core.model.RelationKind;
import io.sitrep.core.model.Stance;
import io.sitrep.core.model.TimeSpan;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * A small hand-built version of the seed episode (Baghdad, December 2020) for the actor, tension,
 * network and episode analyses: the handful of actors, relations, claims and events each scenario
 * needs, plus the June 2020 CTS raid on Kata'ib Hizballah and two unrelated episodes.
 */
public final class Seed {
  private Seed() {}

  public static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");

  public static final String PM = "actors/mustafa-al-kadhimi";
  public static final String GOVERNMENT = "actors/iraqi-government";
  public static final String CTS = "actors/counter-terrorism-service";
  public static final String INTERIOR = "actors/interior-ministry";
  public static final String FEDERAL_POLICE = "actors/federal-police";
  public static final String ARAJI = "actors/qasim-al-araji";
  public static final String BADR = "actors/badr-organization";
  public static final String HASHD = "actors/popular-mobilization-forces";
  public static final String HASHD_SECURITY = "actors/hashd-security-directorate";
  public static final String AAH = "actors/asaib-ahl-al-haq";
  public static final String KHAZALI = "actors/qais-al-khazali";
  public static final String AZIRJAWI = "actors/hissam-al-azirjawi";
  public static final String KH = "actors/kataib-hezbollah";
  public static final String NUJABA = "actors/harakat-hezbollah-al-nujaba";
  public static final String US = "actors/united-states";
  public static final String IRAN = "actors/iran";
  public static final String QAANI = "actors/ismail-qaani";
  public static final String PROTESTERS = "actors/tishreen-protesters";

  public static LocalDate december(int day) {
    return LocalDate.of(2020, 12, day);
  }

  public static TimeSpan day(LocalDate date) {
    return TimeSpan.day(date, BAGHDAD);
  }

  public static TimeSpan decemberSpan(int day) {
    return day(december(day));
  }

  public static TimeSpan december2020() {
    return TimeSpan.month(YearMonth.of(2020, 12), BAGHDAD);
  }

  private static Actor actor(String name, String display, ActorKind kind, List<String> aliases,
      ActorRelation... relations) {
    return new Actor(name, display, kind, ImmutableList.copyOf(aliases), "", "", ImmutableList.copyOf(relations));
  }

  public static List<Actor> actors() {
    return List.of(
        actor(PM, "Mustafa al-Kadhimi", ActorKind.PERSON, List.of(), ActorRelation.of(RelationKind.LEADS, GOVERNMENT)),
        actor(GOVERNMENT, "Government of Iraq", ActorKind.GOVERNMENT_BODY, List.of("Iraqi government")),
        actor(CTS, "Counter-Terrorism Service", ActorKind.SECURITY_FORCE, List.of(),
            ActorRelation.of(RelationKind.PART_OF, GOVERNMENT)),
        actor(INTERIOR, "Ministry of Interior", ActorKind.GOVERNMENT_BODY, List.of("Interior Ministry"),
            ActorRelation.of(RelationKind.PART_OF, GOVERNMENT)),
        actor(FEDERAL_POLICE, "Federal Police", ActorKind.SECURITY_FORCE, List.of(),
            ActorRelation.of(RelationKind.PART_OF, INTERIOR)),
        // The National Security Adviser is of the government and of Badr: the seed's broker.
        actor(ARAJI, "Qasim al-Araji", ActorKind.PERSON, List.of(),
            ActorRelation.of(RelationKind.MEMBER_OF, GOVERNMENT), ActorRelation.of(RelationKind.MEMBER_OF, BADR)),
        actor(BADR, "Badr Organization", ActorKind.ARMED_GROUP, List.of(), ActorRelation.of(RelationKind.PART_OF, HASHD)),
        actor(HASHD, "Popular Mobilization Forces", ActorKind.SECURITY_FORCE, List.of("al-Hashd al-Shaabi")),
        actor(HASHD_SECURITY, "Hashd Security Directorate", ActorKind.SECURITY_FORCE, List.of(),
            ActorRelation.of(RelationKind.PART_OF, HASHD)),
        actor(AAH, "Asa'ib Ahl al-Haq", ActorKind.ARMED_GROUP, List.of(), ActorRelation.of(RelationKind.PART_OF, HASHD),
            ActorRelation.of(RelationKind.ALLIED_WITH, KH)),
        actor(KHAZALI, "Qais al-Khazali", ActorKind.PERSON, List.of(), ActorRelation.of(RelationKind.LEADS, AAH)),
        actor(AZIRJAWI, "Hissam al-Azirjawi", ActorKind.PERSON, List.of(), ActorRelation.of(RelationKind.MEMBER_OF, AAH)),
        actor(KH, "Kata'ib Hizballah", ActorKind.ARMED_GROUP, List.of(), ActorRelation.of(RelationKind.PART_OF, HASHD),
            ActorRelation.of(RelationKind.ALLIED_WITH, NUJABA)),
        actor(NUJABA, "Harakat Hezbollah al-Nujaba", ActorKind.ARMED_GROUP, List.of(),
            ActorRelation.of(RelationKind.ALLIED_WITH, AAH)),
        actor(US, "United States", ActorKind.STATE, List.of()),
        actor(IRAN, "Iran", ActorKind.STATE, List.of(), ActorRelation.of(RelationKind.BACKS, HASHD)),
        actor(QAANI, "Ismail Qaani", ActorKind.PERSON, List.of(), ActorRelation.of(RelationKind.MEMBER_OF, IRAN)),
        actor(PROTESTERS, "Tishreen protesters", ActorKind.OTHER, List.of()));
  }

  /** Claims of relations, as the seed's sources make them. */
  public static List<Claim> claims() {
    TimeSpan dec = december2020();
    return List.of(
        Claim.about("claims/wing-us-backs-kadhimi", "reports/wing-2020-12-27", Stance.ASSERTS,
            new Proposition(US, "backs", PM, dec)),
        Claim.about("claims/wing-iran-backs-kadhimi", "reports/wing-2020-12-27", Stance.ASSERTS,
            new Proposition(IRAN, "backs", "PM Kazemi", dec)),
        // "handed over to the Hashd security directorate, controlled by KH" (Hamdi Malik, 26 Dec).
        Claim.about("claims/malik-directorate-controlled-by-kh", "reports/malik-2020-12-26", Stance.ASSERTS,
            new Proposition(HASHD_SECURITY, "controlled_by", "Kataib Hezbollah", null)),
        Claim.about("claims/aah-alliance-statement", "reports/badawi-2020-12-26", Stance.ASSERTS,
            new Proposition(AAH, "allied with", "resistance factions", dec)));
  }

  private static Event.Builder event(String id, EventType type, String summary, TimeSpan time) {
    return Event.builder("events/" + id, type, summary, time);
  }

  /** The December 2020 confrontation, the episode event it is PART_OF first. */
  public static List<Event> december() {
    String ep = "events/aah-confrontation-2020-12";
    return List.of(
        event("aah-confrontation-2020-12", EventType.OTHER, "AAH–government confrontation", december2020()).build(),
        event("embassy-rockets-2020-12-20", EventType.ASSAULT, "Rockets hit near the US embassy", decemberSpan(20))
            .mode("heavy-weapons").participant(AAH, ParticipantRole.PERPETRATOR).participant(US, ParticipantRole.TARGET)
            .build(),
        event("azirjawi-arrest-2020-12-20", EventType.COERCE, "Interior Ministry arrests Azirjawi", decemberSpan(20))
            .mode("arrest").participant(INTERIOR, ParticipantRole.PERPETRATOR)
            .participant(AZIRJAWI, ParticipantRole.TARGET).link(EventLinkKind.PART_OF, ep).build(),
        event("aah-deploys-2020-12-25", EventType.MOBILIZE, "AAH units take to Baghdad's streets", decemberSpan(25))
            .mode("troops").participant(AAH, ParticipantRole.PERPETRATOR).participant(GOVERNMENT, ParticipantRole.TARGET)
            .link(EventLinkKind.PART_OF, ep).build(),
        event("aah-threatens-2020-12-25", EventType.THREATEN, "AAH videos threaten to free their brothers",
            decemberSpan(25)).mode("violence").participant(AAH, ParticipantRole.PERPETRATOR)
            .participant(GOVERNMENT, ParticipantRole.TARGET).link(EventLinkKind.PART_OF, ep).build(),
        event("cts-deploys-2020-12-25", EventType.MOBILIZE, "Kadhimi deploys the CTS, police on alert",
            decemberSpan(25)).mode("troops").participant(PM, ParticipantRole.PERPETRATOR)
            .participant(CTS, ParticipantRole.SUPPORTER).participant(AAH, ParticipantRole.TARGET)
            .link(EventLinkKind.PART_OF, ep).build(),
        event("araji-mediates-2020-12-25", EventType.CONSULT, "Araji holds talks with AAH", decemberSpan(25))
            .participant(ARAJI, ParticipantRole.MEDIATOR).participant(AAH, ParticipantRole.TARGET)
            .participant(GOVERNMENT, ParticipantRole.TARGET).link(EventLinkKind.PART_OF, ep).build(),
        event("azirjawi-handover-2020-12-26", EventType.RETREAT, "Azirjawi allegedly released to the Hashd",
            decemberSpan(26)).mode("release").participant(INTERIOR, ParticipantRole.PERPETRATOR)
            .participant(AZIRJAWI, ParticipantRole.TARGET).participant(HASHD_SECURITY, ParticipantRole.OBSERVER)
            .link(EventLinkKind.PART_OF, ep).build(),
        event("aah-withdraws-2020-12-26", EventType.RETREAT, "AAH withdraws its forces", decemberSpan(26))
            .mode("withdraw").participant(AAH, ParticipantRole.PERPETRATOR).participant(GOVERNMENT, ParticipantRole.TARGET)
            .link(EventLinkKind.PART_OF, ep).build(),
        event("khazali-resolved-2020-12-26", EventType.AGREE, "Khazali: tensions with the government resolved",
            decemberSpan(26)).participant(KHAZALI, ParticipantRole.PERPETRATOR)
            .participant(GOVERNMENT, ParticipantRole.TARGET).link(EventLinkKind.PART_OF, ep).build(),
        event("kh-threatens-kadhimi-2020-12-26", EventType.THREATEN, "KH: time to cut off Kadhimi's ears",
            decemberSpan(26)).mode("violence").participant(KH, ParticipantRole.PERPETRATOR)
            .participant(PM, ParticipantRole.TARGET).build(),
        event("qaani-visit-2020-12", EventType.CONSULT, "Qaani tells the factions to stop targeting the US",
            december2020()).mode("visit").participant(QAANI, ParticipantRole.PERPETRATOR)
            .participant(KH, ParticipantRole.TARGET).participant(AAH, ParticipantRole.TARGET).build());
  }

  /** The June 2020 CTS raid on KH: arrest, convoy to CTS headquarters, handover to the Hashd, release. */
  public static List<Event> june() {
    String ep = "events/kh-raid-2020-06";
    TimeSpan june = TimeSpan.month(YearMonth.of(2020, 6), BAGHDAD);
    return List.of(
        event("kh-raid-2020-06", EventType.OTHER, "CTS raid on KH and its aftermath", june).build(),
        event("cts-raid-2020-06-25", EventType.COERCE, "CTS raids KH headquarters, arrests members",
            day(LocalDate.of(2020, 6, 25))).mode("arrest").participant(CTS, ParticipantRole.PERPETRATOR)
            .participant(KH, ParticipantRole.TARGET).link(EventLinkKind.PART_OF, ep).build(),
        event("kh-convoy-2020-06-26", EventType.MOBILIZE, "KH and Nujaba convoy to CTS headquarters",
            day(LocalDate.of(2020, 6, 26))).mode("troops").participant(KH, ParticipantRole.PERPETRATOR)
            .participant(NUJABA, ParticipantRole.SUPPORTER).participant(CTS, ParticipantRole.TARGET)
            .link(EventLinkKind.PART_OF, ep).build(),
        event("kh-handover-2020-06-27", EventType.RETREAT, "Detainees handed to the Hashd Commission",
            day(LocalDate.of(2020, 6, 27))).mode("release").participant(CTS, ParticipantRole.PERPETRATOR)
            .participant(KH, ParticipantRole.TARGET).participant(HASHD, ParticipantRole.OBSERVER)
            .link(EventLinkKind.PART_OF, ep).build(),
        event("kh-release-2020-06-29", EventType.RETREAT, "The Hashd releases the KH members",
            day(LocalDate.of(2020, 6, 29))).mode("release").participant(HASHD, ParticipantRole.PERPETRATOR)
            .participant(KH, ParticipantRole.TARGET).link(EventLinkKind.PART_OF, ep).build());
  }

  /** October 2019: protests, arrests and shootings, the PM's resignation. Unrelated to the factions. */
  public static List<Event> protests2019() {
    String ep = "events/tishreen-2019-10";
    TimeSpan october = TimeSpan.month(YearMonth.of(2019, 10), BAGHDAD);
    return List.of(
        event("tishreen-2019-10", EventType.OTHER, "Tishreen protests", october).build(),
        event("tishreen-protest-2019-10-01", EventType.PROTEST, "Protesters fill Tahrir Square",
            day(LocalDate.of(2019, 10, 1))).mode("demo").participant(PROTESTERS, ParticipantRole.PERPETRATOR)
            .participant(GOVERNMENT, ParticipantRole.TARGET).link(EventLinkKind.PART_OF, ep).build(),
        event("tishreen-shooting-2019-10-04", EventType.ASSAULT, "Security forces fire on protesters",
            day(LocalDate.of(2019, 10, 4))).participant(FEDERAL_POLICE, ParticipantRole.PERPETRATOR)
            .participant(PROTESTERS, ParticipantRole.VICTIM).link(EventLinkKind.PART_OF, ep).build(),
        event("tishreen-protest-2019-10-25", EventType.PROTEST, "Protests resume", day(LocalDate.of(2019, 10, 25)))
            .mode("demo").participant(PROTESTERS, ParticipantRole.PERPETRATOR)
            .participant(GOVERNMENT, ParticipantRole.TARGET).link(EventLinkKind.PART_OF, ep).build(),
        event("tishreen-resignation-2019-11-29", EventType.CONCEDE, "The prime minister resigns",
            day(LocalDate.of(2019, 11, 29))).participant(GOVERNMENT, ParticipantRole.PERPETRATOR)
            .participant(PROTESTERS, ParticipantRole.TARGET).link(EventLinkKind.PART_OF, ep).build());
  }

  /** August 2020: the PM's visit to Washington. Diplomacy between states. */
  public static List<Event> washington2020() {
    String ep = "events/washington-visit-2020-08";
    TimeSpan august = TimeSpan.month(YearMonth.of(2020, 8), BAGHDAD);
    return List.of(
        event("washington-visit-2020-08", EventType.OTHER, "Kadhimi in Washington", august).build(),
        event("kadhimi-visits-washington-2020-08-20", EventType.CONSULT, "Kadhimi meets Trump",
            day(LocalDate.of(2020, 8, 20))).mode("visit").participant(PM, ParticipantRole.PERPETRATOR)
            .participant(US, ParticipantRole.TARGET).link(EventLinkKind.PART_OF, ep).build(),
        event("energy-deals-2020-08-20", EventType.AGREE, "Energy agreements signed",
            day(LocalDate.of(2020, 8, 20))).participant(GOVERNMENT, ParticipantRole.PERPETRATOR)
            .participant(US, ParticipantRole.TARGET).link(EventLinkKind.PART_OF, ep).build(),
        event("us-support-2020-08-21", EventType.SUPPORT, "Washington praises Kadhimi's reforms",
            day(LocalDate.of(2020, 8, 21))).participant(US, ParticipantRole.PERPETRATOR)
            .participant(PM, ParticipantRole.TARGET).link(EventLinkKind.PART_OF, ep).build());
  }

  public static List<Event> allEvents() {
    return ImmutableList.<Event>builder().addAll(december()).addAll(june()).addAll(protests2019())
        .addAll(washington2020()).build();
  }
}
