package io.sitrep.server.mapping;

import io.sitrep.api.v1.Consistency;
import io.sitrep.api.v1.EvidenceScore;
import io.sitrep.api.v1.HypothesisMatrix;
import io.sitrep.api.v1.HypothesisScore;
import io.sitrep.api.v1.HypothesisScores;
import io.sitrep.core.ach.AchMatrix;
import io.sitrep.core.ach.AchResult;
import io.sitrep.core.ach.Evidence;
import io.sitrep.core.ach.Hypothesis;
import io.sitrep.core.ach.StoredAchMatrix;
import io.sitrep.core.model.FieldViolation;
import io.sitrep.core.model.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps {@code sitrep.v1.HypothesisMatrix} to and from core's {@link AchMatrix}, and core's
 * {@link AchResult} to {@code HypothesisScores}. The matrix's name and bookkeeping live beside it
 * in {@link StoredAchMatrix}.
 */
public final class HypothesisMapper {
  private HypothesisMapper() {}

  /**
   * Core's matrix; the name and output-only fields are ignored. Every offending field is reported
   * at once, with paths relative to the matrix ({@code cells[2].consistency},
   * {@code evidence[0].credibility}).
   */
  public static AchMatrix toCore(HypothesisMatrix p) {
    List<FieldViolation> violations = new ArrayList<>();
    AchMatrix.Builder b = AchMatrix.builder(p.getQuestion());
    p.getHypothesesList().forEach(h -> b.hypothesis(h.getId(), h.getStatement()));
    p.getEvidenceList().forEach(e -> b.evidence(e.getClaim(), e.getDescription(), e.getCredibility(),
        e.getRelevance()));
    for (int i = 0; i < p.getCellsCount(); i++) {
      HypothesisMatrix.Cell c = p.getCells(i);
      io.sitrep.core.ach.Consistency rating = switch (c.getConsistency()) {
        case CONSISTENCY_CONSISTENT -> io.sitrep.core.ach.Consistency.CONSISTENT;
        case CONSISTENCY_NEUTRAL -> io.sitrep.core.ach.Consistency.NEUTRAL;
        case CONSISTENCY_INCONSISTENT -> io.sitrep.core.ach.Consistency.INCONSISTENT;
        case CONSISTENCY_STRONGLY_INCONSISTENT -> io.sitrep.core.ach.Consistency.STRONGLY_INCONSISTENT;
        case CONSISTENCY_UNSPECIFIED, UNRECOGNIZED -> null;
      };
      if (rating == null) {
        violations.add(new FieldViolation("cells[" + i + "].consistency",
            c.getConsistency() == Consistency.UNRECOGNIZED ? "is not a known Consistency value" : "is required"));
      } else {
        b.rate(c.getClaim(), c.getHypothesis(), rating);
      }
    }
    AchMatrix matrix = null;
    List<FieldViolation> all = new ArrayList<>();
    try {
      matrix = b.build();
    } catch (ValidationException e) {
      all.addAll(e.violations());
    }
    all.addAll(violations);
    if (matrix == null || !all.isEmpty()) {
      throw new ValidationException(all);
    }
    return matrix;
  }

  public static HypothesisMatrix toProto(AchMatrix m) {
    HypothesisMatrix.Builder b = HypothesisMatrix.newBuilder().setQuestion(m.question());
    for (Hypothesis h : m.hypotheses()) {
      b.addHypotheses(HypothesisMatrix.Hypothesis.newBuilder().setId(h.id()).setStatement(h.statement()));
    }
    for (Evidence e : m.evidence()) {
      b.addEvidence(HypothesisMatrix.Evidence.newBuilder()
          .setClaim(e.claim())
          .setDescription(e.description())
          .setCredibility(e.credibility())
          .setRelevance(e.relevance()));
    }
    // Row by row, then hypothesis by hypothesis: the order of the matrix as it is read.
    for (Evidence e : m.evidence()) {
      for (Hypothesis h : m.hypotheses()) {
        io.sitrep.core.ach.Consistency c = m.cells().get(e.claim(), h.id());
        if (c != null) {
          b.addCells(HypothesisMatrix.Cell.newBuilder().setClaim(e.claim()).setHypothesis(h.id())
              .setConsistency(toProto(c)));
        }
      }
    }
    return b.build();
  }

  /** The API's matrix with its name, etag and times. */
  public static HypothesisMatrix toProto(StoredAchMatrix stored) {
    return toProto(stored.matrix()).toBuilder()
        .setName(stored.name())
        .setEtag(stored.etag())
        .setCreateTime(CommonMapper.toProto(stored.createTime()))
        .setUpdateTime(CommonMapper.toProto(stored.updateTime()))
        .build();
  }

  static Consistency toProto(io.sitrep.core.ach.Consistency c) {
    return switch (c) {
      case CONSISTENT -> Consistency.CONSISTENCY_CONSISTENT;
      case NEUTRAL -> Consistency.CONSISTENCY_NEUTRAL;
      case INCONSISTENT -> Consistency.CONSISTENCY_INCONSISTENT;
      case STRONGLY_INCONSISTENT -> Consistency.CONSISTENCY_STRONGLY_INCONSISTENT;
    };
  }

  /**
   * The scores of {@code stored}'s matrix; {@code belief} is the belief in each claim that weighed
   * its row (absent: 1).
   */
  public static HypothesisScores toProto(StoredAchMatrix stored, AchResult result, Map<String, Double> belief,
      boolean usedAssessment, Instant computeTime) {
    HypothesisScores.Builder b = HypothesisScores.newBuilder()
        .setName(stored.name())
        .setEtag(stored.etag())
        .setUsedAssessment(usedAssessment)
        .setComputeTime(CommonMapper.toProto(computeTime));
    for (io.sitrep.core.ach.HypothesisScore s : result.ranking()) {
      b.addHypotheses(HypothesisScore.newBuilder()
          .setHypothesis(s.hypothesis())
          .setWeightedInconsistency(s.inconsistency())
          .setInconsistentCount(s.inconsistentCount())
          .setRank(s.rank()));
    }
    for (Evidence e : stored.matrix().evidence()) {
      b.addEvidence(EvidenceScore.newBuilder()
          .setClaim(e.claim())
          .setWeight(result.weights().get(e.claim()))
          .setBelief(belief.getOrDefault(e.claim(), 1.0))
          .setDiagnosticity(result.diagnosticity().get(e.claim()))
          .setNonDiagnostic(result.nonDiagnostic().contains(e.claim())));
    }
    return b.build();
  }
}
