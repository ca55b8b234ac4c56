package io.sitrep.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.sitrep.client.SitrepClient;
import io.sitrep.client.SitrepTestServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The sitrep command run through picocli against a real in-process server holding the demo week. */
class SitrepCliTest {
  @RegisterExtension final SitrepTestServer sitrep = SitrepTestServer.withDemo();

  @TempDir Path tmp;

  record Run(int exit, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cmd = SitrepCli.commandLine(target -> SitrepClient.over(sitrep.channel()));
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int exit = cmd.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static Path shared(String relative) {
    String root = System.getProperty("sitrep.repo.root");
    if (root != null) {
      Path p = Path.of(root).resolve("../shared/data").resolve(relative).normalize();
      if (Files.exists(p)) {
        return p;
      }
    }
    return Path.of("/work/shared/data").resolve(relative);
  }

  @Test
  void sourcesListsTheDemoOutletsAsATableAndAsJson() throws Exception {
    Run table = run("sources");
    assertThat(table.exit()).isZero();
    assertThat(table.out()).startsWith("SOURCE").contains("sources/al-arabiya", "NEWS_OUTLET");
    Run json = run("sources", "--json");
    JsonNode array = new ObjectMapper().readTree(json.out());
    assertThat(array.isArray()).isTrue();
    assertThat(array.size()).isGreaterThan(10);
    assertThat(array.get(0).get("name").asText()).startsWith("sources/");
  }

  @Test
  void theTimelineOfAsaibAhlAlHaqStartsWithTheRocketAttack() {
    Run r = run("timeline", "--actor", "actors/asaib-ahl-al-haq", "--members");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("#").contains("events/2020-12-20-green-zone-rocket-attack");
  }

  @Test
  void disputesShowTheAzirjawiCustodyQuarrel() {
    Run r = run("disputes");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("custody");
  }

  @Test
  void actorsAndResolveReadTheServer() {
    assertThat(run("actors").out()).contains("actors/asaib-ahl-al-haq");
    Run r = run("resolve", "Asaib");
    // The server may not offer ResolveActor yet: then the command says so with exit code 4.
    assertThat(r.exit()).isIn(0, 4);
    if (r.exit() == 0) {
      assertThat(r.out()).contains("actors/asaib-ahl-al-haq");
    } else {
      assertThat(r.err()).contains("ResolveActor");
    }
  }

  @Test
  void usageMistakesExitWithOne() {
    assertThat(run("import", "nonsense", "x.csv").exit()).isEqualTo(1);
    assertThat(run("import", "acled", tmp.resolve("missing.csv").toString()).exit()).isEqualTo(1);
    assertThat(run("frobnicate").exit()).isEqualTo(1);
    assertThat(run("export", "csv").exit()).isEqualTo(1);
  }

  @Test
  void helpEverywhereAndACompletionScript() {
    for (String c : List.of("import", "export", "timeline", "disputes", "sources", "actors", "resolve")) {
      Run r = run(c, "--help");
      assertThat(r.exit()).as(c).isZero();
      assertThat(r.out()).as(c).contains("Usage: sitrep " + c);
    }
    Run completion = run("generate-completion");
    assertThat(completion.exit()).isZero();
    assertThat(completion.out()).contains("complete -F").contains("import").contains("disputes");
  }

  @Test
  void anUnreachableServerExitsWithThree() {
    var cmd = SitrepCli.commandLine(SitrepClient::connect);
    StringWriter err = new StringWriter();
    cmd.setErr(new PrintWriter(err, true));
    cmd.setOut(new PrintWriter(new StringWriter(), true));
    assertThat(cmd.execute("--server", "127.0.0.1:1", "sources")).isEqualTo(3);
    assertThat(err.toString()).contains("unavailable");
  }

  @Test
  void gdeltImportThenExportRoundTrips() throws Exception {
    Path events = shared("gdelt/20150218230000.export.CSV");
    assumeTrue(Files.isRegularFile(events));
    Run first = run("import", "gdelt", events.toString(), "--json");
    assertThat(first.exit()).isZero();
    JsonNode result = new ObjectMapper().readTree(first.out()).get(0);
    assertThat(result.get("rows").asLong()).isEqualTo(2_271);
    assertThat(result.get("imported").asLong()).isEqualTo(2_271);
    Run again = run("import", "gdelt", events.toString(), "--json");
    assertThat(new ObjectMapper().readTree(again.out()).get(0).get("created").asLong()).isZero();

    Path jsonl = tmp.resolve("all.jsonl");
    assertThat(run("export", "jsonl", "-o", jsonl.toString()).exit()).isZero();
    List<String> lines = Files.readAllLines(jsonl);
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"events/gdelt-410412347\""));
    long events2271 = lines.stream().filter(l -> l.startsWith("{\"event\":{\"name\":\"events/gdelt-")).count();
    assertThat(events2271).isEqualTo(2_271);

    Path csv = tmp.resolve("csv");
    assertThat(run("export", "csv", "-o", csv.toString()).exit()).isZero();
    assertThat(Files.readAllLines(csv.resolve("events.csv")).stream().filter(l -> l.startsWith("events/gdelt-")))
        .hasSizeGreaterThanOrEqualTo(2_271);
  }

  @Test
  void aFileWithBadRowsExitsWithTwoAndNamesTheLines() throws Exception {
    Path mentions = shared("gdelt/20150218230000.mentions.CSV");
    assumeTrue(Files.isRegularFile(mentions));
    Run r = run("import", "gdelt", mentions.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("20150218230000.mentions.CSV:1: GDELT event 410412347");
  }

  @Test
  void theStixExportOfTheDemoIsValidStix21() throws Exception {
    Path schemas = shared("stix/schemas");
    assumeTrue(Files.isDirectory(schemas));
    Run r = run("export", "stix");
    assertThat(r.exit()).isZero();
    JsonNode bundle = new ObjectMapper().readTree(r.out());
    assertThat(bundle.get("type").asText()).isEqualTo("bundle");
    assertThat(bundle.get("id").asText()).matches("bundle--[0-9a-f-]{36}");

    String prefix = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        b -> b.schemas(iri -> {
          if (!iri.startsWith(prefix)) {
            return null;
          }
          try {
            return Files.readString(schemas.resolve(iri.substring(prefix.length())));
          } catch (java.io.IOException e) {
            return null;
          }
        }));
    Map<String, Schema> byType = new HashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    List<String> errors = new ArrayList<>();
    for (JsonNode o : bundle.get("objects")) {
      String type = o.get("type").asText();
      counts.merge(type, 1, Integer::sum);
      Schema schema = byType.computeIfAbsent(type, t -> registry.getSchema(SchemaLocation.of(
          prefix + (t.equals("relationship") ? "sros/" : "sdos/") + t + ".json")));
      for (Error e : schema.validate(o.toString(), InputFormat.JSON)) {
        errors.add(o.get("id").asText() + ": " + e);
      }
    }
    assertThat(errors).isEmpty();
    // The schemas do bite: a note without its required properties fails.
    assertThat(byType.get("note").validate("{\"type\": \"note\"}", InputFormat.JSON)).isNotEmpty();
    assertThat(counts).containsKeys("identity", "threat-actor", "report", "note", "relationship");
    // Ids are deterministic: a second export gives the same objects.
    JsonNode second = new ObjectMapper().readTree(run("export", "stix").out());
    assertThat(second.get("id")).isEqualTo(bundle.get("id"));
  }
}
