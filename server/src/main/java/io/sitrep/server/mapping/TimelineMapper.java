package io.sitrep.server.mapping;

import io.sitrep.api.v1.EventType;
import io.sitrep.api.v1.GetTimelineRequest;
import io.sitrep.api.v1.TemporalOrder;
import io.sitrep.api.v1.Timeline;
import io.sitrep.api.v1.TimelineEntry;
import io.sitrep.core.timeline.TimelineQuery;
import java.time.Instant;

/** Maps timeline requests to core's {@link TimelineQuery} and core's timelines to the API's. */
public final class TimelineMapper {
  private TimelineMapper() {}

  /** The query of a request; an empty string filter means no filter. */
  public static TimelineQuery toQuery(GetTimelineRequest r) {
    Violations v = Violations.collect();
    Instant from = r.hasStartTime() ? v.instant(r.getStartTime(), "start_time") : null;
    Instant to = r.hasEndTime() ? v.instant(r.getEndTime(), "end_time") : null;
    return v.build(() -> new TimelineQuery(r.getActor().isEmpty() ? null : r.getActor(), r.getIncludeMembers(),
        r.getPlace().isEmpty() ? null : r.getPlace(), from, to));
  }

  public static Timeline toProto(io.sitrep.core.timeline.Timeline timeline, Instant computeTime) {
    Timeline.Builder b = Timeline.newBuilder().setComputeTime(CommonMapper.toProto(computeTime));
    for (io.sitrep.core.timeline.TimelineEntry e : timeline.entries()) {
      b.addEntries(TimelineEntry.newBuilder()
          .setEvent(e.event().name())
          .setSummary(e.event().summary())
          .setType(Enums.toProto(e.event().type(), EventType.class))
          .setTime(CommonMapper.toProto(e.event().time()))
          .setOrderAfterPrevious(toProto(e.orderAfterPrevious()))
          .addAllUncertainWith(e.uncertainWith()));
    }
    return b.build();
  }

  static TemporalOrder toProto(io.sitrep.core.timeline.TemporalOrder order) {
    return switch (order) {
      case FIRST -> TemporalOrder.TEMPORAL_ORDER_UNSPECIFIED;
      case AFTER -> TemporalOrder.TEMPORAL_ORDER_AFTER;
      case UNCERTAIN -> TemporalOrder.TEMPORAL_ORDER_UNCERTAIN;
    };
  }
}
