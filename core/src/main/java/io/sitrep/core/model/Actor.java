package io.sitrep.core.model;

import com.google.common.collect.ImmutableList;
import java.util.List;

/** A person, group, body or state, with its spellings and its relations to other actors. */
public record Actor(
    String name,
    String displayName,
    ActorKind kind,
    ImmutableList<String> aliases,
    String countryCode,
    String description,
    ImmutableList<ActorRelation> relations) implements Resource {

  public static final String COLLECTION = "actors";

  public Actor {
    aliases = aliases == null ? ImmutableList.of() : ImmutableList.copyOf(aliases);
    relations = relations == null ? ImmutableList.of() : ImmutableList.copyOf(relations);
    countryCode = Place.nullToEmpty(countryCode);
    description = Place.nullToEmpty(description);
    Check check = Check.of()
        .name(name, COLLECTION, "name")
        .notBlank(displayName, "display_name")
        .shortText(displayName, "display_name")
        .notNull(kind, "kind")
        .countryCode(countryCode, "country_code")
        .text(description, "description");
    for (int i = 0; i < aliases.size(); i++) {
      check.notBlank(aliases.get(i), "aliases[" + i + "]").shortText(aliases.get(i), "aliases[" + i + "]");
    }
    for (int i = 0; i < relations.size(); i++) {
      ActorRelation r = relations.get(i);
      check.require(!r.object().equals(name), "relations[" + i + "].object",
          "must not be the actor itself");
    }
    check.done();
  }

  @Override
  public Actor withName(String newName) {
    return new Actor(newName, displayName, kind, aliases, countryCode, description, relations);
  }

  public static Actor of(String name, String displayName, ActorKind kind, List<String> aliases,
      List<ActorRelation> relations) {
    return new Actor(name, displayName, kind, ImmutableList.copyOf(aliases), "", "",
        ImmutableList.copyOf(relations));
  }
}
