package io.sitrep.core.actors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArabicNamesTest {

  @Test
  void thePrimeMinistersSpellingsShareOneKey() {
    assertThat(ArabicNames.key("kadhimi")).isEqualTo(ArabicNames.key("kazemi"))
        .isEqualTo(ArabicNames.key("kadimi")).isEqualTo("kadama");
  }

  @Test
  void hezbollahIsSpelledManyWays() {
    assertThat(ArabicNames.key("hezbollah")).isEqualTo(ArabicNames.key("hizballah"))
        .isEqualTo(ArabicNames.key("hizbullah"));
  }

  @Test
  void qafIsQOrGhAndTheApostropheOfTheAynIsDropped() {
    assertThat(ArabicNames.tokens("Ismail Qa'ani")).containsExactly("ismail", "qaani");
    assertThat(ArabicNames.key("qaani")).isEqualTo(ArabicNames.key("ghaani"));
    assertThat(ArabicNames.key("khazali")).isEqualTo(ArabicNames.key("khazaali"));
  }

  @Test
  void doubledLettersAndDiphthongsAreOne() {
    assertThat(ArabicNames.key("fayyadh")).isEqualTo(ArabicNames.key("fayadh"));
    assertThat(ArabicNames.key("sayyid")).isEqualTo(ArabicNames.key("sayed"));
    assertThat(ArabicNames.key("soleimani")).isEqualTo(ArabicNames.key("suleimani"));
  }

  @Test
  void titlesArticlesAndCamelCaseAreReadAway() {
    assertThat(ArabicNames.tokens("PM Mustafa al-Kadhimi")).containsExactly("mustafa", "kadhimi");
    assertThat(ArabicNames.tokens("Asaib Ahl AlHaq")).containsExactly("asaib", "ahl", "haq");
    assertThat(ArabicNames.tokens("Sheikh Qais el-Khazali")).containsExactly("qais", "khazali");
    assertThat(ArabicNames.tokens("Muqtada as-Sadr")).containsExactly("muqtada", "sadr");
    assertThat(ArabicNames.tokens("Abdelaziz al-Mohammedawi")).containsExactly("abd", "aziz", "mohammedawi");
    assertThat(ArabicNames.tokens("Iraqi PM Kadhimi")).containsExactly("kadhimi");
    assertThat(ArabicNames.tokens("Hizb Allah")).containsExactly("hizballah");
  }

  @Test
  void acronymsSkipArticles() {
    assertThat(ArabicNames.acronym("Asa'ib Ahl al-Haq")).isEqualTo("AAH");
    assertThat(ArabicNames.acronym("Kata'ib Hizballah")).isEqualTo("KH");
    assertThat(ArabicNames.acronym("Popular Mobilization Forces")).isEqualTo("PMF");
    assertThat(ArabicNames.acronym("Federal Intelligence and Investigation Agency")).isEqualTo("FIIA");
    assertThat(ArabicNames.looksLikeAcronym("K.H.")).isTrue();
    assertThat(ArabicNames.looksLikeAcronym("Kadhimi")).isFalse();
  }

  @Test
  void arabicScriptIsComparedByItsConsonants() {
    assertThat(ArabicNames.tokens("الكاظمي")).hasSize(1);
    String token = ArabicNames.tokens("الكاظمي").get(0);
    assertThat(ArabicNames.key(token)).isEqualTo("^" + ArabicNames.consonants(ArabicNames.key("kadhimi")));
  }
}
