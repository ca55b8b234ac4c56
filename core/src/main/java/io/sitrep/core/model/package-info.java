/**
 * Sitrep's domain model: sources and the reports they publish, actors and their relations,
 * events, and the claims reports make about events and propositions.
 *
 * <p>Every type is an immutable value, validated when built: a bad value throws
 * {@link io.sitrep.core.model.ValidationException} naming the field in the API's
 * {@code snake_case} spelling, so the gRPC edge can report it unchanged. References between
 * resources are resource names ({@code sources/{source}}, {@code actors/{actor}}, ...), checked
 * for form here and for existence by the store.
 */
@NullMarked
package io.sitrep.core.model;

import org.jspecify.annotations.NullMarked;
