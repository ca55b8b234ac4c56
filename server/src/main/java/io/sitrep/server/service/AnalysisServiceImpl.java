package io.sitrep.server.service;

import io.grpc.stub.StreamObserver;
import io.sitrep.api.v1.AnalysisServiceGrpc;
import io.sitrep.api.v1.GetTimelineRequest;
import io.sitrep.api.v1.Timeline;
import io.sitrep.core.store.SitrepStore;
import io.sitrep.core.timeline.Timelines;
import io.sitrep.server.mapping.TimelineMapper;
import java.time.Clock;

/** {@code sitrep.v1.AnalysisService}: analyses computed over what the store holds now. */
public final class AnalysisServiceImpl extends AnalysisServiceGrpc.AnalysisServiceImplBase {
  private final SitrepStore store;
  private final Clock clock;

  public AnalysisServiceImpl(SitrepStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public void getTimeline(GetTimelineRequest request, StreamObserver<Timeline> responses) {
    Rpc.unary(responses, () -> TimelineMapper.toProto(
        Timelines.build(store, TimelineMapper.toQuery(request)), clock.instant()));
  }
}
