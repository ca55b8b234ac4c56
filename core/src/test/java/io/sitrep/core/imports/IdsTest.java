package io.sitrep.core.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Ids must not change between versions: a re-import finds what an earlier version stored only if
 * it names every row as that version did.
 */
class IdsTest {

  @Test
  void theHashIsTheFirstTenHexDigitsOfSha256AsBefore() {
    for (String url : new String[] {"", "http://www.dailymaverick.co.za/article/2015-02-19-sona2015",
        "https://example.org/ünïcode/مرحبا"}) {
      assertThat(Ids.hash(url)).isEqualTo(
          Hashing.sha256().hashString(url, StandardCharsets.UTF_8).toString().substring(0, 10));
    }
    assertThat(Ids.hash("x")).isEqualTo("2d711642b7");
  }

  @Test
  void textThatIsAlreadyASlugIsItsOwnSlugAndOtherTextIsSluggedAsBefore() {
    assertThat(Ids.slug("gdelt", "410412347")).isEqualTo("gdelt-410412347");
    assertThat(Ids.slug("som1234")).isEqualTo("som1234");
    assertThat(Ids.slug("a-b-c")).isEqualTo("a-b-c");
    assertThat(Ids.slug("-a--b-")).isEqualTo("a-b");
    assertThat(Ids.slug("SOM1234")).isEqualTo("som1234");
    assertThat(Ids.slug("acled", "SOM1234x2")).isEqualTo("acled-som1234x2");
    assertThat(Ids.slug("a", "b".repeat(70))).hasSize(Ids.MAX_ID).startsWith("a-bbb");
  }
}
