package io.sitrep.server.mapping;

import com.google.common.base.CaseFormat;
import com.google.protobuf.ProtocolMessageEnum;
import org.jspecify.annotations.Nullable;

/** API enums and core enums share value names; the API prefixes them with the type name. */
final class Enums {
  private Enums() {}

  static <E extends Enum<E>, P extends Enum<P> & ProtocolMessageEnum> @Nullable E toCore(
      P value, Class<E> coreType) {
    String prefix = prefix(value.getDeclaringClass());
    String name = value.name();
    if (name.equals(prefix + "UNSPECIFIED")) {
      return null;
    }
    return Enum.valueOf(coreType, name.substring(prefix.length()));
  }

  static <E extends Enum<E>, P extends Enum<P> & ProtocolMessageEnum> P toProto(
      @Nullable E value, Class<P> protoType) {
    String prefix = prefix(protoType);
    return Enum.valueOf(protoType, prefix + (value == null ? "UNSPECIFIED" : value.name()));
  }

  /** {@code SourceKind} → {@code SOURCE_KIND_}. */
  static String prefix(Class<?> protoType) {
    return PREFIXES.get(protoType);
  }

  /** Computed once per enum type: every mapped resource asks, on every call. */
  private static final ClassValue<String> PREFIXES = new ClassValue<>() {
    @Override
    protected String computeValue(Class<?> protoType) {
      return CaseFormat.UPPER_CAMEL.to(CaseFormat.UPPER_UNDERSCORE, protoType.getSimpleName()) + "_";
    }
  };
}
