package io.sitrep.core.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnmappedColumnsTest {
  private static final List<String> HEADER = List.of("event_id_cnty", "tags", "", "iso", "timestamp");
  private static final Set<String> MAPPED = Set.of("event_id_cnty", "iso");

  @Test
  void describesTheUnmappedNamedColumnsInHeaderOrderSkippingEmptyCells() {
    UnmappedColumns unmapped = UnmappedColumns.of(HEADER, MAPPED);

    assertThat(unmapped.describe(List.of("SOM1", "crowd size=no report", "x", "706", "1712345678")))
        .isEqualTo("tags: crowd size=no report\ntimestamp: 1712345678");
    assertThat(unmapped.describe(List.of("SOM2", "", "x", "706", "1712345679")))
        .isEqualTo("timestamp: 1712345679");
  }

  @Test
  void aShortRowDescribesTheCellsItHas() {
    assertThat(UnmappedColumns.of(HEADER, MAPPED).describe(List.of("SOM3", "tagged")))
        .isEqualTo("tags: tagged");
  }

  @Test
  void noneDescribesNothing() {
    assertThat(UnmappedColumns.NONE.describe(List.of("a", "b"))).isEmpty();
    assertThat(UnmappedColumns.of(List.of("iso"), MAPPED).describe(List.of("706"))).isEmpty();
  }
}
