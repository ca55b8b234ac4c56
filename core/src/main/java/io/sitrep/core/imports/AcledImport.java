package io.sitrep.core.imports;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.sitrep.core.model.ActorKind;
import io.sitrep.core.model.Attribution;
import io.sitrep.core.model.Claim;
import io.sitrep.core.model.CountRange;
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
import io.sitrep.core.tension.AcledMapping;
import io.sitrep.core.tension.InteractionScores;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * ACLED CSV, both the 31-column format since 2023 ({@code event_id_cnty, event_date, ...,
 * disorder_type, ..., civilian_targeting, iso, ..., tags, timestamp}) and the legacy one
 * ({@code data_id, iso, event_id_cnty, event_id_no_cnty, ..., iso3}); columns are found by name.
 *
 * <p>One row is one event, {@code events/acled-{event_id_cnty}}:
 * <ul>
 *   <li>type and mode from ACLED's event and sub-event type through the crosswalk of {@link
 *       InteractionScores#acled} (OTHER with the sub-event type as mode when it is not there);
 *   <li>time from {@code event_date} and {@code time_precision}: 1 the day (DAY), 2 the week around
 *       it, three days either side (RANGE), 3 its calendar month (MONTH);
 *   <li>place from location, admin2, admin1, the country (ISO numeric {@code iso}, {@code iso3} or
 *       the name) and the point, with {@code geo_precision} 1 EXACT, 2 NEAR, 3 PROVINCE;
 *   <li>{@code actor1} the perpetrator, {@code assoc_actor_1} (";"-separated) supporters,
 *       {@code actor2} the target (victim when civilians), {@code assoc_actor_2} likewise; actor kind
 *       from {@code inter1}/{@code inter2} (code or label);
 *   <li>fatalities {@code low = best = fatalities}, high unknown: ACLED codes the most conservative
 *       figure reported;
 *   <li>the description holds the notes and every other non-empty column, so nothing is lost.
 * </ul>
 * Each source in {@code source} (";"-separated) becomes a source and a report
 * {@code reports/acled-{id}-{source}}, published between the event and ACLED's {@code timestamp};
 * each report makes one claim that the event occurred, whose text is the notes. A row without
 * sources gets one report by {@code sources/acled}.
 */
final class AcledImport implements Importer.FormatReader {
  private static final Set<String> MAPPED = Set.of("event_id_cnty", "event_date", "time_precision", "event_type",
      "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "location", "admin1", "admin2",
      "latitude", "longitude", "geo_precision", "source", "notes", "fatalities", "iso", "iso3", "country");

  private final InteractionScores crosswalk = InteractionScores.standard();
  private ImmutableMap<String, Integer> col = ImmutableMap.of();
  private List<String> header = List.of();
  private UnmappedColumns unmapped = UnmappedColumns.NONE;

  @Override
  public String read(InputStream in, Importer.Run run) throws IOException {
    CsvRows.readWithHeader(in, run, this::header, (line, record) -> {
      if (record.size() != header.size()) {
        return run.unreadable(line, "has " + record.size() + " fields, the header has " + header.size());
      }
      return run.row(line, out -> map(record, out));
    });
    return header.contains("data_id") ? "legacy" : "events";
  }

  private void header(List<String> names) {
    header = names.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList();
    col = CsvRows.columns(header);
    if (!col.containsKey("event_id_cnty") || !col.containsKey("event_date")) {
      throw new IllegalArgumentException("not an ACLED file: no event_id_cnty or event_date column in " + header);
    }
    unmapped = UnmappedColumns.of(header, MAPPED);
  }

  private String get(List<String> r, String column) {
    Integer i = col.get(column);
    return i == null ? "" : Cells.get(r, i);
  }

  private void map(List<String> r, RowOutput out) {
    // A few legacy rows lack event_id_cnty; their data_id still names them uniquely.
    String id = get(r, "event_id_cnty");
    if (id.isEmpty()) {
      id = "data-" + Cells.required(get(r, "data_id"), "event_id_cnty");
    }
    String eventName = "events/" + Ids.slug("acled", id);
    String dateText = get(r, "event_date");
    LocalDate date = Dates.day(dateText, "event_date");
    TimeSpan time = switch (get(r, "time_precision")) {
      case "", "1" -> Dates.daySpan(date, dateText);
      case "2" -> Dates.span(date.minusDays(3), date.plusDays(3), TimePrecision.RANGE, dateText + " (within a week)");
      case "3" -> Dates.span(date.withDayOfMonth(1), date.withDayOfMonth(date.lengthOfMonth()), TimePrecision.MONTH,
          dateText + " (within the month)");
      default -> throw new IllegalArgumentException("time_precision must be 1, 2 or 3: \"" + get(r, "time_precision") + "\"");
    };

    String eventType = Cells.required(get(r, "event_type"), "event_type");
    String subEventType = get(r, "sub_event_type");
    Optional<AcledMapping> mapping = crosswalk.acled(eventType, subEventType);
    EventType type = mapping.map(AcledMapping::type).orElse(EventType.OTHER);
    String mode = mapping.map(AcledMapping::mode).orElse(subEventType.toLowerCase(Locale.ROOT));

    String country = get(r, "country");
    String cc = Countries.any(get(r, "iso"), get(r, "iso3"), country);
    GeoPrecision geo = switch (get(r, "geo_precision")) {
      case "1" -> GeoPrecision.EXACT;
      case "2" -> GeoPrecision.NEAR;
      case "3" -> GeoPrecision.PROVINCE;
      case "" -> null;
      default -> throw new IllegalArgumentException("geo_precision must be 1, 2 or 3: \"" + get(r, "geo_precision") + "\"");
    };
    String location = Cells.required(get(r, "location"), "location");
    Place place = new Place(location, get(r, "admin2"), get(r, "admin1"), cc,
        Cells.point(get(r, "latitude"), get(r, "longitude"), "latitude", "longitude"), geo);

    Integer fatalities = Cells.integerOrNull(get(r, "fatalities"), "fatalities");
    String notes = get(r, "notes");
    String actor1 = Cells.required(get(r, "actor1"), "actor1");
    String actor2 = get(r, "actor2");
    String summary = Cells.clip((subEventType.isEmpty() ? eventType : subEventType) + ": " + actor1
        + (actor2.isEmpty() ? "" : " vs " + actor2) + " in " + location + (country.isEmpty() ? "" : ", " + country), 1_000);

    String description = notes + (notes.isEmpty() ? "" : "\n\n") + "ACLED " + get(r, "event_id_cnty") + "\n"
        + unmapped.describe(r);

    Event.Builder event = Event.builder(eventName, type, summary, time).mode(mode).description(description)
        .place(place).fatalities(fatalities == null ? CountRange.UNKNOWN : new CountRange(fatalities, fatalities, null));
    String inter1 = get(r, "inter1");
    String inter2 = get(r, "inter2");
    event.participant(actor(out, actor1, inter1), ParticipantRole.PERPETRATOR);
    for (String a : Cells.split(get(r, "assoc_actor_1"), ';')) {
      event.participant(actor(out, a, ""), ParticipantRole.SUPPORTER);
    }
    boolean civilians2 = isCivilians(inter2);
    if (!actor2.isEmpty()) {
      event.participant(actor(out, actor2, inter2), civilians2 ? ParticipantRole.VICTIM : ParticipantRole.TARGET);
    }
    for (String a : Cells.split(get(r, "assoc_actor_2"), ';')) {
      event.participant(actor(out, a, ""), civilians2 || a.startsWith("Civilians") ? ParticipantRole.VICTIM
          : ParticipantRole.TARGET);
    }

    // The sources, a report by each, and its claim that the event occurred.
    Instant coded = null;
    String ts = get(r, "timestamp");
    if (!ts.isEmpty()) {
      coded = Instant.ofEpochSecond(Cells.integer(ts, "timestamp"));
    }
    TimeSpan published = coded != null && coded.isAfter(time.start())
        ? new TimeSpan(time.start(), coded, TimePrecision.RANGE, "between the event and ACLED's timestamp " + ts)
        : time;
    List<String> sources = Cells.split(get(r, "source"), ';');
    String eventSlug = eventName.substring("events/".length());
    List<String[]> reports = new ArrayList<>();
    if (sources.isEmpty()) {
      String s = Shared.source(out, "ACLED", SourceKind.ANALYST, "https://acleddata.com",
          "Armed Conflict Location & Event Data (ACLED), www.acleddata.com; Raleigh et al. 2010.");
      reports.add(new String[] {s, "ACLED"});
    } else {
      for (String src : sources) {
        String s = Shared.source(out, src, SourceKind.NEWS_OUTLET, "", "Cited as a source by ACLED.");
        reports.add(new String[] {s, src});
      }
    }
    for (String[] sr : reports) {
      String suffix = Ids.slug(eventSlug, sr[0].substring("sources/".length()));
      String reportName = "reports/" + suffix;
      out.add(new Report(reportName, sr[0], published, Cells.clip(sr[1] + " on " + summary, 1_000), "", "", "",
          ImmutableList.of()));
      out.add(new Claim("claims/" + suffix, reportName, Stance.ASSERTS, Attribution.DIRECT, "", eventName, null,
          notes));
      event.report(reportName);
    }
    out.add(event.build());
  }

  private static String actor(RowOutput out, String name, String inter) {
    return Shared.actor(out, name, () -> kindOf(inter, name), "", "");
  }

  private static boolean isCivilians(String inter) {
    return inter.equals("7") || inter.equalsIgnoreCase("Civilians");
  }

  /** ACLED's actor type, by code (legacy) or label (2023+). */
  static ActorKind kindOf(String inter, String name) {
    ActorKind k = switch (inter.toLowerCase(Locale.ROOT)) {
      case "1", "state forces" -> ActorKind.SECURITY_FORCE;
      case "2", "rebel group", "3", "political militia", "4", "identity militia" -> ActorKind.ARMED_GROUP;
      default -> ActorKind.OTHER;
    };
    return k == ActorKind.OTHER || k == ActorKind.SECURITY_FORCE ? Shared.kindFromName(name, k) : k;
  }
}
