package io.sitrep.core.imports;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How an import runs.
 *
 * @param batchRows rows per batch handed to the sink (a batch holds their resources, usually 3 to 8
 *     per row, well under the API's 10,000 items)
 * @param strict stop at the first bad row instead of reporting it and going on
 * @param maxProblems the most problems a result keeps in full; the rest are only counted
 */
public record ImportOptions(int batchRows, boolean strict, int maxProblems) {
  public static final int DEFAULT_BATCH_ROWS = 500;

  public ImportOptions {
    checkArgument(batchRows >= 1 && batchRows <= 1_000, "batchRows must be in [1, 1000]: %s", batchRows);
    checkArgument(maxProblems >= 0, "maxProblems must not be negative");
  }

  /** 500 rows a batch, bad rows reported and skipped, the first 1,000 problems kept. */
  public static ImportOptions defaults() {
    return new ImportOptions(DEFAULT_BATCH_ROWS, false, 1_000);
  }

  public ImportOptions withStrict(boolean v) {
    return new ImportOptions(batchRows, v, maxProblems);
  }

  public ImportOptions withBatchRows(int v) {
    return new ImportOptions(v, strict, maxProblems);
  }
}
