package io.sitrep.core.model;

import com.google.common.collect.ImmutableList;
import org.jspecify.annotations.Nullable;

/** Something that happened: what, when (honestly imprecise), where, between whom, at what cost. */
public record Event(
    String name,
    EventType type,
    String mode,
    String summary,
    String description,
    TimeSpan time,
    @Nullable Place place,
    ImmutableList<Participant> participants,
    CountRange fatalities,
    CountRange injuries,
    ImmutableList<EventLink> links,
    ImmutableList<String> reports) implements Resource {

  public static final String COLLECTION = "events";

  public Event {
    mode = Place.nullToEmpty(mode);
    description = Place.nullToEmpty(description);
    participants = participants == null ? ImmutableList.of() : ImmutableList.copyOf(participants);
    links = links == null ? ImmutableList.of() : ImmutableList.copyOf(links);
    reports = reports == null ? ImmutableList.of() : ImmutableList.copyOf(reports);
    fatalities = fatalities == null ? CountRange.UNKNOWN : fatalities;
    injuries = injuries == null ? CountRange.UNKNOWN : injuries;
    Check check = Check.of()
        .name(name, COLLECTION, "name")
        .notNull(type, "type")
        .shortText(mode, "mode")
        .notBlank(summary, "summary")
        .text(summary, "summary")
        .text(description, "description")
        .notNull(time, "time");
    for (int i = 0; i < links.size(); i++) {
      check.require(!links.get(i).event().equals(name), "links[" + i + "].event",
          "must not be the event itself");
    }
    for (int i = 0; i < reports.size(); i++) {
      check.name(reports.get(i), Report.COLLECTION, "reports[" + i + "]");
    }
    check.done();
  }

  @Override
  public Event withName(String newName) {
    return new Event(newName, type, mode, summary, description, time, place, participants,
        fatalities, injuries, links, reports);
  }

  /** True when {@code actor} takes part in this event in any role. */
  public boolean involves(String actor) {
    return participants.stream().anyMatch(p -> p.actor().equals(actor));
  }

  public static Builder builder(String name, EventType type, String summary, TimeSpan time) {
    return new Builder(name, type, summary, time);
  }

  /** Builds an event field by field. */
  public static final class Builder {
    private final String name;
    private final EventType type;
    private final String summary;
    private final TimeSpan time;
    private String mode = "";
    private String description = "";
    private @Nullable Place place;
    private final ImmutableList.Builder<Participant> participants = ImmutableList.builder();
    private CountRange fatalities = CountRange.UNKNOWN;
    private CountRange injuries = CountRange.UNKNOWN;
    private final ImmutableList.Builder<EventLink> links = ImmutableList.builder();
    private final ImmutableList.Builder<String> reports = ImmutableList.builder();

    private Builder(String name, EventType type, String summary, TimeSpan time) {
      this.name = name;
      this.type = type;
      this.summary = summary;
      this.time = time;
    }

    public Builder mode(String v) { mode = v; return this; }
    public Builder description(String v) { description = v; return this; }
    public Builder place(@Nullable Place v) { place = v; return this; }
    public Builder participant(String actor, ParticipantRole role) {
      participants.add(new Participant(actor, role));
      return this;
    }
    public Builder fatalities(CountRange v) { fatalities = v; return this; }
    public Builder injuries(CountRange v) { injuries = v; return this; }
    public Builder link(EventLinkKind kind, String event) {
      links.add(new EventLink(kind, event));
      return this;
    }
    public Builder report(String report) { reports.add(report); return this; }

    public Event build() {
      return new Event(name, type, mode, summary, description, time, place, participants.build(),
          fatalities, injuries, links.build(), reports.build());
    }
  }
}
