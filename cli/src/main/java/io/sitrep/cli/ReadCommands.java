package io.sitrep.cli;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.sitrep.api.v1.ActorAnalysisServiceGrpc;
import io.sitrep.api.v1.ActorCandidate;
import io.sitrep.api.v1.ActorResolution;
import io.sitrep.api.v1.Dispute;
import io.sitrep.api.v1.GetTimelineRequest;
import io.sitrep.api.v1.ListDisputesRequest;
import io.sitrep.api.v1.ListDisputesResponse;
import io.sitrep.api.v1.ResolveActorRequest;
import io.sitrep.api.v1.TemporalOrder;
import io.sitrep.api.v1.Timeline;
import io.sitrep.api.v1.TimelineEntry;
import io.sitrep.client.SitrepClient;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The commands that read: timeline, disputes, sources, actors, resolve. */
final class ReadCommands {
  private ReadCommands() {}

  /** Prints messages as a JSON array in the API's JSON mapping. */
  static void printJson(PrintWriter out, List<? extends MessageOrBuilder> messages) {
    JsonFormat.Printer printer = JsonFormat.printer();
    StringBuilder sb = new StringBuilder("[");
    try {
      for (int i = 0; i < messages.size(); i++) {
        sb.append(i == 0 ? "\n" : ",\n").append(printer.print(messages.get(i)));
      }
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
    out.println(sb.append(messages.isEmpty() ? "]" : "\n]"));
    out.flush();
  }

  static String enumName(Enum<?> e, String prefix) {
    String s = e.name();
    return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
  }

  static String time(io.sitrep.api.v1.TimeSpan t) {
    if (!t.getOriginalText().isEmpty()) {
      return t.getOriginalText();
    }
    return Instant.ofEpochSecond(t.getStartTime().getSeconds()).toString().substring(0, 10);
  }

  @Command(name = "timeline", mixinStandardHelpOptions = true,
      description = {"Events in time order, with honest precision: '~' marks an event whose order",
          "after the previous one is uncertain (their times overlap)."})
  static final class Timeline implements Callable<Integer> {
    @ParentCommand SitrepCli root;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--actor", description = "Only events of this actor (a name, display name or alias).")
    String actor = "";

    @Option(names = "--members", description = "With --actor: include its members' and units' events.")
    boolean members;

    @Option(names = "--place", description = "Only events whose place mentions this text.")
    String place = "";

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (SitrepClient client = root.connect()) {
        io.sitrep.api.v1.Timeline t = client.getTimeline(GetTimelineRequest.newBuilder().setActor(actor)
            .setIncludeMembers(members).setPlace(place).build());
        if (root.json) {
          printJson(out, t.getEntriesList());
          return ExitCodes.OK;
        }
        Table table = new Table("#", "ORDER", "TIME", "TYPE", "EVENT", "SUMMARY");
        int i = 0;
        for (TimelineEntry e : t.getEntriesList()) {
          i++;
          table.row(i, e.getOrderAfterPrevious() == TemporalOrder.TEMPORAL_ORDER_UNCERTAIN ? "~" : i == 1 ? "" : ">",
              time(e.getTime()), enumName(e.getType(), "EVENT_TYPE_"), e.getEvent(), e.getSummary());
        }
        table.print(out);
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "disputes", mixinStandardHelpOptions = true,
      description = "Claims that contradict each other, grouped by what they are about.")
  static final class Disputes implements Callable<Integer> {
    @ParentCommand SitrepCli root;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--subject", description = "Only disputes about this subject.")
    String subject = "";

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      List<Dispute> disputes = new ArrayList<>();
      try (SitrepClient client = root.connect()) {
        String token = "";
        do {
          ListDisputesResponse page = client.analysis().listDisputes(ListDisputesRequest.newBuilder()
              .setSubject(subject).setPageSize(200).setPageToken(token).build());
          disputes.addAll(page.getDisputesList());
          token = page.getNextPageToken();
        } while (!token.isEmpty());
      }
      if (root.json) {
        printJson(out, disputes);
        return ExitCodes.OK;
      }
      Table table = new Table("DISPUTE", "SUBJECT", "ATTRIBUTE", "POSITIONS", "SUMMARY");
      for (Dispute d : disputes) {
        table.row(d.getName(), d.getSubject(), d.getAttribute(), d.getPositionsCount(), d.getSummary());
      }
      table.print(out);
      return ExitCodes.OK;
    }
  }

  @Command(name = "sources", mixinStandardHelpOptions = true, description = "The sources, with kind and reliability.")
  static final class Sources implements Callable<Integer> {
    @ParentCommand SitrepCli root;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--filter", description = "An API filter, e.g. 'kind = SOURCE_KIND_NEWS_OUTLET'.")
    String filter = "";

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (SitrepClient client = root.connect()) {
        List<io.sitrep.api.v1.Source> sources = client.listSources(filter);
        if (root.json) {
          printJson(out, sources);
          return ExitCodes.OK;
        }
        Table table = new Table("SOURCE", "NAME", "KIND", "COUNTRY", "RELIABILITY");
        for (io.sitrep.api.v1.Source s : sources) {
          table.row(s.getName(), s.getDisplayName(), enumName(s.getKind(), "SOURCE_KIND_"), s.getCountryCode(),
              enumName(s.getReliability(), "RELIABILITY_").replace("UNSPECIFIED", ""));
        }
        table.print(out);
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "actors", mixinStandardHelpOptions = true, description = "The actors, with kind and aliases.")
  static final class Actors implements Callable<Integer> {
    @ParentCommand SitrepCli root;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--filter", description = "An API filter, e.g. 'kind = ACTOR_KIND_ARMED_GROUP'.")
    String filter = "";

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (SitrepClient client = root.connect()) {
        List<io.sitrep.api.v1.Actor> actors = client.listActors(filter);
        if (root.json) {
          printJson(out, actors);
          return ExitCodes.OK;
        }
        Table table = new Table("ACTOR", "NAME", "KIND", "COUNTRY", "ALIASES");
        for (io.sitrep.api.v1.Actor a : actors) {
          table.row(a.getName(), a.getDisplayName(), enumName(a.getKind(), "ACTOR_KIND_"), a.getCountryCode(),
              String.join("; ", a.getAliasesList()));
        }
        table.print(out);
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "resolve", mixinStandardHelpOptions = true,
      description = {"Which actor a name means: the candidates with scores (ActorAnalysisService.ResolveActor).",
          "A server without that service is reported as such (exit code 4)."})
  static final class Resolve implements Callable<Integer> {
    @ParentCommand SitrepCli root;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "A name as a report spells it.")
    String name;

    @Option(names = "--max", defaultValue = "5", description = "Most candidates (default: ${DEFAULT-VALUE}).")
    int max;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      ActorResolution r;
      try (SitrepClient client = root.connect()) {
        r = ActorAnalysisServiceGrpc.newBlockingStub(client.channel())
            .resolveActor(ResolveActorRequest.newBuilder().setName(name).setMaxCandidates(max).build());
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
          spec.commandLine().getErr().println("sitrep: this server does not offer ActorAnalysisService.ResolveActor"
              + " yet; use 'sitrep actors' and a newer server");
          return ExitCodes.REFUSED;
        }
        throw e;
      }
      if (root.json) {
        printJson(out, List.of(r));
        return ExitCodes.OK;
      }
      out.println(name + ": " + enumName(r.getDecision(), "RESOLUTION_DECISION_"));
      Table table = new Table("ACTOR", "NAME", "SCORE", "MATCHED", "WHY");
      for (ActorCandidate c : r.getCandidatesList()) {
        table.row(c.getActor(), c.getDisplayName(), String.format("%.2f", c.getScore()), c.getMatchedSpelling(),
            c.getExplanation());
      }
      table.print(out);
      return ExitCodes.OK;
    }
  }
}
