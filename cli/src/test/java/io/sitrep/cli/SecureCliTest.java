package io.sitrep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.server.Main;
import io.sitrep.server.auth.ApiKeys;
import io.sitrep.server.auth.JdbcKeyStore;
import io.sitrep.server.auth.KeyStore;
import io.sitrep.server.auth.Principal.Role;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI against a real server with authentication on: --token is sent, and without it the server refuses. */
class SecureCliTest {
  @Test
  void theTokenFlagIsSentAsABearerTokenAndAMissingOneIsRefused(@TempDir Path data) throws Exception {
    String token;
    try (KeyStore keys = JdbcKeyStore.openSqlite(data)) {
      token = new ApiKeys(keys, Clock.systemUTC()).create("reader@desk", Role.READER).token();
    }
    Main.Running server = Main.parse("--port", "0", "--data-dir", data.toString(), "--demo").start();
    try {
      String target = "localhost:" + server.port();
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      var cmd = SitrepCli.commandLine(SitrepCli.NETWORK);
      cmd.setOut(new PrintWriter(out, true));
      cmd.setErr(new PrintWriter(err, true));
      assertThat(cmd.execute("--server", target, "--token", token, "sources")).as(err.toString()).isEqualTo(0);
      assertThat(out.toString()).contains("sources/musings-on-iraq");

      StringWriter refusedErr = new StringWriter();
      var refused = SitrepCli.commandLine(SitrepCli.NETWORK);
      refused.setErr(new PrintWriter(refusedErr, true));
      assertThat(refused.execute("--server", target, "--token", "", "sources")).isEqualTo(ExitCodes.REFUSED);
      assertThat(refusedErr.toString()).contains("UNAUTHENTICATED");
    } finally {
      server.stop();
    }
  }
}
