package io.sitrep.server.service;

import io.sitrep.core.assessment.AssessmentScope;
import io.sitrep.core.assessment.ClaimAssessment;
import io.sitrep.core.assessment.ClaimAssessor;
import io.sitrep.core.dependence.DependenceParameters;
import io.sitrep.core.dependence.DependenceReport;
import io.sitrep.core.dependence.SourceDependenceAnalysis;
import io.sitrep.core.dispute.Canonicalizer;
import io.sitrep.core.dispute.DisputeIndex;
import io.sitrep.core.dispute.LiveDisputes;
import io.sitrep.core.model.Claim;
import io.sitrep.core.model.Proposition;
import io.sitrep.core.model.Report;
import io.sitrep.core.model.Source;
import io.sitrep.core.store.Filter;
import io.sitrep.core.store.ListeningStore;
import io.sitrep.core.store.ResourceType;
import io.sitrep.core.store.SitrepStore;
import io.sitrep.core.truth.TruthDiscoveries;
import io.sitrep.core.truth.TruthDiscovery;
import io.sitrep.core.truth.TruthOptions;
import java.util.AbstractCollection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The server's claim analyses over one store: live disputes, the latest assessment a caller
 * asked for (which annotates disputes), and the whole-store default assessment and dependence
 * analysis, each cached until the claims, reports, sources or actors change. One per server:
 * every service that weighs claims shares it, so each cache is computed once.
 */
public final class ClaimAnalyses {
  private final SitrepStore store;
  private final LiveDisputes disputes;
  private final AtomicReference<@Nullable ClaimAssessment> latest = new AtomicReference<>();
  private @Nullable Cached<ClaimAssessment> defaultAssessment;
  private @Nullable Cached<DependenceReport> dependence;

  private record Cached<T>(long version, T value) {}

  /** What the analyses read, taken together. */
  private record Material(List<Source> sources, List<Report> reports, List<Claim> claims, Canonicalizer canon) {}

  public ClaimAnalyses(ListeningStore store) {
    this.store = store;
    this.disputes = LiveDisputes.of(store);
  }

  DisputeIndex disputes() {
    return disputes.index();
  }

  @Nullable ClaimAssessment latestAssessment() {
    return latest.get();
  }

  /**
   * Runs {@code algorithm} over {@code scope}. Only a finished run becomes the latest assessment;
   * a cancelled one throws and leaves everything as it was.
   */
  ClaimAssessment assess(AssessmentScope scope, TruthDiscovery algorithm, TruthOptions options,
      List<Proposition> gold) {
    BooleanSupplier cancelled = options.cancellation();
    Material m = material(cancelled);
    // Reading every claim into the matrix takes seconds over a large scope; the truth algorithm
    // polls only once it runs, so the claims poll too as they are read.
    ClaimAssessment a = ClaimAssessor.assess(m.sources(), m.reports(), new Polling<>(m.claims(), cancelled),
        m.canon(), scope, algorithm, options, gold);
    latest.set(a);
    return a;
  }

  /** The default algorithm over every claim: the evidence's view of every source. */
  synchronized ClaimAssessment defaultAssessment() {
    long version = disputes.version();
    if (defaultAssessment == null || defaultAssessment.version() != version) {
      Material m = material();
      defaultAssessment = new Cached<>(version, ClaimAssessor.assess(m.sources(), m.reports(), m.claims(), m.canon(),
          AssessmentScope.ALL, TruthDiscoveries.defaultConfiguration(), TruthOptions.defaults(), List.of()));
    }
    return defaultAssessment.value();
  }

  /** Which sources are not independent, over the whole store. */
  synchronized DependenceReport dependence() {
    long version = disputes.version();
    if (dependence == null || dependence.version() != version) {
      Material m = material();
      dependence = new Cached<>(version, new SourceDependenceAnalysis(DependenceParameters.DEFAULT)
          .analyse(m.sources(), m.reports(), m.claims(), m.canon(), Map.of()));
    }
    return dependence.value();
  }

  /** {@code items}, whose iteration throws CancellationException once {@code cancelled} says so. */
  private static final class Polling<T> extends AbstractCollection<T> {
    /** Elements between polls: a few hundred claims are well under a millisecond of work. */
    private static final int EVERY = 256;
    private final List<T> items;
    private final BooleanSupplier cancelled;

    Polling(List<T> items, BooleanSupplier cancelled) {
      this.items = items;
      this.cancelled = cancelled;
    }

    @Override
    public int size() {
      return items.size();
    }

    @Override
    public Iterator<T> iterator() {
      Iterator<T> it = items.iterator();
      return new Iterator<>() {
        private int read;

        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public T next() {
          if (++read % EVERY == 0 && cancelled.getAsBoolean()) {
            throw new CancellationException("cancelled while reading the claims");
          }
          return it.next();
        }
      };
    }
  }

  private Material material() {
    return material(() -> false);
  }

  /** What the analyses read; each read polls {@code cancelled} first, for it can take a while over a large store. */
  private Material material(BooleanSupplier cancelled) {
    List<Source> sources = all(ResourceType.SOURCES, cancelled);
    List<Report> reports = all(ResourceType.REPORTS, cancelled);
    List<Claim> claims = all(ResourceType.CLAIMS, cancelled);
    List<io.sitrep.core.model.Actor> actors = all(ResourceType.ACTORS, cancelled);
    if (cancelled.getAsBoolean()) {
      throw new CancellationException("cancelled while reading the store");
    }
    return new Material(sources, reports, claims, Canonicalizer.withActors(actors));
  }

  private <T extends io.sitrep.core.model.Resource> List<T> all(ResourceType<T> type, BooleanSupplier cancelled) {
    if (cancelled.getAsBoolean()) {
      throw new CancellationException("cancelled while reading the store");
    }
    try (Stream<T> s = store.scan(type, Filter.ALL)) {
      return s.toList();
    }
  }

}
