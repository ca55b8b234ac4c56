package io.sitrep.server.testing;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import io.sitrep.api.v1.Actor;
import io.sitrep.api.v1.ActorKind;
import io.sitrep.api.v1.ActorRelation;
import io.sitrep.api.v1.Attribution;
import io.sitrep.api.v1.Claim;
import io.sitrep.api.v1.Coordinates;
import io.sitrep.api.v1.Dataset;
import io.sitrep.api.v1.CountRange;
import io.sitrep.api.v1.Event;
import io.sitrep.api.v1.EventLink;
import io.sitrep.api.v1.EventLinkKind;
import io.sitrep.api.v1.EventType;
import io.sitrep.api.v1.GeoPrecision;
import io.sitrep.api.v1.Participant;
import io.sitrep.api.v1.ParticipantRole;
import io.sitrep.api.v1.Place;
import io.sitrep.api.v1.Proposition;
import io.sitrep.api.v1.Quotation;
import io.sitrep.api.v1.QuotationKind;
import io.sitrep.api.v1.RelationKind;
import io.sitrep.api.v1.Reliability;
import io.sitrep.api.v1.Report;
import io.sitrep.api.v1.Source;
import io.sitrep.api.v1.SourceAffiliation;
import io.sitrep.api.v1.SourceKind;
import io.sitrep.api.v1.Stance;
import io.sitrep.api.v1.TimePrecision;
import io.sitrep.api.v1.TimeSpan;
import java.text.ParseException;

/**
 * Hand-built facts from the seed episode (Baghdad, 20–27 December 2020), as API messages. Each
 * one fills every field it can, so that mapping tests see every field.
 */
public final class SeedEpisode {
  public static final String HABIB = "sources/mustafa-habib";
  public static final String INTERIOR_MINISTRY_SOURCE = "sources/interior-ministry";
  public static final String AAH = "actors/asaib-ahl-al-haq";
  public static final String KHAZALI = "actors/qais-al-khazali";
  public static final String AZIRJAWI = "actors/hissam-al-azirjawi";
  public static final String INTERIOR_MINISTRY = "actors/interior-ministry";
  public static final String HANDOVER_REPORT = "reports/habib-2020-12-26-handed-to-hashd";
  public static final String DENIAL_REPORT = "reports/interior-ministry-2020-12-26-denial";
  public static final String ROCKET_ATTACK = "events/green-zone-rocket-attack-2020-12-20";
  public static final String ARREST = "events/azirjawi-arrest";
  public static final String HANDOVER_CLAIM = "claims/habib-handed-to-hashd";
  public static final String DENIAL_CLAIM = "claims/interior-ministry-denies-handover";

  private SeedEpisode() {}

  public static Timestamp at(String rfc3339) {
    try {
      return Timestamps.parse(rfc3339);
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A calendar day in Baghdad (UTC+3). */
  public static TimeSpan day(int december, String originalText) {
    return TimeSpan.newBuilder()
        .setStartTime(at(String.format("2020-12-%02dT00:00:00+03:00", december)))
        .setEndTime(at(String.format("2020-12-%02dT00:00:00+03:00", december + 1)))
        .setPrecision(TimePrecision.TIME_PRECISION_DAY)
        .setOriginalText(originalText)
        .build();
  }

  public static Source mustafaHabib() {
    return Source.newBuilder()
        .setName(HABIB)
        .setDisplayName("Mustafa Habib")
        .setKind(SourceKind.SOURCE_KIND_SOCIAL_MEDIA_ACCOUNT)
        .setHandle("@MustafaHabib")
        .setUri("https://twitter.com/MustafaHabib")
        .setCountryCode("IQ")
        .addLanguages("en")
        .addLanguages("ar")
        .addAffiliations(SourceAffiliation.newBuilder().setActor(INTERIOR_MINISTRY).setDescription("no tie; a test"))
        .setReliability(Reliability.RELIABILITY_C)
        .setDescription("Iraqi journalist who posts leaked documents.")
        .build();
  }

  public static Source interiorMinistrySource() {
    return Source.newBuilder()
        .setName(INTERIOR_MINISTRY_SOURCE)
        .setDisplayName("Iraqi Interior Ministry")
        .setKind(SourceKind.SOURCE_KIND_OFFICIAL_BODY)
        .setCountryCode("IQ")
        .addLanguages("ar")
        .setReliability(Reliability.RELIABILITY_B)
        .build();
  }

  public static Actor asaibAhlAlHaq() {
    return Actor.newBuilder()
        .setName(AAH)
        .setDisplayName("Asa'ib Ahl al-Haq")
        .setKind(ActorKind.ACTOR_KIND_ARMED_GROUP)
        .addAliases("AAH")
        .addAliases("League of the Righteous")
        .setCountryCode("IQ")
        .setDescription("Pro-Iran armed faction led by Qais al-Khazali.")
        .build();
  }

  public static Actor qaisAlKhazali() {
    return Actor.newBuilder()
        .setName(KHAZALI)
        .setDisplayName("Qais al-Khazali")
        .setKind(ActorKind.ACTOR_KIND_PERSON)
        .addAliases("Khazali")
        .setCountryCode("IQ")
        .addRelations(ActorRelation.newBuilder().setKind(RelationKind.RELATION_KIND_LEADS).setObject(AAH))
        .build();
  }

  /** Azirjawi, with every field of a relation set. Needs {@link #handoverReport} stored first. */
  public static Actor hissamAlAzirjawi() {
    return Actor.newBuilder()
        .setName(AZIRJAWI)
        .setDisplayName("Hissam al-Azirjawi")
        .setKind(ActorKind.ACTOR_KIND_PERSON)
        .addAliases("Azirjawi")
        .addAliases("Hossam al-Azirjawi")
        .setCountryCode("IQ")
        .setDescription("Commander of AAH's missile unit.")
        .addRelations(ActorRelation.newBuilder()
            .setKind(RelationKind.RELATION_KIND_MEMBER_OF)
            .setObject(AAH)
            .setValidTime(TimeSpan.newBuilder()
                .setStartTime(at("2020-01-01T00:00:00+03:00"))
                .setEndTime(at("2021-01-01T00:00:00+03:00"))
                .setPrecision(TimePrecision.TIME_PRECISION_YEAR)
                .setOriginalText("in 2020"))
            .addReports(HANDOVER_REPORT)
            .setDescription("commander of the missile unit"))
        .build();
  }

  public static Actor interiorMinistry() {
    return Actor.newBuilder()
        .setName(INTERIOR_MINISTRY)
        .setDisplayName("Iraqi Interior Ministry")
        .setKind(ActorKind.ACTOR_KIND_GOVERNMENT_BODY)
        .setCountryCode("IQ")
        .build();
  }

  public static Report handoverReport() {
    return Report.newBuilder()
        .setName(HANDOVER_REPORT)
        .setSource(HABIB)
        .setPublishTime(TimeSpan.newBuilder()
            .setStartTime(at("2020-12-26T14:02:00+03:00"))
            .setEndTime(at("2020-12-26T14:02:00+03:00"))
            .setPrecision(TimePrecision.TIME_PRECISION_INSTANT))
        .setTitle("New Iraqi intelligence document issued today")
        .setUri("https://twitter.com/MustafaHabib/status/1")
        .setLanguage("en")
        .setExcerpt("security forces release a militia member in Asaib Ahl al-Haq ... handed over to the"
            + " Al-Hashd Al-Shaabi")
        .addQuotations(Quotation.newBuilder()
            .setKind(QuotationKind.QUOTATION_KIND_DOCUMENT)
            .setSource(HABIB)
            .setDescription("Iraqi intelligence document of 26 Dec"))
        .build();
  }

  public static Report denialReport() {
    return Report.newBuilder()
        .setName(DENIAL_REPORT)
        .setSource(INTERIOR_MINISTRY_SOURCE)
        .setPublishTime(day(26, "later in the day"))
        .setTitle("The Interior Ministry denies the handover")
        .setLanguage("ar")
        .addQuotations(Quotation.newBuilder()
            .setKind(QuotationKind.QUOTATION_KIND_REPORT)
            .setReport(HANDOVER_REPORT)
            .setDescription("the alleged document"))
        .build();
  }

  public static Event rocketAttack() {
    return Event.newBuilder()
        .setName(ROCKET_ATTACK)
        .setType(EventType.EVENT_TYPE_ASSAULT)
        .setMode("rocket attack")
        .setSummary("At least 3 Katyusha rockets target the US embassy in the Green Zone")
        .setDescription("The latest attack upon Baghdad's Green Zone.")
        .setTime(TimeSpan.newBuilder()
            .setStartTime(at("2020-12-20T20:00:00+03:00"))
            .setEndTime(at("2020-12-20T21:00:00+03:00"))
            .setPrecision(TimePrecision.TIME_PRECISION_HOUR)
            .setOriginalText("Sunday night"))
        .setPlace(Place.newBuilder()
            .setName("Green Zone")
            .setAdmin2("Karkh")
            .setAdmin1("Baghdad")
            .setCountryCode("IQ")
            .setCoordinates(Coordinates.newBuilder().setLatitude(33.3).setLongitude(44.39))
            .setPrecision(GeoPrecision.GEO_PRECISION_NEAR))
        .setFatalities(CountRange.newBuilder().setLow(0).setBest(0).setHigh(1))
        .setInjuries(CountRange.newBuilder().setLow(1))
        .addReports(HANDOVER_REPORT)
        .build();
  }

  public static Event azirjawiArrest() {
    return Event.newBuilder()
        .setName(ARREST)
        .setType(EventType.EVENT_TYPE_COERCE)
        .setMode("arrest")
        .setSummary("The Interior Ministry arrests AAH commander Hissam al-Azirjawi and three others")
        .setTime(TimeSpan.newBuilder()
            .setStartTime(at("2020-12-21T00:00:00+03:00"))
            .setEndTime(at("2020-12-24T00:00:00+03:00"))
            .setPrecision(TimePrecision.TIME_PRECISION_RANGE)
            .setOriginalText("afterward"))
        .setPlace(Place.newBuilder().setAdmin1("Baghdad").setCountryCode("IQ")
            .setPrecision(GeoPrecision.GEO_PRECISION_PROVINCE))
        .addParticipants(Participant.newBuilder().setActor(INTERIOR_MINISTRY)
            .setRole(ParticipantRole.PARTICIPANT_ROLE_PERPETRATOR))
        .addParticipants(Participant.newBuilder().setActor(AZIRJAWI).setRole(ParticipantRole.PARTICIPANT_ROLE_TARGET))
        .addLinks(EventLink.newBuilder().setKind(EventLinkKind.EVENT_LINK_KIND_RESPONSE_TO).setEvent(ROCKET_ATTACK))
        .addReports(HANDOVER_REPORT)
        .build();
  }

  /** "Azirjawi is in the custody of the Hashd on 26 Dec", by the leaked document. */
  public static Proposition custodyOfAzirjawiIsTheHashd() {
    return Proposition.newBuilder()
        .setSubject(AZIRJAWI)
        .setAttribute("custody")
        .setValue("actors/popular-mobilization-commission")
        .setValidTime(day(26, "today"))
        .build();
  }

  public static Claim handoverClaim() {
    return Claim.newBuilder()
        .setName(HANDOVER_CLAIM)
        .setReport(HANDOVER_REPORT)
        .setStance(Stance.STANCE_ASSERTS)
        .setAttribution(Attribution.ATTRIBUTION_CITING_DOCUMENT)
        .setAttributedTo("an Iraqi intelligence document")
        .setEvent(ARREST)
        .setProposition(custodyOfAzirjawiIsTheHashd())
        .setText("handed over to the Al-Hashd Al-Shaabi")
        .build();
  }

  public static Claim denialClaim() {
    return Claim.newBuilder()
        .setName(DENIAL_CLAIM)
        .setReport(DENIAL_REPORT)
        .setStance(Stance.STANCE_DENIES)
        .setAttribution(Attribution.ATTRIBUTION_DIRECT)
        .setProposition(custodyOfAzirjawiIsTheHashd())
        .setText("the AAH commander is still in custody")
        .build();
  }

  /** Every fact above, as one data set. */
  public static Dataset dataset() {
    return Dataset.newBuilder()
        .setTitle("Seed episode fixture")
        .addSources(mustafaHabib())
        .addSources(interiorMinistrySource())
        .addActors(asaibAhlAlHaq())
        .addActors(qaisAlKhazali())
        .addActors(hissamAlAzirjawi())
        .addActors(interiorMinistry())
        .addReports(handoverReport())
        .addReports(denialReport())
        .addEvents(rocketAttack())
        .addEvents(azirjawiArrest())
        .addClaims(handoverClaim())
        .addClaims(denialClaim())
        .build();
  }
}
