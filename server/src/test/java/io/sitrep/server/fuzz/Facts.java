package io.sitrep.server.fuzz;

import com.google.api.FieldBehavior;
import com.google.api.FieldBehaviorProto;
import com.google.api.ResourceDescriptor;
import com.google.api.ResourceProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import io.sitrep.api.v1.Consistency;
import io.sitrep.api.v1.Dataset;
import io.sitrep.api.v1.HypothesisMatrix;
import io.sitrep.server.demo.DemoDataset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the fuzzer knows of the data: the demo episode's resources by type, the names of every
 * resource, and the strings the demo holds in each field (by field name), so that requests built
 * from them pass validation and reach deep into the services. Read from descriptors only: a new
 * resource type or field is picked up without code here.
 */
final class Facts {
  /** Resource type ({@code sitrep.io/Source}) to the demo's resources of that type, as messages. */
  final Map<String, List<Message>> resources = new LinkedHashMap<>();
  /** Resource type to names that exist in the store. */
  final Map<String, List<String>> names = new LinkedHashMap<>();
  /** Field name to the distinct values the demo has in string fields of that name. */
  final Map<String, List<String>> stringsByField = new LinkedHashMap<>();
  /** Every field name of every message reachable from the API, for field masks. */
  final Set<String> fieldNames = new LinkedHashSet<>();

  private Facts() {}

  static Facts fromDemo() {
    Facts facts = new Facts();
    Dataset demo = DemoDataset.load();
    facts.collect(demo);
    // The demo has no ACH matrix; one over the detainee's custody claims gives the ACH RPCs a valid start.
    HypothesisMatrix matrix = matrix(facts.names.getOrDefault("sitrep.io/Claim", List.of()));
    facts.addResource(matrix);
    return facts;
  }

  /** A small valid matrix: two hypotheses, evidence from two claims, one rated cell. */
  static HypothesisMatrix matrix(List<String> claims) {
    HypothesisMatrix.Builder b = HypothesisMatrix.newBuilder()
        .setQuestion("Who held the detainee on 26 December 2020?")
        .addHypotheses(HypothesisMatrix.Hypothesis.newBuilder().setId("h1").setStatement("the Hashd"))
        .addHypotheses(HypothesisMatrix.Hypothesis.newBuilder().setId("h2").setStatement("the security forces"));
    for (String claim : claims.subList(0, Math.min(2, claims.size()))) {
      b.addEvidence(HypothesisMatrix.Evidence.newBuilder().setClaim(claim).setDescription("a report")
          .setCredibility(0.7).setRelevance(1.0));
      b.addCells(HypothesisMatrix.Cell.newBuilder().setClaim(claim).setHypothesis("h1")
          .setConsistency(Consistency.CONSISTENCY_INCONSISTENT));
    }
    return b.build();
  }

  /** The resource type of messages of {@code type} ({@code sitrep.io/Source}), or null. */
  static @Nullable String resourceType(Descriptor type) {
    if (!type.getOptions().hasExtension(ResourceProto.resource)) {
      return null;
    }
    ResourceDescriptor resource = type.getOptions().getExtension(ResourceProto.resource);
    return resource.getType().isEmpty() ? null : resource.getType();
  }

  /** The resource type a string field refers to, or null. */
  static @Nullable String referenceType(FieldDescriptor field) {
    if (!field.getOptions().hasExtension(ResourceProto.resourceReference)) {
      return null;
    }
    String type = field.getOptions().getExtension(ResourceProto.resourceReference).getType();
    return type.isEmpty() ? null : type;
  }

  static boolean outputOnly(FieldDescriptor field) {
    return field.getOptions().getExtension(FieldBehaviorProto.fieldBehavior).contains(FieldBehavior.OUTPUT_ONLY);
  }

  /** Records a resource (a demo one, or one the fuzzer created) and, recursively, its strings. */
  void addResource(Message resource) {
    String type = resourceType(resource.getDescriptorForType());
    if (type != null) {
      resources.computeIfAbsent(type, t -> new ArrayList<>()).add(resource);
    }
    collect(resource);
  }

  /** Records that {@code name} exists, e.g. a dispute found by listing. */
  void addName(String type, String name) {
    List<String> list = names.computeIfAbsent(type, t -> new ArrayList<>());
    if (!list.contains(name)) {
      list.add(name);
    }
  }

  List<String> allNames() {
    return names.values().stream().flatMap(List::stream).toList();
  }

  /** Walks {@code message}: resources found inside are recorded with their names and strings. */
  void collect(Message message) {
    Descriptor type = message.getDescriptorForType();
    String resourceType = resourceType(type);
    for (FieldDescriptor field : type.getFields()) {
      fieldNames.add(field.getName());
      if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        collectFieldNames(field.getMessageType(), new LinkedHashSet<>());
      }
    }
    for (Map.Entry<FieldDescriptor, Object> e : message.getAllFields().entrySet()) {
      FieldDescriptor field = e.getKey();
      List<?> values = field.isRepeated() ? (List<?>) e.getValue() : List.of(e.getValue());
      for (Object value : values) {
        if (value instanceof Message m) {
          if (resourceType(m.getDescriptorForType()) != null && resourceType == null) {
            addResource(m);
          } else {
            collect(m);
          }
        } else if (value instanceof String s) {
          if (resourceType != null && field.getName().equals("name")) {
            addName(resourceType, s);
          }
          List<String> seen = stringsByField.computeIfAbsent(field.getName(), n -> new ArrayList<>());
          if (seen.size() < 40 && !seen.contains(s)) {
            seen.add(s);
          }
        }
      }
    }
  }

  private void collectFieldNames(Descriptor type, Set<String> seen) {
    if (!seen.add(type.getFullName())) {
      return;
    }
    for (FieldDescriptor field : type.getFields()) {
      fieldNames.add(field.getName());
      if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        collectFieldNames(field.getMessageType(), seen);
      }
    }
  }

  /** {@code message} as a DynamicMessage, which the mutators edit. */
  static DynamicMessage dynamic(Message message) {
    return message instanceof DynamicMessage d ? d : DynamicMessage.newBuilder(message).build();
  }
}
