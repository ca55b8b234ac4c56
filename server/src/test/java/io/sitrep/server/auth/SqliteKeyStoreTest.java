package io.sitrep.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.server.auth.Principal.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteKeyStoreTest extends KeyStoreContract {
  @TempDir Path dir;

  @Override
  protected KeyStore openStore() {
    return JdbcKeyStore.openSqlite(dir);
  }

  @Test
  void keysSurviveAReopenAndNoFileOfTheDataDirectoryHoldsTheSecret() throws Exception {
    ApiKeys.Issued issued = keys.create("desk-baghdad", Role.ADMIN);
    store.close();
    String secret = issued.token().substring(issued.token().lastIndexOf('.') + 1);
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
            .doesNotContain(secret);
      }
    }
    store = JdbcKeyStore.openSqlite(dir);
    ApiKeys reopened = new ApiKeys(store, Clock.systemUTC());
    assertThat(reopened.enabled()).isTrue();
    assertThat(reopened.authenticate(issued.token())).contains(new Principal("desk-baghdad", Role.ADMIN));
    assertThat(Files.exists(dir.resolve(JdbcKeyStore.SQLITE_FILE))).isTrue();
  }

  @Test
  void aKeyRevokedByAnotherProcessIsRefusedOnceTheCacheForgetsIt() {
    ApiKeys.Issued issued = keys.create("alice", Role.READER);
    try (KeyStore other = JdbcKeyStore.openSqlite(dir)) {
      new ApiKeys(other, Clock.systemUTC()).revoke(issued.key().id());
    }
    ApiKeys uncached = new ApiKeys(store, Clock.systemUTC());
    assertThat(uncached.authenticate(issued.token())).isEmpty();
  }
}
