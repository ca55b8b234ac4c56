package io.sitrep.server.service;

import com.google.protobuf.Empty;
import com.google.protobuf.FieldMask;
import io.grpc.stub.StreamObserver;
import io.sitrep.api.v1.CreateHypothesisMatrixRequest;
import io.sitrep.api.v1.DeleteHypothesisMatrixRequest;
import io.sitrep.api.v1.GetHypothesisMatrixRequest;
import io.sitrep.api.v1.HypothesisMatrix;
import io.sitrep.api.v1.HypothesisScores;
import io.sitrep.api.v1.HypothesisServiceGrpc;
import io.sitrep.api.v1.ListHypothesisMatricesRequest;
import io.sitrep.api.v1.ListHypothesisMatricesResponse;
import io.sitrep.api.v1.ScoreHypothesesRequest;
import io.sitrep.api.v1.UpdateHypothesisMatrixRequest;
import io.sitrep.core.ach.Ach;
import io.sitrep.core.ach.AchMatrix;
import io.sitrep.core.ach.AchStore;
import io.sitrep.core.ach.Evidence;
import io.sitrep.core.ach.StoredAchMatrix;
import io.sitrep.core.assessment.ClaimAssessment;
import io.sitrep.core.assessment.PropositionAssessment;
import io.sitrep.core.assessment.ValueBelief;
import io.sitrep.core.model.ValidationException;
import io.sitrep.core.store.ListeningStore;
import io.sitrep.core.store.Page;
import io.sitrep.core.store.ResourceType;
import io.sitrep.core.store.StoreException;
import io.sitrep.server.mapping.HypothesisMapper;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sitrep.v1.HypothesisService}: ACH matrices kept in an {@link AchStore}, each evidence row
 * naming a claim of the {@link io.sitrep.core.store.SitrepStore}, scored by {@link Ach}. Each write
 * is one call on the ACH store, so a refused request changes nothing.
 */
public final class HypothesisServiceImpl extends HypothesisServiceGrpc.HypothesisServiceImplBase {
  /** An update without an etag is retried this often when a concurrent write gets in between. */
  private static final int UPDATE_ATTEMPTS = 5;
  private static final String FIELD = "hypothesis_matrix";

  private final ListeningStore store;
  private final AchStore matrices;
  private final ClaimAnalyses analyses;
  private final Clock clock;

  public HypothesisServiceImpl(ListeningStore store, AchStore matrices, ClaimAnalyses analyses, Clock clock) {
    this.store = store;
    this.matrices = matrices;
    this.analyses = analyses;
    this.clock = clock;
  }

  @Override
  public void getHypothesisMatrix(GetHypothesisMatrixRequest request, StreamObserver<HypothesisMatrix> responses) {
    Rpc.unary(responses, () -> HypothesisMapper.toProto(current(request.getName(), "name")));
  }

  @Override
  public void listHypothesisMatrices(ListHypothesisMatricesRequest request,
      StreamObserver<ListHypothesisMatricesResponse> responses) {
    Rpc.unary(responses, () -> {
      Page<StoredAchMatrix> page = matrices.list(request.getPageSize(), request.getPageToken());
      return ListHypothesisMatricesResponse.newBuilder()
          .addAllHypothesisMatrices(page.items().stream().map(HypothesisMapper::toProto).toList())
          .setNextPageToken(page.nextPageToken())
          .build();
    });
  }

  @Override
  public void createHypothesisMatrix(CreateHypothesisMatrixRequest request,
      StreamObserver<HypothesisMatrix> responses) {
    Rpc.unary(responses, () -> {
      if (!request.hasHypothesisMatrix()) {
        throw ValidationException.of(FIELD, "is required");
      }
      String id = request.getHypothesisMatrixId().isEmpty() ? ResourceNames.generateId()
          : request.getHypothesisMatrixId();
      String name = AchStore.COLLECTION + "/" + id;
      try {
        AchStore.checkName(name);
      } catch (ValidationException e) {
        throw ValidationException.of(FIELD + "_id", "must be a lower-case id of letters, digits and hyphens, "
            + "at most 63 characters");
      }
      AchMatrix matrix = toCore(request.getHypothesisMatrix());
      return HypothesisMapper.toProto(matrices.create(name, matrix, request.getRequestId()));
    });
  }

  @Override
  public void updateHypothesisMatrix(UpdateHypothesisMatrixRequest request,
      StreamObserver<HypothesisMatrix> responses) {
    Rpc.unary(responses, () -> {
      if (!request.hasHypothesisMatrix()) {
        throw ValidationException.of(FIELD, "is required");
      }
      HypothesisMatrix resource = request.getHypothesisMatrix();
      FieldMask paths = UpdateMasks.effective(request.hasUpdateMask() ? request.getUpdateMask() : null,
          HypothesisMatrix.getDescriptor());
      String etag = resource.getEtag();
      for (int attempt = 1; ; attempt++) {
        StoredAchMatrix current = current(resource.getName(), FIELD + ".name");
        if (!etag.isEmpty() && !etag.equals(current.etag())) {
          throw new StoreException.EtagMismatch(current.name());
        }
        HypothesisMatrix.Builder merged = HypothesisMapper.toProto(current).toBuilder();
        UpdateMasks.apply(paths, resource, merged);
        AchMatrix matrix = toCore(merged.build());
        try {
          return HypothesisMapper.toProto(matrices.update(current.name(), matrix, current.etag()));
        } catch (StoreException.EtagMismatch e) {
          if (!etag.isEmpty() || attempt == UPDATE_ATTEMPTS) {
            throw e;
          }
        }
      }
    });
  }

  @Override
  public void deleteHypothesisMatrix(DeleteHypothesisMatrixRequest request, StreamObserver<Empty> responses) {
    Rpc.unary(responses, () -> {
      checkName(request.getName(), "name");
      matrices.delete(request.getName(), request.getEtag());
      return Empty.getDefaultInstance();
    });
  }

  @Override
  public void scoreHypotheses(ScoreHypothesesRequest request, StreamObserver<HypothesisScores> responses) {
    Rpc.unary(responses, () -> {
      StoredAchMatrix stored = current(request.getName(), "name");
      Map<String, Double> belief = request.getUseAssessment() ? beliefs(stored.matrix()) : Map.of();
      return HypothesisMapper.toProto(stored, Ach.score(stored.matrix(), belief), belief,
          request.getUseAssessment(), clock.instant());
    });
  }

  /**
   * The belief in each of the matrix's claims from the default truth-discovery run over every
   * stored claim (cached until the claims change): the belief of the value the claim supports. A
   * claim the run did not weigh (no source, for one) keeps its word, belief 1.
   */
  private Map<String, Double> beliefs(AchMatrix matrix) {
    ClaimAssessment assessment = analyses.defaultAssessment();
    Map<String, Double> all = new HashMap<>();
    for (PropositionAssessment p : assessment.propositions()) {
      for (ValueBelief v : p.values()) {
        v.claims().forEach(c -> all.put(c, v.belief()));
      }
    }
    Map<String, Double> out = new HashMap<>();
    for (Evidence e : matrix.evidence()) {
      Double b = all.get(e.claim());
      if (b != null) {
        out.put(e.claim(), b);
      }
    }
    return out;
  }

  /** The stored matrix {@code name}, read for a request whose field {@code field} holds the name. */
  private StoredAchMatrix current(String name, String field) {
    checkName(name, field);
    return matrices.get(name).orElseThrow(() -> new StoreException.NotFound(name));
  }

  private static void checkName(String name, String field) {
    try {
      AchStore.checkName(name);
    } catch (ValidationException e) {
      throw e.violations().get(0).description().equals("is required") ? ValidationException.of(field, "is required")
          : ValidationException.of(field, "must be a resource name like " + AchStore.COLLECTION
              + "/{matrix} with a lower-case id of letters, digits and hyphens");
    }
  }

  /**
   * Core's matrix of {@code p}, with violations under {@code hypothesis_matrix}; every evidence row
   * must name a stored claim.
   */
  private AchMatrix toCore(HypothesisMatrix p) {
    AchMatrix matrix;
    try {
      matrix = HypothesisMapper.toCore(p);
    } catch (ValidationException e) {
      throw e.under(FIELD);
    }
    List<Evidence> rows = matrix.evidence();
    for (int i = 0; i < rows.size(); i++) {
      String claim = rows.get(i).claim();
      if (store.get(ResourceType.CLAIMS, claim).isEmpty()) {
        throw new StoreException.ReferenceNotFound(FIELD + ".evidence[" + i + "].claim", claim);
      }
    }
    return matrix;
  }
}
