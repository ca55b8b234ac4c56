package io.sitrep.core.truth;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.OptionalDouble;

/**
 * The NATO Admiralty (STANAG 2511) scale, linked to truth-discovery numbers both ways: the
 * analyst's source grade becomes a reliability prior, and an algorithm's source trust and value
 * belief become grades again.
 *
 * <h2>Thresholds</h2>
 *
 * <p>Source reliability from trust {@code t} (an estimated probability that the source's claims
 * are true), for a source with at least {@value #MIN_CLAIMS_TO_JUDGE} claims:
 *
 * <pre>
 *   A completely reliable   t >= 0.90      prior 0.95
 *   B usually reliable      t >= 0.80      prior 0.85
 *   C fairly reliable       t >= 0.65      prior 0.70
 *   D not usually reliable  t >= 0.45      prior 0.50
 *   E unreliable            t <  0.45      prior 0.30
 *   F cannot be judged      fewer claims   no prior
 * </pre>
 *
 * Each prior is inside its own band, so an unchanged prior maps back to the same grade.
 *
 * <p>Information credibility from belief {@code p} that a value is true and the number of
 * sources {@code k} asserting it:
 *
 * <pre>
 *   1 confirmed        p >= 0.95 and k >= 2
 *   2 probably true    p >= 0.80
 *   3 possibly true    p >= 0.50
 *   4 doubtful         p >= 0.20
 *   5 improbable       p <  0.20
 *   6 cannot be judged no source asserts it, or p is not a number
 * </pre>
 *
 * <p>The thresholds read trust and belief as probabilities, which they are for {@link Accu},
 * {@link AccuCopy}, {@link TruthFinder} and the default. Sums, AverageLog and the Investment
 * family report scores scaled to a maximum of 1, for which the grades are only a ranking.
 */
public final class AdmiraltyGrades {
  /** Fewer claims than this and a source's reliability cannot be judged (grade F). */
  public static final int MIN_CLAIMS_TO_JUDGE = 3;

  private AdmiraltyGrades() {}

  /** Source reliability, A (completely reliable) to F (cannot be judged). */
  public enum SourceGrade {
    A(0.95),
    B(0.85),
    C(0.70),
    D(0.50),
    E(0.30),
    F(Double.NaN);

    private final double prior;

    SourceGrade(double prior) {
      this.prior = prior;
    }

    /** The reliability prior this grade stands for; empty for F. */
    public OptionalDouble prior() {
      return Double.isNaN(prior) ? OptionalDouble.empty() : OptionalDouble.of(prior);
    }

    /** Parses a grade letter, case-insensitively. */
    public static SourceGrade ofLetter(String letter) {
      checkArgument(letter.trim().length() == 1, "not a grade letter: %s", letter);
      return valueOf(letter.trim().toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** Grades a source from its trust and the number of claims behind it. */
  public static SourceGrade sourceGrade(double trust, int claims) {
    if (claims < MIN_CLAIMS_TO_JUDGE || Double.isNaN(trust)) {
      return SourceGrade.F;
    }
    if (trust >= 0.90) {
      return SourceGrade.A;
    }
    if (trust >= 0.80) {
      return SourceGrade.B;
    }
    if (trust >= 0.65) {
      return SourceGrade.C;
    }
    if (trust >= 0.45) {
      return SourceGrade.D;
    }
    return SourceGrade.E;
  }

  /** Information credibility, 1 (confirmed) to 6 (cannot be judged). */
  public static int credibility(double belief, int supportingSources) {
    if (supportingSources == 0 || Double.isNaN(belief)) {
      return 6;
    }
    if (belief >= 0.95 && supportingSources >= 2) {
      return 1;
    }
    if (belief >= 0.80) {
      return 2;
    }
    if (belief >= 0.50) {
      return 3;
    }
    if (belief >= 0.20) {
      return 4;
    }
    return 5;
  }
}
