/**
 * What operators need to run the server in the open: limits on what one call or one caller may
 * ask ({@link io.sitrep.server.ops.ServerLimits}, {@link io.sitrep.server.ops.RequestLimits},
 * {@link io.sitrep.server.ops.RateLimiter}), a graceful drain on shutdown ({@link
 * io.sitrep.server.ops.Draining}), one access-log line per call ({@link
 * io.sitrep.server.ops.AccessLog}) and Prometheus metrics ({@link io.sitrep.server.ops.Metrics},
 * {@link io.sitrep.server.ops.MetricsEndpoint}). {@link io.sitrep.server.ops.Ops} puts them
 * together for {@link io.sitrep.server.SitrepServer}.
 */
@NullMarked
package io.sitrep.server.ops;

import org.jspecify.annotations.NullMarked;
