package io.sitrep.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitrep.core.model.Actor;
import io.sitrep.core.model.ActorKind;
import io.sitrep.core.model.ActorRelation;
import io.sitrep.core.model.Claim;
import io.sitrep.core.model.Event;
import io.sitrep.core.model.Participant;
import io.sitrep.core.model.Report;
import io.sitrep.core.model.Source;
import io.sitrep.core.model.SourceKind;
import io.sitrep.core.model.Stance;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A STIX 2.1 bundle of what a server holds, for threat-intelligence platforms (OpenCTI, MISP...).
 *
 * <ul>
 *   <li>Sources are {@code identity} objects (class {@code organization}, or {@code individual} for
 *       analysts and anonymous officials).
 *   <li>Actors by {@link ActorKind}: ARMED_GROUP and SECURITY_FORCE are {@code threat-actor}s (the
 *       latter with type {@code nation-state}); an actor whose name begins "Unidentified" (ACLED's
 *       "Unidentified Armed Group (Somalia)") is an {@code intrusion-set}, activity attributed to no
 *       known organisation; PERSON is an {@code identity} of class {@code individual}; STATE,
 *       GOVERNMENT_BODY, POLITICAL_PARTY, INTERNATIONAL_ORGANIZATION and OTHER are {@code identity}
 *       objects of class {@code organization} (OTHER: {@code unknown}). Aliases become
 *       {@code aliases} where the type has them.
 *   <li>Reports are {@code report} objects created by their source's identity, published at the
 *       start of their publish time, referring to the identity, the claims' notes and the actors of
 *       the events they speak of.
 *   <li>Claims are {@code note}s on their report and the actors involved, whose content is the
 *       claim's text (or its proposition); with an assessment from AssessClaims, also an
 *       {@code opinion} whose {@code confidence} is the belief in the claimed value (0-100).
 *       Without one, confidence is left out, as STIX asks when it is not known.
 *   <li>Actor relations are {@code relationship}s ({@code member-of}, {@code backs}...), bounded by
 *       {@code start_time}/{@code stop_time} when their valid time is known.
 * </ul>
 * Ids are UUIDv5 of the Sitrep name in a fixed namespace, so exporting twice gives the same ids,
 * and every object points back to its Sitrep name through an external reference
 * ({@code source_name: sitrep}).
 */
final class StixExporter {
  /** The namespace of Sitrep's STIX ids (a UUIDv5 of "sitrep.io" in the URL namespace). */
  static final UUID NAMESPACE = uuid5(UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), "https://sitrep.io");

  private final ObjectMapper json = new ObjectMapper();
  private final Snapshot s;
  private final Map<String, Double> beliefs;
  private final Map<String, String> actorIds = new HashMap<>();

  /**
   * @param beliefs the belief (0..1) in each claim's value, by claim name; empty when no assessment
   */
  StixExporter(Snapshot snapshot, Map<String, Double> beliefs) {
    this.s = snapshot;
    this.beliefs = beliefs;
  }

  ObjectNode bundle() {
    ObjectNode bundle = json.createObjectNode();
    bundle.put("type", "bundle");
    ArrayNode objects = json.createArrayNode();
    for (Source src : s.sources()) {
      objects.add(identity(src));
    }
    for (Actor a : s.actors()) {
      actorIds.put(a.name(), stixType(a) + "--" + uuid(a.name()));
    }
    for (Actor a : s.actors()) {
      objects.add(actor(a));
    }
    for (Actor a : s.actors()) {
      for (ActorRelation r : a.relations()) {
        if (actorIds.containsKey(r.object())) {
          objects.add(relationship(a, r));
        }
      }
    }
    Map<String, Event> events = new HashMap<>();
    s.events().forEach(e -> events.put(e.name(), e));
    Map<String, Set<String>> refsOfReport = new HashMap<>();
    for (Claim c : s.claims()) {
      Set<String> actors = new LinkedHashSet<>();
      Event e = c.event().isEmpty() ? null : events.get(c.event());
      if (e != null) {
        for (Participant p : e.participants()) {
          if (actorIds.containsKey(p.actor())) {
            actors.add(actorIds.get(p.actor()));
          }
        }
      }
      if (c.proposition() != null && actorIds.containsKey(c.proposition().subject())) {
        actors.add(actorIds.get(c.proposition().subject()));
      }
      String noteId = "note--" + uuid(c.name());
      objects.add(note(c, e, actors));
      Double belief = beliefs.get(c.name());
      if (belief != null) {
        objects.add(opinion(c, belief, noteId));
      }
      Set<String> refs = refsOfReport.computeIfAbsent(c.report(), k -> new LinkedHashSet<>());
      refs.add(noteId);
      refs.addAll(actors);
    }
    for (Report r : s.reports()) {
      objects.add(report(r, refsOfReport.getOrDefault(r.name(), Set.of())));
    }
    com.google.common.hash.Hasher names = com.google.common.hash.Hashing.sha256().newHasher();
    s.created().keySet().stream().sorted().forEach(n -> names.putString(n, StandardCharsets.UTF_8).putByte((byte) 0));
    bundle.put("id", "bundle--" + uuid("bundle:" + names.hash()));
    bundle.set("objects", objects);
    return bundle;
  }

  private ObjectNode common(String type, String name) {
    ObjectNode o = json.createObjectNode();
    o.put("type", type);
    o.put("spec_version", "2.1");
    o.put("id", type + "--" + uuid(name));
    o.put("created", ts(s.created().getOrDefault(name, Instant.EPOCH)));
    o.put("modified", ts(s.updated().getOrDefault(name, s.created().getOrDefault(name, Instant.EPOCH))));
    return o;
  }

  private static void sitrepRef(ObjectNode o, String name) {
    o.putArray("external_references").addObject().put("source_name", "sitrep").put("external_id", name);
  }

  private ObjectNode identity(Source src) {
    ObjectNode o = common("identity", src.name());
    o.put("name", src.displayName());
    if (!src.description().isEmpty()) {
      o.put("description", src.description());
    }
    o.put("identity_class", src.kind() == SourceKind.ANALYST || src.kind() == SourceKind.ANONYMOUS_OFFICIAL
        || src.kind() == SourceKind.SOCIAL_MEDIA_ACCOUNT ? "individual" : "organization");
    o.putArray("sectors").add(src.kind() == SourceKind.NEWS_OUTLET ? "communications" : "government-national");
    if (src.kind() != SourceKind.NEWS_OUTLET && src.kind() != SourceKind.OFFICIAL_BODY) {
      o.remove("sectors");
    }
    if (!src.uri().isEmpty()) {
      o.put("contact_information", src.uri());
    }
    sitrepRef(o, src.name());
    return o;
  }

  static String stixType(Actor a) {
    if (a.displayName().toLowerCase(Locale.ROOT).startsWith("unidentified")) {
      return "intrusion-set";
    }
    return switch (a.kind()) {
      case ARMED_GROUP, SECURITY_FORCE -> "threat-actor";
      default -> "identity";
    };
  }

  private ObjectNode actor(Actor a) {
    String type = stixType(a);
    ObjectNode o = common(type, a.name());
    o.put("name", a.displayName());
    if (!a.description().isEmpty()) {
      o.put("description", a.description());
    }
    switch (type) {
      case "threat-actor" -> {
        if (a.kind() == ActorKind.SECURITY_FORCE) {
          o.putArray("threat_actor_types").add("nation-state");
        }
        if (!a.aliases().isEmpty()) {
          ArrayNode al = o.putArray("aliases");
          a.aliases().forEach(al::add);
        }
      }
      case "intrusion-set" -> {
        if (!a.aliases().isEmpty()) {
          ArrayNode al = o.putArray("aliases");
          a.aliases().forEach(al::add);
        }
      }
      default -> o.put("identity_class", switch (a.kind()) {
        case PERSON -> "individual";
        case OTHER -> "unknown";
        default -> "organization";
      });
    }
    sitrepRef(o, a.name());
    return o;
  }

  private ObjectNode relationship(Actor a, ActorRelation r) {
    String key = a.name() + " " + r.kind() + " " + r.object() + " " + r.validTime();
    ObjectNode o = common("relationship", "relation:" + key);
    o.put("created", ts(s.created().getOrDefault(a.name(), Instant.EPOCH)));
    o.put("modified", ts(s.updated().getOrDefault(a.name(), Instant.EPOCH)));
    o.put("relationship_type", r.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    if (!r.description().isEmpty()) {
      o.put("description", r.description());
    }
    o.put("source_ref", actorIds.get(a.name()));
    o.put("target_ref", actorIds.get(r.object()));
    if (r.validTime() != null) {
      o.put("start_time", ts(r.validTime().start()));
      if (r.validTime().end().isAfter(r.validTime().start())) {
        o.put("stop_time", ts(r.validTime().end()));
      }
    }
    return o;
  }

  private ObjectNode note(Claim c, Event e, Set<String> actors) {
    ObjectNode o = common("note", c.name());
    String verb = c.stance() == Stance.ASSERTS ? "asserts" : "denies";
    String about = c.proposition() != null
        ? c.proposition().subject() + " " + c.proposition().attribute() + " = " + c.proposition().value()
        : e != null ? "that it happened: " + e.summary() : c.event();
    o.put("abstract", clip("The report " + verb + " " + about, 500));
    o.put("content", c.text().isEmpty() ? "The report " + verb + " " + about : c.text());
    if (!c.attributedTo().isEmpty()) {
      o.putArray("authors").add(c.attributedTo());
    }
    ArrayNode refs = o.putArray("object_refs");
    refs.add("report--" + uuid(c.report()));
    actors.forEach(refs::add);
    Double belief = beliefs.get(c.name());
    if (belief != null) {
      o.put("confidence", confidence(belief));
    }
    sitrepRef(o, c.name());
    return o;
  }

  private ObjectNode opinion(Claim c, double belief, String noteId) {
    ObjectNode o = common("opinion", "opinion:" + c.name());
    o.put("created", ts(s.created().getOrDefault(c.name(), Instant.EPOCH)));
    o.put("modified", ts(s.updated().getOrDefault(c.name(), Instant.EPOCH)));
    int confidence = confidence(belief);
    o.put("explanation", "Truth discovery over the sources' claims believes this claim's value at " + confidence
        + "%.");
    o.put("opinion", confidence >= 80 ? "strongly-agree" : confidence >= 60 ? "agree" : confidence > 40 ? "neutral"
        : confidence > 20 ? "disagree" : "strongly-disagree");
    o.put("confidence", confidence);
    o.putArray("object_refs").add(noteId);
    return o;
  }

  private ObjectNode report(Report r, Set<String> refs) {
    ObjectNode o = common("report", r.name());
    o.put("created_by_ref", "identity--" + uuid(r.source()));
    o.put("name", r.title().isEmpty() ? r.name() : clip(r.title(), 500));
    if (!r.excerpt().isEmpty()) {
      o.put("description", r.excerpt());
    }
    o.putArray("report_types").add("threat-report");
    o.put("published", ts(r.publishTime().start()));
    ArrayNode objectRefs = o.putArray("object_refs");
    objectRefs.add("identity--" + uuid(r.source()));
    refs.forEach(objectRefs::add);
    if (!r.language().isEmpty()) {
      o.put("lang", r.language());
    }
    ArrayNode ext = o.putArray("external_references");
    ext.addObject().put("source_name", "sitrep").put("external_id", r.name());
    if (!r.uri().isEmpty()) {
      ext.addObject().put("source_name", "web").put("url", r.uri());
    }
    return o;
  }

  static int confidence(double belief) {
    return (int) Math.round(Math.max(0, Math.min(1, belief)) * 100);
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }

  /** STIX timestamps: UTC, millisecond precision, 'Z'. */
  static String ts(Instant t) {
    Instant ms = t.truncatedTo(ChronoUnit.MILLIS);
    String s = ms.toString();
    return s.contains(".") ? s : s.replace("Z", ".000Z");
  }

  static String uuid(String name) {
    return uuid5(NAMESPACE, name).toString();
  }

  /** RFC 4122 version 5: SHA-1 of the namespace and the name. */
  static UUID uuid5(UUID namespace, String name) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      ByteBuffer ns = ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
          .putLong(namespace.getLeastSignificantBits());
      sha1.update(ns.array());
      byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
      h[6] = (byte) ((h[6] & 0x0f) | 0x50);
      h[8] = (byte) ((h[8] & 0x3f) | 0x80);
      ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
      return new UUID(b.getLong(), b.getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
