package io.sitrep.core.actors;

/**
 * The Jaro–Winkler similarity (Winkler, "String Comparator Metrics and Enhanced Decision Rules in
 * the Fellegi-Sunter Model of Record Linkage", 1990) exactly as Apache Commons Text's
 * {@code JaroWinklerSimilarity} computes it, on char arrays and without allocating: matches within
 * a window of {@code max(|s1|, |s2|) / 2 - 1}, {@code t} half the matched characters out of order,
 * Jaro {@code j = (m/|s1| + m/|s2| + (m - t)/m) / 3}, and when {@code j >= 0.7} the Winkler bonus
 * {@code p * l * (1 - j)} with {@code p = 0.1} and {@code l} the common prefix, at most 4. The
 * tests check it against Commons Text.
 */
final class JaroWinkler {
  private static final int MAX_LENGTH = 64;
  private static final ThreadLocal<int[]> MATCH_INDEXES = ThreadLocal.withInitial(() -> new int[MAX_LENGTH]);
  private static final ThreadLocal<boolean[]> MATCH_FLAGS = ThreadLocal.withInitial(() -> new boolean[MAX_LENGTH]);

  private JaroWinkler() {}

  static double similarity(char[] left, char[] right) {
    if (java.util.Arrays.equals(left, right)) {
      return 1;
    }
    char[] max;
    char[] min;
    if (left.length > right.length) {
      max = left;
      min = right;
    } else {
      max = right;
      min = left;
    }
    int[] matchIndexes = min.length <= MAX_LENGTH ? MATCH_INDEXES.get() : new int[min.length];
    boolean[] matchFlags = max.length <= MAX_LENGTH ? MATCH_FLAGS.get() : new boolean[max.length];
    java.util.Arrays.fill(matchIndexes, 0, min.length, -1);
    java.util.Arrays.fill(matchFlags, 0, max.length, false);
    int range = Math.max(max.length / 2 - 1, 0);
    int matches = 0;
    for (int mi = 0; mi < min.length; mi++) {
      char c1 = min[mi];
      for (int xi = Math.max(mi - range, 0), xn = Math.min(mi + range + 1, max.length); xi < xn; xi++) {
        if (!matchFlags[xi] && c1 == max[xi]) {
          matchIndexes[mi] = xi;
          matchFlags[xi] = true;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0;
    }
    // Half-transpositions: the matched characters of min, in order, against those of max.
    int halfTranspositions = 0;
    int xi = 0;
    for (int mi = 0; mi < min.length; mi++) {
      if (matchIndexes[mi] != -1) {
        while (!matchFlags[xi]) {
          xi++;
        }
        if (min[mi] != max[xi]) {
          halfTranspositions++;
        }
        xi++;
      }
    }
    int prefix = 0;
    for (int i = 0; i < Math.min(4, min.length); i++) {
      if (left[i] == right[i]) {
        prefix++;
      } else {
        break;
      }
    }
    double m = matches;
    double j = (m / left.length + m / right.length + (m - (double) halfTranspositions / 2) / m) / 3;
    return j < 0.7 ? j : j + 0.1 * prefix * (1 - j);
  }
}
