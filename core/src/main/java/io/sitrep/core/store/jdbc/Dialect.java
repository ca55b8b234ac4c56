package io.sitrep.core.store.jdbc;

import java.sql.SQLException;
import java.util.Map;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

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

  /**
   * Whether {@code e} is a primary key or unique constraint refusing a row: SQLite's
   * SQLITE_CONSTRAINT (the only constraints of the schema a create can break are its keys), PostgreSQL's SQLSTATE 23505 unique_violation.
   */
  boolean isUniqueViolation(SQLException e) {
    if (this == POSTGRESQL) {
      return "23505".equals(e.getSQLState());
    }
    // The driver keeps the primary result code (an extended one's low byte) as the error code.
    return e instanceof SQLiteException s && (s.getErrorCode() & 0xff) == SQLiteErrorCode.SQLITE_CONSTRAINT.code;
  }

  /** Appended to the select of the revision row; SQLite needs none (BEGIN IMMEDIATE locks). */
  String forUpdate() {
    return forUpdate;
  }
}
