package io.sitrep.core.imports;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How an import runs.
 *
 * @param batchRows rows per batch handed to the sink (a batch holds their resources, usually 3 to 8
 *     per row, well under the API's 10,000 items)
 * @param strict stop at the first bad row instead of reporting it and going on
 * @param maxProblems the most problems a result keeps in full; the rest are only counted
 * @param threads threads that parse and map rows where the format allows it (GDELT, whose records
 *     are single lines); 1 reads on the calling thread alone. Batches, line numbers and results
 *     are the same either way.
 */
public record ImportOptions(int batchRows, boolean strict, int maxProblems, int threads) {
  public static final int DEFAULT_BATCH_ROWS = 500;

  public ImportOptions {
    checkArgument(batchRows >= 1 && batchRows <= 1_000, "batchRows must be in [1, 1000]: %s", batchRows);
    checkArgument(maxProblems >= 0, "maxProblems must not be negative");
    checkArgument(threads >= 1 && threads <= 64, "threads must be in [1, 64]: %s", threads);
  }

  /**
   * On the calling thread alone: on the shared 2-core machine, GDELT on two threads cost 2 to 4
   * times the CPU per row of one thread and was slower (import-bench, 2026-11-29, load 8-12).
   */
  public ImportOptions(int batchRows, boolean strict, int maxProblems) {
    this(batchRows, strict, maxProblems, 1);
  }

  /** 500 rows a batch, bad rows reported and skipped, the first 1,000 problems kept, one thread. */
  public static ImportOptions defaults() {
    return new ImportOptions(DEFAULT_BATCH_ROWS, false, 1_000);
  }

  public ImportOptions withStrict(boolean v) {
    return new ImportOptions(batchRows, v, maxProblems, threads);
  }

  public ImportOptions withBatchRows(int v) {
    return new ImportOptions(v, strict, maxProblems, threads);
  }

  public ImportOptions withThreads(int v) {
    return new ImportOptions(batchRows, strict, maxProblems, v);
  }
}
