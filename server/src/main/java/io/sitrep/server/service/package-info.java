/**
 * The gRPC services of {@code sitrep.v1}: thin adapters that validate the request, translate it
 * to core through {@link io.sitrep.server.mapping}, make one call on the
 * {@link io.sitrep.core.store.SitrepStore}, and map core's exceptions to AIP-193 statuses
 * ({@link io.sitrep.server.service.Errors}). Anything unexpected becomes INTERNAL with a generic
 * message; the stack trace stays in the server's log ({@link
 * io.sitrep.server.service.UnexpectedErrorInterceptor}).
 */
@NullMarked
package io.sitrep.server.service;

import org.jspecify.annotations.NullMarked;
