package io.sitrep.core.dispute;

import io.sitrep.core.model.Actor;
import io.sitrep.core.model.Claim;
import io.sitrep.core.model.Report;
import io.sitrep.core.store.Filter;
import io.sitrep.core.store.ResourceType;
import io.sitrep.core.store.SitrepStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Builds a {@link DisputeIndex} over what a store holds. */
public final class Disputes {
  private Disputes() {}

  /** An index over every claim in {@code store}, with actor aliases as canonical values. */
  public static DisputeIndex index(SitrepStore store) {
    return index(store, sourceOfReport(store));
  }

  /** Each report's source, for every report in {@code store}. */
  static Map<String, String> sourceOfReport(SitrepStore store) {
    Map<String, String> sourceOfReport = new HashMap<>();
    try (Stream<Report> s = store.scan(ResourceType.REPORTS, Filter.ALL)) {
      s.forEach(r -> sourceOfReport.put(r.name(), r.source()));
    }
    return sourceOfReport;
  }

  /** An index over every claim in {@code store}, given each report's source. */
  static DisputeIndex index(SitrepStore store, Map<String, String> sourceOfReport) {
    List<Actor> actors;
    try (Stream<Actor> s = store.scan(ResourceType.ACTORS, Filter.ALL)) {
      actors = s.toList();
    }
    DisputeIndex index = new DisputeIndex(Canonicalizer.withActors(actors), AttributeSchema.DEFAULT);
    try (Stream<Claim> s = store.scan(ResourceType.CLAIMS, Filter.ALL)) {
      s.forEach(c -> index.add(c, sourceOfReport.getOrDefault(c.report(), "")));
    }
    return index;
  }
}
