package io.sitrep.core.store;

import com.google.common.collect.ImmutableList;
import io.sitrep.core.model.Actor;
import io.sitrep.core.model.ActorKind;
import io.sitrep.core.model.ActorRelation;
import io.sitrep.core.model.Attribution;
import io.sitrep.core.model.Claim;
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
import io.sitrep.core.model.TimeSpan;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The seed episode: Baghdad, 25–27 December 2020. After rockets hit near the US embassy, Iraqi
 * forces arrested Hissam al-Azirjawi of Asa'ib Ahl al-Haq; the group's fighters showed force in
 * the city, and reports disagreed about who held him next: the analyst Hamdi Malik wrote he was
 * handed to the Hashd security directorate, the Interior Ministry denied it.
 */
public final class Baghdad2020 {
  private Baghdad2020() {}

  public static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");

  public static TimeSpan day(int dayOfDecember) {
    return TimeSpan.day(LocalDate.of(2020, 12, dayOfDecember), BAGHDAD);
  }

  // --- actors ---
  public static final String AZIRJAWI = "actors/hissam-al-azirjawi";
  public static final String AAH = "actors/asaib-ahl-al-haq";
  public static final String KHAZALI = "actors/qais-al-khazali";
  public static final String HASHD = "actors/popular-mobilization-forces";
  public static final String HASHD_SECURITY = "actors/hashd-security-directorate";
  public static final String CTS = "actors/counter-terrorism-service";
  public static final String INTERIOR_MINISTRY = "actors/interior-ministry";

  // --- sources ---
  public static final String SHAFAAQ = "sources/shafaaq-news";
  public static final String HAMDI_MALIK = "sources/hamdi-malik";
  public static final String MOI_STATEMENTS = "sources/interior-ministry-statements";
  public static final String SABEREEN = "sources/sabereen-news";

  // --- reports ---
  public static final String SHAFAAQ_ARREST = "reports/shafaaq-2020-12-25-arrest";
  public static final String MALIK_THREAD = "reports/malik-2020-12-26-handed-to-hashd";
  public static final String MOI_DENIAL = "reports/moi-2020-12-26-denial";
  public static final String SABEREEN_POST = "reports/sabereen-2020-12-25-fighters-deployed";

  // --- events ---
  public static final String EMBASSY_ROCKETS = "events/embassy-rockets-2020-12-20";
  public static final String ARREST = "events/azirjawi-arrest-2020-12-25";
  public static final String SHOW_OF_FORCE = "events/aah-show-of-force-2020-12-25";

  // --- claims ---
  public static final String MALIK_HANDED_TO_HASHD = "claims/malik-handed-to-hashd";
  public static final String MOI_DENIES_HANDOVER = "claims/moi-denies-handover";
  public static final String SHAFAAQ_ARREST_HAPPENED = "claims/shafaaq-arrest-happened";
  public static final String SABEREEN_SHOW_OF_FORCE = "claims/sabereen-show-of-force";

  public static Actor actor(String name, String displayName, ActorKind kind, String country,
      List<ActorRelation> relations) {
    return new Actor(name, displayName, kind, ImmutableList.of(), country, "", ImmutableList.copyOf(relations));
  }

  public static List<Actor> actors() {
    return List.of(
        actor(HASHD, "Popular Mobilization Forces", ActorKind.SECURITY_FORCE, "IQ", List.of()),
        actor(HASHD_SECURITY, "Hashd security directorate", ActorKind.SECURITY_FORCE, "IQ",
            List.of(ActorRelation.of(RelationKind.PART_OF, HASHD))),
        actor(AAH, "Asa'ib Ahl al-Haq", ActorKind.ARMED_GROUP, "IQ", List.of()),
        actor(KHAZALI, "Qais al-Khazali", ActorKind.PERSON, "IQ",
            List.of(ActorRelation.of(RelationKind.LEADS, AAH))),
        new Actor(AZIRJAWI, "Hissam al-Azirjawi", ActorKind.PERSON,
            ImmutableList.of("Husam al-Azirjawi", "حسام الازيرجاوي"), "IQ", "",
            ImmutableList.of(ActorRelation.of(RelationKind.MEMBER_OF, AAH))),
        actor(CTS, "Counter-Terrorism Service", ActorKind.SECURITY_FORCE, "IQ", List.of()),
        actor(INTERIOR_MINISTRY, "Ministry of Interior", ActorKind.GOVERNMENT_BODY, "IQ", List.of()));
  }

  public static List<Source> sources() {
    return List.of(
        Source.builder(SHAFAAQ, "Shafaaq News", SourceKind.NEWS_OUTLET).countryCode("IQ")
            .languages(List.of("ar", "en")).reliability(Reliability.C).uri("https://shafaq.com").build(),
        Source.builder(HAMDI_MALIK, "Hamdi Malik", SourceKind.ANALYST).countryCode("GB")
            .handle("@HamdiMalik").reliability(Reliability.B).build(),
        Source.builder(MOI_STATEMENTS, "Iraqi Ministry of Interior", SourceKind.OFFICIAL_BODY)
            .countryCode("IQ").affiliations(List.of(new SourceAffiliation(INTERIOR_MINISTRY, "its own voice")))
            .build(),
        Source.builder(SABEREEN, "Sabereen News", SourceKind.ARMED_GROUP_CHANNEL).countryCode("IQ")
            .affiliations(List.of(new SourceAffiliation(HASHD, "close to the Hashd factions")))
            .reliability(Reliability.D).build());
  }

  public static List<Report> reports() {
    return List.of(
        new Report(SHAFAAQ_ARREST, SHAFAAQ, day(25), "Security forces arrest a faction member in Baghdad",
            "", "ar", "", ImmutableList.of()),
        new Report(MALIK_THREAD, HAMDI_MALIK, day(26), "Azirjawi handed to the Hashd security directorate",
            "", "en", "", ImmutableList.of(Quotation.ofReport(SHAFAAQ_ARREST),
                new Quotation(QuotationKind.ANONYMOUS_OFFICIAL, "", "", "a Hashd official"))),
        new Report(MOI_DENIAL, MOI_STATEMENTS, day(26), "Ministry denies handing over the detainee",
            "", "ar", "", ImmutableList.of()),
        new Report(SABEREEN_POST, SABEREEN, day(25), "Fighters deployed in Baghdad", "", "ar", "",
            ImmutableList.of()));
  }

  public static List<Event> events() {
    Place baghdad = Place.named("Baghdad", "Baghdad", "IQ", GeoPrecision.NEAR);
    return List.of(
        Event.builder(EMBASSY_ROCKETS, EventType.ASSAULT, "Rockets land near the US embassy", day(20))
            .mode("rocket").place(baghdad).participant(AAH, ParticipantRole.PERPETRATOR)
            .injuries(new CountRange(0, null, 3)).build(),
        Event.builder(ARREST, EventType.COERCE, "Hissam al-Azirjawi arrested", day(25))
            .mode("arrest").place(baghdad).participant(CTS, ParticipantRole.PERPETRATOR)
            .participant(AZIRJAWI, ParticipantRole.TARGET).link(EventLinkKind.RESPONSE_TO, EMBASSY_ROCKETS)
            .report(SHAFAAQ_ARREST).build(),
        Event.builder(SHOW_OF_FORCE, EventType.MOBILIZE, "Asa'ib fighters deploy in Baghdad", day(25))
            .mode("show of force").participant(AAH, ParticipantRole.PERPETRATOR)
            .link(EventLinkKind.RESPONSE_TO, ARREST).report(SABEREEN_POST).build());
  }

  public static Proposition custodyIsHashd() {
    return new Proposition(AZIRJAWI, "custody", HASHD_SECURITY, day(26));
  }

  public static List<Claim> claims() {
    return List.of(
        Claim.about(MALIK_HANDED_TO_HASHD, MALIK_THREAD, Stance.ASSERTS, custodyIsHashd()),
        new Claim(MOI_DENIES_HANDOVER, MOI_DENIAL, Stance.DENIES, Attribution.DIRECT,
            "Interior Ministry spokesman", "", custodyIsHashd(), "The detainee remains with the ministry"),
        Claim.aboutEvent(SHAFAAQ_ARREST_HAPPENED, SHAFAAQ_ARREST, Stance.ASSERTS, ARREST),
        new Claim(SABEREEN_SHOW_OF_FORCE, SABEREEN_POST, Stance.ASSERTS, Attribution.ALLEGING, "", SHOW_OF_FORCE,
            new Proposition(AAH, "posture", "deployed", day(25)), ""));
  }

  /** Everything, referenced kinds first, as one batch would hold it. */
  public static List<Resource> all() {
    return ImmutableList.<Resource>builder().addAll(actors()).addAll(sources()).addAll(reports())
        .addAll(events()).addAll(claims()).build();
  }

  /** A claim from one more voice on the custody question, for scenarios that need many. */
  public static Claim custodyClaim(String id, String report, Stance stance) {
    return Claim.about("claims/" + id, report, stance, custodyIsHashd());
  }
}
