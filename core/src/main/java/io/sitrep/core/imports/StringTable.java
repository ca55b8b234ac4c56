package io.sitrep.core.imports;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A map from strings to values for the importers' per-row caches: open addressing with linear
 * probing, no removal. Not a {@link java.util.HashMap} because that class's {@code equals} and
 * {@code hashCode} calls are shared by every map in the JVM, and their type profile decides how
 * the JIT compiles them: in some JVMs (2 of 5 in one run, 2026-11-29) the GDELT import's lookups
 * compiled into slow generic calls and the whole import ran at 7.0-7.4 us of reading-thread CPU
 * per row instead of 4.2-4.8, HashMap.getNode five times as often in its samples. Here the keys
 * are Strings, a final class, so the calls are bound when compiled whatever else the JVM runs.
 * Not thread-safe.
 */
final class StringTable<V> {
  private @Nullable String[] keys = new String[64];
  private @Nullable Object[] values = new Object[64];
  private int size;

  /** The value of {@code key}, or null. */
  @SuppressWarnings("unchecked")
  @Nullable V get(String key) {
    @Nullable String[] ks = keys;
    int mask = ks.length - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      String k = ks[i];
      if (k == null) {
        return null;
      }
      if (k.equals(key)) {
        return (V) values[i];
      }
    }
  }

  /** Maps {@code key} to {@code value}, replacing any value it had. */
  void put(String key, V value) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      String k = keys[i];
      if (k == null) {
        keys[i] = key;
        values[i] = value;
        size++;
        return;
      }
      if (k.equals(key)) {
        values[i] = value;
        return;
      }
    }
  }

  int size() {
    return size;
  }

  void clear() {
    Arrays.fill(keys, null);
    Arrays.fill(values, null);
    size = 0;
  }

  private static int slot(String key, int mask) {
    int h = key.hashCode();
    return (h ^ (h >>> 16)) & mask; // as HashMap spreads its hashes
  }

  private void grow() {
    @Nullable String[] oldKeys = keys;
    @Nullable Object[] oldValues = values;
    keys = new String[2 * oldKeys.length];
    values = new Object[2 * oldKeys.length];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      String k = oldKeys[j];
      if (k != null) {
        int i = slot(k, mask);
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = k;
        values[i] = oldValues[j];
      }
    }
  }
}
