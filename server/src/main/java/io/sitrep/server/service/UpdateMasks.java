package io.sitrep.server.service;

import com.google.api.FieldBehavior;
import com.google.api.FieldBehaviorProto;
import com.google.common.collect.ImmutableList;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.FieldMask;
import com.google.protobuf.util.FieldMaskUtil;
import io.sitrep.core.model.ValidationException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Update masks (AIP-134): absent or {@code *} means every writable field; paths must name fields
 * of the resource (nested ones with dots, e.g. {@code time.precision}); paths to output-only and
 * identifier fields are ignored, as the API annotates them with {@code google.api.field_behavior}.
 */
final class UpdateMasks {
  /** Replace, don't merge: a field in the mask that the request leaves unset is cleared. */
  private static final FieldMaskUtil.MergeOptions REPLACE = new FieldMaskUtil.MergeOptions()
      .setReplaceMessageFields(true)
      .setReplaceRepeatedFields(true)
      .setReplacePrimitiveFields(true);

  private UpdateMasks() {}

  /** The paths to apply for {@code mask} on a resource of type {@code resource}. */
  static FieldMask effective(@Nullable FieldMask mask, Descriptor resource) {
    if (mask == null || mask.getPathsList().equals(List.of("*"))) {
      return FieldMask.newBuilder().addAllPaths(writableFields(resource)).build();
    }
    FieldMask.Builder effective = FieldMask.newBuilder();
    for (String path : mask.getPathsList()) {
      if (path.equals("*")) {
        throw ValidationException.of("update_mask", "\"*\" must be the only path when given");
      }
      if (!FieldMaskUtil.isValid(resource, path)) {
        throw ValidationException.of("update_mask", "\"" + path + "\" is not a field of "
            + resource.getName() + "; updatable fields are " + String.join(", ", writableFields(resource)));
      }
      String top = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
      if (isWritable(resource.findFieldByName(top))) {
        effective.addPaths(path);
      }
    }
    return effective.build();
  }

  /** Applies {@code mask} from {@code from} onto {@code onto}. */
  static void apply(FieldMask mask, com.google.protobuf.Message from, com.google.protobuf.Message.Builder onto) {
    FieldMaskUtil.merge(mask, from, onto, REPLACE);
  }

  static ImmutableList<String> writableFields(Descriptor resource) {
    return resource.getFields().stream().filter(UpdateMasks::isWritable).map(FieldDescriptor::getName)
        .collect(ImmutableList.toImmutableList());
  }

  private static boolean isWritable(FieldDescriptor field) {
    List<FieldBehavior> behaviors = field.getOptions().getExtension(FieldBehaviorProto.fieldBehavior);
    return !behaviors.contains(FieldBehavior.OUTPUT_ONLY) && !behaviors.contains(FieldBehavior.IDENTIFIER);
  }
}
