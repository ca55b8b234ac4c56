package io.sitrep.core.imports;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Remembers a function's answers for the values a file repeats (actor codes, site names, dates,
 * place names), so each distinct value is slugged, hashed or parsed once. Bounded: when it holds
 * {@code max} answers it forgets them all, so memory stays flat however long the file is. One per
 * import, not shared between threads.
 */
final class Memo<V> {
  private final StringTable<V> answers = new StringTable<>();
  private final int max;
  private final Function<String, ? extends V> f;
  /**
   * The last key asked for and its answer: rows come in runs of one value (a GDELT file has one
   * DATEADDED and a few SQLDATEs), and an equal key is found without hashing it.
   */
  private @Nullable String lastKey;
  private @Nullable V lastValue;

  Memo(int max, Function<String, ? extends V> f) {
    this.max = max;
    this.f = f;
  }

  V get(String key) {
    if (key.equals(lastKey)) {
      return lastValue;
    }
    V v = answers.get(key);
    if (v == null) {
      v = f.apply(key); // may throw: nothing is remembered for a bad value
      if (answers.size() >= max) {
        answers.clear();
      }
      answers.put(key, v);
    }
    lastKey = key;
    lastValue = v;
    return v;
  }
}
