/**
 * Who may call the server: API keys (salted hashes), roles, the {@link
 * io.sitrep.server.auth.Principal} of each call.
 */
@NullMarked
package io.sitrep.server.auth;

import org.jspecify.annotations.NullMarked;
