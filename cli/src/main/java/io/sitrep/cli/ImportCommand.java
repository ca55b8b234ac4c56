package io.sitrep.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitrep.client.SitrepClient;
import io.sitrep.core.imports.ImportFormat;
import io.sitrep.core.imports.ImportOptions;
import io.sitrep.core.imports.ImportProblem;
import io.sitrep.core.imports.ImportResult;
import io.sitrep.core.imports.Importer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sitrep import acled|ucdp|gdelt|plover FILE...}. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Import data-set files into the server, streaming, in batches.",
        "Bad rows are reported with file, line and reason and the rest is imported (exit code 2);",
        "importing the same file again stores nothing. GDELT events files are read before mentions files."})
final class ImportCommand implements Callable<Integer> {
  @ParentCommand SitrepCli root;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FORMAT", description = "acled, ucdp, gdelt or plover.",
      converter = FormatConverter.class)
  ImportFormat format;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "The files to import.")
  List<Path> files;

  @Option(names = "--strict", description = "Stop at the first bad row.")
  boolean strict;

  @Option(names = "--batch-rows", defaultValue = "500", description = "Rows per batch (default: ${DEFAULT-VALUE}).")
  int batchRows;

  @Option(names = "--max-problems", defaultValue = "20",
      description = "Bad rows to list (all are counted; default: ${DEFAULT-VALUE}).")
  int maxProblems;

  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<ImportFormat> {
    @Override
    public ImportFormat convert(String value) {
      try {
        return ImportFormat.of(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "unknown format '" + value + "': use acled, ucdp, gdelt or plover");
      }
    }
  }

  @Override
  public Integer call() {
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new SitrepCli.UsageException("no such file: " + f);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ImportOptions options = new ImportOptions(batchRows, strict, Math.max(maxProblems, 0));
    List<ImportResult> results;
    try (SitrepClient client = root.connect()) {
      results = Importer.importFiles(format, files, new ClientSink(client), options,
          Progress.on(err, Progress.stderrIsTerminal()));
    }
    boolean partial = results.stream().anyMatch(r -> !r.clean());
    if (root.json) {
      ObjectMapper json = new ObjectMapper();
      ArrayNode array = json.createArrayNode();
      for (ImportResult r : results) {
        ObjectNode o = array.addObject();
        o.put("file", r.file()).put("format", r.format().prefix()).put("kind", r.kind()).put("rows", r.rows())
            .put("imported", r.imported()).put("bad", r.bad()).put("created", r.created())
            .put("stopped_early", r.stoppedEarly());
        ArrayNode problems = o.putArray("problems");
        for (ImportProblem p : r.problems()) {
          problems.addObject().put("line", p.line()).put("reason", p.reason());
        }
      }
      out.println(array.toPrettyString());
    } else {
      Table t = new Table("FILE", "KIND", "ROWS", "IMPORTED", "BAD", "CREATED");
      for (ImportResult r : results) {
        t.row(Path.of(r.file()).getFileName(), r.kind(), r.rows(), r.imported(), r.bad(), r.created());
      }
      t.print(out);
      for (ImportResult r : results) {
        for (ImportProblem p : r.problems()) {
          err.println(p);
        }
        if (r.bad() > r.problems().size()) {
          err.println(Path.of(r.file()).getFileName() + ": " + (r.bad() - r.problems().size())
              + " more bad rows not listed (--max-problems)");
        }
        if (r.stoppedEarly()) {
          err.println(Path.of(r.file()).getFileName() + ": stopped at the first bad row (--strict)");
        }
      }
    }
    out.flush();
    err.flush();
    return partial ? ExitCodes.PARTIAL : ExitCodes.OK;
  }
}
