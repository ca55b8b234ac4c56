package io.sitrep.core.imports;

import com.google.common.collect.ImmutableList;
import io.sitrep.core.model.ActorKind;
import io.sitrep.core.model.Attribution;
import io.sitrep.core.model.Claim;
import io.sitrep.core.model.CountRange;
import io.sitrep.core.model.Event;
import io.sitrep.core.model.EventType;
import io.sitrep.core.model.ParticipantRole;
import io.sitrep.core.model.Place;
import io.sitrep.core.model.Report;
import io.sitrep.core.model.Source;
import io.sitrep.core.model.SourceKind;
import io.sitrep.core.model.Stance;
import io.sitrep.core.model.TimeSpan;
import io.sitrep.core.tension.CrosswalkEntry;
import io.sitrep.core.tension.InteractionScores;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * PLOVER JSON: an array of coded event records ({@code id, date, source[], target, event,
 * eventText, mode, context, text, textInfo, eventLoc, dead, injured, ...}), such as the gold
 * standard records of the PLOVER repository.
 *
 * <p>A record is {@code events/plover-{id}} of its PLOVER category. Categories of PLOVER 0.5 that
 * the current manual renamed are read through the crosswalk as their successors: DEMAND as REQUEST,
 * DISAPPROVE and INVESTIGATE as ACCUSE (modes disapprove, investigate), FIGHT as ASSAULT. {@code source} actors are perpetrators and {@code target} actors (a list, a
 * blank string or missing) targets, as {@code actors/plover-{code}-{sector}} named by their text;
 * {@code dead} and {@code injured} are exact counts; {@code eventLoc.name} the place. The record
 * is also a report, {@code reports/plover-{id}}, by the record's publication, whose excerpt is the
 * coded sentence and whose claim (text: the sentence) asserts the event. A {@code DOCUMENT}
 * record describes the file: it becomes the description of the publication's source.
 */
final class PloverImport implements Importer.FormatReader {
  private final InteractionScores crosswalk = InteractionScores.standard();
  private @Nullable Map<String, Object> document;

  @Override
  public String read(InputStream in, Importer.Run run) throws IOException {
    JsonArrayReader json = new JsonArrayReader(CsvRows.reader(in));
    try {
      while (json.hasNext()) {
        Object element = json.next();
        long line = json.elementLine();
        boolean go = element instanceof Map<?, ?> m
            ? run.row(line, out -> map(castMap(m), out))
            : run.unreadable(line, "a PLOVER record must be a JSON object");
        if (!go) {
          break;
        }
      }
    } catch (JsonArrayReader.SyntaxError e) {
      run.unreadable(e.line, "unreadable JSON: " + e.getMessage() + "; the rest of the file is lost");
    }
    return "events";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  private static String str(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v == null ? "" : v instanceof String s ? s.strip() : String.valueOf(v);
  }

  private void map(Map<String, Object> record, RowOutput out) {
    String id = Cells.required(str(record, "id"), "id");
    String category = Cells.required(str(record, "event"), "event").toUpperCase(Locale.ROOT);
    String publication = str(record, "publication");
    String sourceTitle = publication.isEmpty() ? "PLOVER" : publication;
    if (category.equals("DOCUMENT")) {
      document = record;
      emitSource(out, sourceTitle);
      return;
    }
    CrosswalkEntry renamed = renamed(category);
    EventType type = renamed != null ? renamed.type() : typeOf(category);
    String mode = str(record, "mode").toLowerCase(Locale.ROOT);
    if (mode.isEmpty() && renamed != null) {
      mode = renamed.mode();
    }
    String eventName = "events/" + Ids.slug("plover", id);
    String reportName = "reports/" + Ids.slug("plover", id);
    String dateText = str(record, "date");
    TimeSpan time = Dates.daySpan(Dates.day(dateText, "date"), dateText);
    String text = str(record, "text");
    String eventText = str(record, "eventText");
    String summary = Cells.clip(category + (eventText.isEmpty() ? "" : ": " + eventText)
        + (text.isEmpty() ? "" : " — " + text), 1_000);
    StringBuilder description = new StringBuilder("PLOVER ").append(id);
    for (String key : List.of("event", "context", "comment", "coder", "version", "dateCoded", "language", "size")) {
      String v = str(record, key);
      if (!v.isEmpty()) {
        description.append('\n').append(key).append(": ").append(v);
      }
    }
    if (record.get("target") instanceof String t && !t.isBlank()) {
      // One record has a word ("diplomatic") where its target list belongs: kept, not an actor.
      description.append("\ntarget: ").append(t.strip());
    }
    if (record.get("textInfo") instanceof Map<?, ?> info && info.get("markup") instanceof String markup) {
      description.append("\nmarkup: ").append(markup);
    }
    Event.Builder event = Event.builder(eventName, type, summary, time)
        .mode(mode).description(description.toString())
        .fatalities(count(record, "dead")).injuries(count(record, "injured")).report(reportName);
    if (record.get("eventLoc") instanceof Map<?, ?> loc && loc.get("name") instanceof String place && !place.isBlank()) {
      event.place(new Place(place.strip(), "", "", Countries.fromName(place), null, null));
    }
    for (Map<String, Object> a : actors(record.get("source"), "source")) {
      event.participant(actor(out, a), ParticipantRole.PERPETRATOR);
    }
    for (Map<String, Object> a : actors(record.get("target"), "target")) {
      event.participant(actor(out, a), ParticipantRole.TARGET);
    }
    String source = emitSource(out, sourceTitle);
    String language = str(record, "language");
    out.add(new Report(reportName, source, time, Cells.clip(id, 1_000), "",
        language.matches("[A-Za-z]{2,8}") ? language : "", text, ImmutableList.of()));
    out.add(new Claim("claims/" + Ids.slug("plover", id), reportName, Stance.ASSERTS, Attribution.DIRECT, "", eventName,
        null, text));
    out.add(event.build());
  }

  private String emitSource(RowOutput out, String title) {
    String name = Shared.sourceName(title);
    Map<String, Object> doc = document;
    out.shared(name, () -> {
      StringBuilder d = new StringBuilder("PLOVER coded records");
      if (doc != null) {
        for (String key : List.of("eventText", "coder", "version", "license", "copyright", "comment")) {
          String v = str(doc, key);
          if (!v.isEmpty()) {
            d.append('\n').append(key).append(": ").append(v);
          }
        }
      }
      return Source.builder(name, Cells.clip(title, 1_000), SourceKind.DOCUMENT)
          .uri("https://github.com/openeventdata/PLOVER").description(d.toString()).build();
    });
    return name;
  }

  private static List<Map<String, Object>> actors(@Nullable Object value, String field) {
    if (value == null || value instanceof String) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException(field + " must be a list of actors");
    }
    return list.stream().map(o -> {
      if (!(o instanceof Map<?, ?> m)) {
        throw new IllegalArgumentException(field + " must hold objects");
      }
      return castMap(m);
    }).toList();
  }

  private static String actor(RowOutput out, Map<String, Object> a) {
    String code = str(a, "code");
    String sector = str(a, "sector");
    String text = str(a, "actorText");
    String key = code.isEmpty() && sector.isEmpty() ? text : code + " " + sector;
    if (key.isBlank()) {
      throw new IllegalArgumentException("an actor has neither code, sector nor text");
    }
    String name = "actors/" + Ids.slug("plover", key);
    String cc = Countries.fromAlpha3(code);
    out.shared(name, () -> {
      ActorKind kind = switch (sector) {
        case "GOV", "LEG", "JUD" -> ActorKind.GOVERNMENT_BODY;
        case "MIL", "COP", "SPY" -> ActorKind.SECURITY_FORCE;
        case "REB", "INS" -> ActorKind.ARMED_GROUP;
        case "IGO" -> ActorKind.INTERNATIONAL_ORGANIZATION;
        case "" -> cc.isEmpty() ? ActorKind.OTHER : ActorKind.STATE;
        default -> ActorKind.OTHER;
      };
      String display = text.isEmpty() ? key : text;
      ImmutableList<String> aliases = key.equals(display) ? ImmutableList.of() : ImmutableList.of(key.strip());
      return new io.sitrep.core.model.Actor(name, Cells.clip(display, 1_000), kind, aliases, cc,
          "PLOVER actor " + key.strip(), ImmutableList.of());
    });
    return name;
  }

  private static CountRange count(Map<String, Object> record, String key) {
    Object v = record.get(key);
    if (v == null || v instanceof String s && s.isBlank()) {
      return CountRange.UNKNOWN;
    }
    int n = Cells.integer(String.valueOf(v), key);
    return CountRange.exactly(n);
  }

  /**
   * The crosswalk entry of a PLOVER 0.5 category the current manual renamed or merged, by the CAMEO
   * code of its root: DEMAND is CAMEO 100 (REQUEST), DISAPPROVE 110 (ACCUSE, disapprove),
   * INVESTIGATE 090 (ACCUSE, investigate), FIGHT 190 (ASSAULT); null for current categories.
   */
  private @Nullable CrosswalkEntry renamed(String category) {
    String code = switch (category) {
      case "DEMAND" -> "100";
      case "DISAPPROVE" -> "110";
      case "INVESTIGATE" -> "090";
      case "FIGHT" -> "190";
      default -> null;
    };
    return code == null ? null : crosswalk.cameo(code).orElse(null);
  }

  /** The Sitrep type of a PLOVER category, reading 0.5's names as their successors. */
  static EventType typeOf(String category) {
    return switch (category) {
      case "DEMAND" -> EventType.REQUEST;
      case "DISAPPROVE", "INVESTIGATE" -> EventType.ACCUSE;
      case "FIGHT" -> EventType.ASSAULT;
      default -> {
        try {
          yield EventType.valueOf(category);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("event \"" + category + "\" is not a PLOVER category");
        }
      }
    };
  }
}
