package io.sitrep.server.service;

import com.google.protobuf.Empty;
import io.grpc.stub.StreamObserver;
import io.sitrep.api.v1.CreateActorRequest;
import io.sitrep.api.v1.DeleteActorRequest;
import io.sitrep.api.v1.GetActorRequest;
import io.sitrep.api.v1.ListActorRevisionsRequest;
import io.sitrep.api.v1.ListActorRevisionsResponse;
import io.sitrep.api.v1.ListActorsRequest;
import io.sitrep.api.v1.ListActorsResponse;
import io.sitrep.api.v1.Actor;
import io.sitrep.api.v1.ActorRevision;
import io.sitrep.api.v1.ActorServiceGrpc;
import io.sitrep.api.v1.UpdateActorRequest;
import io.sitrep.core.store.Page;
import io.sitrep.core.store.ResourceType;
import io.sitrep.core.store.SitrepStore;
import io.sitrep.server.mapping.ActorMapper;

/** {@code sitrep.v1.ActorService} over a store. */
public final class ActorServiceImpl extends ActorServiceGrpc.ActorServiceImplBase {
  private final ResourceMethods<Actor, io.sitrep.core.model.Actor> methods;

  public ActorServiceImpl(SitrepStore store) {
    this.methods = new ResourceMethods<>(store, ResourceType.ACTORS, Actor.getDefaultInstance(),
        ActorMapper::toCore, ActorMapper::toProto);
  }

  @Override
  public void getActor(GetActorRequest request, StreamObserver<Actor> responses) {
    Rpc.unary(responses, () -> methods.get(request.getName(), request.hasReadTime() ? request.getReadTime() : null));
  }

  @Override
  public void listActors(ListActorsRequest request, StreamObserver<ListActorsResponse> responses) {
    Rpc.unary(responses, () -> {
      Page<Actor> page = methods.list(request.getPageSize(), request.getPageToken(), request.getFilter());
      return ListActorsResponse.newBuilder()
          .addAllActors(page.items())
          .setNextPageToken(page.nextPageToken())
          .build();
    });
  }

  @Override
  public void createActor(CreateActorRequest request, StreamObserver<Actor> responses) {
    Rpc.unary(responses, () -> methods.create(request.hasActor() ? request.getActor() : null,
        request.getActorId(), request.getRequestId()));
  }

  @Override
  public void updateActor(UpdateActorRequest request, StreamObserver<Actor> responses) {
    Rpc.unary(responses, () -> methods.update(request.hasActor() ? request.getActor() : null,
        request.hasUpdateMask() ? request.getUpdateMask() : null));
  }

  @Override
  public void deleteActor(DeleteActorRequest request, StreamObserver<Empty> responses) {
    Rpc.unary(responses, () -> {
      methods.delete(request.getName(), request.getEtag());
      return Empty.getDefaultInstance();
    });
  }

  @Override
  public void listActorRevisions(ListActorRevisionsRequest request,
      StreamObserver<ListActorRevisionsResponse> responses) {
    Rpc.unary(responses, () -> {
      Page<ResourceMethods.Revision<Actor>> page =
          methods.revisions(request.getName(), request.getPageSize(), request.getPageToken());
      ListActorRevisionsResponse.Builder out = ListActorRevisionsResponse.newBuilder()
          .setNextPageToken(page.nextPageToken());
      for (ResourceMethods.Revision<Actor> r : page.items()) {
        out.addActorRevisions(r.writeTo(ActorRevision.newBuilder()));
      }
      return out.build();
    });
  }
}
