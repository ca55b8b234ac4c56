/**
 * The timeline analysis: events in time order with honest handling of imprecise times. Each
 * event's time is an interval that surely contains it; two events are ordered only when one
 * interval ends before the other begins, and the timeline says which orderings are certain.
 */
@NullMarked
package io.sitrep.core.timeline;

import org.jspecify.annotations.NullMarked;
