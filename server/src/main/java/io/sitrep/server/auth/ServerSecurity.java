package io.sitrep.server.auth;

import io.grpc.BindableService;
import io.grpc.ServerInterceptor;

/**
 * What the server needs to know about security: the API keys, and whether the TLS layer asks
 * clients for certificates. {@link SecurityOptions} builds it from the flags; {@link #open()}
 * is the in-process default of tests and embedders.
 */
public final class ServerSecurity {
  private final ApiKeys keys;
  private final boolean clientCertificates;

  public ServerSecurity(ApiKeys keys, boolean clientCertificates) {
    this.keys = keys;
    this.clientCertificates = clientCertificates;
  }

  /**
   * Keys in memory, none yet, no client certificates: every call runs as {@link
   * Principal#ANONYMOUS} until an admin creates a key through {@code ApiKeyService}.
   */
  public static ServerSecurity open() {
    return new ServerSecurity(ApiKeys.inMemory(), false);
  }

  public ApiKeys keys() {
    return keys;
  }

  /** Installed once on the whole server (ServerBuilder.intercept), so that it sees every service. */
  public ServerInterceptor interceptor() {
    return new AuthInterceptor(keys, clientCertificates);
  }

  public BindableService apiKeyService() {
    return new ApiKeyServiceImpl(keys);
  }

  /** Whether calls must authenticate now. */
  public boolean authenticationOn() {
    return clientCertificates || keys.enabled();
  }
}
