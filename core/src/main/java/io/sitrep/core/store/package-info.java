/**
 * Where the model lives: the {@link io.sitrep.core.store.SitrepStore} interface, its value types
 * (pages, filters, stored versions) and the thread-safe {@link
 * io.sitrep.core.store.InMemoryStore}. Durable implementations (SQLite, PostgreSQL) implement the
 * same interface and pass the same contract tests.
 *
 * <p>Contract, for every implementation: names are unique per collection; references must
 * resolve when written; a batch is stored all or nothing; a write carrying a request id already
 * seen is answered with the first result and stores nothing; an update or delete carrying a stale
 * etag changes nothing; every change keeps the prior version, so reads can ask what was known at
 * an earlier instant; a refused write leaves the store as it was.
 */
@NullMarked
package io.sitrep.core.store;

import org.jspecify.annotations.NullMarked;
