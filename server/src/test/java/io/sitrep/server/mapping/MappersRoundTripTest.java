package io.sitrep.server.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Message;
import com.google.protobuf.ProtocolMessageEnum;
import io.sitrep.api.v1.Actor;
import io.sitrep.api.v1.Claim;
import io.sitrep.api.v1.Dataset;
import io.sitrep.api.v1.Event;
import io.sitrep.api.v1.Report;
import io.sitrep.api.v1.Source;
import io.sitrep.core.model.ValidationException;
import io.sitrep.core.store.Stored;
import io.sitrep.server.demo.DemoDataset;
import io.sitrep.server.testing.SeedEpisode;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Proto → core → proto gives back the message, field for field. */
class MappersRoundTripTest {

  @Test
  void habibsSourceWithEveryFieldSurvivesTheRoundTrip() {
    Source habib = SeedEpisode.mustafaHabib();
    assertThat(SourceMapper.toProto(SourceMapper.toCore(habib))).isEqualTo(habib);
  }

  @Test
  void theHandoverReportWithItsQuotationSurvivesTheRoundTrip() {
    Report report = SeedEpisode.handoverReport();
    assertThat(ReportMapper.toProto(ReportMapper.toCore(report))).isEqualTo(report);
    Report denial = SeedEpisode.denialReport();
    assertThat(ReportMapper.toProto(ReportMapper.toCore(denial))).isEqualTo(denial);
  }

  @Test
  void azirjawiWithATimeBoundRelationSurvivesTheRoundTrip() {
    Actor azirjawi = SeedEpisode.hissamAlAzirjawi();
    assertThat(ActorMapper.toProto(ActorMapper.toCore(azirjawi))).isEqualTo(azirjawi);
  }

  @Test
  void theRocketAttackWithPlaceCoordinatesAndCountsSurvivesTheRoundTrip() {
    Event attack = SeedEpisode.rocketAttack();
    assertThat(EventMapper.toProto(EventMapper.toCore(attack))).isEqualTo(attack);
    Event arrest = SeedEpisode.azirjawiArrest();
    assertThat(EventMapper.toProto(EventMapper.toCore(arrest))).isEqualTo(arrest);
  }

  @Test
  void theHandoverClaimWithEventAndPropositionSurvivesTheRoundTrip() {
    Claim claim = SeedEpisode.handoverClaim();
    assertThat(ClaimMapper.toProto(ClaimMapper.toCore(claim))).isEqualTo(claim);
  }

  @Test
  void storedBookkeepingBecomesEtagAndTimes() {
    Instant created = Instant.parse("2020-12-26T11:02:00.123456789Z");
    Instant updated = Instant.parse("2020-12-27T08:00:00Z");
    var stored = new Stored<>(SourceMapper.toCore(SeedEpisode.mustafaHabib()), 7, "0123456789abcdef", created, updated);

    Source proto = SourceMapper.toProto(stored);

    assertThat(proto.getEtag()).isEqualTo("0123456789abcdef");
    assertThat(proto.getCreateTime().getSeconds()).isEqualTo(created.getEpochSecond());
    assertThat(proto.getCreateTime().getNanos()).isEqualTo(123456789);
    assertThat(proto.getUpdateTime().getSeconds()).isEqualTo(updated.getEpochSecond());
  }

  static Stream<Arguments> everyResourceOfTheDemoWeek() {
    Dataset demo = DemoDataset.load();
    Stream.Builder<Arguments> all = Stream.builder();
    demo.getSourcesList().forEach(s -> all.add(Arguments.of(s.getName(), s)));
    demo.getReportsList().forEach(r -> all.add(Arguments.of(r.getName(), r)));
    demo.getActorsList().forEach(a -> all.add(Arguments.of(a.getName(), a)));
    demo.getEventsList().forEach(e -> all.add(Arguments.of(e.getName(), e)));
    demo.getClaimsList().forEach(c -> all.add(Arguments.of(c.getName(), c)));
    return all.build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyResourceOfTheDemoWeek")
  void everyResourceOfTheDemoWeekSurvivesTheRoundTrip(String name, Message resource) {
    Message back;
    if (resource instanceof Source s) {
      back = SourceMapper.toProto(SourceMapper.toCore(s));
    } else if (resource instanceof Report r) {
      back = ReportMapper.toProto(ReportMapper.toCore(r));
    } else if (resource instanceof Actor a) {
      back = ActorMapper.toProto(ActorMapper.toCore(a));
    } else if (resource instanceof Event e) {
      back = EventMapper.toProto(EventMapper.toCore(e));
    } else {
      back = ClaimMapper.toProto(ClaimMapper.toCore((Claim) resource));
    }
    assertThat(back).isEqualTo(resource);
  }

  @Test
  void everyApiEnumValueHasACoreValueAndBack() {
    List<Class<? extends Enum<?>>[]> pairs = List.of(
        pair(io.sitrep.api.v1.SourceKind.class, io.sitrep.core.model.SourceKind.class),
        pair(io.sitrep.api.v1.Reliability.class, io.sitrep.core.model.Reliability.class),
        pair(io.sitrep.api.v1.ActorKind.class, io.sitrep.core.model.ActorKind.class),
        pair(io.sitrep.api.v1.RelationKind.class, io.sitrep.core.model.RelationKind.class),
        pair(io.sitrep.api.v1.EventType.class, io.sitrep.core.model.EventType.class),
        pair(io.sitrep.api.v1.ParticipantRole.class, io.sitrep.core.model.ParticipantRole.class),
        pair(io.sitrep.api.v1.EventLinkKind.class, io.sitrep.core.model.EventLinkKind.class),
        pair(io.sitrep.api.v1.QuotationKind.class, io.sitrep.core.model.QuotationKind.class),
        pair(io.sitrep.api.v1.Stance.class, io.sitrep.core.model.Stance.class),
        pair(io.sitrep.api.v1.Attribution.class, io.sitrep.core.model.Attribution.class),
        pair(io.sitrep.api.v1.TimePrecision.class, io.sitrep.core.model.TimePrecision.class),
        pair(io.sitrep.api.v1.GeoPrecision.class, io.sitrep.core.model.GeoPrecision.class));
    for (Class<? extends Enum<?>>[] p : pairs) {
      checkBijection(p[0], p[1]);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Class<? extends Enum<?>>[] pair(Class<? extends Enum<?>> api, Class<? extends Enum<?>> core) {
    return new Class[] {api, core};
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void checkBijection(Class api, Class core) {
    int apiValues = 0;
    for (Object value : api.getEnumConstants()) {
      String name = ((Enum<?>) value).name();
      if (name.equals("UNRECOGNIZED") || name.endsWith("_UNSPECIFIED")) {
        continue;
      }
      apiValues++;
      Enum coreValue = Enums.toCore((Enum & ProtocolMessageEnum) value, core);
      assertThat(Enums.toProto(coreValue, api)).as(name).isEqualTo(value);
    }
    assertThat(core.getEnumConstants()).as(core.getSimpleName()).hasSize(apiValues);
  }

  @Test
  void aNestedViolationIsReportedUnderItsPath() {
    Event bad = SeedEpisode.rocketAttack().toBuilder()
        .setPlace(SeedEpisode.rocketAttack().getPlace().toBuilder()
            .setCoordinates(io.sitrep.api.v1.Coordinates.newBuilder().setLatitude(133)))
        .build();

    assertThatThrownBy(() -> EventMapper.toCore(bad)).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("place.coordinates.latitude"));
  }
}
