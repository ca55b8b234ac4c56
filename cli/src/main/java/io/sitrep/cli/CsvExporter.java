package io.sitrep.cli;

import io.sitrep.core.model.Actor;
import io.sitrep.core.model.Claim;
import io.sitrep.core.model.CountRange;
import io.sitrep.core.model.Event;
import io.sitrep.core.model.Place;
import io.sitrep.core.model.Report;
import io.sitrep.core.model.Source;
import io.sitrep.core.model.TimeSpan;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One CSV per collection, for spreadsheets: a row per resource, nested values flattened (times as
 * start, end and precision; lists joined with "; "; participants as {@code ROLE actor}).
 */
final class CsvExporter {
  static final List<String> COLLECTIONS = List.of("sources", "reports", "actors", "events", "claims");

  private CsvExporter() {}

  static void write(Snapshot s, String collection, Writer w) throws IOException {
    CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT);
    switch (collection) {
      case "sources" -> {
        p.printRecord("name", "display_name", "kind", "handle", "uri", "country_code", "languages", "reliability",
            "affiliations", "description");
        for (Source x : s.sources()) {
          p.printRecord(x.name(), x.displayName(), x.kind(), x.handle(), x.uri(), x.countryCode(),
              String.join("; ", x.languages()), x.reliability() == null ? "" : x.reliability(),
              x.affiliations().stream().map(a -> a.actor()).collect(Collectors.joining("; ")), x.description());
        }
      }
      case "reports" -> {
        p.printRecord("name", "source", "publish_start", "publish_end", "publish_precision", "title", "uri",
            "language", "quotations", "excerpt");
        for (Report x : s.reports()) {
          p.printRecord(x.name(), x.source(), x.publishTime().start(), x.publishTime().end(),
              x.publishTime().precision(), x.title(), x.uri(), x.language(),
              x.quotations().stream().map(q -> q.kind() + " " + (q.report() + q.source() + " " + q.description()).strip())
                  .collect(Collectors.joining("; ")), x.excerpt());
        }
      }
      case "actors" -> {
        p.printRecord("name", "display_name", "kind", "aliases", "country_code", "relations", "description");
        for (Actor x : s.actors()) {
          p.printRecord(x.name(), x.displayName(), x.kind(), String.join("; ", x.aliases()), x.countryCode(),
              x.relations().stream().map(r -> r.kind() + " " + r.object()).collect(Collectors.joining("; ")),
              x.description());
        }
      }
      case "events" -> {
        p.printRecord("name", "type", "mode", "summary", "start", "end", "precision", "time_text", "place",
            "admin2", "admin1", "country_code", "latitude", "longitude", "geo_precision", "participants",
            "fatalities_low", "fatalities_best", "fatalities_high", "injuries_low", "injuries_best", "injuries_high",
            "reports", "description");
        for (Event x : s.events()) {
          Place pl = x.place();
          TimeSpan t = x.time();
          CountRange f = x.fatalities();
          CountRange i = x.injuries();
          p.printRecord(x.name(), x.type(), x.mode(), x.summary(), t.start(), t.end(), t.precision(), t.originalText(),
              pl == null ? "" : pl.name(), pl == null ? "" : pl.admin2(), pl == null ? "" : pl.admin1(),
              pl == null ? "" : pl.countryCode(),
              pl == null || pl.coordinates() == null ? "" : pl.coordinates().latitude(),
              pl == null || pl.coordinates() == null ? "" : pl.coordinates().longitude(),
              pl == null || pl.precision() == null ? "" : pl.precision(),
              x.participants().stream().map(pp -> pp.role() + " " + pp.actor()).collect(Collectors.joining("; ")),
              n(f.low()), n(f.best()), n(f.high()), n(i.low()), n(i.best()), n(i.high()),
              String.join("; ", x.reports()), x.description());
        }
      }
      case "claims" -> {
        p.printRecord("name", "report", "stance", "attribution", "attributed_to", "event", "subject", "attribute",
            "value", "valid_start", "valid_end", "text");
        for (Claim x : s.claims()) {
          var pr = x.proposition();
          p.printRecord(x.name(), x.report(), x.stance(), x.attribution() == null ? "" : x.attribution(),
              x.attributedTo(), x.event(), pr == null ? "" : pr.subject(), pr == null ? "" : pr.attribute(),
              pr == null ? "" : pr.value(), pr == null || pr.validTime() == null ? "" : pr.validTime().start(),
              pr == null || pr.validTime() == null ? "" : pr.validTime().end(), x.text());
        }
      }
      default -> throw new IllegalArgumentException("no collection " + collection);
    }
    p.flush();
  }

  private static Object n(Integer v) {
    return v == null ? "" : v;
  }
}
