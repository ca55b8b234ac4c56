package io.sitrep.core.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import io.sitrep.core.model.Report;
import io.sitrep.core.model.Resource;
import io.sitrep.core.model.Source;
import io.sitrep.core.model.SourceKind;
import io.sitrep.core.model.TimeSpan;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
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
  void aBatchsRequestIdIsTheHashOfItsNamesAsBefore() {
    List<Resource> batch = List.of(
        Source.builder("sources/dailymaverick-co-za", "dailymaverick.co.za", SourceKind.NEWS_OUTLET).build(),
        new Report("reports/gdelt-410412347-2d711642b7", "sources/dailymaverick-co-za",
            TimeSpan.day(LocalDate.of(2015, 2, 18), ZoneOffset.UTC), "", "", "", "", ImmutableList.of()));
    Hasher h = Hashing.sha256().newHasher(); // how the first version hashed a batch's names
    for (Resource r : batch) {
      h.putString(r.name(), StandardCharsets.UTF_8).putByte((byte) 0);
    }
    assertThat(Importer.Run.requestId(batch)).isEqualTo("import-" + h.hash().toString().substring(0, 40));
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
