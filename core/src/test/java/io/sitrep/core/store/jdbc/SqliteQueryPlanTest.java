package io.sitrep.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.core.store.Filter;
import io.sitrep.core.store.ResourceType;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Filtered listings read an index, never a whole table (issue 3: claims by subject and attribute,
 * reports by source, events by actor, and every other filter field). SQLite's plan says
 * {@code SCAN} for a read of a whole table or index and {@code SEARCH} for a range of one.
 */
class SqliteQueryPlanTest {
  @TempDir Path dir;
  private JdbcStore store;

  @BeforeEach
  void open() {
    store = JdbcStores.openSqlite(dir);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void claimsBySubjectAttributeReportAndEventSearchTheirIndexes() {
    assertSearches(ResourceType.CLAIMS, Filter.of("subject", "actors/malik"), "claims_f_subject");
    assertSearches(ResourceType.CLAIMS, Filter.of("attribute", "custody"), "claims_f_attribute");
    // The subject's index, not the attribute's, which most claims of a big store may share.
    assertSearches(ResourceType.CLAIMS, Filter.of("attribute", "custody").and("subject", "actors/malik"),
        "claims_f_subject");
    assertSearches(ResourceType.CLAIMS, Filter.of("attribute", "custody").and("report", "reports/r"),
        "claims_f_report");
    assertSearches(ResourceType.CLAIMS, Filter.of("report", "reports/r"), "claims_f_report");
    assertSearches(ResourceType.CLAIMS, Filter.of("event", "events/e"), "claims_f_event");
  }

  @Test
  void reportsBySourceAndEventsByActorOrTypeSearchTheirIndexes() {
    assertSearches(ResourceType.REPORTS, Filter.of("source", "sources/s"), "reports_f_source");
    assertSearches(ResourceType.EVENTS, Filter.of("participant", "actors/a"), "PRIMARY KEY");
    assertSearches(ResourceType.EVENTS, Filter.of("type", "EVENT_TYPE_ARREST"), "events_f_type");
    assertSearches(ResourceType.SOURCES, Filter.of("affiliation", "actors/a"), "PRIMARY KEY");
  }

  @Test
  void claimsByStanceAloneWalkTheNamesFromThePageTokenNotTheTable() {
    // V6 dropped the stance index: a page reads the primary key from the token on, up to its size.
    assertSearches(ResourceType.CLAIMS, Filter.of("stance", "STANCE_DENIES"), "PRIMARY KEY (name>?)");
    assertSearches(ResourceType.CLAIMS, Filter.of("stance", "STANCE_DENIES").and("subject", "actors/malik"),
        "claims_f_subject");
    assertSearches(ResourceType.CLAIMS, Filter.of("stance", "STANCE_DENIES").and("attribute", "custody"),
        "claims_f_attribute");
  }

  private void assertSearches(ResourceType<?> type, Filter filter, String index) {
    String plan = store.queryPlan(type, filter);
    assertThat(plan).as("plan of %s %s", type.collection(), filter).doesNotContain("SCAN").contains("SEARCH")
        .contains(index);
  }
}
