package io.sitrep.core.store;

import com.google.common.collect.ImmutableSet;
import io.sitrep.core.model.Resource;
import java.util.function.Function;

/**
 * A field a listing can be filtered on: how to read its values from a resource, and how to bring
 * a filter's value to the stored spelling (enum values are accepted with or without the API's
 * prefix: {@code SOURCE_KIND_NEWS_OUTLET} or {@code NEWS_OUTLET}).
 */
public final class FilterField<T extends Resource> {
  private final String name;
  private final String enumPrefix;
  private final Function<T, ImmutableSet<String>> values;

  private FilterField(String name, String enumPrefix, Function<T, ImmutableSet<String>> values) {
    this.name = name;
    this.enumPrefix = enumPrefix;
    this.values = values;
  }

  public static <T extends Resource> FilterField<T> of(String name, Function<T, ImmutableSet<String>> values) {
    return new FilterField<>(name, "", values);
  }

  public static <T extends Resource> FilterField<T> single(String name, Function<T, String> value) {
    return new FilterField<>(name, "", r -> ImmutableSet.of(value.apply(r)));
  }

  public static <T extends Resource> FilterField<T> ofEnum(String name, String apiPrefix,
      Function<T, ? extends Enum<?>> value) {
    return new FilterField<>(name, apiPrefix, r -> {
      Enum<?> e = value.apply(r);
      return e == null ? ImmutableSet.of() : ImmutableSet.of(e.name());
    });
  }

  public String name() {
    return name;
  }

  public boolean isEnum() {
    return !enumPrefix.isEmpty();
  }

  public ImmutableSet<String> values(T resource) {
    return values.apply(resource);
  }

  String normalize(String value) {
    if (isEnum() && value.startsWith(enumPrefix)) {
      return value.substring(enumPrefix.length());
    }
    return value;
  }
}
