package io.sitrep.core.store.jdbc;

import java.util.Map;

/** What differs between the engines: the migration placeholders and a locking clause. */
enum Dialect {
  SQLITE(Map.of("name_type", "TEXT", "bytes_type", "BLOB", "table_options", "WITHOUT ROWID"), ""),
  POSTGRESQL(Map.of("name_type", "TEXT COLLATE \"C\"", "bytes_type", "BYTEA", "table_options", ""), " FOR UPDATE");

  private final Map<String, String> placeholders;
  private final String forUpdate;

  Dialect(Map<String, String> placeholders, String forUpdate) {
    this.placeholders = placeholders;
    this.forUpdate = forUpdate;
  }

  Map<String, String> placeholders() {
    return placeholders;
  }

  /** Appended to the select of the revision row; SQLite needs none (BEGIN IMMEDIATE locks). */
  String forUpdate() {
    return forUpdate;
  }
}
