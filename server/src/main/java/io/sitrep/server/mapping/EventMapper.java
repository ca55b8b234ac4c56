package io.sitrep.server.mapping;

import com.google.common.collect.ImmutableList;
import io.sitrep.api.v1.Event;
import io.sitrep.api.v1.EventLink;
import io.sitrep.api.v1.EventLinkKind;
import io.sitrep.api.v1.EventType;
import io.sitrep.api.v1.Participant;
import io.sitrep.api.v1.ParticipantRole;
import io.sitrep.core.store.Stored;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps {@code sitrep.v1.Event} to and from core's {@link io.sitrep.core.model.Event}. Unset
 * fatalities and injuries are core's unknown count, and an unknown count is left unset.
 */
public final class EventMapper {
  private EventMapper() {}

  /** Core's event; output-only fields are ignored. */
  public static io.sitrep.core.model.Event toCore(Event p) {
    Violations v = Violations.collect();
    var type = v.enumOf(p.getType(), io.sitrep.core.model.EventType.class, "type");
    var time = CommonMapper.optionalTime(v, p.hasTime(), p.getTime(), "time");
    var place = p.hasPlace() ? v.nested("place", () -> CommonMapper.toCore(p.getPlace())) : null;
    List<io.sitrep.core.model.Participant> participants = new ArrayList<>();
    for (int i = 0; i < p.getParticipantsCount(); i++) {
      Participant pp = p.getParticipants(i);
      String field = "participants[" + i + "]";
      var role = v.enumOf(pp.getRole(), io.sitrep.core.model.ParticipantRole.class, field + ".role");
      var mapped = v.nested(field, () -> new io.sitrep.core.model.Participant(pp.getActor(), role));
      if (mapped != null) {
        participants.add(mapped);
      }
    }
    var fatalities = p.hasFatalities()
        ? v.nested("fatalities", () -> CommonMapper.toCore(p.getFatalities())) : null;
    var injuries = p.hasInjuries() ? v.nested("injuries", () -> CommonMapper.toCore(p.getInjuries())) : null;
    List<io.sitrep.core.model.EventLink> links = new ArrayList<>();
    for (int i = 0; i < p.getLinksCount(); i++) {
      EventLink l = p.getLinks(i);
      String field = "links[" + i + "]";
      var kind = v.enumOf(l.getKind(), io.sitrep.core.model.EventLinkKind.class, field + ".kind");
      var mapped = v.nested(field, () -> new io.sitrep.core.model.EventLink(kind, l.getEvent()));
      if (mapped != null) {
        links.add(mapped);
      }
    }
    return v.build(() -> new io.sitrep.core.model.Event(p.getName(), type, p.getMode(), p.getSummary(),
        p.getDescription(), time, place, ImmutableList.copyOf(participants), fatalities, injuries,
        ImmutableList.copyOf(links), ImmutableList.copyOf(p.getReportsList())));
  }

  public static Event toProto(io.sitrep.core.model.Event c) {
    Event.Builder b = Event.newBuilder()
        .setName(c.name())
        .setType(Enums.toProto(c.type(), EventType.class))
        .setMode(c.mode())
        .setSummary(c.summary())
        .setDescription(c.description())
        .setTime(CommonMapper.toProto(c.time()))
        .addAllReports(c.reports());
    if (c.place() != null) {
      b.setPlace(CommonMapper.toProto(c.place()));
    }
    for (io.sitrep.core.model.Participant p : c.participants()) {
      b.addParticipants(Participant.newBuilder()
          .setActor(p.actor())
          .setRole(Enums.toProto(p.role(), ParticipantRole.class)));
    }
    if (!c.fatalities().isUnknown()) {
      b.setFatalities(CommonMapper.toProto(c.fatalities()));
    }
    if (!c.injuries().isUnknown()) {
      b.setInjuries(CommonMapper.toProto(c.injuries()));
    }
    for (io.sitrep.core.model.EventLink l : c.links()) {
      b.addLinks(EventLink.newBuilder()
          .setKind(Enums.toProto(l.kind(), EventLinkKind.class))
          .setEvent(l.event()));
    }
    return b.build();
  }

  /** The API's event with its etag and times. */
  public static Event toProto(Stored<io.sitrep.core.model.Event> stored) {
    return toProto(stored.value()).toBuilder()
        .setEtag(stored.etag())
        .setCreateTime(CommonMapper.toProto(stored.createTime()))
        .setUpdateTime(CommonMapper.toProto(stored.updateTime()))
        .build();
  }
}
