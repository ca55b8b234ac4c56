package io.sitrep.core.truth;

import java.util.Arrays;

/**
 * The sparse source pairs {@link Accu}'s copy detection looks at, built once per run.
 *
 * <p>Only pairs that give the <i>same value</i> for at least one shared item are listed: a pair
 * that only disagrees has no evidence of copying (its likelihood ratio favours independence)
 * and would not change any vote. For each listed pair {@code p = (a, b)}, {@code a < b}:
 * {@code different[p]} counts the shared items where they disagree (a constant), and the
 * incidences {@code [start[p], start[p + 1])} name the claim of {@code a} ({@code claimA}) and
 * of {@code b} ({@code claimB}) for each item on which they agree.
 *
 * <p>Building costs {@code sum over items of n_i^2} for {@code n_i} claims on item {@code i}
 * with two scratch arrays of one int per source, and memory of two ints per agreeing pair of
 * claims ({@code sum over values of C(|S(v)|, 2)}), sized exactly before filling.
 */
public final class CopyIndex {
  final int numPairs;
  final int[] pairA;
  final int[] pairB;
  final int[] different;
  final int[] start;
  final int[] claimA;
  final int[] claimB;

  private CopyIndex(
      int numPairs,
      int[] pairA,
      int[] pairB,
      int[] different,
      int[] start,
      int[] claimA,
      int[] claimB) {
    this.numPairs = numPairs;
    this.pairA = pairA;
    this.pairB = pairB;
    this.different = different;
    this.start = start;
    this.claimA = claimA;
    this.claimB = claimB;
  }

  /** Source pairs that agree on at least one item. */
  public int pairs() {
    return numPairs;
  }

  /** Agreeing claim pairs, summed over source pairs. */
  public int agreements() {
    return claimA.length;
  }

  static CopyIndex build(ClaimMatrix m) {
    int[] claimSource = m.claimSourceArray();
    int[] claimValue = m.claimValueArray();
    int[] valueItem = m.valueItemArray();
    int[] itemValueStart = m.itemValueStartArray();
    int[] valueClaimStart = m.valueClaimStartArray();
    int[] sourceClaimStart = m.sourceClaimStartArray();
    int[] sourceClaimValue = m.sourceClaimValueArray();
    int[] sourceClaimId = m.sourceClaimIdArray();
    int numSources = m.numSources();
    long total = 0;
    for (int v = 0; v < m.numValues(); v++) {
      long k = valueClaimStart[v + 1] - valueClaimStart[v];
      total += k * (k - 1) / 2;
    }
    if (total > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException(
          "too many agreeing claim pairs for copy detection: " + total);
    }
    int[] claimA = new int[(int) total];
    int[] claimB = new int[(int) total];
    int[] shared = new int[numSources];
    int[] same = new int[numSources];
    int[] slot = new int[numSources];
    int[] touched = new int[numSources];
    int capacity = 1024;
    int[] pairA = new int[capacity];
    int[] pairB = new int[capacity];
    int[] different = new int[capacity];
    int[] start = new int[capacity + 1];
    int numPairs = 0;
    int cursor = 0;
    for (int a = 0; a < numSources; a++) {
      int touchedCount = 0;
      int from = sourceClaimStart[a];
      int to = sourceClaimStart[a + 1];
      for (int k = from; k < to; k++) {
        int value = sourceClaimValue[k];
        int item = valueItem[value];
        int cTo = valueClaimStart[itemValueStart[item + 1]];
        for (int c = valueClaimStart[itemValueStart[item]]; c < cTo; c++) {
          int b = claimSource[c];
          if (b > a) {
            if (shared[b]++ == 0) {
              touched[touchedCount++] = b;
            }
            if (claimValue[c] == value) {
              same[b]++;
            }
          }
        }
      }
      for (int t = 0; t < touchedCount; t++) {
        int b = touched[t];
        if (same[b] > 0) {
          if (numPairs == capacity) {
            capacity *= 2;
            pairA = Arrays.copyOf(pairA, capacity);
            pairB = Arrays.copyOf(pairB, capacity);
            different = Arrays.copyOf(different, capacity);
            start = Arrays.copyOf(start, capacity + 1);
          }
          pairA[numPairs] = a;
          pairB[numPairs] = b;
          different[numPairs] = shared[b] - same[b];
          start[numPairs] = cursor;
          numPairs++;
          slot[b] = cursor;
          cursor += same[b];
        }
      }
      for (int k = from; k < to; k++) {
        int value = sourceClaimValue[k];
        int c1 = sourceClaimId[k];
        for (int c = valueClaimStart[value]; c < valueClaimStart[value + 1]; c++) {
          int b = claimSource[c];
          if (b > a) {
            int at = slot[b]++;
            claimA[at] = c1;
            claimB[at] = c;
          }
        }
      }
      for (int t = 0; t < touchedCount; t++) {
        int b = touched[t];
        shared[b] = 0;
        same[b] = 0;
      }
    }
    start[numPairs] = cursor;
    return new CopyIndex(
        numPairs,
        Arrays.copyOf(pairA, numPairs),
        Arrays.copyOf(pairB, numPairs),
        Arrays.copyOf(different, numPairs),
        Arrays.copyOf(start, numPairs + 1),
        claimA,
        claimB);
  }
}
