package io.sitrep.core.truth;

import java.util.Arrays;

/**
 * How much two candidate values of the same item support each other, in [0, 1]: 1 for the same
 * statement, 0 for unrelated ones. Used by {@link TruthFinder}'s implication term and by
 * AccuSim's and the default's similarity term.
 */
@FunctionalInterface
public interface ValueSimilarity {

  double similarity(String a, String b);

  /** No similarity: every pair of distinct values is unrelated. */
  static ValueSimilarity none() {
    return (a, b) -> a.equals(b) ? 1 : 0;
  }

  /**
   * Jaccard similarity of whitespace-separated token sets: {@code |A ∩ B| / |A ∪ B|}. For
   * author lists "donald e knuth" and "donald knuth" it is 2/3.
   */
  static ValueSimilarity tokenJaccard() {
    return (a, b) -> {
      String[] x = tokens(a);
      String[] y = tokens(b);
      if (x.length == 0 && y.length == 0) {
        return 1;
      }
      int common = common(x, y);
      return (double) common / (x.length + y.length - common);
    };
  }

  /**
   * How much a claim of {@code a} supports {@code b}: the share of {@code a}'s distinct
   * whitespace-separated tokens that {@code b} also contains, {@code |A ∩ B| / |A|}. It is the
   * precision of {@code a} were {@code b} true. Asymmetric by design: a truncated author list
   * ("widom jennifer") is entirely consistent with the full one ("ceri jennifer stefano widom")
   * and supports it fully, while the full list supports the truncated one only in part, since
   * it asserts authors the truncated one leaves out.
   */
  static ValueSimilarity tokenContainment() {
    return (a, b) -> containment(tokens(a), tokens(b));
  }

  /**
   * Closeness of two numbers: {@code max(0, 1 - |a - b| / (tolerance * max(|a|, |b|)))}, so 1
   * for equal numbers falling linearly to 0 at a relative difference of {@code tolerance}.
   * Strings that are not numbers fall back to exact equality.
   */
  static ValueSimilarity numericCloseness(double tolerance) {
    return (a, b) -> {
      double x = parse(a);
      double y = parse(b);
      if (Double.isNaN(x) || Double.isNaN(y)) {
        return a.equals(b) ? 1 : 0;
      }
      double scale = tolerance * Math.max(Math.abs(x), Math.abs(y));
      if (scale == 0) {
        return x == y ? 1 : 0;
      }
      return Math.max(0, 1 - Math.abs(x - y) / scale);
    };
  }

  /**
   * What the default configuration uses, needing no per-data-set choice: {@link
   * #numericCloseness} with a 1% tolerance when both values are numbers, else {@link
   * #tokenContainment}. The first argument is the supporting value, the second the supported.
   */
  static ValueSimilarity automatic() {
    return Automatic.INSTANCE;
  }

  /**
   * {@link #automatic()}, with a prepared form (number and tokens parsed once per value) for
   * {@link SimilarityTable}, which compares every candidate of an item with every other.
   */
  final class Automatic implements ValueSimilarity {
    static final Automatic INSTANCE = new Automatic();
    private static final double TOLERANCE = 0.01;

    private Automatic() {}

    /** A value parsed once. */
    record Prepared(String text, double number, String[] tokens) {}

    Prepared prepare(String value) {
      double x = parse(value);
      return new Prepared(value, x, Double.isNaN(x) ? tokens(value) : null);
    }

    double similarity(Prepared a, Prepared b) {
      if (!Double.isNaN(a.number) && !Double.isNaN(b.number)) {
        double scale = TOLERANCE * Math.max(Math.abs(a.number), Math.abs(b.number));
        if (scale == 0) {
          return a.number == b.number ? 1 : 0;
        }
        return Math.max(0, 1 - Math.abs(a.number - b.number) / scale);
      }
      return containment(
          a.tokens != null ? a.tokens : tokens(a.text),
          b.tokens != null ? b.tokens : tokens(b.text));
    }

    @Override
    public double similarity(String a, String b) {
      return similarity(prepare(a), prepare(b));
    }
  }

  /** {@link #tokenContainment()} on sorted distinct tokens. */
  private static double containment(String[] x, String[] y) {
    if (x.length == 0) {
      return y.length == 0 ? 1 : 0;
    }
    return (double) common(x, y) / x.length;
  }

  /** How many tokens two sorted arrays of distinct tokens share: one merge pass. */
  private static int common(String[] x, String[] y) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < x.length && j < y.length) {
      int cmp = x[i].compareTo(y[j]);
      if (cmp == 0) {
        common++;
        i++;
        j++;
      } else if (cmp < 0) {
        i++;
      } else {
        j++;
      }
    }
    return common;
  }

  /** Distinct whitespace-separated tokens, sorted; written out by hand, it is on a hot path. */
  private static String[] tokens(String s) {
    int n = s.length();
    String[] out = new String[4];
    int count = 0;
    int k = 0;
    while (k < n) {
      while (k < n && Character.isWhitespace(s.charAt(k))) {
        k++;
      }
      int from = k;
      while (k < n && !Character.isWhitespace(s.charAt(k))) {
        k++;
      }
      if (k > from) {
        if (count == out.length) {
          out = Arrays.copyOf(out, count * 2);
        }
        out[count++] = s.substring(from, k);
      }
    }
    if (count == 0) {
      return new String[0];
    }
    Arrays.sort(out, 0, count);
    int distinct = 1;
    for (int i = 1; i < count; i++) {
      if (!out[i].equals(out[distinct - 1])) {
        out[distinct++] = out[i];
      }
    }
    return Arrays.copyOf(out, distinct);
  }

  private static double parse(String s) {
    String t = s.trim();
    if (t.isEmpty() || t.length() > 40) {
      return Double.NaN;
    }
    char c0 = t.charAt(0);
    if (!(Character.isDigit(c0) || c0 == '-' || c0 == '+' || c0 == '.')) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
