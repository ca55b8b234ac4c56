package io.sitrep.core.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The columns of a CSV header that an importer maps to no field of the Sitrep model. Their cells
 * go into the event's description as "column: value" lines, so that a row keeps everything it
 * said (issue 6), whatever columns a data set adds over the years.
 */
final class UnmappedColumns {
  static final UnmappedColumns NONE = new UnmappedColumns(List.of(), new int[0]);

  private final List<String> names;
  private final int[] indexes;

  private UnmappedColumns(List<String> names, int[] indexes) {
    this.names = names;
    this.indexes = indexes;
  }

  /** The named columns of {@code header} not in {@code mapped}, in the header's order. */
  static UnmappedColumns of(List<String> header, Set<String> mapped) {
    List<String> names = new ArrayList<>();
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String column = header.get(i);
      if (!column.isEmpty() && !mapped.contains(column)) {
        names.add(column);
        indexes.add(i);
      }
    }
    return new UnmappedColumns(List.copyOf(names), indexes.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The "column: value" lines of {@code row}'s non-empty unmapped cells ({@link Shared#fields}). */
  String describe(List<String> row) {
    List<String> values = new ArrayList<>(indexes.length);
    for (int i : indexes) {
      values.add(Cells.get(row, i));
    }
    return Shared.fields(names, values);
  }
}
