/**
 * Durable {@link io.sitrep.core.store.SitrepStore}s over JDBC: SQLite by default (a file in a
 * data directory, for one process), PostgreSQL for shared deployments. Both run one schema,
 * managed by the Flyway migrations in {@code io/sitrep/core/store/jdbc/migration}, and pass the
 * same contract tests as {@link io.sitrep.core.store.InMemoryStore}. Open one with
 * {@link io.sitrep.core.store.jdbc.JdbcStores}.
 *
 * <p>Schema (V2, V4, V5, V6, V7): a table per collection holds the current version of each live resource (name,
 * revision, etag, change, create and update time, payload) and its single-valued filter fields as
 * indexed columns {@code f_<field>}; {@code versions} keeps the superseded versions and the
 * tombstones of deletes, so each payload is stored once and a history is {@code versions} plus the
 * current row. {@code filter_values} indexes the multi-valued filter fields and {@code refs} the
 * references not held in a column ({@code claims.report}, {@code claims.event} and
 * {@code reports.source} are columns) or in a {@code filter_values} row (an event's participants
 * and a source's affiliations, since V5), so that in-use checks and filtered listings never scan a
 * collection (a listing filtered on several columns reads the most selective one's index; one on
 * a claim's stance alone, unindexed since V6, walks the names from its page token); {@code requests} remembers request ids for idempotent retries; {@code store_meta}
 * holds the last revision and is locked by every write, serialising writers. Payloads are the
 * compact binary encoding of {@code ResourceCodec}. On SQLite the tables are WITHOUT ROWID (one
 * B-tree per table) except {@code events} since V7: an event's payload (~1 KB from GDELT) is
 * more than such a table keeps on a 4 KiB page, and half of them spilled into an overflow page
 * each; in a rowid table they stay whole, beside a unique index of the names.
 *
 * <p>Write cost on SQLite is dominated by the index pages each commit dirties: a created claim is
 * one row plus an index entry per indexed filter column with a value (four at most: V6 dropped
 * the index of the claims' stance, a handful of values; since V4 the indexes
 * of columns that are often empty are partial, {@code WHERE f_x IS NOT NULL}, so a claim about an
 * event writes no subject or attribute entry and one about a proposition no event entry), and an
 * index on a widely spread value (subjects, reports) touches about one leaf page per claim of the
 * batch. A batch does not look its own names up first: the primary keys refuse a taken one, and
 * a checked retry then reports the first bad item. Rows go in by multi-row INSERTs on the
 * writer's cached prepared statements. What needs no store (each row's payload and index values,
 * the names a batch refers to) is worked out before the writer's turn, by
 * {@link io.sitrep.core.store.SitrepStore#prepare} on the caller's thread (the Ingest service's
 * gRPC thread, while the writer stores the batch before). No version stores its etag (an
 * empty etag column; rows written before V6 spell it out): it is {@code Etags.of(name,
 * revision)}, worked out when read.
 *
 * <p>A new SQLite database has 8 KiB pages (an existing one keeps its own): each page a commit
 * dirties is a WAL frame written by two write calls, and bigger pages let more of a batch's
 * scattered index entries (by source, by participant) share one.
 *
 * <p>Durability on SQLite: WAL journal with {@code synchronous=NORMAL}. A commit has reached the
 * operating system (the WAL file) before it is acknowledged, so a killed process loses no
 * acknowledged write and the next open rolls back any unfinished transaction; a power loss or
 * kernel crash may lose the last transactions (never corrupt the file). The WAL is copied back
 * into the database file by a thread of its own ({@code WalCheckpointer}), not by the writer
 * after a commit. The memory map
 * ({@code mmap_size}) only serves reads; every write still goes through the WAL. Open with
 * {@link io.sitrep.core.store.jdbc.JdbcStores.Sync#FULL} to survive power loss too, at a cost in
 * throughput.
 */
@NullMarked
package io.sitrep.core.store.jdbc;

import org.jspecify.annotations.NullMarked;
