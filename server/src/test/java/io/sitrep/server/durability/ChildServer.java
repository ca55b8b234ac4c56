package io.sitrep.server.durability;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@code io.sitrep.server.Main} in a child JVM, on the test's own class path, so that it
 * can be killed with SIGKILL ({@link Process#destroyForcibly} on Linux and macOS) and started again
 * on the same data directory.
 */
final class ChildServer implements AutoCloseable {
  private static final Pattern BANNER = Pattern.compile("^Sitrep listening on ([^ ]+):(\\d+) \\(store: (.*)\\)$");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final Path log;
  private final CompletableFuture<String> banner = new CompletableFuture<>();
  private final List<String> output = new ArrayList<>();
  private ManagedChannel channel;
  private int port;

  private ChildServer(Process process, Path log) {
    this.process = process;
    this.log = log;
    Thread reader = new Thread(this::readOutput, "child-server-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code Main --port 0 args...}; {@link #awaitListening} waits for its address. */
  static ChildServer launch(Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-XX:TieredStopAtLevel=1"); // starts faster; these runs are short
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.sitrep.server.Main");
    command.add("--port");
    command.add("0");
    command.addAll(List.of(args));
    Files.createDirectories(log.getParent());
    Process process = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    return new ChildServer(process, log);
  }

  private void readOutput() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        synchronized (output) {
          output.add(line);
        }
        if (!banner.isDone() && BANNER.matcher(line).matches()) {
          banner.complete(line);
        }
      }
    } catch (IOException e) {
      // the process was killed
    }
    banner.completeExceptionally(new IllegalStateException("the server exited before listening; stdout "
        + stdout() + "; stderr in " + log));
  }

  /** Waits for the start-up line and opens a channel to the printed address. */
  ChildServer awaitListening() throws InterruptedException, ExecutionException, TimeoutException {
    String line = banner.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    Matcher m = BANNER.matcher(line);
    if (!m.matches()) {
      throw new AssertionError(line);
    }
    port = Integer.parseInt(m.group(2));
    channel = Grpc.newChannelBuilder(m.group(1) + ":" + port, InsecureChannelCredentials.create()).build();
    return this;
  }

  String banner() throws InterruptedException, ExecutionException {
    return banner.get();
  }

  ManagedChannel channel() {
    return channel;
  }

  List<String> stdout() {
    synchronized (output) {
      return List.copyOf(output);
    }
  }

  /** Waits for the process to exit by itself; its exit code. */
  int awaitExit() throws InterruptedException {
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the child server did not exit; stdout " + stdout());
    }
    return process.exitValue();
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      throw new AssertionError("the child server survived SIGKILL");
    }
    closeChannel();
  }

  /** SIGTERM: the shutdown hook stops the server and closes the store; the exit code. */
  int terminate() throws InterruptedException {
    closeChannel();
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError("the child server did not stop on SIGTERM");
    }
    return process.exitValue();
  }

  private void closeChannel() throws InterruptedException {
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      channel = null;
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill9();
    }
    closeChannel();
  }
}
