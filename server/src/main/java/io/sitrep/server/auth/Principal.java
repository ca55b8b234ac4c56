package io.sitrep.server.auth;

import io.grpc.Context;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is making the current call: the principal an API key (or a client certificate) was issued
 * to, and the role it holds. Interceptors put it in the gRPC {@link Context} of each call; the
 * store records {@link #name()} as the author of every write, access logs and rate limits key on
 * it.
 *
 * @param name the principal, e.g. {@code alice@desk}; {@link #ANONYMOUS_NAME} when the server
 *     runs without authentication (loopback, or {@code --insecure})
 * @param role what the principal may do
 */
public record Principal(String name, Role role) {
  /** The name written as the author of writes made without authentication. */
  public static final String ANONYMOUS_NAME = "anonymous";

  /** The principal of every call to a server that runs without authentication: may do anything. */
  public static final Principal ANONYMOUS = new Principal(ANONYMOUS_NAME, Role.ADMIN);

  /** The context key under which interceptors put the caller. */
  public static final Context.Key<Principal> CONTEXT_KEY = Context.key("sitrep-principal");

  public Principal {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
  }

  /** The caller of the current gRPC call, if an interceptor established one. */
  public static Optional<Principal> current() {
    return Optional.ofNullable(CONTEXT_KEY.get());
  }

  /** The caller's name, or {@link #ANONYMOUS_NAME} outside any authenticated call. */
  public static String currentName() {
    Principal p = CONTEXT_KEY.get();
    return p == null ? ANONYMOUS_NAME : p.name();
  }

  /** What a principal may do; each role includes the ones before it. */
  public enum Role {
    /** Get, List and every analysis. */
    READER,
    /** Also Create, Update and Ingest. */
    ANALYST,
    /** Also Delete and the management of API keys. */
    ADMIN;

    /** Whether this role includes {@code needed}. */
    public boolean includes(Role needed) {
      return compareTo(needed) >= 0;
    }
  }
}
