package io.sitrep.core.imports;

import com.google.common.collect.ImmutableMap;
import com.ibm.icu.util.Region;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * ISO 3166-1 alpha-2 codes, as Sitrep's model wants them, from what the data sets carry: alpha-3
 * codes (ACLED's {@code iso3}, UCDP's {@code iso3}, CAMEO country codes), numeric codes (ACLED's
 * {@code iso}) and English country names (GDELT's place names). Unknown input gives "".
 */
final class Countries {
  private static final ImmutableMap<String, String> BY_ALPHA3;
  private static final ImmutableMap<String, String> BY_NAME;
  /** Alpha-2 codes by numeric code (ISO's are 3 digits), filled as codes are met. */
  private static final AtomicReferenceArray<String> BY_NUMERIC = new AtomicReferenceArray<>(1_000);

  static {
    Map<String, String> alpha3 = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    for (String cc : Locale.getISOCountries()) {
      Locale l = new Locale("", cc);
      alpha3.put(l.getISO3Country(), cc);
      names.put(l.getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), cc);
    }
    // Names the data sets use that differ from the JDK's English names.
    String[][] extra = {
        {"united states", "US"}, {"russia", "RU"}, {"iran", "IR"}, {"syria", "SY"}, {"south korea", "KR"},
        {"north korea", "KP"}, {"palestine", "PS"}, {"democratic republic of congo", "CD"},
        {"democratic republic of the congo", "CD"}, {"republic of congo", "CG"}, {"ivory coast", "CI"},
        {"czech republic", "CZ"}, {"burma", "MM"}, {"myanmar", "MM"}, {"vietnam", "VN"}, {"laos", "LA"},
        {"bolivia", "BO"}, {"venezuela", "VE"}, {"tanzania", "TZ"}, {"moldova", "MD"}, {"macedonia", "MK"},
        {"north macedonia", "MK"}, {"kosovo", "XK"}, {"taiwan", "TW"}, {"eswatini", "SZ"}, {"swaziland", "SZ"},
        {"cape verde", "CV"}, {"east timor", "TL"}, {"gaza strip", "PS"}, {"west bank", "PS"},
        {"turkey", "TR"}, {"brunei", "BN"}, {"micronesia", "FM"}, {"vatican city", "VA"}};
    for (String[] e : extra) {
      names.put(e[0], e[1]);
    }
    // CAMEO and GDELT codes that are not ISO alpha-3.
    alpha3.put("XKX", "XK");
    alpha3.put("KSV", "XK");
    alpha3.put("ROM", "RO");
    alpha3.put("ZAR", "CD");
    alpha3.put("TMP", "TL");
    BY_ALPHA3 = ImmutableMap.copyOf(alpha3);
    BY_NAME = ImmutableMap.copyOf(names);
  }

  private Countries() {}

  /** The alpha-2 code of an alpha-3 code ({@code IRQ} is {@code IQ}); "" if unknown. */
  static String fromAlpha3(String alpha3) {
    return alpha3.length() == 3 ? BY_ALPHA3.getOrDefault(alpha3.toUpperCase(Locale.ROOT), "") : "";
  }

  /** The alpha-2 code of an ISO 3166-1 numeric code ({@code 368} is {@code IQ}); "" if unknown. */
  static String fromNumeric(String numeric) {
    int code;
    try {
      code = Integer.parseInt(numeric.strip());
    } catch (RuntimeException e) {
      return "";
    }
    if (code < 0 || code >= BY_NUMERIC.length()) {
      return "";
    }
    // ACLED gives the code on every row: ICU is asked once per code.
    String known = BY_NUMERIC.get(code);
    if (known == null) {
      known = fromRegion(code);
      BY_NUMERIC.set(code, known);
    }
    return known;
  }

  private static String fromRegion(int code) {
    try {
      Region r = Region.getInstance(code);
      String s = r.toString();
      return r.getType() == Region.RegionType.TERRITORY && s.length() == 2 && isUpper(s.charAt(0))
          && isUpper(s.charAt(1)) ? s : "";
    } catch (RuntimeException e) {
      return "";
    }
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  /** The alpha-2 code of an English country name ("Iraq", "South Africa"); "" if unknown. */
  static String fromName(String name) {
    return BY_NAME.getOrDefault(name.strip().toLowerCase(Locale.ROOT), "");
  }

  /** The first known of: numeric code, alpha-3 code, name. */
  static String any(String numeric, String alpha3, String name) {
    String cc = fromNumeric(numeric);
    if (cc.isEmpty()) {
      cc = fromAlpha3(alpha3);
    }
    if (cc.isEmpty()) {
      cc = fromName(name);
    }
    return cc;
  }
}
