/**
 * Durable {@link io.sitrep.core.store.SitrepStore}s over JDBC: SQLite by default (a file in a
 * data directory, for one process), PostgreSQL for shared deployments. Both run one schema,
 * managed by the Flyway migrations in {@code io/sitrep/core/store/jdbc/migration}, and pass the
 * same contract tests as {@link io.sitrep.core.store.InMemoryStore}. Open one with
 * {@link io.sitrep.core.store.jdbc.JdbcStores}.
 *
 * <p>Schema: a table per collection holds the current rows (name, revision, etag, create and
 * update time, payload); {@code versions} keeps every revision with its change and the instant it
 * became known (a delete leaves a payload-less tombstone); {@code refs} and {@code filter_values}
 * index references and filterable fields so that in-use checks and filtered listings never scan a
 * collection; {@code requests} remembers request ids for idempotent retries; {@code store_meta}
 * holds the last revision and is locked by every write, serialising writers. Payloads are the
 * compact binary encoding of {@code ResourceCodec}.
 *
 * <p>Durability on SQLite: WAL journal with {@code synchronous=NORMAL}. A commit has reached the
 * operating system (the WAL file) before it is acknowledged, so a killed process loses no
 * acknowledged write and the next open rolls back any unfinished transaction; a power loss or
 * kernel crash may lose the last transactions (never corrupt the file). Open with
 * {@link io.sitrep.core.store.jdbc.JdbcStores.Sync#FULL} to survive power loss too, at a cost in
 * throughput.
 */
@NullMarked
package io.sitrep.core.store.jdbc;

import org.jspecify.annotations.NullMarked;
