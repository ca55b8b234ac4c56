package io.sitrep.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.testing.TlsTesting;
import io.sitrep.api.v1.CreateSourceRequest;
import io.sitrep.api.v1.ListSourcesRequest;
import io.sitrep.api.v1.Source;
import io.sitrep.api.v1.SourceKind;
import io.sitrep.server.Main;
import io.sitrep.server.auth.ApiKeys;
import io.sitrep.server.auth.JdbcKeyStore;
import io.sitrep.server.auth.KeyStore;
import io.sitrep.server.auth.Principal.Role;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's bearer token and TLS options against the real server with authentication on. */
class SecureClientTest {
  @TempDir Path dir;
  private Path data;
  private String analystToken;

  @BeforeEach
  void keysAndCertificates() throws Exception {
    for (String name : new String[] {"server1.pem", "server1.key", "ca.pem", "client.pem", "client.key"}) {
      try (InputStream in = TlsTesting.loadCert(name)) {
        Files.copy(in, dir.resolve(name));
      }
    }
    data = dir.resolve("data");
    try (KeyStore keys = JdbcKeyStore.openSqlite(data)) {
      analystToken = new ApiKeys(keys, Clock.systemUTC()).create("desk-baghdad", Role.ANALYST).token();
    }
  }

  private static CreateSourceRequest outlet(String id) {
    return CreateSourceRequest.newBuilder().setSourceId(id)
        .setSource(Source.newBuilder().setDisplayName(id).setKind(SourceKind.SOURCE_KIND_NEWS_OUTLET)).build();
  }

  @Test
  void aBearerTokenOnLoopbackIsTheCallerAndWithoutOneTheServerRefuses() throws Exception {
    Main.Running server = Main.parse("--port", "0", "--data-dir", data.toString()).start();
    try (SitrepClient withKey = SitrepClient.builder().target("localhost:" + server.port())
            .bearerToken(analystToken).build();
        SitrepClient without = SitrepClient.connect("localhost:" + server.port())) {
      assertThat(withKey.sources().createSource(outlet("al-mada")).getName()).isEqualTo("sources/al-mada");
      assertThatThrownBy(() -> without.sources().listSources(ListSourcesRequest.getDefaultInstance()))
          .isInstanceOfSatisfying(StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    } finally {
      server.stop();
    }
  }

  @Test
  void overTlsWithAClientCertificateAndAToken() throws Exception {
    Main.Running server = Main.parse("--port", "0", "--data-dir", data.toString(),
        "--tls-cert", dir.resolve("server1.pem").toString(), "--tls-key", dir.resolve("server1.key").toString(),
        "--client-ca", dir.resolve("ca.pem").toString()).start();
    try (SitrepClient certificateOnly = SitrepClient.builder().target("127.0.0.1:" + server.port())
            .trustCertificates(dir.resolve("ca.pem")).overrideAuthority("foo.test.google.fr")
            .clientCertificate(dir.resolve("client.pem"), dir.resolve("client.key")).build();
        SitrepClient withToken = SitrepClient.builder().target("127.0.0.1:" + server.port())
            .trustCertificates(dir.resolve("ca.pem")).overrideAuthority("foo.test.google.fr")
            .clientCertificate(dir.resolve("client.pem"), dir.resolve("client.key")).bearerToken(analystToken)
            .build()) {
      // testclient, the certificate's CN, holds no key: a reader.
      assertThat(certificateOnly.sources().listSources(ListSourcesRequest.getDefaultInstance()).getSourcesList())
          .isEmpty();
      assertThatThrownBy(() -> certificateOnly.sources().createSource(outlet("rudaw")))
          .isInstanceOfSatisfying(StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
      assertThat(withToken.sources().createSource(outlet("rudaw")).getName()).isEqualTo("sources/rudaw");
    } finally {
      server.stop();
    }
  }

  @Test
  void aTokenIsSentInPlaintextOnlyToThisMachine() {
    assertThat(BearerToken.isLoopback("localhost:50051")).isTrue();
    assertThat(BearerToken.isLoopback("127.0.0.1:50051")).isTrue();
    assertThat(BearerToken.isLoopback("[::1]:50051")).isTrue();
    assertThat(BearerToken.isLoopback("10.1.2.3:50051")).isFalse();
    assertThat(BearerToken.isLoopback("sitrep.example.org:443")).isFalse();
    assertThat(BearerToken.isLoopback("localhost.example.org:443")).isFalse();
    assertThatThrownBy(() -> SitrepClient.builder().bearerToken("with space"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
