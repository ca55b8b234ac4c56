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
import io.sitrep.core.model.Quotation;
import io.sitrep.core.model.QuotationKind;
import io.sitrep.core.model.Report;
import io.sitrep.core.model.SourceKind;
import io.sitrep.core.model.Stance;
import io.sitrep.core.model.TimePrecision;
import io.sitrep.core.model.TimeSpan;
import io.sitrep.core.tension.CrosswalkEntry;
import io.sitrep.core.tension.InteractionScores;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * UCDP Georeferenced Event Dataset CSV (GED 19.1 and later), columns found by name in any order,
 * {@code relid} and {@code code_status} optional, an HXL tag row skipped.
 *
 * <p>One row is one event, {@code events/ucdp-{id}}: ASSAULT, with the CAMEO code of its
 * {@code type_of_violence} through the crosswalk (1 state-based and 2 non-state: 190, conventional
 * military force; 3 one-sided: 180, unconventional violence) giving mode and context;
 * {@code date_start}..{@code date_end} (a time part ignored) with {@code date_prec} 1 DAY (RANGE if
 * the days differ), 2-3 RANGE, 4 MONTH, 5 YEAR; {@code where_prec} 1 EXACT, 2 NEAR, 3 DISTRICT,
 * 4 PROVINCE, 5 REGION (a linear feature), 6 COUNTRY, 7 REGION (waters, airspace);
 * {@code side_a} perpetrator, {@code side_b} target (victim for one-sided violence); fatalities
 * {@code (low, best, high)}. Every other non-empty column (deaths per side, conflict and dyad
 * ids, clarity, ...) is kept in the description.
 *
 * <p>{@code source_article} lists articles ("Agence France Presse,2014-01-25,headline", several
 * separated by ";"): each becomes a report by its outlet, dated, titled with its headline, quoting
 * {@code source_original} (the police, a doctor) and claiming the event occurred. A row without
 * articles gets one report by {@code sources/ucdp} with {@code source_headline} as claim text.
 */
final class UcdpImport implements Importer.FormatReader {
  private static final Set<String> MAPPED = Set.of("id", "type_of_violence", "side_a", "side_b", "source_article",
      "source_office", "source_date", "source_headline", "source_original", "where_prec", "where_coordinates",
      "adm_1", "adm_2", "latitude", "longitude", "country", "iso3", "date_prec", "date_start", "date_end", "low",
      "best", "high", "geom_wkt");

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
    return "events";
  }

  private void header(List<String> names) {
    header = names.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList();
    col = CsvRows.columns(header);
    for (String required : List.of("id", "date_start", "side_a")) {
      if (!col.containsKey(required)) {
        throw new IllegalArgumentException("not a UCDP GED file: no " + required + " column in " + header);
      }
    }
    unmapped = UnmappedColumns.of(header, MAPPED);
  }

  private String get(List<String> r, String column) {
    Integer i = col.get(column);
    return i == null ? "" : Cells.get(r, i);
  }

  private void map(List<String> r, RowOutput out) {
    String id = Cells.required(get(r, "id"), "id");
    String eventName = "events/" + Ids.slug("ucdp", id);
    String startText = get(r, "date_start");
    String endText = get(r, "date_end");
    LocalDate start = Dates.day(startText, "date_start");
    LocalDate end = endText.isEmpty() ? start : Dates.day(endText, "date_end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("date_end " + endText + " is before date_start " + startText);
    }
    String original = startText + (endText.isEmpty() || endText.equals(startText) ? "" : " to " + endText);
    TimePrecision precision = switch (get(r, "date_prec")) {
      case "", "1" -> start.equals(end) ? TimePrecision.DAY : TimePrecision.RANGE;
      case "2", "3" -> TimePrecision.RANGE;
      case "4" -> TimePrecision.MONTH;
      case "5" -> TimePrecision.YEAR;
      default -> throw new IllegalArgumentException("date_prec must be 1 to 5: \"" + get(r, "date_prec") + "\"");
    };
    TimeSpan time = Dates.span(start, end, precision, original);

    String violence = get(r, "type_of_violence");
    String cameo = switch (violence) {
      case "1", "2" -> "190";
      case "3" -> "180";
      default -> throw new IllegalArgumentException("type_of_violence must be 1, 2 or 3: \"" + violence + "\"");
    };
    CrosswalkEntry entry = crosswalk.cameo(cameo).orElseThrow();
    String mode = entry.mode().isEmpty() ? switch (violence) {
      case "1" -> "state-based";
      case "2" -> "non-state";
      default -> "one-sided";
    } : entry.mode();

    GeoPrecision geo = switch (get(r, "where_prec")) {
      case "1" -> GeoPrecision.EXACT;
      case "2" -> GeoPrecision.NEAR;
      case "3" -> GeoPrecision.DISTRICT;
      case "4" -> GeoPrecision.PROVINCE;
      case "5", "7" -> GeoPrecision.REGION;
      case "6" -> GeoPrecision.COUNTRY;
      case "" -> null;
      default -> throw new IllegalArgumentException("where_prec must be 1 to 7: \"" + get(r, "where_prec") + "\"");
    };
    String country = get(r, "country");
    String cc = Countries.any("", get(r, "iso3"), country);
    String where = get(r, "where_coordinates");
    Place place = new Place(where, get(r, "adm_2"), get(r, "adm_1"), cc,
        Cells.point(get(r, "latitude"), get(r, "longitude"), "latitude", "longitude"), geo);

    Integer low = Cells.integerOrNull(get(r, "low"), "low");
    Integer best = Cells.integerOrNull(get(r, "best"), "best");
    Integer high = Cells.integerOrNull(get(r, "high"), "high");
    String deathsNote = "";
    if ((low != null && best != null && low > best) || (best != null && high != null && best > high)
        || (low != null && high != null && low > high)) {
      // UCDP publishes some rows out of order (low 6610, best 6573): the range is widened to hold
      // all three, and the figures as published are kept in the description.
      deathsNote = "\nlow/best/high as published: " + low + "/" + best + "/" + high;
      int lo = Math.min(low == null ? Integer.MAX_VALUE : low, Math.min(best == null ? Integer.MAX_VALUE : best,
          high == null ? Integer.MAX_VALUE : high));
      int hi = Math.max(low == null ? 0 : low, Math.max(best == null ? 0 : best, high == null ? 0 : high));
      low = low == null ? null : lo;
      high = high == null ? null : hi;
    }
    CountRange deaths = new CountRange(low, best, high);

    String sideA = Cells.required(get(r, "side_a"), "side_a");
    String sideB = get(r, "side_b");
    String summary = Cells.clip(("3".equals(violence) ? "One-sided violence by " : "Fighting: ") + sideA
        + (sideB.isEmpty() ? "" : ("3".equals(violence) ? " against " : " vs ") + sideB)
        + (where.isEmpty() ? "" : " at " + where), 1_000);
    String headline = get(r, "source_headline");
    String description = "UCDP GED " + id + "\n" + unmapped.describe(r) + deathsNote;
    Event.Builder event = Event.builder(eventName, EventType.ASSAULT, summary, time).mode(mode)
        .description(description).place(place).fatalities(deaths);
    event.participant(Shared.actor(out, sideA, () -> kindOf(sideA), "", ucdpAlias(get(r, "side_a_new_id")),
        ucdpAlias(get(r, "side_a_new_id"))), ParticipantRole.PERPETRATOR);
    if (!sideB.isEmpty()) {
      event.participant(Shared.actor(out, sideB, () -> kindOf(sideB), "", ucdpAlias(get(r, "side_b_new_id")),
          ucdpAlias(get(r, "side_b_new_id"))), "3".equals(violence) ? ParticipantRole.VICTIM : ParticipantRole.TARGET);
    }

    String quoted = get(r, "source_original");
    ImmutableList<Quotation> quotations = quoted.isEmpty() ? ImmutableList.of()
        : ImmutableList.of(new Quotation(QuotationKind.ANONYMOUS_OFFICIAL, "", "", Cells.clip(quoted, 1_000)));
    String eventSlug = eventName.substring("events/".length());
    List<String> articles = Cells.split(get(r, "source_article"), ';');
    int n = 0;
    for (String article : articles) {
      // "Outlet,2014-01-25,Headline, perhaps with commas", possibly wrapped in quotes.
      String a = article.replace("\"", "").strip();
      String[] parts = a.split(",", 3);
      String outlet = parts[0].strip();
      if (outlet.isEmpty()) {
        continue;
      }
      TimeSpan published = time;
      String title = a;
      if (parts.length >= 2) {
        try {
          LocalDate d = Dates.day(parts[1].strip(), "source_article date");
          published = Dates.daySpan(d, parts[1].strip());
          title = parts.length == 3 ? parts[2].strip() : "";
        } catch (IllegalArgumentException notADate) {
          title = a;
        }
      }
      String source = Shared.source(out, outlet, SourceKind.NEWS_OUTLET, "", "Cited as a source by UCDP.");
      String suffix = Ids.slug(eventSlug, (n++) + "-" + outlet);
      addReport(out, event, "reports/" + suffix, "claims/" + suffix, source, published, title, quotations, eventName,
          title.isEmpty() ? headline : title, quoted);
    }
    if (n == 0) {
      String source = Shared.source(out, "UCDP", SourceKind.ANALYST, "https://ucdp.uu.se",
          "Uppsala Conflict Data Program, Georeferenced Event Dataset (Sundberg & Melander 2013).");
      String office = get(r, "source_office");
      addReport(out, event, "reports/" + eventSlug, "claims/" + eventSlug, source, time,
          office.isEmpty() ? "UCDP GED event " + id : office + ": " + headline, quotations, eventName, headline, quoted);
    }
    out.add(event.build());
  }

  private static void addReport(RowOutput out, Event.Builder event, String reportName, String claimName, String source,
      TimeSpan published, String title, ImmutableList<Quotation> quotations, String eventName, String text,
      String attributedTo) {
    out.add(new Report(reportName, source, published, Cells.clip(title, 1_000), "", "", "", quotations));
    out.add(new Claim(claimName, reportName, Stance.ASSERTS,
        attributedTo.isEmpty() ? Attribution.DIRECT : Attribution.QUOTING, Cells.clip(attributedTo, 1_000), eventName,
        null, text));
    event.report(reportName);
  }

  private static String ucdpAlias(String id) {
    return id.isEmpty() ? "" : "UCDP actor " + id;
  }

  static ActorKind kindOf(String side) {
    String s = side.toLowerCase(Locale.ROOT);
    if (s.startsWith("government of")) {
      return ActorKind.STATE;
    }
    if (s.equals("civilians")) {
      return ActorKind.OTHER;
    }
    return ActorKind.ARMED_GROUP;
  }
}
