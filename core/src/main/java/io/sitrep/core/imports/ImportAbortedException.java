package io.sitrep.core.imports;

/**
 * The sink refused a batch or could not be reached, so the import stopped. The {@link #partial}
 * result counts the rows stored before; the refused batch's rows are neither imported nor bad.
 * The cause is the sink's exception (a {@link io.sitrep.core.store.StoreException}, a gRPC status).
 */
public final class ImportAbortedException extends RuntimeException {
  private final ImportResult partial;

  public ImportAbortedException(ImportResult partial, long firstLine, long lastLine, RuntimeException cause) {
    super(partial.file() + ":" + firstLine + "-" + lastLine + ": batch refused: " + cause.getMessage(), cause);
    this.partial = partial;
  }

  public ImportResult partial() {
    return partial;
  }

  @Override
  public synchronized RuntimeException getCause() {
    return (RuntimeException) super.getCause();
  }
}
