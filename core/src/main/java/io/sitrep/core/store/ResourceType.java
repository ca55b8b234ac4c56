package io.sitrep.core.store;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.sitrep.core.model.Actor;
import io.sitrep.core.model.ActorRelation;
import io.sitrep.core.model.Claim;
import io.sitrep.core.model.Event;
import io.sitrep.core.model.Participant;
import io.sitrep.core.model.Report;
import io.sitrep.core.model.Resource;
import io.sitrep.core.model.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What the store knows about one kind of resource: its collection, the names it refers to, and
 * the fields a listing can be filtered on. One constant per collection.
 */
public final class ResourceType<T extends Resource> {
  public static final ResourceType<Source> SOURCES = new ResourceType<>(Source.COLLECTION, Source.class,
      s -> {
        List<Reference> refs = new ArrayList<>();
        for (int i = 0; i < s.affiliations().size(); i++) {
          refs.add(new Reference("affiliations[" + i + "].actor", s.affiliations().get(i).actor()));
        }
        return refs;
      },
      List.of(
          FilterField.ofEnum("kind", "SOURCE_KIND_", Source::kind),
          FilterField.single("country_code", Source::countryCode),
          FilterField.ofEnum("reliability", "RELIABILITY_", Source::reliability),
          FilterField.single("display_name", Source::displayName),
          FilterField.of("affiliation", s -> s.affiliations().stream().map(a -> a.actor())
              .collect(ImmutableSet.toImmutableSet()))));

  public static final ResourceType<Report> REPORTS = new ResourceType<>(Report.COLLECTION, Report.class,
      r -> {
        List<Reference> refs = new ArrayList<>();
        refs.add(new Reference("source", r.source()));
        for (int i = 0; i < r.quotations().size(); i++) {
          var q = r.quotations().get(i);
          if (!q.report().isEmpty()) {
            refs.add(new Reference("quotations[" + i + "].report", q.report()));
          }
          if (!q.source().isEmpty()) {
            refs.add(new Reference("quotations[" + i + "].source", q.source()));
          }
        }
        return refs;
      },
      List.of(
          FilterField.single("source", Report::source),
          FilterField.single("language", Report::language)));

  public static final ResourceType<Actor> ACTORS = new ResourceType<>(Actor.COLLECTION, Actor.class,
      a -> {
        List<Reference> refs = new ArrayList<>();
        for (int i = 0; i < a.relations().size(); i++) {
          ActorRelation rel = a.relations().get(i);
          refs.add(new Reference("relations[" + i + "].object", rel.object()));
          for (int j = 0; j < rel.reports().size(); j++) {
            refs.add(new Reference("relations[" + i + "].reports[" + j + "]", rel.reports().get(j)));
          }
        }
        return refs;
      },
      List.of(
          FilterField.ofEnum("kind", "ACTOR_KIND_", Actor::kind),
          FilterField.single("country_code", Actor::countryCode)));

  public static final ResourceType<Event> EVENTS = new ResourceType<>(Event.COLLECTION, Event.class,
      e -> {
        List<Reference> refs = new ArrayList<>();
        for (int i = 0; i < e.participants().size(); i++) {
          refs.add(new Reference("participants[" + i + "].actor", e.participants().get(i).actor()));
        }
        for (int i = 0; i < e.links().size(); i++) {
          refs.add(new Reference("links[" + i + "].event", e.links().get(i).event()));
        }
        for (int i = 0; i < e.reports().size(); i++) {
          refs.add(new Reference("reports[" + i + "]", e.reports().get(i)));
        }
        return refs;
      },
      List.of(
          FilterField.ofEnum("type", "EVENT_TYPE_", Event::type),
          FilterField.single("mode", Event::mode),
          FilterField.of("participant", e -> e.participants().stream().map(Participant::actor)
              .collect(ImmutableSet.toImmutableSet()))));

  public static final ResourceType<Claim> CLAIMS = new ResourceType<>(Claim.COLLECTION, Claim.class,
      c -> {
        List<Reference> refs = new ArrayList<>();
        refs.add(new Reference("report", c.report()));
        if (!c.event().isEmpty()) {
          refs.add(new Reference("event", c.event()));
        }
        return refs;
      },
      List.of(
          FilterField.single("report", Claim::report),
          FilterField.single("event", Claim::event),
          FilterField.ofEnum("stance", "STANCE_", Claim::stance),
          FilterField.of("subject", c -> c.proposition() == null ? ImmutableSet.of()
              : ImmutableSet.of(c.proposition().subject())),
          FilterField.of("attribute", c -> c.proposition() == null ? ImmutableSet.of()
              : ImmutableSet.of(c.proposition().attribute()))));

  /** Every type, in the order a batch is best checked: referenced kinds before referring ones. */
  public static final ImmutableList<ResourceType<?>> ALL = ImmutableList.of(SOURCES, ACTORS, REPORTS, EVENTS, CLAIMS);

  private final String collection;
  private final Class<T> javaType;
  private final Function<T, List<Reference>> references;
  private final ImmutableMap<String, FilterField<T>> filterFields;

  private ResourceType(String collection, Class<T> javaType, Function<T, List<Reference>> references,
      List<FilterField<T>> filterFields) {
    this.collection = collection;
    this.javaType = javaType;
    this.references = references;
    this.filterFields = filterFields.stream()
        .collect(ImmutableMap.toImmutableMap(FilterField::name, f -> f));
  }

  public String collection() {
    return collection;
  }

  public Class<T> javaType() {
    return javaType;
  }

  /** The singular noun, e.g. {@code source}, as used in API field names. */
  public String singular() {
    return collection.substring(0, collection.length() - 1);
  }

  public List<Reference> references(T resource) {
    return references.apply(resource);
  }

  public ImmutableSet<String> filterFieldNames() {
    return filterFields.keySet();
  }

  @Nullable FilterField<T> filterFieldOrNull(String name) {
    return filterFields.get(name);
  }

  /** The values {@code resource} has for the filterable field {@code field}, as filters compare them. */
  public ImmutableSet<String> filterValues(String field, T resource) {
    return filterField(field).values(resource);
  }

  /** The filterable field {@code name}; throws if there is none. */
  public FilterField<T> filterField(String name) {
    FilterField<T> f = filterFields.get(name);
    if (f == null) {
      throw new IllegalArgumentException("no filter field " + name + " on " + collection);
    }
    return f;
  }

  public T cast(Resource resource) {
    return javaType.cast(resource);
  }

  /** The type of {@code resource}. */
  @SuppressWarnings("unchecked")
  public static <T extends Resource> ResourceType<T> of(T resource) {
    for (ResourceType<?> t : ALL) {
      if (t.javaType.isInstance(resource)) {
        return (ResourceType<T>) t;
      }
    }
    throw new AssertionError("every Resource has a type: " + resource.getClass());
  }

  /** The type whose collection is {@code collection}, e.g. {@code claims}. */
  public static ResourceType<?> forCollection(String collection) {
    for (ResourceType<?> t : ALL) {
      if (t.collection.equals(collection)) {
        return t;
      }
    }
    throw new IllegalArgumentException("no collection " + collection);
  }

  /** The type of {@code collection}, or null if there is none. */
  public static @Nullable ResourceType<?> forCollectionOrNull(String collection) {
    for (ResourceType<?> t : ALL) {
      if (t.collection.equals(collection)) {
        return t;
      }
    }
    return null;
  }

  /** The collection part of a resource name, e.g. {@code claims} of {@code claims/x}. */
  public static String collectionOf(String name) {
    int slash = name.indexOf('/');
    return slash < 0 ? "" : name.substring(0, slash);
  }

  @Override
  public String toString() {
    return collection;
  }
}
