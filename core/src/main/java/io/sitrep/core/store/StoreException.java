package io.sitrep.core.store;

/**
 * Why a store refused a write or a read. Each subclass maps to one gRPC status at the edge; a
 * refused write leaves the store as it was.
 */
public abstract sealed class StoreException extends RuntimeException
    permits StoreException.NotFound, StoreException.AlreadyExists, StoreException.ReferenceNotFound,
        StoreException.InUse, StoreException.EtagMismatch, StoreException.Unavailable, StoreException.Full {

  StoreException(String message) {
    super(message);
  }

  StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The named resource does not exist (or was deleted). */
  public static final class NotFound extends StoreException {
    private final String name;

    public NotFound(String name) {
      super(name + " does not exist");
      this.name = name;
    }

    public String name() {
      return name;
    }
  }

  /** A resource with that name exists already. */
  public static final class AlreadyExists extends StoreException {
    private final String name;

    public AlreadyExists(String name) {
      super(name + " already exists");
      this.name = name;
    }

    public String name() {
      return name;
    }
  }

  /** A field refers to a resource that does not exist. {@code field} is relative to the resource. */
  public static final class ReferenceNotFound extends StoreException {
    private final String field;
    private final String name;

    public ReferenceNotFound(String field, String name) {
      super(field + " refers to " + name + ", which does not exist");
      this.field = field;
      this.name = name;
    }

    public String field() {
      return field;
    }

    public String name() {
      return name;
    }
  }

  /** The resource cannot be deleted while others refer to it. */
  public static final class InUse extends StoreException {
    private final String name;
    private final String referrer;

    public InUse(String name, String referrer) {
      super(name + " is referred to by " + referrer + " and others may be too; delete those first");
      this.name = name;
      this.referrer = referrer;
    }

    public String name() {
      return name;
    }

    public String referrer() {
      return referrer;
    }
  }

  /** The caller's etag is not the stored one: someone else changed the resource meanwhile. */
  public static final class EtagMismatch extends StoreException {
    private final String name;

    public EtagMismatch(String name) {
      super(name + " has changed since the etag given was read; read it again and retry");
      this.name = name;
    }

    public String name() {
      return name;
    }
  }

  /**
   * The storage engine cannot serve the call now (database down, connection lost, busy): the same
   * call may succeed if retried later.
   */
  public static final class Unavailable extends StoreException {
    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The store has no room for the write: the disk (SQLite's SQLITE_FULL) or the database server's
   * (PostgreSQL's SQLSTATE 53100) is full. Nothing of the write was kept, and retrying will not
   * help until an operator frees space; reads still work.
   */
  public static final class Full extends StoreException {
    public Full(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
