package io.sitrep.core.truth;

import java.util.Arrays;

/**
 * The sparse source pairs {@link Accu}'s copy detection looks at, built once per run, with the
 * per-iteration arithmetic on primitive arrays.
 *
 * <h2>Which pairs</h2>
 *
 * A pair {@code (a, b)}, {@code a < b}, is listed when it gives the <i>same value</i> for at
 * least one shared item and shares at least {@code minShared} items ({@code >= 2}). A pair that
 * only disagrees has no evidence of copying (its likelihood ratio favours independence), and one
 * shared item is too little evidence to tell a copier from an independent source that happens
 * to be right (Dong et al. 2009 compute dependence from the shared items; with one item the
 * posterior barely leaves the prior {@code alpha}). {@code minShared} starts at 2 and is raised
 * until at most {@link #maxPairs} pairs remain ({@code max(2^17, claims / 64)}: a pair costs a
 * few logarithms per iteration, some 50 times a claim's share of the vote, so the budget keeps
 * copy detection under the cost of the vote itself), so memory and the cost per iteration are
 * bounded whatever the data: the pairs sharing the most items, which carry the most evidence,
 * are the ones kept.
 *
 * <p>Pairs are enumerated from items with at most {@code maxItemClaims} claims ({@link
 * #MAX_ITEM_CLAIMS}, lowered until the agreeing claim pairs fit in {@link #MAX_AGREEMENTS}):
 * an item claimed by hundreds of sources costs the square of that to enumerate and says little
 * about any one pair.
 *
 * <h2>Layout</h2>
 *
 * Per pair {@code p}: {@code pairA[p] < pairB[p]}, {@code same[p]} shared items with equal
 * values ({@code kt + kf}) and {@code different[p]} ({@code kd}). Per agreeing claim pair, in
 * value-major order (the values of the eligible items, each value's claims {@code i < j} in
 * claim order), {@code agreementPair} names its source pair, or -1 when the pair was not kept.
 * One int per agreeing claim pair and six numbers per source pair; the expected counts {@code
 * kt = sum P(v)} are accumulated per iteration by one sequential pass over {@code
 * agreementPair} (see {@link #expectedTrue}).
 */
public final class CopyIndex {
  /** Items with more claims than this are not enumerated for pairs. */
  static final int MAX_ITEM_CLAIMS = 256;

  /** The pair budget: {@code max(2^17, claims / 64)} source pairs. */
  static int maxPairs(int numClaims) {
    return Math.max(1 << 17, numClaims / 64);
  }

  /** At most this many agreeing claim pairs are indexed (256 MB of ints). */
  static final long MAX_AGREEMENTS = 1L << 26;

  final int numPairs;
  final int[] pairA;
  final int[] pairB;
  final int[] same;
  final int[] different;
  final int maxItemClaims;
  final int minShared;
  final int[] agreementPair;

  private CopyIndex(
      int numPairs,
      int[] pairA,
      int[] pairB,
      int[] same,
      int[] different,
      int maxItemClaims,
      int minShared,
      int[] agreementPair) {
    this.numPairs = numPairs;
    this.pairA = pairA;
    this.pairB = pairB;
    this.same = same;
    this.different = different;
    this.maxItemClaims = maxItemClaims;
    this.minShared = minShared;
    this.agreementPair = agreementPair;
  }

  /** Source pairs kept. */
  public int pairs() {
    return numPairs;
  }

  /** Agreeing claim pairs of the kept source pairs. */
  public long agreements() {
    long sum = 0;
    for (int p = 0; p < numPairs; p++) {
      sum += same[p];
    }
    return sum;
  }

  /** The fewest shared items a kept pair has. */
  public int minShared() {
    return minShared;
  }

  /**
   * {@code kt[p] = sum P(v)} over the values pair {@code p} agrees on, into {@code kt} (zeroed
   * first).
   */
  void expectedTrue(ClaimMatrix m, double[] P, double[] kt) {
    Arrays.fill(kt, 0, numPairs, 0);
    int[] itemValueStart = m.itemValueStartArray();
    int[] valueClaimStart = m.valueClaimStartArray();
    int cursor = 0;
    for (int i = 0; i < m.numItems(); i++) {
      int first = itemValueStart[i];
      int last = itemValueStart[i + 1];
      if (valueClaimStart[last] - valueClaimStart[first] > maxItemClaims) {
        continue;
      }
      for (int v = first; v < last; v++) {
        int k = valueClaimStart[v + 1] - valueClaimStart[v];
        int pairs = k * (k - 1) / 2;
        double pv = P[v];
        for (int q = 0; q < pairs; q++) {
          int p = agreementPair[cursor + q];
          if (p >= 0) {
            kt[p] += pv;
          }
        }
        cursor += pairs;
      }
    }
  }

  /**
   * Multiplies {@code factor[p]} into the vote {@code I} of the later source's claim on each
   * value pair {@code p} agrees on; {@code aLater[p]} says which source is later.
   */
  void discount(ClaimMatrix m, double[] factor, boolean[] aLater, double[] I) {
    int[] itemValueStart = m.itemValueStartArray();
    int[] valueClaimStart = m.valueClaimStartArray();
    int[] claimSource = m.claimSourceArray();
    int cursor = 0;
    for (int it = 0; it < m.numItems(); it++) {
      int first = itemValueStart[it];
      int last = itemValueStart[it + 1];
      if (valueClaimStart[last] - valueClaimStart[first] > maxItemClaims) {
        continue;
      }
      for (int v = first; v < last; v++) {
        int from = valueClaimStart[v];
        int to = valueClaimStart[v + 1];
        for (int ci = from; ci < to; ci++) {
          for (int cj = ci + 1; cj < to; cj++) {
            int p = agreementPair[cursor++];
            if (p >= 0 && factor[p] < 1) {
              boolean ciIsA = claimSource[ci] == pairA[p];
              I[ciIsA == aLater[p] ? ci : cj] *= factor[p];
            }
          }
        }
      }
    }
  }

  static CopyIndex build(ClaimMatrix m) {
    int[] claimSource = m.claimSourceArray();
    int[] valueItem = m.valueItemArray();
    int[] itemValueStart = m.itemValueStartArray();
    int[] valueClaimStart = m.valueClaimStartArray();
    int numItems = m.numItems();
    int numSources = m.numSources();

    // The largest item size whose agreeing claim pairs fit the budget.
    int maxItemClaims = MAX_ITEM_CLAIMS;
    long totalAgreements;
    while (true) {
      totalAgreements = 0;
      for (int i = 0; i < numItems; i++) {
        if (valueClaimStart[itemValueStart[i + 1]] - valueClaimStart[itemValueStart[i]]
            > maxItemClaims) {
          continue;
        }
        for (int v = itemValueStart[i]; v < itemValueStart[i + 1]; v++) {
          long k = valueClaimStart[v + 1] - valueClaimStart[v];
          totalAgreements += k * (k - 1) / 2;
        }
      }
      if (totalAgreements <= MAX_AGREEMENTS || maxItemClaims <= 2) {
        break;
      }
      maxItemClaims /= 2;
    }
    boolean[] eligible = new boolean[numItems];
    for (int i = 0; i < numItems; i++) {
      eligible[i] =
          valueClaimStart[itemValueStart[i + 1]] - valueClaimStart[itemValueStart[i]]
              <= maxItemClaims;
    }

    // Pass 1: how many agreeing pairs share each number of items.
    PairScan scan = new PairScan(m, eligible);
    long[] histogram = new long[65];
    for (int a = 0; a < numSources; a++) {
      int touched = scan.scan(a);
      for (int t = 0; t < touched; t++) {
        int b = scan.touched[t];
        if (scan.same[b] > 0) {
          histogram[Math.min(64, scan.shared[b])]++;
        }
      }
      scan.clear(touched);
    }
    int minShared = 2;
    long kept = 0;
    for (int s = 2; s <= 64; s++) {
      kept += histogram[s];
    }
    int maxPairs = maxPairs(m.numClaims());
    while (kept > maxPairs && minShared < 64) {
      kept -= histogram[minShared];
      minShared++;
    }

    // Pass 2: keep the pairs, and name each agreeing claim pair's source pair.
    int capacity = (int) Math.min(kept, maxPairs) + 1;
    int[] pairA = new int[capacity];
    int[] pairB = new int[capacity];
    int[] same = new int[capacity];
    int[] different = new int[capacity];
    int[] agreementPair = new int[(int) totalAgreements];
    long[] valueOffset = new long[m.numValues() + 1];
    long running = 0;
    for (int v = 0; v < m.numValues(); v++) {
      valueOffset[v] = running;
      if (eligible[valueItem[v]]) {
        long k = valueClaimStart[v + 1] - valueClaimStart[v];
        running += k * (k - 1) / 2;
      }
    }
    valueOffset[m.numValues()] = running;
    int[] sourceClaimStart = m.sourceClaimStartArray();
    int[] sourceClaimId = m.sourceClaimIdArray();
    int[] claimValue = m.claimValueArray();
    int[] pairOf = new int[numSources];
    int numPairs = 0;
    for (int a = 0; a < numSources; a++) {
      int touched = scan.scan(a);
      for (int t = 0; t < touched; t++) {
        int b = scan.touched[t];
        int shared = scan.shared[b];
        if (scan.same[b] > 0 && shared >= minShared && numPairs < capacity) {
          pairA[numPairs] = a;
          pairB[numPairs] = b;
          same[numPairs] = scan.same[b];
          different[numPairs] = shared - scan.same[b];
          pairOf[b] = numPairs++;
        } else {
          pairOf[b] = -1;
        }
      }
      for (int k = sourceClaimStart[a]; k < sourceClaimStart[a + 1]; k++) {
        int ca = sourceClaimId[k];
        int v = claimValue[ca];
        if (!eligible[valueItem[v]]) {
          continue;
        }
        int from = valueClaimStart[v];
        int size = valueClaimStart[v + 1] - from;
        int ia = ca - from;
        for (int jb = 0; jb < size; jb++) {
          int b = claimSource[from + jb];
          if (b > a) {
            int lo = Math.min(ia, jb);
            int hi = Math.max(ia, jb);
            long at = valueOffset[v] + (long) lo * (2L * size - lo - 1) / 2 + (hi - lo - 1);
            agreementPair[(int) at] = pairOf[b];
          }
        }
      }
      scan.clear(touched);
    }
    return new CopyIndex(
        numPairs,
        Arrays.copyOf(pairA, numPairs),
        Arrays.copyOf(pairB, numPairs),
        Arrays.copyOf(same, numPairs),
        Arrays.copyOf(different, numPairs),
        maxItemClaims,
        minShared,
        agreementPair);
  }

  /** For one source {@code a}, the later sources sharing eligible items with it. */
  private static final class PairScan {
    final int[] shared;
    final int[] same;
    final int[] touched;
    private final ClaimMatrix m;
    private final boolean[] eligible;

    PairScan(ClaimMatrix m, boolean[] eligible) {
      this.m = m;
      this.eligible = eligible;
      shared = new int[m.numSources()];
      same = new int[m.numSources()];
      touched = new int[m.numSources()];
    }

    /** Fills {@code shared}, {@code same} and {@code touched}; returns how many were touched. */
    int scan(int a) {
      int[] claimSource = m.claimSourceArray();
      int[] claimValue = m.claimValueArray();
      int[] valueItem = m.valueItemArray();
      int[] itemValueStart = m.itemValueStartArray();
      int[] valueClaimStart = m.valueClaimStartArray();
      int[] sourceClaimStart = m.sourceClaimStartArray();
      int[] sourceClaimValue = m.sourceClaimValueArray();
      int count = 0;
      for (int k = sourceClaimStart[a]; k < sourceClaimStart[a + 1]; k++) {
        int value = sourceClaimValue[k];
        int item = valueItem[value];
        if (!eligible[item]) {
          continue;
        }
        int cTo = valueClaimStart[itemValueStart[item + 1]];
        for (int c = valueClaimStart[itemValueStart[item]]; c < cTo; c++) {
          int b = claimSource[c];
          if (b > a) {
            if (shared[b]++ == 0) {
              touched[count++] = b;
            }
            if (claimValue[c] == value) {
              same[b]++;
            }
          }
        }
      }
      return count;
    }

    void clear(int count) {
      for (int t = 0; t < count; t++) {
        shared[touched[t]] = 0;
        same[touched[t]] = 0;
      }
    }
  }
}
