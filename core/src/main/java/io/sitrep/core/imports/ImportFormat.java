package io.sitrep.core.imports;

import java.util.Locale;

/** The data sets Sitrep imports. */
public enum ImportFormat {
  /** ACLED CSV: the 31-column format since 2023 and the legacy one (data_id, iso3...). */
  ACLED,
  /** UCDP GED CSV, any column order, with or without an HXL tag row. */
  UCDP,
  /** GDELT 2.0 events (61 tab-separated columns) and mentions (16), no header. */
  GDELT,
  /** PLOVER JSON: an array of coded event records. */
  PLOVER;

  /** The prefix of the ids this format derives: {@code acled}, {@code ucdp}... */
  public String prefix() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format named {@code name}, ignoring case. */
  public static ImportFormat of(String name) {
    return valueOf(name.strip().toUpperCase(Locale.ROOT));
  }
}
