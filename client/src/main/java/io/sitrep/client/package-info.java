/**
 * A typed Java client for Sitrep: {@link io.sitrep.client.SitrepClient} wraps the generated
 * {@code sitrep.v1} stubs with a default deadline, paging hidden behind lists and streams, and
 * bulk ingest; {@link io.sitrep.client.SitrepTestServer} starts a real in-process Sitrep server
 * for other services' tests.
 */
@NullMarked
package io.sitrep.client;

import org.jspecify.annotations.NullMarked;
