package io.sitrep.server.auth;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import com.google.common.util.concurrent.UncheckedExecutionException;
import io.sitrep.core.model.ValidationException;
import io.sitrep.core.store.Page;
import io.sitrep.core.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;

/**
 * Issues, lists and revokes API keys in a {@link KeyStore}, and tells who a token or a client
 * certificate belongs to.
 *
 * <p>Authentication reads keys through a cache that forgets an entry after {@link #CACHE_TTL}, so
 * most calls cost one HMAC and no store read. A key revoked through this object is refused at
 * once; one revoked by another process on the same store ({@code sitrep-server keys revoke}
 * while the server runs) within {@link #CACHE_TTL}.
 *
 * <h2>When authentication is on</h2>
 * As soon as the key store holds a key, revoked ones included (revoking every key locks everyone
 * out rather than opening the server). A server started on an empty store notices the first key
 * created by another process within {@link #CACHE_TTL}; once on, it stays on.
 */
public final class ApiKeys {
  /** How long a looked-up key (or its absence) is trusted before the store is asked again. */
  public static final Duration CACHE_TTL = Duration.ofSeconds(5);
  private static final int CACHE_SIZE = 10_000;

  /** A key just created and its token, which is shown this once and kept nowhere. */
  public record Issued(ApiKey key, String token) {
    @Override
    public String toString() {
      return "Issued[" + key + "]";
    }
  }

  private final KeyStore store;
  private final Clock clock;
  private final LoadingCache<String, Optional<KeyStore.Entry>> entries;
  private final LoadingCache<String, Principal> certificatePrincipals;
  private volatile boolean enabled;
  private volatile long enabledCheckedNanos;

  public ApiKeys(KeyStore store, Clock clock) {
    this.store = checkNotNull(store, "store");
    this.clock = checkNotNull(clock, "clock");
    this.entries = CacheBuilder.newBuilder().maximumSize(CACHE_SIZE).expireAfterWrite(CACHE_TTL)
        .build(CacheLoader.from(store::get));
    this.certificatePrincipals = CacheBuilder.newBuilder().maximumSize(CACHE_SIZE).expireAfterWrite(CACHE_TTL)
        .build(CacheLoader.from(this::certificatePrincipal));
    this.enabled = store.hasKeys();
    this.enabledCheckedNanos = System.nanoTime();
  }

  /** Keys in memory, for tests and {@code --store memory}. */
  public static ApiKeys inMemory() {
    return new ApiKeys(new InMemoryKeyStore(), Clock.systemUTC());
  }

  public KeyStore store() {
    return store;
  }

  /**
   * Issues a key to {@code principal} with {@code role}.
   *
   * @throws ValidationException the principal is blank, too long, has control characters, or is
   *     {@value Principal#ANONYMOUS_NAME}
   */
  public Issued create(String principal, Principal.Role role) {
    if (principal == null || !Principals.isIssuable(principal)) {
      throw ValidationException.of("api_key.principal", "must be 1 to 200 printable characters without"
          + " leading or trailing spaces, and not \"" + Principal.ANONYMOUS_NAME + "\"");
    }
    if (role == null) {
      throw ValidationException.of("api_key.role", "is required: reader, analyst or admin");
    }
    ApiKeyTokens.Issued issued = ApiKeyTokens.issue();
    ApiKey key = new ApiKey(issued.id(), principal, role, clock.instant(), null);
    store.insert(new KeyStore.Entry(key, issued.salt(), issued.hash()));
    entries.invalidate(key.id());
    certificatePrincipals.invalidate(principal);
    enabled = true;
    return new Issued(key, issued.token());
  }

  /**
   * The key {@code id}.
   *
   * @throws StoreException.NotFound no such key
   */
  public ApiKey get(String id) {
    return (ApiKeyTokens.isKeyId(id) ? store.get(id) : Optional.<KeyStore.Entry>empty())
        .map(KeyStore.Entry::key)
        .orElseThrow(() -> new StoreException.NotFound(ApiKey.COLLECTION + "/" + id));
  }

  public Page<ApiKey> list(int pageSize, String pageToken) {
    return store.list(pageSize, pageToken);
  }

  /**
   * Revokes the key {@code id}; revoking a revoked key changes nothing.
   *
   * @throws StoreException.NotFound no such key
   */
  public ApiKey revoke(String id) {
    if (!ApiKeyTokens.isKeyId(id)) {
      throw new StoreException.NotFound(ApiKey.COLLECTION + "/" + id);
    }
    ApiKey revoked = store.revoke(id, clock.instant());
    entries.invalidate(id);
    certificatePrincipals.invalidate(revoked.principal());
    return revoked;
  }

  /** Whether calls must authenticate: see the class documentation. */
  public boolean enabled() {
    if (enabled) {
      return true;
    }
    long now = System.nanoTime();
    if (now - enabledCheckedNanos > CACHE_TTL.toNanos()) {
      enabledCheckedNanos = now;
      enabled = store.hasKeys();
    }
    return enabled;
  }

  /**
   * The principal of a valid, unrevoked {@code token}; empty for anything else, whatever the
   * reason (malformed, unknown id, wrong secret, revoked), so that callers cannot tell them apart.
   *
   * @throws StoreException.Unavailable the key store cannot be read
   */
  public Optional<Principal> authenticate(String token) {
    Optional<ApiKeyTokens.Parsed> parsed = ApiKeyTokens.parse(token);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    Optional<KeyStore.Entry> entry = cached(entries, parsed.get().id());
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    KeyStore.Entry e = entry.get();
    boolean matches = ApiKeyTokens.matches(parsed.get().secret(), e.salt(), e.hash());
    return matches && !e.key().revoked() ? Optional.of(e.key().toPrincipal()) : Optional.empty();
  }

  /**
   * The principal of a client certificate whose subject CN is {@code commonName} (the TLS layer
   * has verified it against {@code --client-ca}): the highest role among the unrevoked keys issued
   * to that principal, or {@link Principal.Role#READER} if it holds none.
   */
  public Principal authenticateCertificate(String commonName) {
    return cached(certificatePrincipals, commonName);
  }

  private Principal certificatePrincipal(String commonName) {
    Principal.Role role = store.validKeysOf(commonName).stream().map(ApiKey::role)
        .max(Comparator.naturalOrder()).orElse(Principal.Role.READER);
    return new Principal(commonName, role);
  }

  private static <K, V> V cached(LoadingCache<K, V> cache, K key) {
    try {
      return cache.getUnchecked(key);
    } catch (UncheckedExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }
}
