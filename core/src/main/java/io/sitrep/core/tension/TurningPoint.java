package io.sitrep.core.tension;

import java.time.LocalDate;

/**
 * A day on which a tension series is found to have turned.
 *
 * @param date the day the change is detected (the CUSUM crosses its threshold)
 * @param onset the first day of the run that led to it (the CUSUM last left zero)
 * @param direction escalation or de-escalation
 * @param cusum the cumulative sum at detection, in Goldstein points
 * @param tension the series' value on {@code date}
 */
public record TurningPoint(LocalDate date, LocalDate onset, Direction direction, double cusum, double tension) {
  /** Which way tension turned. */
  public enum Direction {
    ESCALATION,
    DE_ESCALATION
  }
}
