package io.sitrep.core.actors;

import com.google.common.collect.ImmutableList;
import io.sitrep.core.model.Actor;
import io.sitrep.core.model.ActorRelation;
import io.sitrep.core.model.Claim;
import io.sitrep.core.model.Event;
import io.sitrep.core.model.Participant;
import io.sitrep.core.model.ParticipantRole;
import io.sitrep.core.model.Proposition;
import io.sitrep.core.model.RelationKind;
import io.sitrep.core.model.Stance;
import io.sitrep.core.model.TimeSpan;
import io.sitrep.core.store.Filter;
import io.sitrep.core.store.ResourceType;
import io.sitrep.core.store.SitrepStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Typed, time-bounded relations between actors, gathered from three places:
 * <ol>
 *   <li>the actors' own {@link ActorRelation}s ({@code RECORDED}, belief 1);
 *   <li>claims whose proposition's attribute names a relation ({@code CLAIMED}): the attribute is a
 *       {@link RelationKind} in any spelling ({@code backs}, {@code member of}, {@code allied-with})
 *       or its passive ({@code backed_by}, {@code controlled_by}, {@code led_by}, which swap subject
 *       and object), the value an actor's resource name or a written name that the
 *       {@link ActorIndex} resolves. Claims on the same relation and time are pooled: the belief
 *       is the mean, over the claims, of the chance the relation holds given each claim, that is
 *       the claim's belief (from truth discovery when supplied, else 1) if it asserts and one minus
 *       it if it denies;
 *   <li>events ({@code EVENT}): a MEDIATOR participant mediates each perpetrator and target, a
 *       SUPPORTER backs each perpetrator, for the event's time.
 * </ol>
 * Immutable; build once per snapshot and query many times.
 */
public final class ActorRelations {
  private static final Map<String, RelationKind> ACTIVE = new HashMap<>();
  private static final Map<String, RelationKind> PASSIVE = new HashMap<>();

  static {
    for (RelationKind k : RelationKind.values()) {
      ACTIVE.put(squash(k.name()), k);
    }
    ACTIVE.put("supports", RelationKind.BACKS);
    ACTIVE.put("sponsors", RelationKind.BACKS);
    ACTIVE.put("alliedto", RelationKind.ALLIED_WITH);
    ACTIVE.put("allyof", RelationKind.ALLIED_WITH);
    ACTIVE.put("memberof", RelationKind.MEMBER_OF);
    ACTIVE.put("partof", RelationKind.PART_OF);
    ACTIVE.put("unitof", RelationKind.PART_OF);
    ACTIVE.put("heads", RelationKind.LEADS);
    PASSIVE.put("backedby", RelationKind.BACKS);
    PASSIVE.put("supportedby", RelationKind.BACKS);
    PASSIVE.put("sponsoredby", RelationKind.BACKS);
    PASSIVE.put("ledby", RelationKind.LEADS);
    PASSIVE.put("headedby", RelationKind.LEADS);
    PASSIVE.put("commandedby", RelationKind.COMMANDS);
    PASSIVE.put("controlledby", RelationKind.CONTROLS);
    PASSIVE.put("opposedby", RelationKind.OPPOSES);
    PASSIVE.put("mediatedby", RelationKind.MEDIATES);
  }

  private final ImmutableList<RelationFact> facts;

  private ActorRelations(List<RelationFact> facts) {
    this.facts = ImmutableList.sortedCopyOf(Comparator.comparing(RelationFact::subject)
        .thenComparing(RelationFact::kind).thenComparing(RelationFact::object)
        .thenComparing(f -> f.validTime() == null ? "" : f.validTime().start().toString()), facts);
  }

  /** The relations of what {@code store} holds now; {@code claimBelief} as for {@link #of}. */
  public static ActorRelations of(SitrepStore store, Map<String, Double> claimBelief) {
    List<Actor> actors;
    List<Claim> claims;
    List<Event> events;
    try (Stream<Actor> s = store.scan(ResourceType.ACTORS, Filter.ALL)) {
      actors = s.toList();
    }
    try (Stream<Claim> s = store.scan(ResourceType.CLAIMS, Filter.ALL)) {
      claims = s.toList();
    }
    try (Stream<Event> s = store.scan(ResourceType.EVENTS, Filter.ALL)) {
      events = s.toList();
    }
    return of(actors, claims, events, claimBelief);
  }

  /**
   * The relations recorded on {@code actors}, claimed by {@code claims} and shown by
   * {@code events}. {@code claimBelief} maps claim names to their belief (e.g. from truth
   * discovery); a claim not in it is taken at its word (belief 1).
   */
  public static ActorRelations of(Collection<Actor> actors, Collection<Claim> claims, Collection<Event> events,
      Map<String, Double> claimBelief) {
    List<RelationFact> out = new ArrayList<>();
    for (Actor a : actors) {
      for (ActorRelation r : a.relations()) {
        out.add(new RelationFact(a.name(), r.kind(), r.object(), r.validTime(), RelationFact.Origin.RECORDED, 1,
            r.reports(), r.description()));
      }
    }
    ActorIndex index = ActorIndex.of(actors);
    record Key(String subject, RelationKind kind, String object, @Nullable TimeSpan time) {}
    Map<Key, List<Claim>> pooled = new LinkedHashMap<>();
    for (Claim c : claims) {
      Proposition p = c.proposition();
      if (p == null) {
        continue;
      }
      String attribute = squash(p.attribute());
      RelationKind kind = ACTIVE.get(attribute);
      boolean passive = false;
      if (kind == null) {
        kind = PASSIVE.get(attribute);
        passive = kind != null;
      }
      if (kind == null) {
        continue;
      }
      Optional<String> subject = actorNamed(p.subject(), index);
      Optional<String> object = actorNamed(p.value(), index);
      if (subject.isEmpty() || object.isEmpty()) {
        continue;
      }
      Key key = passive ? new Key(object.get(), kind, subject.get(), p.validTime())
          : new Key(subject.get(), kind, object.get(), p.validTime());
      pooled.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
    }
    for (Map.Entry<Key, List<Claim>> e : pooled.entrySet()) {
      double sum = 0;
      for (Claim c : e.getValue()) {
        double b = claimBelief.getOrDefault(c.name(), 1.0);
        sum += c.stance() == Stance.ASSERTS ? b : 1 - b;
      }
      Key k = e.getKey();
      out.add(new RelationFact(k.subject(), k.kind(), k.object(), k.time(), RelationFact.Origin.CLAIMED,
          Math.max(0, Math.min(1, sum / e.getValue().size())),
          e.getValue().stream().map(Claim::name).collect(ImmutableList.toImmutableList()),
          e.getValue().size() + " claim(s)"));
    }
    for (Event ev : events) {
      for (Participant p : ev.participants()) {
        if (p.role() == ParticipantRole.MEDIATOR) {
          for (Participant q : ev.participants()) {
            if ((q.role() == ParticipantRole.PERPETRATOR || q.role() == ParticipantRole.TARGET)
                && !q.actor().equals(p.actor())) {
              out.add(new RelationFact(p.actor(), RelationKind.MEDIATES, q.actor(), ev.time(),
                  RelationFact.Origin.EVENT, 1, ImmutableList.of(ev.name()), ev.summary()));
            }
          }
        } else if (p.role() == ParticipantRole.SUPPORTER) {
          for (Participant q : ev.participants()) {
            if (q.role() == ParticipantRole.PERPETRATOR && !q.actor().equals(p.actor())) {
              out.add(new RelationFact(p.actor(), RelationKind.BACKS, q.actor(), ev.time(),
                  RelationFact.Origin.EVENT, 1, ImmutableList.of(ev.name()), ev.summary()));
            }
          }
        }
      }
    }
    return new ActorRelations(out);
  }

  /** Every relation, by subject, kind, object and time. */
  public ImmutableList<RelationFact> facts() {
    return facts;
  }

  /** The relations {@code query} asks for, most believed first. */
  public ImmutableList<RelationFact> query(RelationQuery query) {
    return facts.stream().filter(query::matches)
        .sorted(Comparator.comparingDouble(RelationFact::belief).reversed())
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Who stands in {@code kind} to {@code object} at some moment of {@code during} (null: ever):
   * "who backed the PM in December 2020" is {@code who(BACKS, pm, december)}. One entry per
   * subject: its best-believed relation.
   */
  public ImmutableList<RelationFact> who(RelationKind kind, String object, @Nullable TimeSpan during) {
    RelationQuery q = RelationQuery.any().kind(kind).object(object);
    return bestPer(query(during == null ? q : q.during(during)), RelationFact::subject);
  }

  /** Whom {@code subject} stands in {@code kind} to during {@code during} (null: ever). */
  public ImmutableList<RelationFact> whom(String subject, RelationKind kind, @Nullable TimeSpan during) {
    RelationQuery q = RelationQuery.any().subject(subject).kind(kind);
    return bestPer(query(during == null ? q : q.during(during)), RelationFact::object);
  }

  private static ImmutableList<RelationFact> bestPer(List<RelationFact> ranked,
      java.util.function.Function<RelationFact, String> key) {
    Map<String, RelationFact> best = new LinkedHashMap<>();
    for (RelationFact f : ranked) {
      best.putIfAbsent(key.apply(f), f);
    }
    return ImmutableList.copyOf(best.values());
  }

  private static Optional<String> actorNamed(String value, ActorIndex index) {
    if (value.startsWith("actors/")) {
      return Optional.of(value);
    }
    return index.resolve(value).actor();
  }

  private static String squash(String attribute) {
    return attribute.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ActorRelations other && facts.equals(other.facts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(facts);
  }
}
