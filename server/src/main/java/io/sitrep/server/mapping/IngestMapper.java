package io.sitrep.server.mapping;

import io.sitrep.api.v1.Dataset;
import io.sitrep.api.v1.IngestItem;
import io.sitrep.core.model.Resource;
import java.util.ArrayList;
import java.util.List;

/** Maps the items of an ingest batch, and spreads a {@link Dataset} into items. */
public final class IngestMapper {
  private IngestMapper() {}

  /**
   * Core's resource of an item that holds one. Violations are relative to the resource (e.g.
   * {@code display_name}); the caller files them under {@code items[i].source}.
   */
  public static Resource toCore(IngestItem item) {
    return switch (item.getResourceCase()) {
      case SOURCE -> SourceMapper.toCore(item.getSource());
      case REPORT -> ReportMapper.toCore(item.getReport());
      case ACTOR -> ActorMapper.toCore(item.getActor());
      case EVENT -> EventMapper.toCore(item.getEvent());
      case CLAIM -> ClaimMapper.toCore(item.getClaim());
      case RESOURCE_NOT_SET -> throw new IllegalArgumentException("item holds no resource");
    };
  }

  /** The oneof field set in {@code item}, e.g. {@code source}; empty when none is. */
  public static String fieldName(IngestItem item) {
    return item.getResourceCase() == IngestItem.ResourceCase.RESOURCE_NOT_SET ? ""
        : item.getDescriptorForType().findFieldByNumber(item.getResourceCase().getNumber()).getName();
  }

  /** The name the item's resource carries; empty when it has none (or no resource). */
  public static String name(IngestItem item) {
    return switch (item.getResourceCase()) {
      case SOURCE -> item.getSource().getName();
      case REPORT -> item.getReport().getName();
      case ACTOR -> item.getActor().getName();
      case EVENT -> item.getEvent().getName();
      case CLAIM -> item.getClaim().getName();
      case RESOURCE_NOT_SET -> "";
    };
  }

  /** The item with its resource renamed. */
  public static IngestItem withName(IngestItem item, String name) {
    IngestItem.Builder b = item.toBuilder();
    switch (item.getResourceCase()) {
      case SOURCE -> b.getSourceBuilder().setName(name);
      case REPORT -> b.getReportBuilder().setName(name);
      case ACTOR -> b.getActorBuilder().setName(name);
      case EVENT -> b.getEventBuilder().setName(name);
      case CLAIM -> b.getClaimBuilder().setName(name);
      case RESOURCE_NOT_SET -> {
        return item;
      }
    }
    return b.build();
  }

  /** Every resource of {@code dataset} as an item: sources, actors, reports, events, claims. */
  public static List<IngestItem> items(Dataset dataset) {
    List<IngestItem> items = new ArrayList<>();
    dataset.getSourcesList().forEach(s -> items.add(IngestItem.newBuilder().setSource(s).build()));
    dataset.getActorsList().forEach(a -> items.add(IngestItem.newBuilder().setActor(a).build()));
    dataset.getReportsList().forEach(r -> items.add(IngestItem.newBuilder().setReport(r).build()));
    dataset.getEventsList().forEach(e -> items.add(IngestItem.newBuilder().setEvent(e).build()));
    dataset.getClaimsList().forEach(c -> items.add(IngestItem.newBuilder().setClaim(c).build()));
    return items;
  }
}
