package io.sitrep.server.service;

import com.google.protobuf.Empty;
import io.grpc.stub.StreamObserver;
import io.sitrep.api.v1.CreateSourceRequest;
import io.sitrep.api.v1.DeleteSourceRequest;
import io.sitrep.api.v1.GetSourceRequest;
import io.sitrep.api.v1.ListSourceRevisionsRequest;
import io.sitrep.api.v1.ListSourceRevisionsResponse;
import io.sitrep.api.v1.ListSourcesRequest;
import io.sitrep.api.v1.ListSourcesResponse;
import io.sitrep.api.v1.Source;
import io.sitrep.api.v1.SourceRevision;
import io.sitrep.api.v1.SourceServiceGrpc;
import io.sitrep.api.v1.UpdateSourceRequest;
import io.sitrep.core.store.Page;
import io.sitrep.core.store.ResourceType;
import io.sitrep.core.store.SitrepStore;
import io.sitrep.server.mapping.SourceMapper;

/** {@code sitrep.v1.SourceService} over a store. */
public final class SourceServiceImpl extends SourceServiceGrpc.SourceServiceImplBase {
  private final ResourceMethods<Source, io.sitrep.core.model.Source> methods;

  public SourceServiceImpl(SitrepStore store) {
    this.methods = new ResourceMethods<>(store, ResourceType.SOURCES, Source.getDefaultInstance(),
        SourceMapper::toCore, SourceMapper::toProto);
  }

  @Override
  public void getSource(GetSourceRequest request, StreamObserver<Source> responses) {
    Rpc.unary(responses, () -> methods.get(request.getName(), request.hasReadTime() ? request.getReadTime() : null));
  }

  @Override
  public void listSources(ListSourcesRequest request, StreamObserver<ListSourcesResponse> responses) {
    Rpc.unary(responses, () -> {
      Page<Source> page = methods.list(request.getPageSize(), request.getPageToken(), request.getFilter());
      return ListSourcesResponse.newBuilder()
          .addAllSources(page.items())
          .setNextPageToken(page.nextPageToken())
          .build();
    });
  }

  @Override
  public void createSource(CreateSourceRequest request, StreamObserver<Source> responses) {
    Rpc.unary(responses, () -> methods.create(request.hasSource() ? request.getSource() : null,
        request.getSourceId(), request.getRequestId()));
  }

  @Override
  public void updateSource(UpdateSourceRequest request, StreamObserver<Source> responses) {
    Rpc.unary(responses, () -> methods.update(request.hasSource() ? request.getSource() : null,
        request.hasUpdateMask() ? request.getUpdateMask() : null));
  }

  @Override
  public void deleteSource(DeleteSourceRequest request, StreamObserver<Empty> responses) {
    Rpc.unary(responses, () -> {
      methods.delete(request.getName(), request.getEtag());
      return Empty.getDefaultInstance();
    });
  }

  @Override
  public void listSourceRevisions(ListSourceRevisionsRequest request,
      StreamObserver<ListSourceRevisionsResponse> responses) {
    Rpc.unary(responses, () -> {
      Page<ResourceMethods.Revision<Source>> page =
          methods.revisions(request.getName(), request.getPageSize(), request.getPageToken());
      ListSourceRevisionsResponse.Builder out = ListSourceRevisionsResponse.newBuilder()
          .setNextPageToken(page.nextPageToken());
      for (ResourceMethods.Revision<Source> r : page.items()) {
        out.addSourceRevisions(r.writeTo(SourceRevision.newBuilder()));
      }
      return out.build();
    });
  }
}
