package io.sitrep.server.service;

import com.google.protobuf.Empty;
import io.grpc.stub.StreamObserver;
import io.sitrep.api.v1.CreateEventRequest;
import io.sitrep.api.v1.DeleteEventRequest;
import io.sitrep.api.v1.GetEventRequest;
import io.sitrep.api.v1.ListEventRevisionsRequest;
import io.sitrep.api.v1.ListEventRevisionsResponse;
import io.sitrep.api.v1.ListEventsRequest;
import io.sitrep.api.v1.ListEventsResponse;
import io.sitrep.api.v1.Event;
import io.sitrep.api.v1.EventRevision;
import io.sitrep.api.v1.EventServiceGrpc;
import io.sitrep.api.v1.UpdateEventRequest;
import io.sitrep.core.store.Page;
import io.sitrep.core.store.ResourceType;
import io.sitrep.core.store.SitrepStore;
import io.sitrep.server.mapping.EventMapper;

/** {@code sitrep.v1.EventService} over a store. */
public final class EventServiceImpl extends EventServiceGrpc.EventServiceImplBase {
  private final ResourceMethods<Event, io.sitrep.core.model.Event> methods;

  public EventServiceImpl(SitrepStore store) {
    this.methods = new ResourceMethods<>(store, ResourceType.EVENTS, Event.getDefaultInstance(),
        EventMapper::toCore, EventMapper::toProto);
  }

  @Override
  public void getEvent(GetEventRequest request, StreamObserver<Event> responses) {
    Rpc.unary(responses, () -> methods.get(request.getName(), request.hasReadTime() ? request.getReadTime() : null));
  }

  @Override
  public void listEvents(ListEventsRequest request, StreamObserver<ListEventsResponse> responses) {
    Rpc.unary(responses, () -> {
      Page<Event> page = methods.list(request.getPageSize(), request.getPageToken(), request.getFilter());
      return ListEventsResponse.newBuilder()
          .addAllEvents(page.items())
          .setNextPageToken(page.nextPageToken())
          .build();
    });
  }

  @Override
  public void createEvent(CreateEventRequest request, StreamObserver<Event> responses) {
    Rpc.unary(responses, () -> methods.create(request.hasEvent() ? request.getEvent() : null,
        request.getEventId(), request.getRequestId()));
  }

  @Override
  public void updateEvent(UpdateEventRequest request, StreamObserver<Event> responses) {
    Rpc.unary(responses, () -> methods.update(request.hasEvent() ? request.getEvent() : null,
        request.hasUpdateMask() ? request.getUpdateMask() : null));
  }

  @Override
  public void deleteEvent(DeleteEventRequest request, StreamObserver<Empty> responses) {
    Rpc.unary(responses, () -> {
      methods.delete(request.getName(), request.getEtag());
      return Empty.getDefaultInstance();
    });
  }

  @Override
  public void listEventRevisions(ListEventRevisionsRequest request,
      StreamObserver<ListEventRevisionsResponse> responses) {
    Rpc.unary(responses, () -> {
      Page<ResourceMethods.Revision<Event>> page =
          methods.revisions(request.getName(), request.getPageSize(), request.getPageToken());
      ListEventRevisionsResponse.Builder out = ListEventRevisionsResponse.newBuilder()
          .setNextPageToken(page.nextPageToken());
      for (ResourceMethods.Revision<Event> r : page.items()) {
        out.addEventRevisions(r.writeTo(EventRevision.newBuilder()));
      }
      return out.build();
    });
  }
}
