package io.sitrep.server.mapping;

import com.google.protobuf.Timestamp;
import io.sitrep.api.v1.Coordinates;
import io.sitrep.api.v1.CountRange;
import io.sitrep.api.v1.GeoPrecision;
import io.sitrep.api.v1.Place;
import io.sitrep.api.v1.TimePrecision;
import io.sitrep.api.v1.TimeSpan;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Maps the value types shared by several resources: times, places, counts. */
public final class CommonMapper {
  private CommonMapper() {}

  public static Timestamp toProto(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }

  /** The instant of a timestamp, refusing one out of the API's range on {@code field}. */
  public static Instant toInstant(Timestamp timestamp, String field) {
    Violations v = Violations.collect();
    Instant instant = v.instant(timestamp, field);
    return v.build(() -> instant);
  }

  public static io.sitrep.core.model.TimeSpan toCore(TimeSpan p) {
    Violations v = Violations.collect();
    Instant start = p.hasStartTime() ? v.instant(p.getStartTime(), "start_time") : null;
    Instant end = p.hasEndTime() ? v.instant(p.getEndTime(), "end_time") : null;
    io.sitrep.core.model.TimePrecision precision =
        v.enumOf(p.getPrecision(), io.sitrep.core.model.TimePrecision.class, "precision");
    return v.build(() -> new io.sitrep.core.model.TimeSpan(start, end, precision, p.getOriginalText()));
  }

  public static TimeSpan toProto(io.sitrep.core.model.TimeSpan c) {
    return TimeSpan.newBuilder()
        .setStartTime(toProto(c.start()))
        .setEndTime(toProto(c.end()))
        .setPrecision(Enums.toProto(c.precision(), TimePrecision.class))
        .setOriginalText(c.originalText())
        .build();
  }

  public static io.sitrep.core.model.Place toCore(Place p) {
    Violations v = Violations.collect();
    io.sitrep.core.model.Coordinates coordinates = p.hasCoordinates()
        ? v.nested("coordinates", () -> toCore(p.getCoordinates())) : null;
    io.sitrep.core.model.GeoPrecision precision =
        v.enumOf(p.getPrecision(), io.sitrep.core.model.GeoPrecision.class, "precision");
    return v.build(() -> new io.sitrep.core.model.Place(p.getName(), p.getAdmin2(), p.getAdmin1(),
        p.getCountryCode(), coordinates, precision));
  }

  public static Place toProto(io.sitrep.core.model.Place c) {
    Place.Builder b = Place.newBuilder()
        .setName(c.name())
        .setAdmin2(c.admin2())
        .setAdmin1(c.admin1())
        .setCountryCode(c.countryCode())
        .setPrecision(Enums.toProto(c.precision(), GeoPrecision.class));
    if (c.coordinates() != null) {
      b.setCoordinates(toProto(c.coordinates()));
    }
    return b.build();
  }

  static io.sitrep.core.model.Coordinates toCore(Coordinates p) {
    return new io.sitrep.core.model.Coordinates(p.getLatitude(), p.getLongitude());
  }

  static Coordinates toProto(io.sitrep.core.model.Coordinates c) {
    return Coordinates.newBuilder().setLatitude(c.latitude()).setLongitude(c.longitude()).build();
  }

  public static io.sitrep.core.model.CountRange toCore(CountRange p) {
    return new io.sitrep.core.model.CountRange(
        p.hasLow() ? p.getLow() : null, p.hasBest() ? p.getBest() : null, p.hasHigh() ? p.getHigh() : null);
  }

  public static CountRange toProto(io.sitrep.core.model.CountRange c) {
    CountRange.Builder b = CountRange.newBuilder();
    if (c.low() != null) {
      b.setLow(c.low());
    }
    if (c.best() != null) {
      b.setBest(c.best());
    }
    if (c.high() != null) {
      b.setHigh(c.high());
    }
    return b.build();
  }

  /** The time span of an optional message field: null when unset. */
  static io.sitrep.core.model.@Nullable TimeSpan optionalTime(Violations v, boolean present, TimeSpan p,
      String field) {
    return present ? v.nested(field, () -> toCore(p)) : null;
  }
}
