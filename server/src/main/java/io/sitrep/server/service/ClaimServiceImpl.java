package io.sitrep.server.service;

import com.google.protobuf.Empty;
import io.grpc.stub.StreamObserver;
import io.sitrep.api.v1.CreateClaimRequest;
import io.sitrep.api.v1.DeleteClaimRequest;
import io.sitrep.api.v1.GetClaimRequest;
import io.sitrep.api.v1.ListClaimRevisionsRequest;
import io.sitrep.api.v1.ListClaimRevisionsResponse;
import io.sitrep.api.v1.ListClaimsRequest;
import io.sitrep.api.v1.ListClaimsResponse;
import io.sitrep.api.v1.Claim;
import io.sitrep.api.v1.ClaimRevision;
import io.sitrep.api.v1.ClaimServiceGrpc;
import io.sitrep.api.v1.UpdateClaimRequest;
import io.sitrep.core.store.Page;
import io.sitrep.core.store.ResourceType;
import io.sitrep.core.store.SitrepStore;
import io.sitrep.server.mapping.ClaimMapper;

/** {@code sitrep.v1.ClaimService} over a store. */
public final class ClaimServiceImpl extends ClaimServiceGrpc.ClaimServiceImplBase {
  private final ResourceMethods<Claim, io.sitrep.core.model.Claim> methods;

  public ClaimServiceImpl(SitrepStore store) {
    this.methods = new ResourceMethods<>(store, ResourceType.CLAIMS, Claim.getDefaultInstance(),
        ClaimMapper::toCore, ClaimMapper::toProto);
  }

  @Override
  public void getClaim(GetClaimRequest request, StreamObserver<Claim> responses) {
    Rpc.unary(responses, () -> methods.get(request.getName(), request.hasReadTime() ? request.getReadTime() : null));
  }

  @Override
  public void listClaims(ListClaimsRequest request, StreamObserver<ListClaimsResponse> responses) {
    Rpc.unary(responses, () -> {
      Page<Claim> page = methods.list(request.getPageSize(), request.getPageToken(), request.getFilter());
      return ListClaimsResponse.newBuilder()
          .addAllClaims(page.items())
          .setNextPageToken(page.nextPageToken())
          .build();
    });
  }

  @Override
  public void createClaim(CreateClaimRequest request, StreamObserver<Claim> responses) {
    Rpc.unary(responses, () -> methods.create(request.hasClaim() ? request.getClaim() : null,
        request.getClaimId(), request.getRequestId()));
  }

  @Override
  public void updateClaim(UpdateClaimRequest request, StreamObserver<Claim> responses) {
    Rpc.unary(responses, () -> methods.update(request.hasClaim() ? request.getClaim() : null,
        request.hasUpdateMask() ? request.getUpdateMask() : null));
  }

  @Override
  public void deleteClaim(DeleteClaimRequest request, StreamObserver<Empty> responses) {
    Rpc.unary(responses, () -> {
      methods.delete(request.getName(), request.getEtag());
      return Empty.getDefaultInstance();
    });
  }

  @Override
  public void listClaimRevisions(ListClaimRevisionsRequest request,
      StreamObserver<ListClaimRevisionsResponse> responses) {
    Rpc.unary(responses, () -> {
      Page<ResourceMethods.Revision<Claim>> page =
          methods.revisions(request.getName(), request.getPageSize(), request.getPageToken());
      ListClaimRevisionsResponse.Builder out = ListClaimRevisionsResponse.newBuilder()
          .setNextPageToken(page.nextPageToken());
      for (ResourceMethods.Revision<Claim> r : page.items()) {
        out.addClaimRevisions(r.writeTo(ClaimRevision.newBuilder()));
      }
      return out.build();
    });
  }
}
