package io.sitrep.core.truth;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * An immutable truth-discovery problem: who claims which value for which item, laid out as
 * primitive arrays for the iterative algorithms.
 *
 * <h2>Layout</h2>
 *
 * <ul>
 *   <li>Sources, items and values are dense ints. A value belongs to exactly one item (the same
 *       string claimed for two items is two values), and the values of item {@code i} are the
 *       contiguous ids {@code [itemValueStart(i), itemValueStart(i + 1))}, in order of first
 *       appearance in the input. That order is the documented tie-break of every algorithm.
 *   <li>Claims are numbered in value order, so the claims for value {@code v} are the contiguous
 *       ids {@code [valueClaimStart(v), valueClaimStart(v + 1))} and the claims about item
 *       {@code i} are contiguous too. {@link #claimSource} and {@link #claimValue} give a claim's
 *       parts.
 *   <li>By source (CSR): {@code [sourceClaimStart(s), sourceClaimStart(s + 1))} index
 *       {@link #sourceClaimValue} (the value claimed, for the trust loops) and
 *       {@link #sourceClaimId} (the claim id), in claim id order, hence value order. So a pass
 *       over the claims in value order that adds to per-source sums adds each source's terms in
 *       the order a pass per source would: the same sums, bit for bit, read sequentially.
 * </ul>
 *
 * <p>Each source makes at most one claim per item (the model of every algorithm here, which
 * treats an item's values as mutually exclusive): the builder keeps the first and drops later
 * ones.
 *
 * <p>The accessors named {@code *Array()} hand out the internal arrays without copying, for the
 * algorithms in this package; they are package-private so the matrix stays immutable to callers.
 */
public final class ClaimMatrix {
  private final int numSources;
  private final int numItems;
  private final int numValues;
  private final int[] claimSource;
  private final int[] claimValue;
  private final int[] valueItem;
  private final int[] itemValueStart;
  private final int[] valueClaimStart;
  private final int[] sourceClaimStart;
  private final int[] sourceClaimValue;
  private final int[] sourceClaimId;
  private final double @Nullable [] sourcePrior;
  private final int @Nullable [] goldValue;
  private final double @Nullable [] valueNumber;
  private final List<String> sourceNames;
  private final List<String> itemNames;
  private final IntFunction<String> valueNames;
  private volatile @Nullable Map<String, Integer> sourceIndex;
  private volatile @Nullable Map<String, Integer> itemIndex;

  private ClaimMatrix(
      int numSources,
      int numItems,
      int[] claimSource,
      int[] claimValue,
      int[] valueItem,
      int[] itemValueStart,
      int[] valueClaimStart,
      double @Nullable [] sourcePrior,
      int @Nullable [] goldValue,
      double @Nullable [] valueNumber,
      List<String> sourceNames,
      List<String> itemNames,
      IntFunction<String> valueNames) {
    this.numSources = numSources;
    this.numItems = numItems;
    this.numValues = valueItem.length;
    this.claimSource = claimSource;
    this.claimValue = claimValue;
    this.valueItem = valueItem;
    this.itemValueStart = itemValueStart;
    this.valueClaimStart = valueClaimStart;
    this.sourcePrior = sourcePrior;
    this.goldValue = goldValue;
    this.valueNumber = valueNumber;
    this.sourceNames = sourceNames;
    this.itemNames = itemNames;
    this.valueNames = valueNames;
    // Claims by source: a stable counting sort of claim ids on their source.
    int n = claimSource.length;
    sourceClaimStart = new int[numSources + 1];
    for (int c = 0; c < n; c++) {
      sourceClaimStart[claimSource[c] + 1]++;
    }
    for (int s = 0; s < numSources; s++) {
      sourceClaimStart[s + 1] += sourceClaimStart[s];
    }
    int[] fill = Arrays.copyOf(sourceClaimStart, numSources);
    sourceClaimValue = new int[n];
    sourceClaimId = new int[n];
    for (int c = 0; c < n; c++) {
      int at = fill[claimSource[c]]++;
      sourceClaimValue[at] = claimValue[c];
      sourceClaimId[at] = c;
    }
  }

  /** Starts an empty builder that names sources, items and values by strings. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A matrix straight from int claims, for generated data and large loads that already hold
   * dictionaries elsewhere. Claim {@code k} says that source {@code source[k]} gives item
   * {@code item[k]} its candidate number {@code localValue[k]} (0, 1, 2, ... within the item).
   * Names are generated ({@code s17}, {@code i4}, {@code v2}). The caller guarantees at most
   * one claim per (source, item); the arrays are not retained.
   */
  public static ClaimMatrix ofIndexedClaims(
      int numSources, int numItems, int[] source, int[] item, int[] localValue) {
    int n = source.length;
    checkArgument(item.length == n && localValue.length == n, "claim arrays differ in length");
    int[] itemValueStart = new int[numItems + 1];
    for (int k = 0; k < n; k++) {
      checkElementIndex(source[k], numSources, "source");
      checkElementIndex(item[k], numItems, "item");
      checkArgument(localValue[k] >= 0, "negative local value");
      itemValueStart[item[k] + 1] = Math.max(itemValueStart[item[k] + 1], localValue[k] + 1);
    }
    for (int i = 0; i < numItems; i++) {
      itemValueStart[i + 1] += itemValueStart[i];
    }
    int numValues = itemValueStart[numItems];
    int[] valueItem = new int[numValues];
    for (int i = 0; i < numItems; i++) {
      Arrays.fill(valueItem, itemValueStart[i], itemValueStart[i + 1], i);
    }
    int[] valueOfClaim = new int[n];
    for (int k = 0; k < n; k++) {
      valueOfClaim[k] = itemValueStart[item[k]] + localValue[k];
    }
    int[] valueClaimStart = new int[numValues + 1];
    int[] claimSource = new int[n];
    int[] claimValue = new int[n];
    sortClaimsByValue(source, valueOfClaim, numValues, valueClaimStart, claimSource, claimValue);
    IntFunction<String> valueNames = v -> "v" + (v - itemValueStart[valueItem[v]]);
    return new ClaimMatrix(
        numSources,
        numItems,
        claimSource,
        claimValue,
        valueItem,
        itemValueStart,
        valueClaimStart,
        null,
        null,
        null,
        generatedNames("s", numSources),
        generatedNames("i", numItems),
        valueNames);
  }

  private static List<String> generatedNames(String prefix, int size) {
    return new AbstractList<>() {
      @Override
      public String get(int index) {
        checkElementIndex(index, size);
        return prefix + index;
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  /** Stable counting sort of claims on value id, filling the value-ordered arrays. */
  private static void sortClaimsByValue(
      int[] source,
      int[] value,
      int numValues,
      int[] valueClaimStart,
      int[] claimSource,
      int[] claimValue) {
    int n = source.length;
    for (int k = 0; k < n; k++) {
      valueClaimStart[value[k] + 1]++;
    }
    for (int v = 0; v < numValues; v++) {
      valueClaimStart[v + 1] += valueClaimStart[v];
    }
    int[] fill = Arrays.copyOf(valueClaimStart, numValues);
    for (int k = 0; k < n; k++) {
      int at = fill[value[k]]++;
      claimSource[at] = source[k];
      claimValue[at] = value[k];
    }
  }

  public int numSources() {
    return numSources;
  }

  public int numItems() {
    return numItems;
  }

  public int numValues() {
    return numValues;
  }

  public int numClaims() {
    return claimSource.length;
  }

  public int claimSource(int claim) {
    return claimSource[claim];
  }

  public int claimValue(int claim) {
    return claimValue[claim];
  }

  public int valueItem(int value) {
    return valueItem[value];
  }

  /** First value id of {@code item}; {@code itemValueStart(numItems())} is {@code numValues()}. */
  public int itemValueStart(int item) {
    return itemValueStart[item];
  }

  /** First claim id of {@code value}; {@code valueClaimStart(numValues())} is {@code numClaims()}. */
  public int valueClaimStart(int value) {
    return valueClaimStart[value];
  }

  public int sourceClaimStart(int source) {
    return sourceClaimStart[source];
  }

  /** Number of claims about {@code item}. */
  public int itemClaimCount(int item) {
    return valueClaimStart[itemValueStart[item + 1]] - valueClaimStart[itemValueStart[item]];
  }

  /** Number of claims (items covered) by {@code source}. */
  public int sourceClaimCount(int source) {
    return sourceClaimStart[source + 1] - sourceClaimStart[source];
  }

  /** Number of sources claiming {@code value}. */
  public int valueSupport(int value) {
    return valueClaimStart[value + 1] - valueClaimStart[value];
  }

  public String sourceName(int source) {
    return sourceNames.get(source);
  }

  public String itemName(int item) {
    return itemNames.get(item);
  }

  public String valueName(int value) {
    checkElementIndex(value, numValues);
    return valueNames.apply(value);
  }

  /** Source names by id, for callers that render results. */
  public List<String> sourceNames() {
    return sourceNames;
  }

  public List<String> itemNames() {
    return itemNames;
  }

  public OptionalInt sourceId(String name) {
    Map<String, Integer> index = sourceIndex;
    if (index == null) {
      sourceIndex = index = indexOf(sourceNames);
    }
    Integer id = index.get(name);
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  public OptionalInt itemId(String name) {
    Map<String, Integer> index = itemIndex;
    if (index == null) {
      itemIndex = index = indexOf(itemNames);
    }
    Integer id = index.get(name);
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  /** The value id of {@code value} among {@code item}'s candidates, if anyone claims it. */
  public OptionalInt valueId(int item, String value) {
    for (int v = itemValueStart[item]; v < itemValueStart[item + 1]; v++) {
      if (valueName(v).equals(value)) {
        return OptionalInt.of(v);
      }
    }
    return OptionalInt.empty();
  }

  private static Map<String, Integer> indexOf(List<String> names) {
    Map<String, Integer> index = new HashMap<>(names.size() * 2);
    for (int k = 0; k < names.size(); k++) {
      index.put(names.get(k), k);
    }
    return index;
  }

  /** Whether any source has a reliability prior. */
  public boolean hasPriors() {
    return sourcePrior != null;
  }

  /** The analyst's reliability prior for {@code source} in [0, 1], if one was given. */
  public OptionalDouble sourcePrior(int source) {
    if (sourcePrior == null || Double.isNaN(sourcePrior[source])) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(sourcePrior[source]);
  }

  /** Whether some items have a known true value. */
  public boolean hasGold() {
    return goldValue != null;
  }

  /** The known true value of {@code item}, if it was seeded. */
  public OptionalInt goldValue(int item) {
    if (goldValue == null || goldValue[item] < 0) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(goldValue[item]);
  }

  /** Whether every value with a number was given one (for CRH); see {@link #valueNumber}. */
  public boolean hasNumbers() {
    return valueNumber != null;
  }

  /** The numeric reading of {@code value}, or NaN when it has none. */
  public double valueNumber(int value) {
    return valueNumber == null ? Double.NaN : valueNumber[value];
  }

  // ---- internal arrays, shared with the algorithms of this package without copying ----

  int[] claimSourceArray() {
    return claimSource;
  }

  int[] claimValueArray() {
    return claimValue;
  }

  int[] valueItemArray() {
    return valueItem;
  }

  int[] itemValueStartArray() {
    return itemValueStart;
  }

  int[] valueClaimStartArray() {
    return valueClaimStart;
  }

  int[] sourceClaimStartArray() {
    return sourceClaimStart;
  }

  int[] sourceClaimValueArray() {
    return sourceClaimValue;
  }

  int[] sourceClaimIdArray() {
    return sourceClaimId;
  }

  double @Nullable [] sourcePriorArray() {
    return sourcePrior;
  }

  int @Nullable [] goldValueArray() {
    return goldValue;
  }

  double @Nullable [] valueNumberArray() {
    return valueNumber;
  }

  /**
   * Builds a {@link ClaimMatrix} from string-named claims. Not thread-safe. Sources and items
   * get ids in order of first mention; so do values within their item.
   */
  public static final class Builder {
    private final Map<String, Integer> sources = new HashMap<>();
    private final List<String> sourceNames = new java.util.ArrayList<>();
    private final Map<String, Integer> items = new HashMap<>();
    private final List<String> itemNames = new java.util.ArrayList<>();
    /** Provisional value ids keyed by item id and value string. */
    private final Map<ItemValue, Integer> values = new HashMap<>();
    private final List<String> valueNames = new java.util.ArrayList<>();
    private int[] valueItem = new int[16];
    private int[] claimSource = new int[16];
    private int[] claimValue = new int[16];
    private int numClaims;
    private final java.util.Set<Long> seen = new java.util.HashSet<>();
    private final Map<Integer, Double> priors = new HashMap<>();
    private final Map<Integer, Integer> gold = new HashMap<>();
    private boolean numbers;

    private Builder() {}

    private record ItemValue(int item, String value) {}

    /** Interns a source name, so it exists even if it makes no claim. */
    public int source(String name) {
      checkNotNull(name, "source");
      Integer id = sources.get(name);
      if (id == null) {
        id = sourceNames.size();
        sources.put(name, id);
        sourceNames.add(name);
      }
      return id;
    }

    /** Interns an item name. */
    public int item(String name) {
      checkNotNull(name, "item");
      Integer id = items.get(name);
      if (id == null) {
        id = itemNames.size();
        items.put(name, id);
        itemNames.add(name);
      }
      return id;
    }

    private int value(int item, String value) {
      checkNotNull(value, "value");
      ItemValue key = new ItemValue(item, value);
      Integer id = values.get(key);
      if (id == null) {
        id = valueNames.size();
        values.put(key, id);
        valueNames.add(value);
        if (id == valueItem.length) {
          valueItem = Arrays.copyOf(valueItem, id * 2);
        }
        valueItem[id] = item;
      }
      return id;
    }

    /**
     * Records that {@code source} says {@code item} is {@code value}. Returns false (and keeps
     * the earlier claim) if the source already made a claim about the item.
     */
    public boolean addClaim(String source, String item, String value) {
      int s = source(source);
      int i = item(item);
      if (!seen.add(((long) s << 32) | i)) {
        return false;
      }
      int v = value(i, value);
      if (numClaims == claimSource.length) {
        claimSource = Arrays.copyOf(claimSource, numClaims * 2);
        claimValue = Arrays.copyOf(claimValue, numClaims * 2);
      }
      claimSource[numClaims] = s;
      claimValue[numClaims] = v;
      numClaims++;
      return true;
    }

    /** The analyst's reliability prior for {@code source}, in [0, 1]. */
    public Builder sourcePrior(String source, double prior) {
      checkArgument(prior >= 0 && prior <= 1, "prior %s outside [0, 1]", prior);
      priors.put(source(source), prior);
      return this;
    }

    /** The analyst's Admiralty grade for {@code source}; F (cannot be judged) sets no prior. */
    public Builder sourceGrade(String source, AdmiraltyGrades.SourceGrade grade) {
      grade.prior().ifPresent(p -> sourcePrior(source, p));
      return this;
    }

    /**
     * Seeds {@code item}'s known true value: the algorithms clamp it and learn source trust from
     * it. The value becomes a candidate even if no source claims it.
     */
    public Builder goldValue(String item, String value) {
      int i = item(item);
      gold.put(i, value(i, value));
      return this;
    }

    /**
     * Reads every value as a number (for {@link Crh}); values that do not parse get NaN and are
     * treated categorically.
     */
    public Builder numericValues(boolean numeric) {
      this.numbers = numeric;
      return this;
    }

    public ClaimMatrix build() {
      int numItems = itemNames.size();
      int numSources = sourceNames.size();
      int provisional = valueNames.size();
      // Renumber values so each item's values are contiguous, stable in first-appearance order.
      int[] itemValueStart = new int[numItems + 1];
      for (int p = 0; p < provisional; p++) {
        itemValueStart[valueItem[p] + 1]++;
      }
      for (int i = 0; i < numItems; i++) {
        itemValueStart[i + 1] += itemValueStart[i];
      }
      int[] fill = Arrays.copyOf(itemValueStart, numItems);
      int[] finalId = new int[provisional];
      String[] names = new String[provisional];
      int[] finalValueItem = new int[provisional];
      for (int p = 0; p < provisional; p++) {
        int v = fill[valueItem[p]]++;
        finalId[p] = v;
        names[v] = valueNames.get(p);
        finalValueItem[v] = valueItem[p];
      }
      int[] source = Arrays.copyOf(claimSource, numClaims);
      int[] value = new int[numClaims];
      for (int k = 0; k < numClaims; k++) {
        value[k] = finalId[claimValue[k]];
      }
      int[] valueClaimStart = new int[provisional + 1];
      int[] sortedSource = new int[numClaims];
      int[] sortedValue = new int[numClaims];
      sortClaimsByValue(source, value, provisional, valueClaimStart, sortedSource, sortedValue);
      double[] prior = null;
      if (!priors.isEmpty()) {
        prior = new double[numSources];
        Arrays.fill(prior, Double.NaN);
        for (Map.Entry<Integer, Double> e : priors.entrySet()) {
          prior[e.getKey()] = e.getValue();
        }
      }
      int[] goldValue = null;
      if (!gold.isEmpty()) {
        goldValue = new int[numItems];
        Arrays.fill(goldValue, -1);
        for (Map.Entry<Integer, Integer> e : gold.entrySet()) {
          goldValue[e.getKey()] = finalId[e.getValue()];
        }
      }
      double[] number = null;
      if (numbers) {
        number = new double[provisional];
        for (int v = 0; v < provisional; v++) {
          number[v] = parseNumber(names[v]);
        }
      }
      List<String> valueList = List.of(names);
      return new ClaimMatrix(
          numSources,
          numItems,
          sortedSource,
          sortedValue,
          finalValueItem,
          itemValueStart,
          valueClaimStart,
          prior,
          goldValue,
          number,
          List.copyOf(sourceNames),
          List.copyOf(itemNames),
          valueList::get);
    }

    private static double parseNumber(String s) {
      try {
        return Double.parseDouble(s.trim().replace(",", ""));
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
  }
}
