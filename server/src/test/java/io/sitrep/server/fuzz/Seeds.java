package io.sitrep.server.fuzz;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.List;

/**
 * Valid requests for any RPC, built from its request descriptor and the demo data: a field that
 * refers to a resource gets an existing name of that type, a field holding a resource gets a demo
 * resource (without its output-only fields, and without its name for a create), a field mask names
 * fields the resource has, a batch gets fresh copies of demo resources, other strings get what the
 * demo has in fields of the same name. Mutating one field of such a request at a time takes the
 * fuzzer past the first check into the services' deeper validation.
 */
final class Seeds {
  /** How many different valid requests each RPC gets. */
  static final int VARIANTS = 8;

  private final Facts facts;

  Seeds(Facts facts) {
    this.facts = facts;
  }

  /** {@link #VARIANTS} valid requests for {@code rpc}, differing in the resources they pick. */
  List<DynamicMessage> of(FuzzServer.Rpc rpc) {
    List<DynamicMessage> seeds = new ArrayList<>();
    for (int v = 0; v < VARIANTS; v++) {
      seeds.add(request(rpc, rpc.input(), v));
    }
    return seeds;
  }

  private DynamicMessage request(FuzzServer.Rpc rpc, Descriptor type, int variant) {
    FuzzServer.Effect effect = rpc.effect();
    DynamicMessage.Builder b = DynamicMessage.newBuilder(type);
    for (FieldDescriptor field : type.getFields()) {
      if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        Descriptor fieldType = field.getMessageType();
        String resourceType = Facts.resourceType(fieldType);
        if (resourceType != null) {
          Message resource = pick(facts.resources.getOrDefault(resourceType, List.of()), variant);
          if (resource != null) {
            b.setField(field, writable(resource, effect != FuzzServer.Effect.UPDATE));
          }
        } else if (fieldType.getFullName().equals("google.protobuf.FieldMask")) {
          FieldDescriptor resourceField = resourceField(type);
          if (resourceField != null && b.hasField(resourceField) && variant % 2 == 1) {
            b.setField(field, mask(fieldType, (Message) b.getField(resourceField), variant));
          }
        } else if (batchItem(fieldType) && field.isRepeated()) {
          for (int i = 0; i <= variant % 3; i++) {
            b.addRepeatedField(field, item(fieldType, variant + i));
          }
        }
      } else if (field.getJavaType() == FieldDescriptor.JavaType.STRING && !field.isRepeated()) {
        String value = string(field, effect, variant);
        if (value != null) {
          b.setField(field, value);
        }
      } else if (field.getJavaType() == FieldDescriptor.JavaType.INT && field.getName().equals("page_size")) {
        b.setField(field, variant % 4 == 0 ? 0 : 1 + variant * 3);
      }
    }
    return b.build();
  }

  private String string(FieldDescriptor field, FuzzServer.Effect effect, int variant) {
    String name = field.getName();
    if (name.equals("page_token") || name.equals("filter") || name.equals("etag") || name.equals("request_id")
        || name.endsWith("_id")) {
      return null; // a fresh id is generated; an absent etag or token is valid
    }
    String ref = Facts.referenceType(field);
    if (ref != null) {
      return pick(facts.names.getOrDefault(ref, List.of()), variant);
    }
    if (effect == FuzzServer.Effect.READ || effect == FuzzServer.Effect.UNKNOWN) {
      return pick(facts.stringsByField.getOrDefault(name, List.of()), variant);
    }
    return null;
  }

  /** One item of an ingest batch: a demo resource of one of the oneof's types, under a new name. */
  private DynamicMessage item(Descriptor itemType, int variant) {
    OneofDescriptor oneof = itemType.getOneofs().get(0);
    List<FieldDescriptor> options = oneof.getFields();
    // Claims most of the time: they make the disputes index work; every other type now and then.
    FieldDescriptor field = variant % 3 == 0 ? options.get(variant % options.size())
        : options.stream().filter(f -> f.getName().equals("claim")).findFirst().orElse(options.get(0));
    Message resource = pick(facts.resources.getOrDefault(Facts.resourceType(field.getMessageType()), List.of()),
        variant * 7 + 3);
    DynamicMessage.Builder b = DynamicMessage.newBuilder(itemType);
    if (resource != null) {
      b.setField(field, writable(resource, true));
    }
    return b.build();
  }

  /** A message with a oneof whose every member is a resource: an item of a batch. */
  static boolean batchItem(Descriptor type) {
    return type.getOneofs().size() == 1 && type.getOneofs().get(0).getFields().stream()
        .allMatch(f -> f.getJavaType() == FieldDescriptor.JavaType.MESSAGE && Facts.resourceType(f.getMessageType()) != null);
  }

  private static FieldDescriptor resourceField(Descriptor request) {
    return request.getFields().stream()
        .filter(f -> f.getJavaType() == FieldDescriptor.JavaType.MESSAGE && Facts.resourceType(f.getMessageType()) != null)
        .findFirst().orElse(null);
  }

  /** A mask naming one or two of the fields the resource has set. */
  private static DynamicMessage mask(Descriptor maskType, Message resource, int variant) {
    List<String> set = resource.getAllFields().keySet().stream()
        .filter(f -> !f.getName().equals("name")).map(FieldDescriptor::getName).toList();
    List<String> paths = set.isEmpty() ? List.of("*") : List.of(set.get(variant % set.size()));
    return DynamicMessage.newBuilder(maskType).setField(maskType.findFieldByName("paths"), paths).build();
  }

  /** {@code resource} without output-only fields, and without its name when {@code newName}. */
  static DynamicMessage writable(Message resource, boolean newName) {
    DynamicMessage.Builder b = DynamicMessage.newBuilder(resource);
    for (FieldDescriptor field : resource.getDescriptorForType().getFields()) {
      if (Facts.outputOnly(field) || (newName && field.getName().equals("name"))) {
        b.clearField(field);
      }
    }
    return b.build();
  }

  private static <T> T pick(List<T> list, int variant) {
    return list.isEmpty() ? null : list.get((variant * 13 + 5) % list.size());
  }
}
