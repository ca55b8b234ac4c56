/**
 * The Sitrep gRPC server: {@link io.sitrep.server.SitrepServer} wires the {@code sitrep.v1}
 * services, health and reflection onto a {@link io.grpc.ServerBuilder}; {@link
 * io.sitrep.server.Main} is the command line that runs it on a port; {@link
 * io.sitrep.server.StoreFactory} chooses the store.
 */
@NullMarked
package io.sitrep.server;

import org.jspecify.annotations.NullMarked;
