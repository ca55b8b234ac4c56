package io.sitrep.bench;

import io.sitrep.bench.truth.TruthBench;
import io.sitrep.bench.truth.TruthEval;
import io.sitrep.bench.truth.TruthPrepare;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar sitrep-bench.jar <tool> args...}: evaluation and benchmark tools, one picocli
 * subcommand each. To add a tool, write a {@code @Command(name = "...")} class implementing
 * {@code Callable<Integer>} and list it in {@code subcommands} below; {@code --help} lists them.
 */
@Command(
    name = "sitrep-bench",
    mixinStandardHelpOptions = true,
    description = "Sitrep evaluation and benchmark tools.",
    subcommands = {
      CommandLine.HelpCommand.class,
      TruthPrepare.class,
      TruthEval.class,
      TruthBench.class,
      io.sitrep.bench.imports.ImportBench.class,
      io.sitrep.bench.ingest.IngestBench.class,
      io.sitrep.bench.load.LoadBench.class,
      io.sitrep.bench.actors.ResolveBench.class,
      io.sitrep.bench.actors.TensionBench.class,
    })
public final class BenchMain implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a tool and returns its exit code, for tests. */
  public static int execute(String... args) {
    return new CommandLine(new BenchMain())
        // A tool refuses a bad option value with IllegalArgumentException: print its message and the
        // usage error code, as picocli does for options it checks itself, not a stack trace.
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          if (!(e instanceof IllegalArgumentException)) {
            throw e;
          }
          cmd.getErr().println(e.getMessage());
          return cmd.getCommandSpec().exitCodeOnInvalidInput();
        })
        .execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }
}
