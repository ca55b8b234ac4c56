package io.sitrep.server.mapping;

import io.sitrep.api.v1.AssessClaimsRequest;
import io.sitrep.api.v1.ConflictKind;
import io.sitrep.api.v1.DependenceEvidence;
import io.sitrep.api.v1.DependenceEvidenceKind;
import io.sitrep.api.v1.Dispute;
import io.sitrep.api.v1.DisputeConflict;
import io.sitrep.api.v1.DisputePosition;
import io.sitrep.api.v1.DisputeStatus;
import io.sitrep.api.v1.GoldValue;
import io.sitrep.api.v1.PropositionBelief;
import io.sitrep.api.v1.Reliability;
import io.sitrep.api.v1.SourceDependency;
import io.sitrep.api.v1.SourceReliability;
import io.sitrep.api.v1.Stance;
import io.sitrep.api.v1.ValueBelief;
import io.sitrep.core.assessment.ClaimAssessment;
import io.sitrep.core.assessment.PropositionAssessment;
import io.sitrep.core.dependence.SourceDependence;
import io.sitrep.core.dispute.Position;
import io.sitrep.core.dispute.PropositionKey;
import io.sitrep.core.model.Proposition;
import io.sitrep.core.model.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Maps disputes, assessments and source dependence between core and the API. */
public final class ClaimAnalysisMapper {
  /** A position believed at least this much settles its dispute. */
  public static final double SETTLED_BELIEF = 0.9;
  /** The most iterations a caller may ask of one assessment. */
  public static final int MAX_ITERATIONS = 1000;

  private ClaimAnalysisMapper() {}

  /** A dispute, its positions annotated with belief when {@code assessment} covers them. */
  public static Dispute toProto(io.sitrep.core.dispute.Dispute d, @Nullable ClaimAssessment assessment) {
    Dispute.Builder b = Dispute.newBuilder()
        .setName(d.name())
        .setSubject(d.key().subject())
        .setAttribute(d.key().attribute())
        .setSelfContradiction(d.selfContradiction())
        .setSummary(d.summary());
    if (d.validTime() != null) {
      b.setValidTime(CommonMapper.toProto(d.validTime()));
    }
    boolean settled = false;
    for (Position p : d.positions()) {
      DisputePosition.Builder pb = DisputePosition.newBuilder()
          .setValue(p.value())
          .setStance(Enums.toProto(p.stance(), Stance.class))
          .addAllClaims(p.claims())
          .addAllSources(p.sources())
          .addAllValues(p.values());
      Optional<Double> belief = belief(d.key(), p, assessment);
      if (belief.isPresent()) {
        pb.setBelief(belief.get());
        settled |= belief.get() >= SETTLED_BELIEF;
      }
      b.addPositions(pb);
    }
    for (io.sitrep.core.dispute.Conflict c : d.conflicts()) {
      b.addConflicts(DisputeConflict.newBuilder()
          .setClaimA(c.claimA())
          .setClaimB(c.claimB())
          .setKind(Enums.toProto(c.kind(), ConflictKind.class))
          .setExplanation(c.explanation()));
    }
    return b.setStatus(settled ? DisputeStatus.DISPUTE_STATUS_SETTLED : DisputeStatus.DISPUTE_STATUS_OPEN).build();
  }

  /** The belief an assessment gives a position: its value, or the denial of it. */
  private static Optional<Double> belief(PropositionKey key, Position p,
      @Nullable ClaimAssessment assessment) {
    if (assessment == null) {
      return Optional.empty();
    }
    boolean asserts = p.stance() == io.sitrep.core.model.Stance.ASSERTS;
    String value = key.attribute().equals(PropositionKey.OCCURRED) ? (asserts ? "true" : "false")
        : (asserts ? p.value() : "not " + p.value());
    return assessment.belief(key.subject(), key.attribute(), value);
  }

  /** The gold propositions of a request; a bad one is refused naming {@code gold[i].field}. */
  public static List<Proposition> gold(AssessClaimsRequest r) {
    List<Proposition> out = new ArrayList<>();
    for (int i = 0; i < r.getGoldCount(); i++) {
      GoldValue g = r.getGold(i);
      io.sitrep.core.model.TimeSpan time = null;
      if (g.hasValidTime()) {
        try {
          time = CommonMapper.toCore(g.getValidTime());
        } catch (ValidationException e) {
          throw e.under("gold[" + i + "].valid_time");
        }
      }
      try {
        out.add(new Proposition(g.getSubject(), g.getAttribute(), g.getValue(), time));
      } catch (ValidationException e) {
        throw e.under("gold[" + i + "]");
      }
    }
    return out;
  }

  public static io.sitrep.api.v1.ClaimAssessment toProto(ClaimAssessment a, Instant computeTime) {
    io.sitrep.api.v1.ClaimAssessment.Builder b = io.sitrep.api.v1.ClaimAssessment.newBuilder()
        .setAlgorithm(a.algorithm())
        .setIterations(a.iterations())
        .setConverged(a.converged())
        .addAllChanges(a.changes())
        .setComputeTime(CommonMapper.toProto(computeTime));
    for (PropositionAssessment p : a.propositions()) {
      PropositionBelief.Builder pb = PropositionBelief.newBuilder()
          .setSubject(p.key().subject())
          .setAttribute(p.key().attribute());
      if (p.validTime() != null) {
        pb.setValidTime(CommonMapper.toProto(p.validTime()));
      }
      for (io.sitrep.core.assessment.ValueBelief v : p.values()) {
        pb.addValues(ValueBelief.newBuilder()
            .setValue(v.value())
            .setBelief(finite(v.belief()))
            .setCredibility(v.credibility())
            .addAllClaims(v.claims()));
      }
      b.addPropositions(pb);
    }
    for (io.sitrep.core.assessment.SourceReliability s : a.sources()) {
      b.addSources(toProto(s));
    }
    return b.build();
  }

  public static SourceReliability toProto(io.sitrep.core.assessment.SourceReliability s) {
    return SourceReliability.newBuilder()
        .setSource(s.source())
        .setTrust(finite(s.trust()))
        .setEvidenceGrade(Enums.toProto(s.evidenceGrade(), Reliability.class))
        .setAnalystGrade(Enums.toProto(s.analystGrade(), Reliability.class))
        .setClaimCount(s.claims())
        .build();
  }

  public static SourceDependency toProto(SourceDependence d) {
    SourceDependency.Builder b = SourceDependency.newBuilder()
        .setSourceA(d.sourceA())
        .setSourceB(d.sourceB())
        .setProbability(d.probability());
    for (io.sitrep.core.dependence.DependenceEvidence e : d.evidence()) {
      b.addEvidence(DependenceEvidence.newBuilder()
          .setKind(Enums.toProto(e.kind(), DependenceEvidenceKind.class))
          .setProbability(e.probability())
          .setDescription(e.description()));
    }
    return b.build();
  }

  /** Scores of ranking algorithms may be NaN for a source or value with no evidence; the API says 0. */
  private static double finite(double x) {
    return Double.isFinite(x) ? x : 0;
  }
}
