package io.sitrep.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitrep.core.model.ValidationException;
import io.sitrep.core.store.Page;
import io.sitrep.core.store.StoreException;
import io.sitrep.server.auth.Principal.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link KeyStore} keeps, checked through {@link ApiKeys} as the server uses it. */
abstract class KeyStoreContract {
  static final Instant DEC_27 = Instant.parse("2020-12-27T09:30:00.123456789Z");
  protected KeyStore store;
  protected ApiKeys keys;

  protected abstract KeyStore openStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = openStore();
    keys = new ApiKeys(store, Clock.fixed(DEC_27, ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aFreshStoreHoldsNoKeysSoAuthenticationIsOff() {
    assertThat(store.hasKeys()).isFalse();
    assertThat(keys.enabled()).isFalse();
    assertThat(store.list(0, "").items()).isEmpty();
  }

  @Test
  void anIssuedTokenAuthenticatesItsPrincipalWithItsRoleAndOnlyItsHashIsKept() {
    ApiKeys.Issued issued = keys.create("desk-baghdad@sitrep", Role.ANALYST);

    assertThat(issued.token()).startsWith("sitrep." + issued.key().id() + ".");
    assertThat(keys.authenticate(issued.token())).contains(new Principal("desk-baghdad@sitrep", Role.ANALYST));
    KeyStore.Entry entry = store.get(issued.key().id()).orElseThrow();
    assertThat(entry.key()).isEqualTo(new ApiKey(issued.key().id(), "desk-baghdad@sitrep", Role.ANALYST, DEC_27, null));
    String secret = issued.token().substring(issued.token().lastIndexOf('.') + 1);
    assertThat(entry.hash()).hasSize(32).isNotEqualTo(secret.getBytes());
    assertThat(entry.salt()).hasSize(16);
    assertThat(keys.enabled()).isTrue();
  }

  @Test
  void twoKeysOfOnePrincipalHaveDifferentIdsSaltsAndSecrets() {
    ApiKeys.Issued a = keys.create("alice", Role.READER);
    ApiKeys.Issued b = keys.create("alice", Role.READER);
    assertThat(a.key().id()).isNotEqualTo(b.key().id());
    assertThat(a.token()).isNotEqualTo(b.token());
    assertThat(store.get(a.key().id()).orElseThrow().salt()).isNotEqualTo(store.get(b.key().id()).orElseThrow().salt());
  }

  @Test
  void aWrongSecretAnUnknownIdOrGarbageAuthenticateNobody() {
    ApiKeys.Issued issued = keys.create("alice", Role.ADMIN);
    String token = issued.token();
    char last = token.charAt(token.length() - 1);
    String wrongSecret = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    String unknownId = "sitrep.aaaaaaaaaaaaaaaa" + token.substring(token.lastIndexOf('.'));

    assertThat(keys.authenticate(wrongSecret)).isEmpty();
    assertThat(keys.authenticate(unknownId)).isEmpty();
    assertThat(keys.authenticate("")).isEmpty();
    assertThat(keys.authenticate("Bearer " + token)).isEmpty();
    assertThat(keys.authenticate(token + "x")).isEmpty();
    assertThat(keys.authenticate(token)).isPresent();
  }

  @Test
  void aRevokedKeyAuthenticatesNobodyAndKeepsItsFirstRevocationTime() {
    ApiKeys.Issued issued = keys.create("alice", Role.ANALYST);
    assertThat(keys.authenticate(issued.token())).isPresent(); // now cached

    ApiKey revoked = keys.revoke(issued.key().id());

    assertThat(revoked.revokeTime()).isEqualTo(DEC_27);
    assertThat(keys.authenticate(issued.token())).isEmpty();
    Instant later = DEC_27.plusSeconds(3600);
    assertThat(store.revoke(issued.key().id(), later).revokeTime()).isEqualTo(DEC_27);
    assertThat(keys.get(issued.key().id()).revoked()).isTrue();
    assertThat(keys.enabled()).as("revoking every key must not open the server").isTrue();
  }

  @Test
  void revokingOrGettingAKeyThatDoesNotExistIsNotFound() {
    assertThatThrownBy(() -> keys.revoke("aaaaaaaaaaaaaaaa")).isInstanceOf(StoreException.NotFound.class)
        .hasMessageContaining("apiKeys/aaaaaaaaaaaaaaaa");
    assertThatThrownBy(() -> keys.get("not-a-key-id")).isInstanceOf(StoreException.NotFound.class);
    assertThatThrownBy(() -> keys.revoke("../etc")).isInstanceOf(StoreException.NotFound.class);
  }

  @Test
  void keysAreListedByIdAPageAtATimeWithoutRepeatsOrGaps() {
    Set<String> created = new HashSet<>();
    for (int i = 0; i < 7; i++) {
      created.add(keys.create("analyst-" + i, Role.READER).key().id());
    }
    List<String> listed = new ArrayList<>();
    String token = "";
    int pages = 0;
    do {
      Page<ApiKey> page = keys.list(3, token);
      page.items().forEach(k -> listed.add(k.id()));
      token = page.nextPageToken();
      pages++;
    } while (!token.isEmpty());

    assertThat(pages).isEqualTo(3);
    assertThat(listed).isSorted().containsExactlyInAnyOrderElementsOf(created);
    assertThatThrownBy(() -> keys.list(-1, "")).isInstanceOf(ValidationException.class).hasMessageContaining("page_size");
    assertThatThrownBy(() -> keys.list(3, "garbage!")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("page_token");
  }

  @Test
  void aClientCertificateTakesTheHighestRoleOfItsPrincipalsValidKeysElseReader() {
    assertThat(keys.authenticateCertificate("testclient")).isEqualTo(new Principal("testclient", Role.READER));
    ApiKeys fresh = new ApiKeys(store, Clock.systemUTC()); // no cached answer
    fresh.create("testclient", Role.ANALYST);
    ApiKeys.Issued admin = fresh.create("testclient", Role.ADMIN);
    fresh.create("someone-else", Role.ADMIN);
    assertThat(fresh.authenticateCertificate("testclient")).isEqualTo(new Principal("testclient", Role.ADMIN));
    fresh.revoke(admin.key().id());
    assertThat(fresh.authenticateCertificate("testclient")).isEqualTo(new Principal("testclient", Role.ANALYST));
  }

  @Test
  void principalNamesMustBePrintableAndNotTheAnonymousName() {
    for (String bad : new String[] {"", " ", " alice", "alice ", "ali\nce", "anonymous", "x".repeat(201)}) {
      assertThatThrownBy(() -> keys.create(bad, Role.READER)).as(bad).isInstanceOf(ValidationException.class)
          .hasMessageContaining("api_key.principal");
    }
    assertThat(keys.create("Test Client (Ministry of Interior desk)", Role.READER).key().principal())
        .isEqualTo("Test Client (Ministry of Interior desk)");
    assertThat(store.list(0, "").items()).hasSize(1);
  }
}
