package io.sitrep.core.model;

/** A WGS 84 point. */
public record Coordinates(double latitude, double longitude) {
  public Coordinates {
    Check.of()
        .require(latitude >= -90 && latitude <= 90, "latitude", "must be in [-90, 90]")
        .require(longitude >= -180 && longitude <= 180, "longitude", "must be in [-180, 180]")
        .done();
  }
}
