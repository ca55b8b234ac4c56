package io.sitrep.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.MetadataUtils;
import io.grpc.testing.TlsTesting;
import io.sitrep.api.v1.CreateSourceRequest;
import io.sitrep.api.v1.ListSourcesRequest;
import io.sitrep.api.v1.Source;
import io.sitrep.api.v1.SourceKind;
import io.sitrep.api.v1.SourceServiceGrpc;
import io.sitrep.server.Main;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The security flags of the real server and its {@code keys} command: refusing to expose an open
 * server, TLS, client certificates (the test certificates of grpc-testing: server1 is valid for
 * {@code *.test.google.fr}, client's CN is {@code testclient}), and keys made without a server.
 */
class SecureMainTest {
  private static final String AUTHORITY = "foo.test.google.fr";
  @TempDir Path dir;
  private Path certs;

  @BeforeEach
  void copyTestCertificates() throws Exception {
    certs = Files.createDirectories(dir.resolve("certs"));
    for (String name : new String[] {"server1.pem", "server1.key", "ca.pem", "client.pem", "client.key"}) {
      try (InputStream in = TlsTesting.loadCert(name)) {
        Files.copy(in, certs.resolve(name));
      }
    }
  }

  private String cert(String name) {
    return certs.resolve(name).toString();
  }

  /** Runs {@code sitrep-server args}: exit code, stdout, stderr. */
  private static String[] command(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = new CommandLine(new Main());
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  private static String createKey(Path data, String principal, String role) {
    String[] r = command("keys", "create", "--principal", principal, "--role", role, "--data-dir", data.toString());
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    Matcher token = Pattern.compile("(?m)^(sitrep\\.[a-z2-7]{16}\\.[A-Za-z0-9_-]{43})$").matcher(r[1]);
    assertThat(token.find()).as(r[1]).isTrue();
    return token.group(1);
  }

  private static SourceServiceGrpc.SourceServiceBlockingStub sources(ManagedChannel channel, String token) {
    Metadata headers = new Metadata();
    if (token != null) {
      headers.put(AuthInterceptor.AUTHORIZATION, "Bearer " + token);
    }
    return SourceServiceGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
        .withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  private static CreateSourceRequest newsOutlet(String id) {
    return CreateSourceRequest.newBuilder().setSourceId(id).setSource(Source.newBuilder().setDisplayName(id)
        .setKind(SourceKind.SOURCE_KIND_NEWS_OUTLET)).build();
  }

  private static Status.Code code(Runnable call) {
    try {
      call.run();
      return Status.Code.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode();
    }
  }

  @Test
  void anOpenServerOnEveryInterfaceIsRefusedUnlessInsecureIsExplicit() throws Exception {
    assertThatThrownBy(() -> Main.parse("--port", "0", "--host", "0.0.0.0", "--store", "memory").start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refusing to serve on 0.0.0.0 without authentication")
        .hasMessageContaining("keys create").hasMessageContaining("--insecure");
    String[] refused = command("--port", "0", "--host", "0.0.0.0", "--store", "memory");
    assertThat(refused[0]).isEqualTo("2");

    Main.Running insecure = Main.parse("--port", "0", "--host", "0.0.0.0", "--store", "memory", "--insecure").start();
    try {
      assertThat(insecure.banner()).contains("auth: OFF (--insecure)");
    } finally {
      insecure.stop();
    }
  }

  @Test
  void withAKeyInTheDataDirTheServerMayListenEverywhereAndAsksEveryCallerForOne() throws Exception {
    Path data = dir.resolve("data");
    String reader = createKey(data, "reader@desk", "reader");
    Main.Running running = Main.parse("--port", "0", "--host", "0.0.0.0", "--data-dir", data.toString()).start();
    ManagedChannel channel = Grpc.newChannelBuilderForAddress("127.0.0.1", running.port(),
        InsecureChannelCredentials.create()).build();
    try {
      assertThat(running.banner()).contains("auth: api keys");
      assertThat(code(() -> sources(channel, null).listSources(ListSourcesRequest.getDefaultInstance())))
          .isEqualTo(Status.Code.UNAUTHENTICATED);
      assertThat(code(() -> sources(channel, reader).listSources(ListSourcesRequest.getDefaultInstance())))
          .isEqualTo(Status.Code.OK);
      assertThat(code(() -> sources(channel, reader).createSource(newsOutlet("shafaq-news"))))
          .isEqualTo(Status.Code.PERMISSION_DENIED);
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      running.stop();
    }
  }

  @Test
  void theKeysCommandCreatesListsAndRevokesWithoutAServerAndNeverPrintsATokenTwice() {
    Path data = dir.resolve("data");
    String token = createKey(data, "desk-baghdad", "analyst");
    String id = token.split("\\.")[1];

    String[] list = command("keys", "list", "--data-dir", data.toString());
    assertThat(list[0]).isEqualTo("0");
    assertThat(list[1]).contains("apiKeys/" + id).contains("analyst").contains("desk-baghdad")
        .doesNotContain(token.substring(token.lastIndexOf('.') + 1));

    String[] revoked = command("keys", "revoke", id, "--data-dir", data.toString());
    assertThat(revoked[0]).as(revoked[2]).isEqualTo("0");
    assertThat(revoked[1]).contains("Revoked apiKeys/" + id);
    try (KeyStore store = JdbcKeyStore.openSqlite(data)) {
      assertThat(new ApiKeys(store, java.time.Clock.systemUTC()).authenticate(token)).isEmpty();
    }

    String[] unknown = command("keys", "revoke", "aaaaaaaaaaaaaaaa", "--data-dir", data.toString());
    assertThat(unknown[0]).isEqualTo("1");
    assertThat(unknown[2]).contains("apiKeys/aaaaaaaaaaaaaaaa");
    String[] badRole = command("keys", "create", "--principal", "x", "--role", "root", "--data-dir", data.toString());
    assertThat(badRole[0]).isEqualTo("1");
    assertThat(badRole[2]).contains("reader, analyst or admin");
  }

  @Test
  void overTlsAClientThatTrustsTheCaConnectsAndAPlaintextOneDoesNot() throws Exception {
    Main.Running running = Main.parse("--port", "0", "--store", "memory",
        "--tls-cert", cert("server1.pem"), "--tls-key", cert("server1.key")).start();
    ChannelCredentials tls = TlsChannelCredentials.newBuilder().trustManager(certs.resolve("ca.pem").toFile()).build();
    ManagedChannel secure = Grpc.newChannelBuilderForAddress("127.0.0.1", running.port(), tls)
        .overrideAuthority(AUTHORITY).build();
    ManagedChannel plain = Grpc.newChannelBuilderForAddress("127.0.0.1", running.port(),
        InsecureChannelCredentials.create()).build();
    try {
      assertThat(running.banner()).contains("tls");
      assertThat(code(() -> sources(secure, null).createSource(newsOutlet("al-mada")))).isEqualTo(Status.Code.OK);
      assertThat(code(() -> sources(plain, null).listSources(ListSourcesRequest.getDefaultInstance())))
          .isEqualTo(Status.Code.UNAVAILABLE);
    } finally {
      secure.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      plain.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      running.stop();
    }
  }

  @Test
  void withClientCertificatesTheCertificatesCnIsTheCallerWithTheRoleOfItsKeysElseReader() throws Exception {
    Path data = dir.resolve("data");
    String admin = createKey(data, "admin@desk", "admin");
    Main.Running running = Main.parse("--port", "0", "--host", "0.0.0.0", "--data-dir", data.toString(),
        "--tls-cert", cert("server1.pem"), "--tls-key", cert("server1.key"), "--client-ca", cert("ca.pem")).start();
    ChannelCredentials withCert = TlsChannelCredentials.newBuilder().trustManager(certs.resolve("ca.pem").toFile())
        .keyManager(certs.resolve("client.pem").toFile(), certs.resolve("client.key").toFile()).build();
    ChannelCredentials withoutCert = TlsChannelCredentials.newBuilder()
        .trustManager(certs.resolve("ca.pem").toFile()).build();
    ManagedChannel mutual = Grpc.newChannelBuilderForAddress("127.0.0.1", running.port(), withCert)
        .overrideAuthority(AUTHORITY).build();
    ManagedChannel anonymous = Grpc.newChannelBuilderForAddress("127.0.0.1", running.port(), withoutCert)
        .overrideAuthority(AUTHORITY).build();
    try {
      assertThat(running.banner()).contains("tls, client certificates");
      // testclient holds no key: a reader.
      assertThat(code(() -> sources(mutual, null).listSources(ListSourcesRequest.getDefaultInstance())))
          .isEqualTo(Status.Code.OK);
      assertThat(code(() -> sources(mutual, null).createSource(newsOutlet("al-sabah"))))
          .isEqualTo(Status.Code.PERMISSION_DENIED);
      // A token, when given, is the caller instead.
      assertThat(code(() -> sources(mutual, admin).createSource(newsOutlet("al-sabah")))).isEqualTo(Status.Code.OK);
      assertThat(code(() -> sources(mutual, "sitrep.aaaaaaaaaaaaaaaa." + "A".repeat(43))
          .listSources(ListSourcesRequest.getDefaultInstance()))).isEqualTo(Status.Code.UNAUTHENTICATED);
      // No certificate, no connection, whatever the token.
      assertThat(code(() -> sources(anonymous, admin).listSources(ListSourcesRequest.getDefaultInstance())))
          .isEqualTo(Status.Code.UNAVAILABLE);
    } finally {
      mutual.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      anonymous.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      running.stop();
    }
  }

  @Test
  void aClientCertificatesPrincipalTakesTheRoleOfTheKeysIssuedToIt() throws Exception {
    Path data = dir.resolve("data");
    createKey(data, "testclient", "analyst");
    Main.Running running = Main.parse("--port", "0", "--data-dir", data.toString(), "--tls-cert", cert("server1.pem"),
        "--tls-key", cert("server1.key"), "--client-ca", cert("ca.pem")).start();
    ChannelCredentials withCert = TlsChannelCredentials.newBuilder().trustManager(certs.resolve("ca.pem").toFile())
        .keyManager(certs.resolve("client.pem").toFile(), certs.resolve("client.key").toFile()).build();
    ManagedChannel mutual = Grpc.newChannelBuilderForAddress("127.0.0.1", running.port(), withCert)
        .overrideAuthority(AUTHORITY).build();
    try {
      assertThat(code(() -> sources(mutual, null).createSource(newsOutlet("al-sabah")))).isEqualTo(Status.Code.OK);
    } finally {
      mutual.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      running.stop();
    }
  }

  @Test
  void tlsFlagsThatDoNotGoTogetherAreRefusedClearly() {
    assertThatThrownBy(() -> Main.parse("--port", "0", "--store", "memory", "--tls-cert", cert("server1.pem")).start())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--tls-cert and --tls-key go together");
    assertThatThrownBy(() -> Main.parse("--port", "0", "--store", "memory", "--client-ca", cert("ca.pem")).start())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--client-ca needs TLS");
    assertThatThrownBy(() -> Main.parse("--port", "0", "--store", "memory", "--tls-cert", cert("server1.pem"),
        "--tls-key", dir.resolve("missing.key").toString()).start())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read the TLS files");
  }
}
