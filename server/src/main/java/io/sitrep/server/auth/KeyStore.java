package io.sitrep.server.auth;

import io.sitrep.core.store.Page;
import io.sitrep.core.store.StoreException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where API keys are kept: each key's public fields and the salted hash of its token, never the
 * token. {@link InMemoryKeyStore} for tests and {@code --store memory}; {@link JdbcKeyStore} in
 * SQLite ({@code keys.db} in the data directory) or PostgreSQL (a schema of its own).
 */
public interface KeyStore extends AutoCloseable {

  /** A stored key with the salt and hash of its token. */
  record Entry(ApiKey key, byte[] salt, byte[] hash) {
    @Override
    public String toString() {
      return "Entry[" + key + "]";
    }
  }

  /**
   * Stores a new key.
   *
   * @throws StoreException.AlreadyExists a key has this id (a 80-bit random id: never in practice)
   */
  void insert(Entry entry);

  Optional<Entry> get(String id);

  /**
   * A page of keys in id order, revoked ones included.
   *
   * @throws io.sitrep.core.model.ValidationException a negative page size or a foreign token
   */
  Page<ApiKey> list(int pageSize, String pageToken);

  /**
   * Revokes the key at {@code when}, or leaves it as it is if it was already revoked.
   *
   * @return the key as stored after the call
   * @throws StoreException.NotFound no key has this id
   */
  ApiKey revoke(String id, Instant when);

  /** Whether the store has ever held a key (revoked ones count). */
  boolean hasKeys();

  /** The unrevoked keys issued to {@code principal}, for client certificates of that principal. */
  List<ApiKey> validKeysOf(String principal);

  @Override
  void close();
}
