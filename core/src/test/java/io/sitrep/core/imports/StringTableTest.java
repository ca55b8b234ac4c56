package io.sitrep.core.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StringTableTest {
  @Test
  void answersAsAHashMapDoesThroughGrowthReplacementAndClear() {
    StringTable<Integer> table = new StringTable<>();
    Map<String, Integer> expected = new HashMap<>();
    Random random = new Random(42);
    // Keys with equal hashes ("Aa" and "BB") and many that share slots, past several growths.
    String[] colliding = {"Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa"};
    for (int i = 0; i < colliding.length; i++) {
      table.put(colliding[i], i);
      expected.put(colliding[i], i);
    }
    for (int i = 0; i < 20_000; i++) {
      String key = "k" + random.nextInt(8_000);
      table.put(key, i);
      expected.put(key, i);
    }
    assertThat(table.size()).isEqualTo(expected.size());
    for (Map.Entry<String, Integer> e : expected.entrySet()) {
      assertThat(table.get(new String(e.getKey()))).as(e.getKey()).isEqualTo(e.getValue());
    }
    assertThat(table.get("absent")).isNull();
    assertThat(table.get("")).isNull();

    table.clear();
    assertThat(table.size()).isZero();
    assertThat(table.get("Aa")).isNull();
    table.put("Aa", 7);
    assertThat(table.get("Aa")).isEqualTo(7);
    assertThat(table.get("BB")).isNull();
  }
}
