package io.sitrep.core.tension;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Daily tension between two actors (or two sides), from {@link #from()} for {@link #size()} days:
 * positive is conflict, negative cooperation, in Goldstein points of decayed interaction. Immutable.
 */
public final class TensionSeries {
  private final LocalDate from;
  private final double[] tension;
  private final double[] intensity;

  TensionSeries(LocalDate from, double[] tension, double[] intensity) {
    this.from = from;
    this.tension = tension;
    this.intensity = intensity;
  }

  public LocalDate from() {
    return from;
  }

  public LocalDate to() {
    return from.plusDays(tension.length - 1L);
  }

  public int size() {
    return tension.length;
  }

  /** The decayed tension on {@code day}. */
  public double tension(LocalDate day) {
    return tension[index(day)];
  }

  /** The day's own interactions, before decay: the sum of score × weight of what happened that day. */
  public double intensity(LocalDate day) {
    return intensity[index(day)];
  }

  /** A copy of the tension values, one per day from {@link #from()}. */
  public double[] values() {
    return tension.clone();
  }

  /** A copy of the daily intensities. */
  public double[] intensities() {
    return intensity.clone();
  }

  /** Turning points with {@link CusumOptions#DEFAULTS}. */
  public ImmutableList<TurningPoint> turningPoints() {
    return turningPoints(CusumOptions.DEFAULTS);
  }

  /**
   * Escalations and de-escalations by a two-sided CUSUM on the daily change of tension (Page, E. S.
   * 1954, "Continuous inspection schemes", Biometrika 41: 100–115; Montgomery, <i>Introduction to
   * Statistical Quality Control</i>, 6th ed., §9.1). With {@code Δ_t = T_t − T_{t−1}}:
   * {@code S⁺_t = max(0, S⁺_{t−1} + Δ_t − k)} and {@code S⁻_t = max(0, S⁻_{t−1} − Δ_t − k)}; an
   * escalation is signalled when {@code S⁺_t > h}, a de-escalation when {@code S⁻_t > h}, and both
   * sums restart after a signal. The target change is 0 (steady tension): {@code k} is the slack
   * per day that is ignored, {@code h} the decision interval.
   */
  public ImmutableList<TurningPoint> turningPoints(CusumOptions options) {
    List<TurningPoint> out = new ArrayList<>();
    double up = 0;
    double down = 0;
    int upStart = 0;
    int downStart = 0;
    for (int t = 1; t < tension.length; t++) {
      double delta = tension[t] - tension[t - 1];
      if (up == 0) {
        upStart = t;
      }
      if (down == 0) {
        downStart = t;
      }
      up = Math.max(0, up + delta - options.k());
      down = Math.max(0, down - delta - options.k());
      if (up > options.h()) {
        out.add(new TurningPoint(from.plusDays(t), from.plusDays(upStart), TurningPoint.Direction.ESCALATION, up,
            tension[t]));
        up = 0;
        down = 0;
      } else if (down > options.h()) {
        out.add(new TurningPoint(from.plusDays(t), from.plusDays(downStart), TurningPoint.Direction.DE_ESCALATION,
            down, tension[t]));
        up = 0;
        down = 0;
      }
    }
    return ImmutableList.copyOf(out);
  }

  private int index(LocalDate day) {
    long i = day.toEpochDay() - from.toEpochDay();
    checkArgument(i >= 0 && i < tension.length, "%s is outside %s..%s", day, from, to());
    return (int) i;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensionSeries s && from.equals(s.from) && Arrays.equals(tension, s.tension)
        && Arrays.equals(intensity, s.intensity);
  }

  @Override
  public int hashCode() {
    return from.hashCode() * 31 + Arrays.hashCode(tension);
  }

  @Override
  public String toString() {
    return "TensionSeries" + from + Arrays.toString(tension);
  }

  /**
   * The CUSUM's parameters, in Goldstein points: {@code k} the daily change ignored as noise,
   * {@code h} the cumulative change that signals a turn. Defaults k = 1, h = 5: one strong threat
   * (-6.2) or a withdrawal (+8) in a day is a turn; a trickle of statements is not.
   */
  public record CusumOptions(double k, double h) {
    public static final CusumOptions DEFAULTS = new CusumOptions(1, 5);

    public CusumOptions {
      checkArgument(k >= 0 && h > 0, "need k >= 0 and h > 0");
    }
  }
}
