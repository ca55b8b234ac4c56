package io.sitrep.core.imports;

import com.google.common.collect.ImmutableList;

/**
 * What importing one file did. Every row read is accounted for: {@code rows == imported + bad}.
 * Header and HXL tag rows are not rows.
 *
 * @param file the file as given
 * @param format its format
 * @param kind what the file held within the format ({@code events}, {@code mentions}), or ""
 * @param rows data rows read
 * @param imported rows whose resources are stored (or were already)
 * @param bad rows reported as problems
 * @param created resources newly stored by this import (0 when re-importing the same file)
 * @param problems the first problems, in file order ({@link ImportOptions#maxProblems})
 * @param stoppedEarly true when strict mode stopped at a bad row, leaving rows unread
 */
public record ImportResult(String file, ImportFormat format, String kind, long rows, long imported, long bad,
    long created, ImmutableList<ImportProblem> problems, boolean stoppedEarly) {

  /** True when every row was imported. */
  public boolean clean() {
    return bad == 0 && !stoppedEarly;
  }
}
