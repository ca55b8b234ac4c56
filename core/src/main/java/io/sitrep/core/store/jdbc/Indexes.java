package io.sitrep.core.store.jdbc;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.hash.Hashing;
import io.sitrep.core.model.Resource;
import io.sitrep.core.store.FilterField;
import io.sitrep.core.store.Reference;
import io.sitrep.core.store.ResourceType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows a resource contributes to the {@code refs} and {@code filter_values} tables, derived
 * from {@link ResourceType} so the SQL engines filter exactly as {@code Filter.matches} does.
 */
final class Indexes {
  /** One row of {@code filter_values}, without the collection. */
  record FilterValue(String field, String value) {}

  /** The filter fields of each collection, in the order {@link ResourceType} declares them. */
  private static final ImmutableMap<String, ImmutableList<FilterField<?>>> FIELDS = readFields();

  private Indexes() {}

  @SuppressWarnings("unchecked")
  static <T extends Resource> List<FilterValue> filterValues(T resource) {
    ResourceType<T> type = ResourceType.of(resource);
    List<FilterValue> out = new ArrayList<>();
    for (FilterField<?> f : FIELDS.get(type.collection())) {
      for (String v : ((FilterField<T>) f).values(resource)) {
        out.add(new FilterValue(f.name(), v));
      }
    }
    return out;
  }

  /** The references of {@code resource}, each (field, name) once. */
  static <T extends Resource> Set<Reference> references(T resource) {
    return new LinkedHashSet<>(ResourceType.of(resource).references(resource));
  }

  /**
   * A fingerprint of what the index tables hold: when it changes (a filter field added or
   * dropped), the store rebuilds them at open.
   */
  static String fingerprint() {
    StringBuilder s = new StringBuilder("indexes-v1");
    FIELDS.forEach((collection, fields) -> {
      s.append('|').append(collection);
      fields.forEach(f -> s.append(',').append(f.name()));
    });
    return Hashing.sha256().hashString(s, StandardCharsets.UTF_8).toString().substring(0, 16);
  }

  /** Each type's {@link FilterField}s. */
  private static ImmutableMap<String, ImmutableList<FilterField<?>>> readFields() {
    ImmutableMap.Builder<String, ImmutableList<FilterField<?>>> out = ImmutableMap.builder();
    for (ResourceType<?> type : ResourceType.ALL) {
      ImmutableList.Builder<FilterField<?>> fields = ImmutableList.builder();
      for (String name : type.filterFieldNames()) {
        fields.add(type.filterField(name));
      }
      out.put(type.collection(), fields.build());
    }
    return out.build();
  }
}
