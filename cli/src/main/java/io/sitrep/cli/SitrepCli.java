package io.sitrep.cli;

import io.grpc.StatusRuntimeException;
import io.sitrep.client.SitrepClient;
import io.sitrep.core.imports.ImportAbortedException;
import java.io.PrintWriter;
import java.util.function.Function;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code sitrep}: imports data sets into a Sitrep server, exports what it holds (STIX 2.1, JSON
 * Lines, CSV) and reads its analyses, through {@link SitrepClient}. Tables for people by default,
 * {@code --json} for scripts; exit codes in {@link ExitCodes}.
 */
@Command(
    name = "sitrep",
    mixinStandardHelpOptions = true,
    version = "sitrep 0.1.0",
    description = "Import, export and read a Sitrep server.",
    subcommands = {
      ImportCommand.class,
      ExportCommand.class,
      ReadCommands.Timeline.class,
      ReadCommands.Disputes.class,
      ReadCommands.Sources.class,
      ReadCommands.Actors.class,
      ReadCommands.Resolve.class,
      AutoComplete.GenerateCompletion.class,
      CommandLine.HelpCommand.class,
    },
    footer = {"", "Exit codes: 0 ok, 1 usage, 2 partial import (bad rows reported), 3 server unavailable, "
        + "4 refused by the server."})
public final class SitrepCli implements Runnable {

  @Option(names = "--server", defaultValue = "localhost:50051", scope = ScopeType.INHERIT,
      description = "The server, host:port (default: ${DEFAULT-VALUE}).")
  String server;

  @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print JSON for scripts instead of tables.")
  boolean json;

  @Option(names = "--token", scope = ScopeType.INHERIT, paramLabel = "TOKEN", defaultValue = "${env:SITREP_TOKEN}",
      description = "The API key to send (authorization: Bearer); default: the environment variable SITREP_TOKEN,"
          + " which, unlike this flag, other users of the machine cannot read from the process list.")
  String token;

  @Option(names = "--tls-ca", scope = ScopeType.INHERIT, paramLabel = "FILE",
      description = "Connect with TLS, trusting the CAs in this PEM file.")
  java.nio.file.Path tlsCa;

  /** The connector of {@link #main}: the network, with --token and --tls-ca. */
  static final Function<String, SitrepClient> NETWORK = SitrepClient::connect;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Function<String, SitrepClient> connector;

  SitrepCli(Function<String, SitrepClient> connector) {
    this.connector = connector;
  }

  public static void main(String[] args) {
    System.exit(commandLine(NETWORK).execute(args));
  }

  /** The command line, connecting with {@code connector} (tests hand in an in-process client). */
  public static CommandLine commandLine(Function<String, SitrepClient> connector) {
    CommandLine cmd = new CommandLine(new SitrepCli(connector));
    cmd.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
    cmd.setParameterExceptionHandler((e, args) -> {
      PrintWriter err = e.getCommandLine().getErr();
      err.println(e.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
      err.println("See '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      return ExitCodes.USAGE;
    });
    cmd.setExecutionExceptionHandler((e, c, parsed) -> {
      PrintWriter err = c.getErr();
      Throwable t = e instanceof ImportAbortedException a ? a.getCause() : e;
      if (e instanceof ImportAbortedException a) {
        err.println("sitrep: " + a.getMessage());
      }
      if (t instanceof StatusRuntimeException s) {
        int code = ExitCodes.of(s);
        err.println("sitrep: " + (code == ExitCodes.UNAVAILABLE
            ? "the server at " + ((SitrepCli) c.getCommandSpec().root().userObject()).server + " is unavailable: "
            : "the server refused: ") + s.getStatus().getCode() + " " + nullToEmpty(s.getStatus().getDescription()));
        return code;
      }
      if (t instanceof UsageException u) {
        err.println("sitrep: " + u.getMessage());
        return ExitCodes.USAGE;
      }
      throw e;
    });
    return cmd;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** A client of the server given by {@code --server}. */
  SitrepClient connect() {
    if (connector != NETWORK) {
      return connector.apply(server);
    }
    SitrepClient.Builder client = SitrepClient.builder().target(server);
    if (tlsCa != null) {
      client.trustCertificates(tlsCa);
    }
    if (token != null && !token.isBlank()) {
      client.bearerToken(token.strip());
    }
    return client.build();
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** A mistake in how the command was called, found after parsing (a file that is not there). */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }
}
