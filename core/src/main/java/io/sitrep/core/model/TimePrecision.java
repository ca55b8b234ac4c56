package io.sitrep.core.model;

/**
 * How finely a time is known. Every time in Sitrep is an interval that surely contains the
 * moment; the precision records how the analyst came by it.
 */
public enum TimePrecision {
  INSTANT,
  HOUR,
  DAY,
  RANGE,
  MONTH,
  YEAR
}
