package io.sitrep.core.tension;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * How tension is computed.
 *
 * @param halfLifeDays after how many days an interaction weighs half as much: 7 by default, so a
 *     threat still counts a quarter two weeks on and under a tenth after a month, which matches
 *     how long Iraqi faction crises such as the seed's stay live in reporting
 * @param zone the time zone whose calendar days bucket the series
 */
public record TensionOptions(double halfLifeDays, ZoneId zone) {
  public static final TensionOptions DEFAULTS = new TensionOptions(7, ZoneOffset.UTC);

  public TensionOptions {
    checkArgument(halfLifeDays > 0, "halfLifeDays must be positive");
    checkNotNull(zone, "zone");
  }

  public TensionOptions withZone(ZoneId z) {
    return new TensionOptions(halfLifeDays, z);
  }

  public TensionOptions withHalfLifeDays(double days) {
    return new TensionOptions(days, zone);
  }

  /** The daily decay factor {@code λ = 2^(-1 / halfLife)}. */
  public double lambda() {
    return Math.pow(2, -1 / halfLifeDays);
  }
}
