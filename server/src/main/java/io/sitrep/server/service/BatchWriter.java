package io.sitrep.server.service;

import io.sitrep.api.v1.IngestItem;
import io.sitrep.api.v1.IngestRequest;
import io.sitrep.api.v1.IngestResponse;
import io.sitrep.core.model.FieldViolation;
import io.sitrep.core.model.Resource;
import io.sitrep.core.model.ValidationException;
import io.sitrep.core.store.BatchException;
import io.sitrep.core.store.BatchResult;
import io.sitrep.core.store.ResourceType;
import io.sitrep.core.store.SitrepStore;
import io.sitrep.server.mapping.IngestMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores one ingest batch, all or nothing, with one {@link SitrepStore#createAll} call: the path
 * of both the Ingest RPC and the server's demo load. Failures are core's exceptions with field
 * paths relative to the request ({@code items[3].report.source}), ready for {@link Errors}.
 */
public final class BatchWriter {
  /** The most items one batch may hold, as the API documents. */
  public static final int MAX_ITEMS = 10_000;

  private final SitrepStore store;

  public BatchWriter(SitrepStore store) {
    this.store = store;
  }

  public IngestResponse write(IngestRequest request) {
    return store(request, resources(request));
  }

  /**
   * The batch's items as core resources, each checked on its own, with a generated name where it
   * has none, and {@link SitrepStore#prepare prepared} for the store: the part of {@link #write}
   * that needs no store, so it can run while the store is busy with an earlier batch.
   *
   * @throws ValidationException naming every invalid item's field
   */
  public List<? extends Resource> resources(IngestRequest request) {
    if (request.getItemsCount() > MAX_ITEMS) {
      throw ValidationException.of("items", "must hold at most " + MAX_ITEMS + " items, got "
          + request.getItemsCount() + "; split the batch");
    }
    List<Resource> resources = new ArrayList<>(request.getItemsCount());
    List<FieldViolation> violations = new ArrayList<>();
    for (int i = 0; i < request.getItemsCount(); i++) {
      IngestItem item = request.getItems(i);
      String field = IngestMapper.fieldName(item);
      if (field.isEmpty()) {
        violations.add(new FieldViolation("items[" + i + "]",
            "must hold a source, report, actor, event or claim"));
        continue;
      }
      if (IngestMapper.name(item).isEmpty()) {
        item = IngestMapper.withName(item, field + "s/" + ResourceNames.generateId());
      }
      try {
        resources.add(IngestMapper.toCore(item));
      } catch (ValidationException e) {
        violations.addAll(e.under("items[" + i + "]." + field).violations());
      }
    }
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
    return store.prepare(resources);
  }

  /** Stores {@code resources}, what {@link #resources} made of {@code request}, all or nothing. */
  public IngestResponse store(IngestRequest request, List<? extends Resource> resources) {
    BatchResult result;
    try {
      result = store.createAll(resources, request.getRequestId());
    } catch (BatchException e) {
      String field = ResourceType.of(resources.get(e.index())).singular();
      throw new BatchException(e.index(), Errors.under(field, e.getCause()));
    }
    return IngestResponse.newBuilder()
        .setRequestId(request.getRequestId())
        .addAllNames(result.names())
        .setReplayed(result.replayed())
        .build();
  }
}
