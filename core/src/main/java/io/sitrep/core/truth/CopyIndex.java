package io.sitrep.core.truth;

import java.util.Arrays;

/**
 * The source pairs {@link Accu}'s copy detection (Dong, Berti-Equille, Srivastava, VLDB 2009)
 * looks at, built once per run on primitive arrays, and the discounts it derives from them.
 *
 * <h2>Which pairs, from which items</h2>
 *
 * The statistics of a pair {@code (a, b)}, {@code a < b}, are counted one source {@code a} at a
 * time over the claims on the items it claims, into dense per-source counters: {@code shared} items and {@code same} values ({@code kt + kf}; {@code
 * kd = shared - same}). A pair is kept when it gives the same value on at least one shared item
 * and shares at least two: a pair that only disagrees has no evidence of copying (its likelihood
 * ratio favours independence), and with one shared item the posterior barely leaves the prior
 * {@code alpha}. Items with more than {@link #MAX_ITEM_CLAIMS} claims are left out (their claim
 * pairs cost the square of that and say little about any one pair).
 *
 * <p><b>Budget.</b> The claim pairs of all items cost {@code sum_i n_i (n_i - 1) / 2}, the square
 * of the item sizes: some 10^8 on ten million claims. When that exceeds {@link
 * #pairInstanceBudget} ({@code max(2^20, claims / 16)}), the statistics are counted on a
 * sample of the items, each kept with probability {@code budget / total} by a fixed hash of its id (reproducible, independent of
 * the claims), so every pair's counts shrink by the same expected factor. This is an
 * approximation of the paper's counts: a pair sharing hundreds of items keeps tens of them in
 * the sample, ample to tell copying (shared false values have probability {@code (1 - A1)(1 - A2)
 * / n} under independence) from independence; a pair sharing a handful of items among millions
 * of claims may lose its evidence and stay at the prior. Below the budget (every data set with
 * ground truth we evaluate on) the counts are exact.
 *
 * <h2>Layout</h2>
 *
 * Per pair {@code p}: {@code pairA[p] < pairB[p]}, {@code same[p]}, {@code different[p]}. Per
 * agreeing claim pair on a counted item: {@code agreePair} (the kept pair) and {@code
 * agreeValue} (the shared value), so the expected counts {@code kt = sum P(v)} are one
 * sequential pass ({@link #expectedTrue}).
 *
 * <h2>Discounts</h2>
 *
 * {@link #discounts} turns each pair's discount factor into the claims it applies to, on every
 * item (sampled or not): the later source's claim on each value both sources give. Discounting
 * a source costs a visit to every claim on every value it claims; when the later sources of all
 * dependent pairs (factor below {@code 1 - }{@link #MIN_DISCOUNT}) cost more than {@link
 * #applyBudget} ({@code max(2^20, claims / 16)} visits), the pairs are taken strongest first
 * (smallest factor) while their later sources fit, and the weakest dependences are left out,
 * the second approximation at scale. Below the budget (again every evaluated data set) every
 * dependent pair is applied. The result is sparse ({@link Discounts}).
 */
final class CopyIndex {
  /** Items with more claims than this are not enumerated for pairs. */
  static final int MAX_ITEM_CLAIMS = 256;

  /**
   * Claim pairs counted at most (in expectation) before items are sampled: {@code max(2^20,
   * claims / 16)}, so counting costs a fraction of one pass of the vote over the claims.
   */
  static long pairInstanceBudget(int numClaims) {
    return Math.max(1L << 20, numClaims / 16);
  }

  /** A discount of a vote by less than this fraction is not applied. */
  static final double MIN_DISCOUNT = 1e-9;

  final int numPairs;
  final int[] pairA;
  final int[] pairB;
  final int[] same;
  final int[] different;
  final int[] agreePair;
  final int[] agreeValue;
  /** Per source {@code s}, {@code sum |S(v)|} over its claims: what discounting it costs. */
  final long[] work;
  /** Whether the statistics come from a sample of the items (see the class comment). */
  final boolean sampled;

  private CopyIndex(
      int numPairs,
      int[] pairA,
      int[] pairB,
      int[] same,
      int[] different,
      int[] agreePair,
      int[] agreeValue,
      long[] work,
      boolean sampled) {
    this.numPairs = numPairs;
    this.pairA = pairA;
    this.pairB = pairB;
    this.same = same;
    this.different = different;
    this.agreePair = agreePair;
    this.agreeValue = agreeValue;
    this.work = work;
    this.sampled = sampled;
  }

  /** Source pairs kept. */
  int pairs() {
    return numPairs;
  }

  /** {@code kt[p] = sum P(v)} over the values pair {@code p} agrees on (zeroed first). */
  void expectedTrue(double[] P, double[] kt) {
    Arrays.fill(kt, 0, numPairs, 0);
    int[] pair = agreePair;
    int[] value = agreeValue;
    for (int q = 0; q < pair.length; q++) {
      kt[pair[q]] += P[value[q]];
    }
  }

  /**
   * The claims whose vote is discounted, and by how much: {@code I(S, v)} where it is not 1,
   * with each claim's value and source beside it so the vote's correction pass reads only these
   * arrays.
   */
  static final class Discounts {
    static final Discounts NONE = new Discounts(new int[0], new int[0], new int[0], new double[0]);

    final int[] claim;
    final int[] value;
    final int[] source;
    /** {@code I} of each of those claims, in (0, 1). */
    final double[] independence;

    Discounts(int[] claim, int[] value, int[] source, double[] independence) {
      this.claim = claim;
      this.value = value;
      this.source = source;
      this.independence = independence;
    }

    int size() {
      return claim.length;
    }

    /** Writes the discounts into a dense {@code I} (1 elsewhere). */
    void fill(double[] I) {
      Arrays.fill(I, 1.0);
      for (int q = 0; q < claim.length; q++) {
        I[claim[q]] = independence[q];
      }
    }
  }

  /**
   * Multiplies the factor of each dependent pair (see the class comment) into the vote of the
   * later source's claim on each value both sources give; {@code aLater[p]} says whether {@code
   * pairA[p]} is the later one. One later source at a time: its earlier partners' factors go
   * into a dense per-source array, and each of its claims multiplies the entries of the sources
   * claiming the same value (1 for non-partners), so a source costs {@code work[s] = sum_v
   * |S(v)|} over its claims.
   */
  Discounts discounts(ClaimMatrix m, double[] factor, boolean[] aLater, Iterations it) {
    int numSources = m.numSources();
    // The dependent pairs, strongest first, while the later sources' work fits the budget.
    long[] order = new long[numPairs];
    int dependent = 0;
    for (int p = 0; p < numPairs; p++) {
      if (factor[p] < 1 - MIN_DISCOUNT) {
        // factor in (0, 1), to 31 bits, above the pair id: sorts strongest first.
        order[dependent++] = (long) (factor[p] * (1L << 31)) << 32 | p;
      }
    }
    if (dependent == 0) {
      return Discounts.NONE;
    }
    long budget = applyBudget(m.numClaims());
    boolean[] isLater = new boolean[numSources];
    long all = 0;
    for (int q = 0; q < dependent; q++) {
      int p = (int) order[q];
      int s = aLater[p] ? pairA[p] : pairB[p];
      if (!isLater[s]) {
        isLater[s] = true;
        all += work[s];
      }
    }
    if (all > budget) {
      Arrays.sort(order, 0, dependent);
    }
    boolean[] admitted = new boolean[numSources];
    int[] start = new int[numSources + 1];
    long spent = 0;
    int kept = 0;
    for (int q = 0; q < dependent; q++) {
      int p = (int) order[q];
      int later = aLater[p] ? pairA[p] : pairB[p];
      if (!admitted[later]) {
        if (spent + work[later] > budget) {
          continue;
        }
        spent += work[later];
        admitted[later] = true;
      }
      start[later + 1]++;
      order[kept++] = p;
    }
    for (int s = 0; s < numSources; s++) {
      start[s + 1] += start[s];
    }
    int[] fill = Arrays.copyOf(start, numSources);
    int[] partnerPair = new int[kept];
    for (int q = 0; q < kept; q++) {
      int p = (int) order[q];
      partnerPair[fill[aLater[p] ? pairA[p] : pairB[p]]++] = p;
    }
    int[] sourceClaimStart = m.sourceClaimStartArray();
    int[] sourceClaimId = m.sourceClaimIdArray();
    int[] claimValue = m.claimValueArray();
    int[] claimSource = m.claimSourceArray();
    int[] valueClaimStart = m.valueClaimStartArray();
    double[] partnerFactor = new double[numSources];
    Arrays.fill(partnerFactor, 1.0);
    SimilarityTable.IntList claims = new SimilarityTable.IntList();
    SimilarityTable.IntList claimValues = new SimilarityTable.IntList();
    SimilarityTable.IntList claimSources = new SimilarityTable.IntList();
    SimilarityTable.DoubleList values = new SimilarityTable.DoubleList();
    long sinceLastPoll = 0;
    for (int s = 0; s < numSources; s++) {
      if (start[s] == start[s + 1]) {
        continue;
      }
      for (int q = start[s]; q < start[s + 1]; q++) {
        int p = partnerPair[q];
        partnerFactor[pairA[p] == s ? pairB[p] : pairA[p]] = factor[p];
      }
      for (int k = sourceClaimStart[s]; k < sourceClaimStart[s + 1]; k++) {
        int ci = sourceClaimId[k];
        int v = claimValue[ci];
        double independence = 1;
        for (int cj = valueClaimStart[v]; cj < valueClaimStart[v + 1]; cj++) {
          independence *= partnerFactor[claimSource[cj]];
        }
        if (independence < 1) {
          claims.add(ci);
          claimValues.add(v);
          claimSources.add(s);
          values.add(independence);
        }
      }
      for (int q = start[s]; q < start[s + 1]; q++) {
        int p = partnerPair[q];
        partnerFactor[pairA[p] == s ? pairB[p] : pairA[p]] = 1.0;
      }
      sinceLastPoll += work[s];
      if (sinceLastPoll > Iterations.POLL_STEP) {
        it.poll();
        sinceLastPoll = 0;
      }
    }
    return new Discounts(
        claims.toArray(), claimValues.toArray(), claimSources.toArray(), values.toArray());
  }

  /** Work units (claims visited) the discounts may take per detection. */
  static long applyBudget(int numClaims) {
    return Math.max(1L << 20, numClaims / 16);
  }

  static CopyIndex build(ClaimMatrix m) {
    return build(m, new Iterations(TruthOptions.defaults()));
  }

  static CopyIndex build(ClaimMatrix m, Iterations it) {
    int[] claimSource = m.claimSourceArray();
    int[] claimValue = m.claimValueArray();
    int[] itemValueStart = m.itemValueStartArray();
    int[] valueClaimStart = m.valueClaimStartArray();
    int numItems = m.numItems();
    int numSources = m.numSources();

    long total = 0;
    for (int i = 0; i < numItems; i++) {
      long n = valueClaimStart[itemValueStart[i + 1]] - valueClaimStart[itemValueStart[i]];
      if (n >= 2 && n <= MAX_ITEM_CLAIMS) {
        total += n * (n - 1) / 2;
      }
    }
    long budget = pairInstanceBudget(m.numClaims());
    boolean sampled = total > budget;
    // Keep item i when its hash, as an unsigned fraction of 2^32, is below budget / total.
    long threshold = sampled ? (long) ((double) budget / total * (1L << 32)) : -1;
    long instances = 0;
    long agreements = 0;
    for (int i = 0; i < numItems; i++) {
      if (counts(i, valueClaimStart, itemValueStart, sampled, threshold)) {
        long n = valueClaimStart[itemValueStart[i + 1]] - valueClaimStart[itemValueStart[i]];
        instances += n * (n - 1) / 2;
        for (int v = itemValueStart[i]; v < itemValueStart[i + 1]; v++) {
          long k = valueClaimStart[v + 1] - valueClaimStart[v];
          agreements += k * (k - 1) / 2;
        }
      }
    }
    // One pass per counted item over its claim pairs (the claims are contiguous): the key of
    // each pair, a * numSources + b with a < b, shifted over a bit saying whether they agree;
    // and, for agreeing ones, the key and the shared value.
    long[] keys = new long[(int) instances];
    long[] agreeKey = new long[(int) agreements];
    int[] agreeValue = new int[(int) agreements];
    int nk = 0;
    int na = 0;
    for (int i = 0; i < numItems; i++) {
      if (!counts(i, valueClaimStart, itemValueStart, sampled, threshold)) {
        continue;
      }
      int cFrom = valueClaimStart[itemValueStart[i]];
      int cTo = valueClaimStart[itemValueStart[i + 1]];
      for (int ci = cFrom; ci < cTo; ci++) {
        int si = claimSource[ci];
        int vi = claimValue[ci];
        for (int cj = ci + 1; cj < cTo; cj++) {
          int sj = claimSource[cj];
          long key = si < sj ? (long) si * numSources + sj : (long) sj * numSources + si;
          boolean agree = claimValue[cj] == vi;
          keys[nk++] = key << 1 | (agree ? 1 : 0);
          if (agree) {
            agreeKey[na] = key;
            agreeValue[na++] = vi;
          }
        }
      }
      it.poll(i);
    }
    long maxKey = (long) numSources * numSources * 2;
    radixSort(keys, nk, 64 - Long.numberOfLeadingZeros(maxKey), it);
    // Runs of one key are one pair: keep those that agree somewhere and share two items.
    SimilarityTable.IntList pairA = new SimilarityTable.IntList();
    SimilarityTable.IntList pairB = new SimilarityTable.IntList();
    SimilarityTable.IntList same = new SimilarityTable.IntList();
    SimilarityTable.IntList different = new SimilarityTable.IntList();
    int keptPairs = 0;
    for (int q = 0; q < nk; ) {
      long key = keys[q] >>> 1;
      int run = q;
      int agreeing = 0;
      while (run < nk && keys[run] >>> 1 == key) {
        agreeing += (int) (keys[run] & 1);
        run++;
      }
      if (agreeing > 0 && run - q >= 2) {
        keptPairs++;
      }
      q = run;
    }
    int capacity = Integer.highestOneBit(Math.max(16, keptPairs)) * 4;
    long[] tableKey = new long[capacity];
    Arrays.fill(tableKey, -1);
    int[] tableId = new int[capacity];
    int mask = capacity - 1;
    for (int q = 0; q < nk; ) {
      long key = keys[q] >>> 1;
      int run = q;
      int agreeing = 0;
      while (run < nk && keys[run] >>> 1 == key) {
        agreeing += (int) (keys[run] & 1);
        run++;
      }
      int shared = run - q;
      q = run;
      if (agreeing > 0 && shared >= 2) {
        int slot = (int) mix(key) & mask;
        while (tableKey[slot] != -1) {
          slot = (slot + 1) & mask;
        }
        tableKey[slot] = key;
        tableId[slot] = pairA.size;
        pairA.add((int) (key / numSources));
        pairB.add((int) (key % numSources));
        same.add(agreeing);
        different.add(shared - agreeing);
      }
    }
    keys = null;
    int[] agreePair = new int[na];
    int kept = 0;
    for (int q = 0; q < na; q++) {
      long key = agreeKey[q];
      int slot = (int) mix(key) & mask;
      while (tableKey[slot] != -1 && tableKey[slot] != key) {
        slot = (slot + 1) & mask;
      }
      if (tableKey[slot] == key) {
        agreePair[kept] = tableId[slot];
        agreeValue[kept++] = agreeValue[q];
      }
    }
    // In value order, so the claims are read sequentially and only the per-source sums jump.
    long[] sourceWork = new long[numSources];
    for (int v = 0; v < m.numValues(); v++) {
      int from = valueClaimStart[v];
      int to = valueClaimStart[v + 1];
      for (int k = from; k < to; k++) {
        sourceWork[claimSource[k]] += to - from;
      }
    }
    return new CopyIndex(
        pairA.size,
        pairA.toArray(),
        pairB.toArray(),
        same.toArray(),
        different.toArray(),
        Arrays.copyOf(agreePair, kept),
        Arrays.copyOf(agreeValue, kept),
        sourceWork,
        sampled);
  }

  private static boolean counts(
      int i, int[] valueClaimStart, int[] itemValueStart, boolean sampled, long threshold) {
    long n = valueClaimStart[itemValueStart[i + 1]] - valueClaimStart[itemValueStart[i]];
    return n >= 2
        && n <= MAX_ITEM_CLAIMS
        && (!sampled || (mix(i) & 0xFFFFFFFFL) < threshold);
  }

  /** LSD radix sort of the non-negative {@code a[0, n)} whose values fit in {@code bits}. */
  static void radixSort(long[] a, int n, int bits, Iterations it) {
    final int digit = 11;
    long[] from = a;
    long[] to = new long[n];
    int[] count = new int[1 << digit];
    for (int shift = 0; shift < bits; shift += digit) {
      Arrays.fill(count, 0);
      int mask = (1 << digit) - 1;
      for (int k = 0; k < n; k++) {
        count[(int) (from[k] >>> shift) & mask]++;
      }
      int sum = 0;
      for (int d = 0; d < count.length; d++) {
        int c = count[d];
        count[d] = sum;
        sum += c;
      }
      for (int k = 0; k < n; k++) {
        long x = from[k];
        to[count[(int) (x >>> shift) & mask]++] = x;
      }
      long[] t = from;
      from = to;
      to = t;
      it.poll();
    }
    if (from != a) {
      System.arraycopy(from, 0, a, 0, n);
    }
  }

  /** A 64-bit finaliser (Stafford's mix 13), for item sampling. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
