package io.sitrep.core.tension;

import io.sitrep.core.model.EventType;

/**
 * How an ACLED event type and sub-event type read in Sitrep: the PLOVER category and mode, the CAMEO
 * code whose Goldstein value scores it (empty when no interaction is coded, scored 0) and why.
 */
public record AcledMapping(String eventType, String subEventType, EventType type, String mode, String cameoCode,
    double goldstein, String reasoning) {}
