package io.sitrep.core.actors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.junit.jupiter.api.Test;

/** The allocation-free Jaro–Winkler answers exactly what Apache Commons Text answers. */
class JaroWinklerTest {
  private static final JaroWinklerSimilarity COMMONS = new JaroWinklerSimilarity();

  @Test
  void theSeedsSpellingsScoreAsCommonsTextScoresThem() {
    String[][] pairs = {{"kadama", "kadam"}, {"kazemi", "kadhimi"}, {"soleimani", "suleimani"},
        {"hezbollah", "hizballah"}, {"muhandis", "mohandes"}, {"araji", "aaraji"}, {"a", "b"}, {"ab", "ba"},
        {"", "x"}, {"same", "same"}, {"martha", "marhta"}, {"dixon", "dicksonx"}};
    for (String[] p : pairs) {
      assertThat(JaroWinkler.similarity(p[0].toCharArray(), p[1].toCharArray()))
          .as("%s ~ %s", p[0], p[1]).isEqualTo(COMMONS.apply(p[0], p[1]));
    }
  }

  @Test
  void randomKeysScoreExactlyAsCommonsTextScoresThem() {
    Random random = new Random(20201226);
    for (int n = 0; n < 20_000; n++) {
      String a = randomWord(random);
      String b = random.nextInt(4) == 0 ? a : mutate(a, random);
      assertThat(JaroWinkler.similarity(a.toCharArray(), b.toCharArray())).as("%s ~ %s", a, b)
          .isEqualTo(COMMONS.apply(a, b));
    }
  }

  private static String randomWord(Random random) {
    StringBuilder b = new StringBuilder();
    int n = 1 + random.nextInt(12);
    for (int i = 0; i < n; i++) {
      b.append("abdhkmnrst".charAt(random.nextInt(10)));
    }
    return b.toString();
  }

  private static String mutate(String s, Random random) {
    StringBuilder b = new StringBuilder(s);
    for (int k = random.nextInt(4); k >= 0; k--) {
      int i = random.nextInt(b.length() + 1);
      switch (random.nextInt(3)) {
        case 0 -> b.insert(i, "abdhkmnrst".charAt(random.nextInt(10)));
        case 1 -> {
          if (b.length() > 1 && i < b.length()) {
            b.deleteCharAt(i);
          }
        }
        default -> {
          if (i + 1 < b.length()) {
            char c = b.charAt(i);
            b.setCharAt(i, b.charAt(i + 1));
            b.setCharAt(i + 1, c);
          }
        }
      }
    }
    return b.toString();
  }
}
