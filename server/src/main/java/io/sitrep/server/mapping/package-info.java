/**
 * Translation between the {@code sitrep.v1} API messages and core's model, field for field.
 *
 * <p>Each resource has a mapper with a {@code toCore} and a {@code toProto} direction; a message
 * mapped to core and back equals the original. Mapping to core validates: every offending field
 * is reported at once in one {@link io.sitrep.core.model.ValidationException}, with paths in the
 * API's {@code snake_case} spelling relative to the message mapped ({@code time.start_time},
 * {@code participants[2].role}), so the service layer only prefixes the request field.
 *
 * <p>Conventions: an {@code _UNSPECIFIED} enum value is core's {@code null} (absent); an unset
 * message field is {@code null}; an unknown count bound is an unset {@code optional}.
 */
@NullMarked
package io.sitrep.server.mapping;

import org.jspecify.annotations.NullMarked;
