package io.sitrep.core.model;

import org.jspecify.annotations.Nullable;

/**
 * An assertion or denial made in a report, about an event (that it happened as described) or a
 * proposition, or both. Claims are never merged or overwritten by other claims: disagreement is
 * kept side by side for the analyses to weigh.
 */
public record Claim(
    String name,
    String report,
    Stance stance,
    @Nullable Attribution attribution,
    String attributedTo,
    String event,
    @Nullable Proposition proposition,
    String text) implements Resource {

  public static final String COLLECTION = "claims";

  public Claim {
    attributedTo = Place.nullToEmpty(attributedTo);
    event = Place.nullToEmpty(event);
    text = Place.nullToEmpty(text);
    Check.of()
        .name(name, COLLECTION, "name")
        .name(report, Report.COLLECTION, "report")
        .notNull(stance, "stance")
        .shortText(attributedTo, "attributed_to")
        .optionalName(event, Event.COLLECTION, "event")
        .require(!event.isEmpty() || proposition != null, "proposition",
            "is required when no event is given: a claim must be about something")
        .text(text, "text")
        .done();
  }

  @Override
  public Claim withName(String newName) {
    return new Claim(newName, report, stance, attribution, attributedTo, event, proposition, text);
  }

  public static Claim about(String name, String report, Stance stance, Proposition proposition) {
    return new Claim(name, report, stance, Attribution.DIRECT, "", "", proposition, "");
  }

  public static Claim aboutEvent(String name, String report, Stance stance, String event) {
    return new Claim(name, report, stance, Attribution.DIRECT, "", event, null, "");
  }
}
