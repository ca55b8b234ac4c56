package io.sitrep.core.store;

/** A batch was refused because of its item at {@code index}; the cause says why. */
public final class BatchException extends RuntimeException {
  private final int index;

  public BatchException(int index, RuntimeException cause) {
    super("items[" + index + "]: " + cause.getMessage(), cause);
    this.index = index;
  }

  public int index() {
    return index;
  }

  @Override
  public synchronized RuntimeException getCause() {
    return (RuntimeException) super.getCause();
  }
}
