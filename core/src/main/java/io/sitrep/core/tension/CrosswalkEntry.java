package io.sitrep.core.tension;

import io.sitrep.core.model.EventType;

/**
 * One CAMEO event code with its Goldstein value and its PLOVER category, as the official tables
 * give them.
 *
 * @param cameoCode the CAMEO code, leading zeros kept ({@code 0841})
 * @param description CAMEO's description ("Return, release person(s)")
 * @param goldstein the code's value on the Goldstein scale, -10 (most conflictual) to +10
 * @param type the PLOVER root category the code converts to (or STATEMENT for CAMEO 01)
 * @param mode the PLOVER mode ({@code release}, {@code arrest}, ...), empty if none
 * @param context the PLOVER context ({@code legal}, {@code military}, ...), empty if none
 */
public record CrosswalkEntry(String cameoCode, String description, double goldstein, EventType type, String mode,
    String context) {}
