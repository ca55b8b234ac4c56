package io.sitrep.core.model;

/** How finely a place is known; mirrors ACLED and UCDP geo-precision codes. */
public enum GeoPrecision {
  EXACT,
  NEAR,
  DISTRICT,
  PROVINCE,
  COUNTRY,
  REGION
}
