package io.sitrep.server.auth;

import com.google.common.collect.ImmutableMap;
import io.grpc.MethodDescriptor;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.sitrep.api.v1.ActorAnalysisServiceGrpc;
import io.sitrep.api.v1.ActorServiceGrpc;
import io.sitrep.api.v1.AnalysisServiceGrpc;
import io.sitrep.api.v1.ApiKeyServiceGrpc;
import io.sitrep.api.v1.ClaimServiceGrpc;
import io.sitrep.api.v1.EventServiceGrpc;
import io.sitrep.api.v1.HypothesisServiceGrpc;
import io.sitrep.api.v1.IngestServiceGrpc;
import io.sitrep.api.v1.ReportServiceGrpc;
import io.sitrep.api.v1.SourceServiceGrpc;
import io.sitrep.server.auth.Principal.Role;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who may call each method: the one table the {@link AuthInterceptor} reads. A method missing
 * here is refused to everyone (PERMISSION_DENIED), and {@code MethodRolesTest} fails for any
 * method of any service the server registers that has no entry, so a new RPC cannot be left
 * unprotected by accident.
 *
 * <p>reader: Get, List and every analysis (none writes); analyst: also Create, Update, Ingest and
 * the writes of hypothesis matrices; admin: also Delete and {@code ApiKeyService}. gRPC health is
 * open to anyone (load balancers probe it without credentials); reflection needs a reader.
 */
public final class MethodRoles {

  /** What a call to a method needs. */
  public enum Access {
    /** Nothing: no credential is asked for. */
    PUBLIC(null),
    READER(Role.READER),
    ANALYST(Role.ANALYST),
    ADMIN(Role.ADMIN);

    private final @Nullable Role role;

    Access(@Nullable Role role) {
      this.role = role;
    }

    /** The least role that may call; empty for {@link #PUBLIC}. */
    public Optional<Role> role() {
      return Optional.ofNullable(role);
    }
  }

  private static final ImmutableMap<String, Access> TABLE = ImmutableMap.<String, Access>builder()
      // grpc.health.v1, grpc.reflection.v1
      .put(name(HealthGrpc.getCheckMethod()), Access.PUBLIC)
      .put(name(HealthGrpc.getWatchMethod()), Access.PUBLIC)
      .put(name(ServerReflectionGrpc.getServerReflectionInfoMethod()), Access.READER)
      // SourceService
      .put(name(SourceServiceGrpc.getGetSourceMethod()), Access.READER)
      .put(name(SourceServiceGrpc.getListSourcesMethod()), Access.READER)
      .put(name(SourceServiceGrpc.getListSourceRevisionsMethod()), Access.READER)
      .put(name(SourceServiceGrpc.getCreateSourceMethod()), Access.ANALYST)
      .put(name(SourceServiceGrpc.getUpdateSourceMethod()), Access.ANALYST)
      .put(name(SourceServiceGrpc.getDeleteSourceMethod()), Access.ADMIN)
      // ReportService
      .put(name(ReportServiceGrpc.getGetReportMethod()), Access.READER)
      .put(name(ReportServiceGrpc.getListReportsMethod()), Access.READER)
      .put(name(ReportServiceGrpc.getListReportRevisionsMethod()), Access.READER)
      .put(name(ReportServiceGrpc.getCreateReportMethod()), Access.ANALYST)
      .put(name(ReportServiceGrpc.getUpdateReportMethod()), Access.ANALYST)
      .put(name(ReportServiceGrpc.getDeleteReportMethod()), Access.ADMIN)
      // ActorService
      .put(name(ActorServiceGrpc.getGetActorMethod()), Access.READER)
      .put(name(ActorServiceGrpc.getListActorsMethod()), Access.READER)
      .put(name(ActorServiceGrpc.getListActorRevisionsMethod()), Access.READER)
      .put(name(ActorServiceGrpc.getCreateActorMethod()), Access.ANALYST)
      .put(name(ActorServiceGrpc.getUpdateActorMethod()), Access.ANALYST)
      .put(name(ActorServiceGrpc.getDeleteActorMethod()), Access.ADMIN)
      // EventService
      .put(name(EventServiceGrpc.getGetEventMethod()), Access.READER)
      .put(name(EventServiceGrpc.getListEventsMethod()), Access.READER)
      .put(name(EventServiceGrpc.getListEventRevisionsMethod()), Access.READER)
      .put(name(EventServiceGrpc.getCreateEventMethod()), Access.ANALYST)
      .put(name(EventServiceGrpc.getUpdateEventMethod()), Access.ANALYST)
      .put(name(EventServiceGrpc.getDeleteEventMethod()), Access.ADMIN)
      // ClaimService
      .put(name(ClaimServiceGrpc.getGetClaimMethod()), Access.READER)
      .put(name(ClaimServiceGrpc.getListClaimsMethod()), Access.READER)
      .put(name(ClaimServiceGrpc.getListClaimRevisionsMethod()), Access.READER)
      .put(name(ClaimServiceGrpc.getCreateClaimMethod()), Access.ANALYST)
      .put(name(ClaimServiceGrpc.getUpdateClaimMethod()), Access.ANALYST)
      .put(name(ClaimServiceGrpc.getDeleteClaimMethod()), Access.ADMIN)
      // IngestService
      .put(name(IngestServiceGrpc.getIngestMethod()), Access.ANALYST)
      // AnalysisService: reads only
      .put(name(AnalysisServiceGrpc.getGetTimelineMethod()), Access.READER)
      .put(name(AnalysisServiceGrpc.getListDisputesMethod()), Access.READER)
      .put(name(AnalysisServiceGrpc.getGetDisputeMethod()), Access.READER)
      .put(name(AnalysisServiceGrpc.getAssessClaimsMethod()), Access.READER)
      .put(name(AnalysisServiceGrpc.getGetSourceAssessmentMethod()), Access.READER)
      .put(name(AnalysisServiceGrpc.getListSourceDependenciesMethod()), Access.READER)
      // ActorAnalysisService: reads only
      .put(name(ActorAnalysisServiceGrpc.getResolveActorMethod()), Access.READER)
      .put(name(ActorAnalysisServiceGrpc.getListRelationsMethod()), Access.READER)
      .put(name(ActorAnalysisServiceGrpc.getGetTensionMethod()), Access.READER)
      .put(name(ActorAnalysisServiceGrpc.getGetNetworkMethod()), Access.READER)
      .put(name(ActorAnalysisServiceGrpc.getFindSimilarEpisodesMethod()), Access.READER)
      // HypothesisService
      .put(name(HypothesisServiceGrpc.getGetHypothesisMatrixMethod()), Access.READER)
      .put(name(HypothesisServiceGrpc.getListHypothesisMatricesMethod()), Access.READER)
      .put(name(HypothesisServiceGrpc.getScoreHypothesesMethod()), Access.READER)
      .put(name(HypothesisServiceGrpc.getCreateHypothesisMatrixMethod()), Access.ANALYST)
      .put(name(HypothesisServiceGrpc.getUpdateHypothesisMatrixMethod()), Access.ANALYST)
      .put(name(HypothesisServiceGrpc.getDeleteHypothesisMatrixMethod()), Access.ADMIN)
      // ApiKeyService
      .put(name(ApiKeyServiceGrpc.getCreateApiKeyMethod()), Access.ADMIN)
      .put(name(ApiKeyServiceGrpc.getGetApiKeyMethod()), Access.ADMIN)
      .put(name(ApiKeyServiceGrpc.getListApiKeysMethod()), Access.ADMIN)
      .put(name(ApiKeyServiceGrpc.getRevokeApiKeyMethod()), Access.ADMIN)
      .buildOrThrow();

  private MethodRoles() {}

  /** What a call to {@code fullMethodName} ({@code sitrep.v1.SourceService/GetSource}) needs; empty if unlisted. */
  public static Optional<Access> access(String fullMethodName) {
    return Optional.ofNullable(TABLE.get(fullMethodName));
  }

  /** The whole table, for tests and documentation. */
  public static ImmutableMap<String, Access> table() {
    return TABLE;
  }

  private static String name(MethodDescriptor<?, ?> method) {
    return method.getFullMethodName();
  }
}
