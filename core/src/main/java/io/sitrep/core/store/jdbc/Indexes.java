package io.sitrep.core.store.jdbc;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
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
import org.jspecify.annotations.Nullable;

/**
 * Where each filterable field and reference of a resource is kept, derived from
 * {@link ResourceType} so the SQL engines filter exactly as {@code Filter.matches} does.
 *
 * <p>Single-valued filter fields are indexed columns {@code f_<field>} of their collection's
 * table (the layout the V2 migration created: {@link #COLUMNS}); any other filter field (the
 * multi-valued ones, and any field added later) has a row per value in {@code filter_values}.
 * A reference whose field is also a column filter field ({@code claims.report},
 * {@code claims.event}, {@code reports.source}) is answered from that column; the others have a
 * row in {@code refs}.
 */
final class Indexes {
  /** One row of {@code filter_values}, without the collection. */
  record FilterValue(String field, String value) {}

  /**
   * A filter field kept in column {@code f_<field>}; {@code target} is the collection it refers to
   * when the field is also a reference of the same name, else null. An {@code emptyAsNull} column
   * holds NULL for the field's empty value (a single-valued field, whose only "no value" is ""), so
   * that its index, partial on {@code IS NOT NULL} (V4), has no entry for it; a filter on "" reads
   * {@code IS NULL}.
   */
  record Column(String field, String column, @Nullable String target, boolean emptyAsNull, int selectivity) {}

  /**
   * The column layout of schema V2, with V4's empty values as NULL. Changing it needs a migration.
   * Selectivity ranks the columns of a collection for a listing filtered on several of them (its
   * most selective column's index drives): names and subjects, which few rows share, above
   * enumerations and attribute names; 0 for a column without an index (claims.stance since V6).
   */
  private static final ImmutableMap<String, ImmutableList<Column>> COLUMNS = ImmutableMap.of(
      "sources", ImmutableList.of(col("kind"), col("country_code"), col("reliability"), wide(col("display_name"))),
      "reports", ImmutableList.of(wide(ref("source", "sources")), emptyAsNull(col("language"))),
      "actors", ImmutableList.of(col("kind"), col("country_code")),
      "events", ImmutableList.of(col("type"), emptyAsNull(col("mode"))),
      "claims", ImmutableList.of(wide(ref("report", "reports")), wide(emptyAsNull(ref("event", "events"))),
          unindexed(col("stance")), narrowest(col("subject")), col("attribute")));

  /**
   * References kept only as the {@code filter_values} row of a multi-valued filter field that
   * holds the same name (V5): collection, the reference fields' prefix and suffix
   * ({@code participants[i].actor}), the filter field, and the collection referred to. The in-use
   * check of a delete reads those rows, so a reference costs one scattered index entry, not two.
   */
  record RowReference(String collection, String prefix, String suffix, String field, String target) {
    boolean covers(String collectionOf, String referenceField) {
      return collection.equals(collectionOf) && referenceField.startsWith(prefix) && referenceField.endsWith(suffix)
          && referenceField.length() > prefix.length() + suffix.length();
    }
  }

  private static final ImmutableList<RowReference> ROW_REFERENCES = ImmutableList.of(
      new RowReference("events", "participants[", "].actor", "participant", "actors"),
      new RowReference("sources", "affiliations[", "].actor", "affiliation", "actors"));

  /** The filter_values fields whose rows are the references to {@code targetCollection}, as (collection, field). */
  static List<String[]> rowFieldsReferringTo(String targetCollection) {
    List<String[]> out = new ArrayList<>();
    for (RowReference r : ROW_REFERENCES) {
      if (r.target().equals(targetCollection)) {
        out.add(new String[] {r.collection(), r.field()});
      }
    }
    return out;
  }

  /** The filter fields of each collection kept as rows of {@code filter_values}. */
  private static final ImmutableMap<String, ImmutableList<FilterField<?>>> ROW_FIELDS = readRowFields();

  static {
    for (RowReference r : ROW_REFERENCES) {
      if (ROW_FIELDS.get(r.collection()).stream().noneMatch(f -> f.name().equals(r.field()))) {
        throw new IllegalStateException(r.collection() + "." + r.field() + " is no filter_values field; the"
            + " in-use check reads its rows for the references " + r.prefix() + "*" + r.suffix());
      }
    }
  }

  private Indexes() {}

  private static Column col(String field) {
    return new Column(field, "f_" + field, null, false, 1);
  }

  private static Column ref(String field, String target) {
    return new Column(field, "f_" + field, target, false, 1);
  }

  private static Column emptyAsNull(Column c) {
    return new Column(c.field(), c.column(), c.target(), true, c.selectivity());
  }

  private static Column selectivity(Column c, int selectivity) {
    return new Column(c.field(), c.column(), c.target(), c.emptyAsNull(), selectivity);
  }

  /** A column of many distinct values (names). */
  private static Column wide(Column c) {
    return selectivity(c, 2);
  }

  /** A column whose value few rows share (a claim's subject). */
  private static Column narrowest(Column c) {
    return selectivity(c, 3);
  }

  private static Column unindexed(Column c) {
    return selectivity(c, 0);
  }

  /** The filter columns of {@code collection}, in table order. */
  static ImmutableList<Column> columns(String collection) {
    return COLUMNS.get(collection);
  }

  /** The column that holds filter field {@code field} of {@code collection}, if it is one. */
  static @Nullable Column column(String collection, String field) {
    for (Column c : COLUMNS.get(collection)) {
      if (c.field().equals(field)) {
        return c;
      }
    }
    return null;
  }

  /** The columns of every collection that refer to {@code targetCollection}, as (collection, column). */
  static List<String[]> columnsReferringTo(String targetCollection) {
    List<String[]> out = new ArrayList<>();
    COLUMNS.forEach((collection, cols) -> {
      for (Column c : cols) {
        if (targetCollection.equals(c.target())) {
          out.add(new String[] {collection, c.column()});
        }
      }
    });
    return out;
  }

  /** What one resource contributes to its row's columns, to {@code refs} and to {@code filter_values}. */
  record Derived(Resource resource, String collection, @Nullable String[] columnValues, Set<Reference> references,
      List<Reference> refRows, List<FilterValue> valueRows) {}

  @SuppressWarnings("unchecked")
  static <T extends Resource> Derived derive(T resource) {
    ResourceType<T> type = ResourceType.of(resource);
    String collection = type.collection();
    ImmutableList<Column> cols = COLUMNS.get(collection);
    @Nullable String[] values = new String[cols.size()];
    for (int i = 0; i < cols.size(); i++) {
      Column c = cols.get(i);
      if (!type.filterFieldNames().contains(c.field())) {
        continue; // a field dropped since the migration: its column stays NULL
      }
      ImmutableSet<String> v = type.filterField(c.field()).values(resource);
      if (v.size() > 1) {
        throw new IllegalStateException("filter field " + collection + "." + c.field()
            + " has several values; it needs a filter_values row per value, not a column");
      }
      String value = v.isEmpty() ? null : v.iterator().next();
      values[i] = c.emptyAsNull() && "".equals(value) ? null : value;
    }
    Set<Reference> refs = references(resource);
    List<Reference> refRows = new ArrayList<>(refs.size());
    for (Reference r : refs) {
      int i = columnIndex(cols, r.field());
      if (isRowReference(collection, r.field())) {
        continue; // its filter_values row stands for it
      }
      if (i < 0 || cols.get(i).target() == null) {
        refRows.add(r);
      } else if (!r.name().equals(values[i])) {
        throw new IllegalStateException("reference " + collection + "." + r.field() + " of " + resource.name()
            + " differs from its filter column; the in-use check reads the column");
      }
    }
    List<FilterValue> valueRows = new ArrayList<>(0);
    for (FilterField<?> f : ROW_FIELDS.get(collection)) {
      for (String v : ((FilterField<T>) f).values(resource)) {
        valueRows.add(new FilterValue(f.name(), v));
      }
    }
    return new Derived(resource, collection, values, refs, refRows, valueRows);
  }

  private static boolean isRowReference(String collection, String field) {
    for (RowReference r : ROW_REFERENCES) {
      if (r.covers(collection, field)) {
        return true;
      }
    }
    return false;
  }

  private static int columnIndex(List<Column> cols, String field) {
    for (int i = 0; i < cols.size(); i++) {
      if (cols.get(i).field().equals(field)) {
        return i;
      }
    }
    return -1;
  }

  /** The references of {@code resource}, each (field, name) once. */
  static <T extends Resource> Set<Reference> references(T resource) {
    return new LinkedHashSet<>(ResourceType.of(resource).references(resource));
  }

  /**
   * A fingerprint of the filter fields: when it changes (a filter field added or dropped), the
   * store rebuilds the index columns and tables at open. Which fields are columns is a matter of
   * the schema version (migrations), not of this fingerprint.
   */
  static String fingerprint() {
    StringBuilder s = new StringBuilder("indexes-v1");
    for (ResourceType<?> type : ResourceType.ALL) {
      s.append('|').append(type.collection());
      type.filterFieldNames().forEach(f -> s.append(',').append(f));
    }
    return Hashing.sha256().hashString(s, StandardCharsets.UTF_8).toString().substring(0, 16);
  }

  /** Each type's {@link FilterField}s that are not columns. */
  private static ImmutableMap<String, ImmutableList<FilterField<?>>> readRowFields() {
    ImmutableMap.Builder<String, ImmutableList<FilterField<?>>> out = ImmutableMap.builder();
    for (ResourceType<?> type : ResourceType.ALL) {
      ImmutableList.Builder<FilterField<?>> fields = ImmutableList.builder();
      for (String name : type.filterFieldNames()) {
        if (columnIndex(COLUMNS.get(type.collection()), name) < 0) {
          fields.add(type.filterField(name));
        }
      }
      out.put(type.collection(), fields.build());
    }
    return out.build();
  }
}
