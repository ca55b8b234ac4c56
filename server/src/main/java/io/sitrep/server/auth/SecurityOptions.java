package io.sitrep.server.auth;

import io.grpc.InsecureServerCredentials;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The server's security flags (a picocli mixin of {@code Main}): TLS, client certificates, and
 * the explicit {@code --insecure} that an exposed server without credentials needs.
 *
 * <h2>When authentication is on</h2>
 * Whenever the key store holds a key (revoked ones count) or {@code --client-ca} is given; see
 * {@link ApiKeys}. Otherwise every call runs as {@link Principal#ANONYMOUS}, which a server may do
 * only on a loopback address, or anywhere with {@code --insecure}.
 */
public final class SecurityOptions {
  @Option(names = "--tls-cert", paramLabel = "FILE",
      description = "Serve TLS with this PEM certificate chain (with --tls-key).")
  @Nullable Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "FILE",
      description = "The PEM (PKCS#8) private key of --tls-cert.")
  @Nullable Path tlsKey;

  @Option(names = "--client-ca", paramLabel = "FILE",
      description = "Require client certificates signed by these PEM CAs (mTLS, needs --tls-cert): a certificate's"
          + " subject CN is the caller, with the highest role of the unrevoked keys issued to that name, else reader.")
  @Nullable Path clientCa;

  @Option(names = "--insecure",
      description = "Serve on a non-loopback --host even with no API key and no --client-ca, i.e. to anyone,"
          + " without authentication.")
  boolean insecure;

  /** Whether TLS is on. */
  public boolean tls() {
    return tlsCert != null;
  }

  /** Whether clients must show certificates (mTLS). */
  public boolean clientCertificates() {
    return clientCa != null;
  }

  /**
   * Plaintext, TLS, or TLS requiring client certificates.
   *
   * @throws IllegalArgumentException the flags do not go together, or a file cannot be read
   */
  public ServerCredentials serverCredentials() {
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new IllegalArgumentException("--tls-cert and --tls-key go together");
    }
    if (clientCa != null && tlsCert == null) {
      throw new IllegalArgumentException("--client-ca needs TLS: give --tls-cert and --tls-key too");
    }
    if (tlsCert == null) {
      return InsecureServerCredentials.create();
    }
    try {
      TlsServerCredentials.Builder tls = TlsServerCredentials.newBuilder()
          .keyManager(tlsCert.toFile(), tlsKey.toFile());
      if (clientCa != null) {
        tls.trustManager(clientCa.toFile()).clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
      }
      return tls.build();
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot read the TLS files (" + tlsCert + ", " + tlsKey
          + (clientCa == null ? "" : ", " + clientCa) + "): " + e.getMessage(), e);
    }
  }

  /**
   * The security of a server on {@code host} over {@code keyStore}.
   *
   * @throws IllegalArgumentException {@code host} is not a loopback address, the key store holds
   *     no key, there are no client certificates, and {@code --insecure} was not given
   */
  public ServerSecurity serverSecurity(String host, KeyStore keyStore) {
    ApiKeys keys = new ApiKeys(keyStore, Clock.systemUTC());
    if (!keys.enabled() && !clientCertificates() && !insecure && !isLoopback(host)) {
      throw new IllegalArgumentException("refusing to serve on " + host + " without authentication: anyone who"
          + " can reach it could read and change everything. Create a key first (sitrep-server keys create"
          + " --principal NAME --role admin, with the same --data-dir or --store), or require client certificates"
          + " (--tls-cert, --tls-key, --client-ca), or pass --insecure to serve without authentication anyway.");
    }
    return new ServerSecurity(keys, clientCertificates());
  }

  /** What the start-up line says of security: e.g. {@code tls, client certificates, auth: api keys}; empty by default. */
  public String describe(ServerSecurity security) {
    List<String> parts = new ArrayList<>();
    if (tls()) {
      parts.add(clientCertificates() ? "tls, client certificates" : "tls");
    }
    if (security.keys().enabled()) {
      parts.add("auth: api keys");
    } else if (!clientCertificates() && insecure) {
      parts.add("auth: OFF (--insecure)");
    }
    return String.join(", ", parts);
  }

  /** Whether {@code host} names only this machine; a name that does not resolve is not. */
  static boolean isLoopback(String host) {
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
