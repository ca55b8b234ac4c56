package io.sitrep.server.service;

import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import io.sitrep.api.v1.AnalysisServiceGrpc;
import io.sitrep.api.v1.AssessClaimsRequest;
import io.sitrep.api.v1.ClaimAssessment;
import io.sitrep.api.v1.Dispute;
import io.sitrep.api.v1.DisputeStatus;
import io.sitrep.api.v1.GetDisputeRequest;
import io.sitrep.api.v1.GetSourceAssessmentRequest;
import io.sitrep.api.v1.GetTimelineRequest;
import io.sitrep.api.v1.ListDisputesRequest;
import io.sitrep.api.v1.ListDisputesResponse;
import io.sitrep.api.v1.ListSourceDependenciesRequest;
import io.sitrep.api.v1.ListSourceDependenciesResponse;
import io.sitrep.api.v1.Reliability;
import io.sitrep.api.v1.SourceAssessment;
import io.sitrep.api.v1.Timeline;
import io.sitrep.core.assessment.AssessmentScope;
import io.sitrep.core.dependence.SourceDependence;
import io.sitrep.core.dispute.DisputeIndex;
import io.sitrep.core.model.Source;
import io.sitrep.core.model.ValidationException;
import io.sitrep.core.store.Filter;
import io.sitrep.core.store.ListeningStore;
import io.sitrep.core.store.PageRequest;
import io.sitrep.core.store.PageToken;
import io.sitrep.core.store.ResourceType;
import io.sitrep.core.store.StoreException;
import io.sitrep.core.store.Stored;
import io.sitrep.core.timeline.Timelines;
import io.sitrep.core.truth.TruthDiscoveries;
import io.sitrep.core.truth.TruthDiscovery;
import io.sitrep.core.truth.TruthOptions;
import io.sitrep.server.mapping.ClaimAnalysisMapper;
import io.sitrep.server.mapping.CommonMapper;
import io.sitrep.server.mapping.TimelineMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sitrep.v1.AnalysisService}: analyses computed over what the store holds now. Disputes
 * are kept current as claims are written; assessments and dependence are computed on demand
 * and cached until the material changes.
 */
public final class AnalysisServiceImpl extends AnalysisServiceGrpc.AnalysisServiceImplBase {
  private final ListeningStore store;
  private final Clock clock;
  private final ClaimAnalyses analyses;

  public AnalysisServiceImpl(ListeningStore store, ClaimAnalyses analyses, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.analyses = analyses;
  }

  @Override
  public void getTimeline(GetTimelineRequest request, StreamObserver<Timeline> responses) {
    Rpc.unary(responses, () -> TimelineMapper.toProto(
        Timelines.build(store, TimelineMapper.toQuery(request)), clock.instant()));
  }

  @Override
  public void listDisputes(ListDisputesRequest request, StreamObserver<ListDisputesResponse> responses) {
    Rpc.unary(responses, () -> {
      Instant from = request.hasStartTime() ? CommonMapper.toInstant(request.getStartTime(), "start_time") : null;
      Instant to = request.hasEndTime() ? CommonMapper.toInstant(request.getEndTime(), "end_time") : null;
      if (request.getStatusValue() < 0 || DisputeStatus.forNumber(request.getStatusValue()) == null) {
        throw ValidationException.of("status", "is not a known DisputeStatus value");
      }
      // The token is bound to the query it was issued for.
      Filter query = Filter.of("subject", request.getSubject()).and("status", request.getStatus().name())
          .and("start_time", String.valueOf(from)).and("end_time", String.valueOf(to));
      PageRequest page = new PageRequest(request.getPageSize(), request.getPageToken(), query);
      String after = PageToken.decode(page.pageToken(), query);
      DisputeIndex index = analyses.disputes();
      String subject = request.getSubject().isEmpty() ? null : index.canonicalSubject(request.getSubject());
      var assessment = analyses.latestAssessment();
      ListDisputesResponse.Builder out = ListDisputesResponse.newBuilder();
      for (io.sitrep.core.dispute.Dispute d : index.disputes()) {
        String position = positionOf(d);
        if (position.compareTo(after) <= 0
            || (subject != null && !d.key().subject().equals(subject))
            || (d.validTime() != null && !d.validTime().mayFallWithin(from, to))) {
          continue;
        }
        Dispute proto = ClaimAnalysisMapper.toProto(d, assessment);
        if (request.getStatus() != DisputeStatus.DISPUTE_STATUS_UNSPECIFIED && proto.getStatus() != request.getStatus()) {
          continue;
        }
        if (out.getDisputesCount() == page.pageSize()) {
          return out.setNextPageToken(PageToken.encode(positionOf(lastOf(out, index)), query)).build();
        }
        out.addDisputes(proto);
      }
      return out.build();
    });
  }

  @Override
  public void getDispute(GetDisputeRequest request, StreamObserver<Dispute> responses) {
    Rpc.unary(responses, () -> {
      ResourceNames.check(request.getName(), io.sitrep.core.dispute.Dispute.COLLECTION, "name");
      return analyses.disputes().get(request.getName())
          .map(d -> ClaimAnalysisMapper.toProto(d, analyses.latestAssessment()))
          .orElseThrow(() -> new StoreException.NotFound(request.getName()));
    });
  }

  @Override
  public void assessClaims(AssessClaimsRequest request, StreamObserver<ClaimAssessment> responses) {
    Rpc.unary(responses, () -> {
      String name = request.getAlgorithm().isEmpty() ? TruthDiscoveries.DEFAULT_NAME : request.getAlgorithm();
      TruthDiscovery algorithm = TruthDiscoveries.byName(name).orElseThrow(() -> ValidationException.of(
          "algorithm", "is not one of " + String.join(", ", TruthDiscoveries.names())));
      if (request.getMaxIterations() < 0 || request.getMaxIterations() > ClaimAnalysisMapper.MAX_ITERATIONS) {
        throw ValidationException.of("max_iterations", "must be in [0, " + ClaimAnalysisMapper.MAX_ITERATIONS
            + "]; 0 means the default");
      }
      if (!(request.getEpsilon() >= 0) || Double.isInfinite(request.getEpsilon())) {
        throw ValidationException.of("epsilon", "must be a finite number, 0 or more; 0 means the default");
      }
      TruthOptions options = TruthOptions.defaults().withPriors(!request.getIgnorePriors());
      if (request.getMaxIterations() > 0) {
        options = options.withMaxIterations(request.getMaxIterations());
      }
      if (request.getEpsilon() > 0) {
        options = options.withEpsilon(request.getEpsilon());
      }
      // Polled once per iteration: a cancelled call or a passed deadline stops the run, and
      // nothing of it is kept.
      Context call = Context.current();
      options = options.withCancellation(call::isCancelled);
      var gold = ClaimAnalysisMapper.gold(request);
      DisputeIndex index = analyses.disputes();
      String subject = request.getSubject().isEmpty() ? null : index.canonicalSubject(request.getSubject());
      String attribute = request.getAttribute().isEmpty() ? null : index.canonicalAttribute(request.getAttribute());
      return ClaimAnalysisMapper.toProto(
          analyses.assess(new AssessmentScope(subject, attribute), algorithm, options, gold), clock.instant());
    });
  }

  @Override
  public void getSourceAssessment(GetSourceAssessmentRequest request, StreamObserver<SourceAssessment> responses) {
    Rpc.unary(responses, () -> {
      ResourceNames.check(request.getSource(), ResourceType.SOURCES.collection(), "source");
      Source source = store.get(ResourceType.SOURCES, request.getSource()).map(Stored::value)
          .orElseThrow(() -> new StoreException.NotFound(request.getSource()));
      SourceAssessment.Builder b = SourceAssessment.newBuilder()
          .setSource(source.name())
          .setAnalystGrade(source.reliability() == null ? Reliability.RELIABILITY_UNSPECIFIED
              : Reliability.valueOf("RELIABILITY_" + source.reliability().name()));
      analyses.defaultAssessment().source(source.name()).ifPresentOrElse(r -> {
        var proto = ClaimAnalysisMapper.toProto(r);
        b.setEvidenceGrade(proto.getEvidenceGrade()).setTrust(proto.getTrust()).setClaimCount(proto.getClaimCount());
      }, () -> b.setEvidenceGrade(Reliability.RELIABILITY_F));
      for (SourceDependence d : analyses.dependence().pairs()) {
        if (d.sourceA().equals(source.name()) || d.sourceB().equals(source.name())) {
          b.addDependencies(ClaimAnalysisMapper.toProto(d));
        }
      }
      return b.build();
    });
  }

  @Override
  public void listSourceDependencies(ListSourceDependenciesRequest request,
      StreamObserver<ListSourceDependenciesResponse> responses) {
    Rpc.unary(responses, () -> {
      if (!request.getSource().isEmpty()) {
        ResourceNames.check(request.getSource(), ResourceType.SOURCES.collection(), "source");
      }
      if (!(request.getMinProbability() >= 0 && request.getMinProbability() <= 1)) {
        throw ValidationException.of("min_probability", "must be in [0, 1]");
      }
      Filter query = Filter.of("source", request.getSource())
          .and("min_probability", Double.toString(request.getMinProbability()));
      PageRequest page = new PageRequest(request.getPageSize(), request.getPageToken(), query);
      String after = PageToken.decode(page.pageToken(), query);
      int start = after.isEmpty() ? 0 : parseOffset(after);
      List<SourceDependence> matching = new ArrayList<>();
      for (SourceDependence d : analyses.dependence().pairs()) {
        boolean involves = request.getSource().isEmpty() || d.sourceA().equals(request.getSource())
            || d.sourceB().equals(request.getSource());
        if (involves && d.probability() >= request.getMinProbability()) {
          matching.add(d);
        }
      }
      ListSourceDependenciesResponse.Builder out = ListSourceDependenciesResponse.newBuilder();
      int end = Math.min(matching.size(), start + page.pageSize());
      for (int i = start; i < end; i++) {
        out.addDependencies(ClaimAnalysisMapper.toProto(matching.get(i)));
      }
      if (end < matching.size()) {
        out.setNextPageToken(PageToken.encode(Integer.toString(end), query));
      }
      return out.build();
    });
  }

  /** Disputes page in the index's order: by subject, attribute, then name. */
  private static String positionOf(io.sitrep.core.dispute.Dispute d) {
    return d.key().subject() + "\u0000" + d.key().attribute() + "\u0000" + d.name();
  }

  private static io.sitrep.core.dispute.Dispute lastOf(ListDisputesResponse.Builder out, DisputeIndex index) {
    String name = out.getDisputes(out.getDisputesCount() - 1).getName();
    return index.get(name).orElseThrow();
  }

  /**
   * The offset in a dependence page token. The pairs are recomputed when the material changes,
   * so an offset token may skip or repeat a pair across such a change; the listing is an
   * analysis, not a stored collection.
   */
  private static int parseOffset(String after) {
    try {
      return Math.max(0, Integer.parseInt(after));
    } catch (NumberFormatException e) {
      throw ValidationException.of("page_token", "is not a token this service issued");
    }
  }
}
