package io.sitrep.client;

import static com.google.common.base.Preconditions.checkArgument;

import io.grpc.CallCredentials;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.SecurityLevel;
import io.grpc.Status;
import java.net.InetAddress;
import java.util.concurrent.Executor;

/**
 * Sends a Sitrep API key as {@code authorization: Bearer <token>} on every call. Refuses to send
 * it in plaintext to anything but a loopback address, where anyone on the path could read it: use
 * TLS ({@link SitrepClient.Builder#trustCertificates}) for a remote server.
 */
final class BearerToken extends CallCredentials {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final String token;

  BearerToken(String token) {
    checkArgument(!token.isBlank() && token.strip().equals(token) && token.chars().allMatch(c -> c > 32 && c < 127),
        "an API key token is printable ASCII without spaces");
    this.token = token;
  }

  @Override
  public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
    if (info.getSecurityLevel() == SecurityLevel.NONE && !isLoopback(info.getAuthority())) {
      applier.fail(Status.UNAUTHENTICATED.withDescription("refusing to send an API key in plaintext to "
          + info.getAuthority() + ": connect with TLS"));
      return;
    }
    Metadata headers = new Metadata();
    headers.put(AUTHORIZATION, "Bearer " + token);
    applier.apply(headers);
  }

  /** Attaches these credentials to every call on a channel. */
  ClientInterceptor interceptor() {
    CallCredentials credentials = this;
    return new ClientInterceptor() {
      @Override
      public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(MethodDescriptor<ReqT, RespT> method,
          CallOptions options, Channel next) {
        return next.newCall(method, options.withCallCredentials(credentials));
      }
    };
  }

  /** Whether {@code authority} ({@code host:port}) names this machine, without asking DNS for other names. */
  static boolean isLoopback(String authority) {
    String host = authority;
    if (host.startsWith("[")) {
      host = host.substring(1, Math.max(1, host.indexOf(']')));
    } else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') >= 0) {
      host = host.substring(0, host.indexOf(':'));
    }
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false; // a name: only localhost is taken on trust
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "BearerToken[<hidden>]";
  }
}
