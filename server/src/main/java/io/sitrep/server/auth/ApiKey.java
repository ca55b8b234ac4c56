package io.sitrep.server.auth;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An API key as an administrator sees it: who it was issued to, with what role, and whether it is
 * revoked. Never the token: the key store keeps only a salted hash of it ({@link KeyStore.Entry}).
 *
 * @param id the public key id, also the second part of the token ({@link ApiKeyTokens}); the
 *     resource name is {@code apiKeys/{id}}
 * @param principal who calls with it, recorded as the author of every write it makes
 * @param role what it may do
 * @param createTime when it was issued
 * @param revokeTime when it was revoked, or null while it is valid
 */
public record ApiKey(String id, String principal, Principal.Role role, Instant createTime,
    @Nullable Instant revokeTime) {
  /** The collection of API keys in resource names. */
  public static final String COLLECTION = "apiKeys";

  public ApiKey {
    checkArgument(ApiKeyTokens.isKeyId(id), "not a key id: %s", id);
    checkArgument(Principals.isValidName(principal), "not a principal name: %s", principal);
    checkNotNull(role, "role");
    checkNotNull(createTime, "createTime");
  }

  /** {@code apiKeys/{id}}. */
  public String name() {
    return COLLECTION + "/" + id;
  }

  public boolean revoked() {
    return revokeTime != null;
  }

  public Optional<Instant> revokedAt() {
    return Optional.ofNullable(revokeTime);
  }

  /** This key revoked at {@code when}; a key already revoked keeps its first revocation time. */
  public ApiKey revokedAt(Instant when) {
    return revoked() ? this : new ApiKey(id, principal, role, createTime, when);
  }

  /** The caller a call made with this key runs as. */
  public Principal toPrincipal() {
    return new Principal(principal, role);
  }
}
