package io.sitrep.core.dispute;

import io.sitrep.core.model.Claim;
import io.sitrep.core.model.Report;
import io.sitrep.core.model.Resource;
import io.sitrep.core.store.ListeningStore;
import io.sitrep.core.store.ResourceType;
import io.sitrep.core.store.SitrepStore;
import io.sitrep.core.store.Stored;
import io.sitrep.core.store.StoreListener;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The disputes of a store, kept current as it is written. A new, changed or deleted claim
 * updates only the disputes on its own proposition key. A change to an actor (whose aliases are
 * canonical values) or to a report (whose source backs its claims) can move many claims at once,
 * so it marks the index for a full rebuild on the next read instead.
 *
 * <p>{@link #version()} counts every change that may alter claim analyses, so that callers can
 * cache results computed from the claims (assessments, dependence) and know when they are stale.
 */
public final class LiveDisputes implements StoreListener {
  private final SitrepStore store;
  private final AtomicLong version = new AtomicLong();
  private @Nullable DisputeIndex index;
  /** Each report's source, kept with the index so a written claim needs no store read. */
  private final Map<String, String> sourceOfReport = new HashMap<>();

  private LiveDisputes(SitrepStore store) {
    this.store = store;
  }

  /** Disputes of {@code store}, listening to its writes. */
  public static LiveDisputes of(ListeningStore store) {
    LiveDisputes live = new LiveDisputes(store);
    store.addListener(live);
    return live;
  }

  /** The current index, rebuilt first if a change could not be applied incrementally. */
  public synchronized DisputeIndex index() {
    if (index == null) {
      sourceOfReport.clear();
      sourceOfReport.putAll(Disputes.sourceOfReport(store));
      index = Disputes.index(store, sourceOfReport);
    }
    return index;
  }

  /** Grows with every write that may change disputes, assessments or dependence. */
  public long version() {
    return version.get();
  }

  @Override
  public synchronized void created(List<? extends Resource> resources) {
    version.incrementAndGet();
    // A new actor may be an alias that canonical values use: rebuild on the next read.
    if (resources.stream().anyMatch(r -> r instanceof io.sitrep.core.model.Actor)) {
      index = null;
    }
    if (index == null) {
      return; // the rebuild reads everything, reports' sources included
    }
    // Reports first: a batch may hold a report and the claims made in it.
    for (Resource r : resources) {
      if (r instanceof Report report) {
        sourceOfReport.put(report.name(), report.source());
      }
    }
    for (Resource r : resources) {
      if (r instanceof Claim c) {
        index.add(c, sourceOf(c));
      }
    }
  }

  @Override
  public synchronized void updated(Resource resource) {
    version.incrementAndGet();
    if (resource instanceof Claim c) {
      if (index != null) {
        index.add(c, sourceOf(c));
      }
    } else if (resource instanceof Report || resource instanceof io.sitrep.core.model.Actor) {
      index = null;
    }
  }

  @Override
  public synchronized void deleted(ResourceType<?> type, String name) {
    version.incrementAndGet();
    if (type == ResourceType.CLAIMS) {
      if (index != null) {
        index.remove(name);
      }
    } else if (type == ResourceType.ACTORS) {
      index = null;
    } else if (type == ResourceType.REPORTS && index != null) {
      sourceOfReport.remove(name);
    }
  }

  private String sourceOf(Claim claim) {
    String source = sourceOfReport.get(claim.report());
    if (source != null) {
      return source;
    }
    // Not seen since the last rebuild (a store written around the listener): read it once.
    source = store.get(ResourceType.REPORTS, claim.report()).map(Stored::value).map(Report::source).orElse("");
    sourceOfReport.put(claim.report(), source);
    return source;
  }

}
