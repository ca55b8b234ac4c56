package io.sitrep.cli;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.sitrep.api.v1.AssessClaimsRequest;
import io.sitrep.api.v1.ClaimAssessment;
import io.sitrep.api.v1.PropositionBelief;
import io.sitrep.api.v1.ValueBelief;
import io.sitrep.client.SitrepClient;
import io.sitrep.core.model.Resource;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sitrep export stix|jsonl|csv}. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Export what the server holds.",
        "stix: a STIX 2.1 bundle (JSON); jsonl: one resource per line, as IngestItem JSON, re-importable;",
        "csv: one file per collection into --output DIR, or one --collection to stdout or --output FILE."})
final class ExportCommand implements Callable<Integer> {
  @ParentCommand SitrepCli root;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  enum Format { stix, jsonl, csv }

  @Parameters(index = "0", paramLabel = "FORMAT", description = "stix, jsonl or csv.")
  Format format;

  @Option(names = {"-o", "--output"}, description = "A file (a directory for csv without --collection);"
      + " stdout if not given.")
  Path output;

  @Option(names = "--collection", description = "Only this collection: sources, reports, actors, events, claims.")
  String collection;

  @Option(names = "--no-assessment", description = "stix: do not ask AssessClaims for beliefs (no confidence).")
  boolean noAssessment;

  @Override
  public Integer call() throws IOException {
    if (collection != null && !List.of("sources", "reports", "actors", "events", "claims").contains(collection)) {
      throw new SitrepCli.UsageException("no collection " + collection
          + ": use sources, reports, actors, events or claims");
    }
    if (format == Format.csv && collection == null && output == null) {
      throw new SitrepCli.UsageException("csv needs --output DIR (one file per collection) or --collection");
    }
    try (SitrepClient client = root.connect()) {
      Snapshot snapshot = Snapshot.read(client);
      switch (format) {
        case stix -> {
          Map<String, Double> beliefs = noAssessment ? Map.of() : beliefs(client);
          String text = new StixExporter(snapshot, beliefs).bundle().toPrettyString();
          write(w -> w.write(text + "\n"));
        }
        case jsonl -> write(w -> jsonl(snapshot, w));
        case csv -> {
          if (collection != null) {
            write(w -> CsvExporter.write(snapshot, collection, w));
          } else {
            Files.createDirectories(output);
            for (String c : CsvExporter.COLLECTIONS) {
              try (Writer w = Files.newBufferedWriter(output.resolve(c + ".csv"), StandardCharsets.UTF_8)) {
                CsvExporter.write(snapshot, c, w);
              }
            }
            spec.commandLine().getErr().println("wrote " + CsvExporter.COLLECTIONS.size() + " files to " + output);
          }
        }
      }
    }
    return ExitCodes.OK;
  }

  private interface Body {
    void write(Writer w) throws IOException;
  }

  private void write(Body body) throws IOException {
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      body.write(out);
      out.flush();
    } else {
      Path parent = output.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (Writer w = new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8)) {
        body.write(w);
      }
    }
  }

  private void jsonl(Snapshot s, Writer w) throws IOException {
    JsonFormat.Printer printer = JsonFormat.printer().omittingInsignificantWhitespace();
    for (List<? extends Resource> list : List.of(s.sources(), s.actors(), s.reports(), s.events(), s.claims())) {
      for (Resource r : list) {
        if (collection != null && !r.name().startsWith(collection + "/")) {
          continue;
        }
        try {
          w.write(printer.print(ClientSink.item(r)));
        } catch (InvalidProtocolBufferException e) {
          throw new UncheckedIOException(e);
        }
        w.write('\n');
      }
    }
  }

  /** The belief in each claim's value from AssessClaims over everything; empty if the server has none. */
  private Map<String, Double> beliefs(SitrepClient client) {
    Map<String, Double> beliefs = new HashMap<>();
    try {
      ClaimAssessment a = client.analysis().assessClaims(AssessClaimsRequest.getDefaultInstance());
      for (PropositionBelief p : a.getPropositionsList()) {
        for (ValueBelief v : p.getValuesList()) {
          for (String claim : v.getClaimsList()) {
            beliefs.merge(claim, v.getBelief(), Math::max);
          }
        }
      }
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED
          && e.getStatus().getCode() != Status.Code.FAILED_PRECONDITION) {
        throw e;
      }
      spec.commandLine().getErr().println("sitrep: no assessment from the server ("
          + e.getStatus().getCode() + "): confidence left out");
    }
    return beliefs;
  }
}
