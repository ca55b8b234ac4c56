/**
 * A durable {@link io.sitrep.core.ach.AchStore} over SQLite or PostgreSQL:
 * {@link io.sitrep.core.ach.jdbc.JdbcAchStore}, opened by {@link io.sitrep.core.ach.jdbc.JdbcAchStores}
 * with its own Flyway migrations ({@code classpath:io/sitrep/core/ach/jdbc/migration}, history in
 * {@code flyway_ach_history}), keeping every version of every matrix.
 */
@NullMarked
package io.sitrep.core.ach.jdbc;

import org.jspecify.annotations.NullMarked;
