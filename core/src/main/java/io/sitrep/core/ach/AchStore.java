package io.sitrep.core.ach;

import io.sitrep.core.model.ValidationException;
import io.sitrep.core.store.Page;
import io.sitrep.core.store.StoreException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Holds ACH matrices by name ({@code hypothesisMatrices/{matrix}}). Implementations are
 * thread-safe and keep the same contract as {@link io.sitrep.core.store.SitrepStore}, so that the
 * server maps their refusals the same way:
 * <ul>
 *   <li>values in, values out: a matrix read back {@linkplain AchMatrix#equals equals} the one
 *       written, whatever the storage (no object identity, nothing shared with the caller);
 *   <li>a create with a request id seen before answers what that request answered and stores
 *       nothing (AIP-155);
 *   <li>an update or delete with a non-empty etag that is not the stored one is refused with
 *       {@link StoreException.EtagMismatch}; an unknown name with {@link StoreException.NotFound};
 *       a taken name with {@link StoreException.AlreadyExists}; a malformed name, page size or
 *       page token with a {@link ValidationException} naming {@code name}, {@code page_size} or
 *       {@code page_token};
 *   <li>a refused call leaves the store as it was;
 *   <li>listings are in name order with opaque keyset page tokens
 *       ({@link io.sitrep.core.store.PageToken}), so a page never repeats or skips a matrix that
 *       existed when the listing began.
 * </ul>
 * {@link InMemoryAchStore} is the reference implementation; {@code AchStoreContract} in the tests
 * is the contract every implementation must pass.
 */
public interface AchStore extends AutoCloseable {
  /** The collection of matrix names. */
  String COLLECTION = "hypothesisMatrices";

  /** What a matrix's name looks like: the collection and an AIP-122 id. */
  Pattern NAME = Pattern.compile(COLLECTION + "/[a-z0-9][a-z0-9-]{0,62}");

  /** The current revision of {@code name}, if it exists. */
  Optional<StoredAchMatrix> get(String name);

  /**
   * A page of the matrices in name order: at most {@code pageSize} (0 for 50, clamped to 1000,
   * negative refused) after the last of the page {@code pageToken} ends ("" for the first page).
   */
  Page<StoredAchMatrix> list(int pageSize, String pageToken);

  /**
   * Stores {@code matrix} as {@code name}. With a {@code requestId} seen before, returns what that
   * request stored and stores nothing.
   *
   * @throws StoreException.AlreadyExists if the name is taken
   */
  StoredAchMatrix create(String name, AchMatrix matrix, @Nullable String requestId);

  /**
   * Replaces the matrix {@code name}; with a non-empty {@code expectedEtag}, only if it is still
   * the stored one.
   *
   * @throws StoreException.NotFound if it does not exist
   * @throws StoreException.EtagMismatch if the etag is stale
   */
  StoredAchMatrix update(String name, AchMatrix matrix, @Nullable String expectedEtag);

  /**
   * Deletes {@code name}; with a non-empty {@code expectedEtag}, only if it is still the stored one.
   *
   * @throws StoreException.NotFound if it does not exist
   * @throws StoreException.EtagMismatch if the etag is stale
   */
  void delete(String name, @Nullable String expectedEtag);

  /** Releases what the store holds open; the in-memory store holds nothing. */
  @Override
  void close();

  /** Throws a {@link ValidationException} on {@code name} unless it is a matrix name. */
  static void checkName(String name) {
    if (name == null || name.isEmpty()) {
      throw ValidationException.of("name", "is required");
    }
    if (!NAME.matcher(name).matches()) {
      throw ValidationException.of("name", "must be a resource name like " + COLLECTION
          + "/{matrix} with a lower-case id of letters, digits and hyphens");
    }
  }
}
