package io.sitrep.core.truth;

/**
 * The similarity of every pair of candidates of the same item, computed once per run and laid
 * out per value (CSR): the neighbours of {@code v} are {@code other[start[v] .. start[v+1])}
 * with similarity {@code sim[...]}. Items with more than {@link #MAX_VALUES_PER_ITEM}
 * candidates are skipped (their pairs would cost more than the rest of the run).
 */
final class SimilarityTable {
  static final int MAX_VALUES_PER_ITEM = 1000;

  final int[] start;
  final int[] other;
  final double[] sim;

  private SimilarityTable(int[] start, int[] other, double[] sim) {
    this.start = start;
    this.other = other;
    this.sim = sim;
  }

  /**
   * Pairs whose similarity is at least {@code minSimilarity}; pass 0 to keep every pair (the
   * TruthFinder implication needs dissimilar pairs too).
   */
  static SimilarityTable build(ClaimMatrix m, ValueSimilarity similarity, double minSimilarity) {
    return build(m, similarity, minSimilarity, new Iterations(TruthOptions.defaults()));
  }

  /** As above, polling {@code it} for cancellation as it goes. */
  static SimilarityTable build(
      ClaimMatrix m, ValueSimilarity similarity, double minSimilarity, Iterations it) {
    int[] itemValueStart = m.itemValueStartArray();
    int numValues = m.numValues();
    int[] start = new int[numValues + 1];
    IntList others = new IntList();
    DoubleList sims = new DoubleList();
    String[] names = new String[0];
    ValueSimilarity.Automatic automatic =
        similarity instanceof ValueSimilarity.Automatic a ? a : null;
    ValueSimilarity.Automatic.Prepared[] prepared = new ValueSimilarity.Automatic.Prepared[0];
    for (int i = 0; i < m.numItems(); i++) {
      int from = itemValueStart[i];
      int to = itemValueStart[i + 1];
      int k = to - from;
      it.work((long) k * k + 1);
      if (k < 2 || k > MAX_VALUES_PER_ITEM) {
        for (int v = from; v < to; v++) {
          start[v + 1] = others.size;
        }
        continue;
      }
      if (names.length < k) {
        names = new String[k];
      }
      for (int v = from; v < to; v++) {
        names[v - from] = m.valueName(v);
      }
      if (automatic != null) {
        // Parse each candidate once, not once per pair it is in.
        if (prepared.length < k) {
          prepared = new ValueSimilarity.Automatic.Prepared[k];
        }
        for (int v = 0; v < k; v++) {
          prepared[v] = automatic.prepare(names[v]);
        }
      }
      for (int v = from; v < to; v++) {
        for (int w = from; w < to; w++) {
          if (w != v) {
            double s =
                automatic != null
                    ? automatic.similarity(prepared[w - from], prepared[v - from])
                    : similarity.similarity(names[w - from], names[v - from]);
            if (minSimilarity <= 0 || s >= minSimilarity) {
              others.add(w);
              sims.add(s);
            }
          }
        }
        start[v + 1] = others.size;
      }
    }
    return new SimilarityTable(start, others.toArray(), sims.toArray());
  }

  /** A growable int array. */
  static final class IntList {
    int[] data = new int[16];
    int size;

    void add(int x) {
      if (size == data.length) {
        data = java.util.Arrays.copyOf(data, size * 2);
      }
      data[size++] = x;
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(data, size);
    }
  }

  /** A growable double array. */
  static final class DoubleList {
    double[] data = new double[16];
    int size;

    void add(double x) {
      if (size == data.length) {
        data = java.util.Arrays.copyOf(data, size * 2);
      }
      data[size++] = x;
    }

    double[] toArray() {
      return java.util.Arrays.copyOf(data, size);
    }
  }
}
