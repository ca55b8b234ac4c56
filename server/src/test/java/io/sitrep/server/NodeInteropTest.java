package io.sitrep.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.sitrep.api.v1.Dataset;
import io.sitrep.server.demo.DemoDataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The cross-language check: an independent gRPC stack (Node.js, grpc-js with the project's
 * .proto files) pages through every collection of the real server holding the demo week and is
 * refused each empty create. Needs {@code node} and {@code npm} on the PATH; without them the
 * test fails, it does not skip.
 */
class NodeInteropTest {
  private static final long NPM_MINUTES = 5;
  private static final long NODE_SECONDS = 120;

  private static Path repoRoot() {
    String root = System.getProperty("sitrep.repo.root");
    Path path = root != null ? Paths.get(root) : Paths.get("..");
    return path.toAbsolutePath().normalize();
  }

  /** Runs {@code command} in {@code dir}, returning its exit code and everything it printed. */
  private static Run run(Path dir, long timeout, TimeUnit unit, String... command)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("sitrep-interop", ".log");
    Process process;
    try {
      process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullFile())).start();
    } catch (IOException e) {
      return fail("Cannot run `" + command[0] + "`: Node.js (node and npm, 18 or newer) must be on the PATH"
          + " for the cross-language interop test; install it (e.g. apt-get install nodejs npm). " + e.getMessage());
    }
    try {
      if (!process.waitFor(timeout, unit)) {
        process.destroyForcibly();
        return fail("`" + String.join(" ", command) + "` did not finish in " + timeout + " " + unit + ":\n"
            + Files.readString(log));
      }
      return new Run(process.exitValue(), Files.readString(log));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static java.io.File nullFile() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  private record Run(int exitCode, String output) {}

  @Test
  void aNodeClientPagesThroughEveryCollectionOfTheDemoWeekAndIsRefusedEachEmptyCreate() throws Exception {
    Path interop = repoRoot().resolve("interop");
    assertThat(interop.resolve("page-all.mjs")).exists();
    Run version = run(interop, 30, TimeUnit.SECONDS, "node", "--version");
    assertThat(version.exitCode()).as("node --version: %s", version.output()).isZero();
    if (!Files.isDirectory(interop.resolve("node_modules/@grpc/grpc-js"))
        || !Files.isDirectory(interop.resolve("node_modules/@grpc/proto-loader"))) {
      Run install = run(interop, NPM_MINUTES, TimeUnit.MINUTES, "npm", "ci", "--no-audit", "--no-fund");
      assertThat(install.exitCode()).as("npm ci in interop/:%n%s", install.output()).isZero();
    }

    Dataset demo = DemoDataset.load();
    Main.Running server = Main.parse("--port", "0", "--demo", "--store", "memory").start();
    Run check;
    try {
      check = run(interop, NODE_SECONDS, TimeUnit.SECONDS, "node", "page-all.mjs", "--port",
          String.valueOf(server.port()));
    } finally {
      server.stop();
    }

    assertThat(check.exitCode()).as("node page-all.mjs:%n%s", check.output()).isZero();
    Map<String, Integer> counts = new HashMap<>();
    for (String line : check.output().split("\\R")) {
      String[] parts = line.split(" ");
      if (parts.length == 3 && parts[0].equals("count")) {
        counts.put(parts[1], Integer.parseInt(parts[2]));
      }
    }
    assertThat(counts).as(check.output()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "sources", demo.getSourcesCount(),
        "reports", demo.getReportsCount(),
        "actors", demo.getActorsCount(),
        "events", demo.getEventsCount(),
        "claims", demo.getClaimsCount()));
    assertThat(check.output().lines().filter(l -> l.startsWith("refused ")).toList())
        .containsExactlyInAnyOrderElementsOf(List.of("refused CreateSource INVALID_ARGUMENT",
            "refused CreateReport INVALID_ARGUMENT", "refused CreateActor INVALID_ARGUMENT",
            "refused CreateEvent INVALID_ARGUMENT", "refused CreateClaim INVALID_ARGUMENT"));
  }
}
