package io.sitrep.core.imports;

import com.google.common.collect.ImmutableList;
import io.sitrep.core.model.ActorKind;
import io.sitrep.core.model.Attribution;
import io.sitrep.core.model.Claim;
import io.sitrep.core.model.Event;
import io.sitrep.core.model.EventType;
import io.sitrep.core.model.GeoPrecision;
import io.sitrep.core.model.ParticipantRole;
import io.sitrep.core.model.Place;
import io.sitrep.core.model.Report;
import io.sitrep.core.model.SourceKind;
import io.sitrep.core.model.Stance;
import io.sitrep.core.model.TimePrecision;
import io.sitrep.core.model.TimeSpan;
import io.sitrep.core.tension.CrosswalkEntry;
import io.sitrep.core.tension.InteractionScores;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * GDELT 2.0: the events export (61 tab-separated columns, no header, as labelled by GDELT's
 * {@code GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv}) and the mentions table (16 columns),
 * which join on GLOBALEVENTID.
 *
 * <p>An events row is {@code events/gdelt-{GLOBALEVENTID}}: type and mode from its CAMEO
 * {@code EventCode} through the crosswalk (falling back to {@code EventBaseCode}, then the root
 * category's {@code X0} code; OTHER if none maps), the day {@code SQLDATE}, the place of
 * {@code ActionGeo} with {@code ActionGeo_Type} 1 COUNTRY, 2 and 5 (a US or world state) PROVINCE,
 * 3 and 4 (a US or world city) NEAR, Actor1 the perpetrator and Actor2 the target, as actors
 * {@code actors/gdelt-{code}} with their names and codes as aliases. Its {@code SOURCEURL} becomes a
 * report by the URL's site claiming the event occurred. Every other column (Goldstein, tone,
 * counts, actor attributes and places) is kept in the description.
 *
 * <p>A mentions row is a report by {@code MentionSourceName} at {@code MentionIdentifier} about its
 * event, with a claim that the event occurred whose text records the sentence, offsets,
 * confidence and tone. Reports are named {@code reports/gdelt-{event}-{hash of the URL}}, so the
 * mention of the article an events row already cites is the same report. A mention whose event is
 * neither in an events file imported before nor in the store is a bad row.
 */
final class GdeltImport implements Importer.FormatReader {
  static final List<String> EVENT_COLUMNS = List.of("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year",
      "FractionDate", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
      "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
      "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
      "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
      "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
      "NumSources", "NumArticles", "AvgTone", "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode",
      "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
      "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
      "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID", "ActionGeo_Type", "ActionGeo_FullName",
      "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long",
      "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL");
  static final List<String> MENTION_COLUMNS = List.of("GLOBALEVENTID", "EventTimeDate", "MentionTimeDate",
      "MentionType", "MentionSourceName", "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset",
      "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo",
      "Extras");
  private static final int ID = 0, SQLDATE = 1, A1CODE = 5, A1NAME = 6, A1COUNTRY = 7, A1TYPE1 = 12, A2CODE = 15,
      A2NAME = 16, A2COUNTRY = 17, A2TYPE1 = 22, EVENTCODE = 26, BASECODE = 27, ROOTCODE = 28, GEO_TYPE = 51,
      GEO_NAME = 52, GEO_LAT = 56, GEO_LONG = 57, DATEADDED = 59, SOURCEURL = 60;
  /** Columns the description repeats: everything not mapped to a field of its own. */
  private static final int[] DESCRIBED = {2, 3, 4, 8, 9, 10, 11, 12, 13, 14, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27,
      28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 53, 54, 55, 58, 59};
  /** "\nColumn: " for each events column, the description's line heads. */
  private static final String[] LABELS = EVENT_COLUMNS.stream().map(c -> "\n" + c + ": ").toArray(String[]::new);
  private static final Duration GDELT_LAG = Duration.ofMinutes(15);

  private final InteractionScores crosswalk = InteractionScores.standard();
  private final boolean mentions;
  // Values a file repeats row after row, each worked out once (a 15-minute slice has one DATEADDED,
  // a few days, a few thousand actor codes and place names).
  private final Memo<TimeSpan> days = new Memo<>(10_000, d -> Dates.daySpan(Dates.day(d, "SQLDATE"), d));
  private final Memo<TimeSpan> eventSeen = new Memo<>(10_000, t -> seenSpan(t, "DATEADDED"));
  private final Memo<TimeSpan> mentionSeen = new Memo<>(10_000, t -> seenSpan(t, "MentionTimeDate"));
  private final Memo<String> actorNames = new Memo<>(50_000, code -> "actors/" + Ids.slug("gdelt", code));
  private final Memo<String[]> placeParts = new Memo<>(50_000, GdeltImport::placeParts);
  private static final int MAX_PLACES = 50_000;
  private final StringTable<KnownPlace> places = new StringTable<>();
  /** Where a row's description is built, reused row after row (a file's rows are ~1 KB each). */
  private final StringBuilder descriptionBuilder = new StringBuilder(4_096);

  GdeltImport(boolean mentions) {
    this.mentions = mentions;
  }

  /** True for a mentions file: named {@code *.mentions.CSV}, or a first line of 16 fields. */
  static boolean isMentionsFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.contains("mentions")) {
      return true;
    }
    if (name.contains("export") || name.contains("events")) {
      return false;
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
        StandardCharsets.UTF_8))) {
      String first = r.readLine();
      return first != null && first.split("\t", -1).length == MENTION_COLUMNS.size();
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public String read(InputStream in, Importer.Run run) throws IOException {
    int threads = run.options().threads();
    if (threads > 1) {
      // Each worker maps with its own importer and output: their caches are not shared.
      BlockReader.read(in, run, threads, () -> {
        GdeltImport worker = new GdeltImport(mentions);
        RowOutput out = new RowOutput();
        return (cells, count) -> worker.outcome(cells, count, out);
      });
    } else {
      try {
        TsvRows.read(CsvRows.reader(in), (line, cells, count) -> run.accept(line, outcome(cells, count, run.output())));
      } catch (TsvRows.Unreadable e) {
        run.unreadable(e.line, e.getMessage());
      }
    }
    return mentions ? "mentions" : "events";
  }

  private Importer.RowOutcome outcome(String[] record, int count, RowOutput out) {
    int width = mentions ? MENTION_COLUMNS.size() : EVENT_COLUMNS.size();
    if (count != width) {
      return Importer.RowOutcome.bad("has " + count + " tab-separated fields, a GDELT 2.0 "
          + (mentions ? "mentions" : "events") + " row has " + width);
    }
    // Each cell cleaned once, in place: the mapping reads several twice.
    for (int i = 0; i < count; i++) {
      String v = record[i];
      String c = Cells.clean(v);
      if (c != v) {
        record[i] = c;
      }
    }
    return Importer.map(o -> {
      if (mentions) {
        mapMention(record, o);
      } else {
        mapEvent(record, o);
      }
    }, out);
  }

  private void mapEvent(String[] r, RowOutput out) {
    String id = Cells.required(r[ID], "GLOBALEVENTID");
    String eventName = "events/" + Ids.slug("gdelt", id);
    TimeSpan day = days.get(r[SQLDATE]);
    Optional<CrosswalkEntry> entry = cameo(r[EVENTCODE], r[BASECODE], r[ROOTCODE]);
    EventType type = entry.map(CrosswalkEntry::type).orElse(EventType.OTHER);
    String what = entry.map(CrosswalkEntry::description).orElse("CAMEO " + r[EVENTCODE]);

    String a1 = r[A1CODE];
    String a2 = r[A2CODE];
    String a1Name = r[A1NAME];
    String a2Name = r[A2NAME];
    String summary = Cells.clip((a1.isEmpty() ? "Someone" : a1Name.isEmpty() ? a1 : a1Name) + ": " + what
        + (a2.isEmpty() ? "" : " (" + (a2Name.isEmpty() ? a2 : a2Name) + ")"), 1_000);
    // "GDELT id" and a "\nColumn: value" line per non-empty column, appended in one pass to this
    // importer's builder: gathering the 96 parts into an array for String.join and copying it was
    // a seventh of a row.
    StringBuilder d = descriptionBuilder;
    d.setLength(0);
    d.append("GDELT ").append(id);
    for (int i : DESCRIBED) {
      String v = r[i];
      if (!v.isEmpty()) {
        d.append(LABELS[i]).append(v);
      }
    }
    String description = d.toString();
    Event.Builder event = Event.builder(eventName, type, summary, day)
        .mode(entry.map(CrosswalkEntry::mode).orElse("")).description(description)
        .place(place(r));
    if (!a1.isEmpty()) {
      event.participant(actor(out, actorNames.get(a1), a1, a1Name, r[A1COUNTRY], r[A1TYPE1]),
          ParticipantRole.PERPETRATOR);
    }
    if (!a2.isEmpty() && !a2.equals(a1)) {
      event.participant(actor(out, actorNames.get(a2), a2, a2Name, r[A2COUNTRY], r[A2TYPE1]),
          ParticipantRole.TARGET);
    }
    String url = r[SOURCEURL];
    String added = r[DATEADDED];
    if (!url.isEmpty()) {
      String reportName = report(out, id, eventName, url, site(url), "1", eventSeen.get(added),
          "cited by the GDELT event record");
      event.report(reportName);
    }
    out.add(event.build());
  }

  private void mapMention(String[] r, RowOutput out) {
    String id = Cells.required(r[0], "GLOBALEVENTID");
    String eventName = "events/" + Ids.slug("gdelt", id);
    out.require(eventName, "GDELT event " + id + " (added " + r[1]
        + ") is in no events file imported and not in the store: import its events file first");
    String url = Cells.required(r[5], "MentionIdentifier");
    String site = r[4];
    TimeSpan seen = mentionSeen.get(r[2]);
    StringBuilder text = new StringBuilder(200).append("GDELT mention of event ").append(id);
    for (int i = 1; i < MENTION_COLUMNS.size(); i++) {
      if (i == 4 || i == 5) {
        continue;
      }
      String v = r[i];
      if (!v.isEmpty()) {
        text.append("; ").append(MENTION_COLUMNS.get(i)).append(": ").append(v);
      }
    }
    report(out, id, eventName, url, site.isEmpty() ? site(url) : site, r[3], seen, text.toString());
  }

  /** Emits the report at {@code url} about the event and its claim; returns the report's name. */
  private static String report(RowOutput out, String id, String eventName, String url, String site,
      String mentionType, TimeSpan published, String claimText) {
    boolean web = mentionType.isEmpty() || mentionType.equals("1");
    String source = Shared.source(out, site.isEmpty() ? "unknown site" : site,
        web ? SourceKind.NEWS_OUTLET : SourceKind.DOCUMENT, () -> site.isEmpty() ? "" : "https://" + site,
        "A site GDELT monitors.");
    String suffix = Ids.slug("gdelt-" + id, Ids.hash(url));
    String reportName = "reports/" + suffix;
    out.add(new Report(reportName, source, published, "", Cells.clip(url, 1_000), "", "", ImmutableList.of()));
    out.add(new Claim("claims/" + suffix, reportName, Stance.ASSERTS, Attribution.DIRECT, "", eventName, null,
        claimText));
    return reportName;
  }

  /** When GDELT saw a report: the 15 minutes to {@code text}, a {@code yyyyMMddHHmmss} time. */
  private static TimeSpan seenSpan(String text, String column) {
    Instant seen = Dates.gdeltInstant(text, column);
    return new TimeSpan(seen.minus(GDELT_LAG), seen, TimePrecision.RANGE, "seen by GDELT in the 15 minutes to " + seen);
  }

  private Optional<CrosswalkEntry> cameo(String code, String base, String root) {
    // Tried in turn, the root's "X0" code joined only if the others fail: most codes map.
    if (!code.isEmpty()) {
      Optional<CrosswalkEntry> e = crosswalk.cameo(code);
      if (e.isPresent()) {
        return e;
      }
    }
    if (!base.isEmpty()) {
      Optional<CrosswalkEntry> e = crosswalk.cameo(base);
      if (e.isPresent()) {
        return e;
      }
    }
    return root.isEmpty() ? Optional.empty() : crosswalk.cameo(root + "0");
  }

  private Place place(String[] r) {
    String type = r[GEO_TYPE];
    GeoPrecision precision = switch (type) {
      case "1" -> GeoPrecision.COUNTRY;
      case "2", "5" -> GeoPrecision.PROVINCE;
      case "3", "4" -> GeoPrecision.NEAR;
      default -> null;
    };
    if (precision == null) {
      return null;
    }
    String full = r[GEO_NAME];
    String lat = r[GEO_LAT];
    String lon = r[GEO_LONG];
    // A file names the same places row after row: the place built for this name is reused when
    // the precision and the coordinates' text are the same.
    KnownPlace known = places.get(full);
    if (known != null && known.place.precision() == precision && known.lat.equals(lat) && known.lon.equals(lon)) {
      return known.place;
    }
    String[] parts = placeParts.get(full);
    String country = parts[0];
    String admin1 = precision != GeoPrecision.COUNTRY ? parts[1] : "";
    Place place = new Place(Cells.clip(full, 1_000), "", admin1, country,
        Cells.point(lat, lon, "ActionGeo_Lat", "ActionGeo_Long"), precision);
    if (places.size() >= MAX_PLACES) {
      places.clear(); // bounded, as Memo is
    }
    places.put(full, new KnownPlace(lat, lon, place));
    return place;
  }

  /** A place built for an ActionGeo_FullName, and the coordinates' text it was built from. */
  private record KnownPlace(String lat, String lon, Place place) {}

  /** The country code and first-level division of a GDELT place name ("Mumbai, Maharashtra, India"). */
  private static String[] placeParts(String full) {
    List<String> parts = Cells.split(full, ',');
    String country = parts.isEmpty() ? "" : Countries.fromName(parts.get(parts.size() - 1));
    String admin1 = parts.size() >= 2 ? parts.get(parts.size() - 2) : "";
    return new String[] {country, admin1};
  }

  /** Emits the actor {@code actorName} of CAMEO actor code {@code code}; returns its name. */
  private static String actor(RowOutput out, String actorName, String code, String name, String countryCode,
      String type1) {
    out.shared(actorName, () -> {
      String cc = Countries.fromAlpha3(countryCode);
      String display = name.isEmpty() ? code : name;
      ActorKind kind = switch (type1) {
        case "GOV", "LEG", "JUD", "ELI" -> ActorKind.GOVERNMENT_BODY;
        case "MIL", "COP", "SPY" -> ActorKind.SECURITY_FORCE;
        case "REB", "INS", "SEP", "UAF", "CRM" -> ActorKind.ARMED_GROUP;
        case "IGO" -> ActorKind.INTERNATIONAL_ORGANIZATION;
        case "" -> code.equals(countryCode) ? ActorKind.STATE : ActorKind.OTHER;
        default -> ActorKind.OTHER;
      };
      if (kind == ActorKind.STATE && !cc.isEmpty()) {
        display = new Locale("", cc).getDisplayCountry(Locale.ENGLISH);
      }
      return new io.sitrep.core.model.Actor(actorName, Cells.clip(display, 1_000), kind,
          display.equals(code) ? ImmutableList.of() : ImmutableList.of(code), cc,
          "CAMEO actor code " + code + (name.isEmpty() ? "" : ", first seen as " + name), ImmutableList.of());
    });
    return actorName;
  }

  /** The site of {@code url}: its host without {@code www.}. */
  static String site(String url) {
    int start = url.indexOf("://");
    start = start < 0 ? 0 : start + 3;
    int end = start;
    while (end < url.length() && url.charAt(end) != '/' && url.charAt(end) != '?' && url.charAt(end) != ':') {
      end++;
    }
    if (url.regionMatches(true, start, "www.", 0, 4)) {
      start += 4;
    }
    for (int i = start; i < end; i++) {
      char c = url.charAt(i);
      if (c >= 'A' && c <= 'Z' || c >= 0x80) {
        return url.substring(start, end).toLowerCase(Locale.ROOT);
      }
    }
    return url.substring(start, end); // one copy: most hosts are lower case already
  }
}
