package io.sitrep.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ModelValidationTest {
  private static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");
  private static final TimeSpan DEC_26 = TimeSpan.day(LocalDate.of(2020, 12, 26), BAGHDAD);

  @Test
  void aSourceWithoutANameOrKindIsRefusedNamingEveryField() {
    assertThatThrownBy(() -> new Source("", " ", null, "", "", "", null, null, null, ""))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::field)
            .containsExactlyInAnyOrder("name", "display_name", "kind"));
  }

  @Test
  void aSourceNameMustBeInTheSourcesCollection() {
    assertThatThrownBy(() -> Source.builder("reports/shafaaq", "Shafaaq News", SourceKind.NEWS_OUTLET).build())
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.violations().get(0).field()).isEqualTo("name"));
  }

  @Test
  void resourceIdsAreLowerCaseKebab() {
    assertThat(Check.isName("sources/shafaaq-news", "sources")).isTrue();
    assertThat(Check.isName("sources/Shafaaq News", "sources")).isFalse();
    assertThat(Check.isName("sources/", "sources")).isFalse();
    assertThat(Check.isName("sources/-x", "sources")).isFalse();
  }

  @Test
  void aCountryCodeMustBeTwoCapitalLetters() {
    assertThatThrownBy(() -> Source.builder("sources/rudaw", "Rudaw", SourceKind.NEWS_OUTLET)
        .countryCode("Iraq").build())
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.violations().get(0).field()).isEqualTo("country_code"));
  }

  @Test
  void aTimeSpanCannotEndBeforeItStarts() {
    Instant t = Instant.parse("2020-12-25T20:00:00Z");
    assertThatThrownBy(() -> new TimeSpan(t, t.minusSeconds(1), TimePrecision.HOUR, ""))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.violations().get(0).field()).isEqualTo("end_time"));
  }

  @Test
  void aClaimMustBeAboutAnEventOrAProposition() {
    assertThatThrownBy(() -> new Claim("claims/x", "reports/habib-1", Stance.ASSERTS, null, "", "", null, ""))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.violations().get(0).field()).isEqualTo("proposition"));
  }

  @Test
  void theHandoverClaimNamesItsReportAndProposition() {
    Claim handover = Claim.about("claims/habib-handed-to-hashd", "reports/habib-2020-12-26",
        Stance.ASSERTS, new Proposition("actors/hissam-al-azirjawi", "custody",
            "actors/hashd-security-directorate", DEC_26));
    assertThat(handover.proposition().validTime().precision()).isEqualTo(TimePrecision.DAY);
    assertThat(handover.attributedTo()).isEmpty();
  }

  @Test
  void aFatalityRangeMustBeOrdered() {
    assertThatThrownBy(() -> new CountRange(5, 3, 7))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.violations()).extracting(FieldViolation::field).contains("best"));
    assertThat(new CountRange(3, null, null).isUnknown()).isFalse();
  }

  @Test
  void anActorCannotRelateToItself() {
    assertThatThrownBy(() -> Actor.of("actors/aah", "Asa'ib Ahl al-Haq", ActorKind.ARMED_GROUP,
        ImmutableList.of("AAH"), ImmutableList.of(ActorRelation.of(RelationKind.OPPOSES, "actors/aah"))))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.violations().get(0).field()).isEqualTo("relations[0].object"));
  }

  @Test
  void nestedViolationsArePrefixedWithTheEnclosingField() {
    ValidationException e = ValidationException.of("display_name", "is required").under("source");
    assertThat(e.violations().get(0).field()).isEqualTo("source.display_name");
  }

  @Test
  void aDayInBaghdadStartsAtNineInTheEveningUtc() {
    assertThat(DEC_26.start()).isEqualTo(Instant.parse("2020-12-25T21:00:00Z"));
    assertThat(DEC_26.end()).isEqualTo(Instant.parse("2020-12-26T21:00:00Z"));
  }
}
