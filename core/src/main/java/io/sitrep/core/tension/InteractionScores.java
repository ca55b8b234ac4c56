package io.sitrep.core.tension;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import io.sitrep.core.model.Event;
import io.sitrep.core.model.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The cooperation–conflict score of every {@link EventType}, on the Goldstein scale (-10 to +10),
 * derived from the official tables rather than invented:
 * <ol>
 *   <li>{@code CAMEO2PLOVER-2021.txt} (PLOVER Draft 0.8) assigns each CAMEO code of three or four
 *       digits a PLOVER category, mode and context. CAMEO 01 (make public statement), which PLOVER
 *       leaves out, is Sitrep's STATEMENT.
 *   <li>{@code CAMEO.goldsteinscale.txt} (GDELT) gives each CAMEO code its Goldstein (1992) value; a
 *       code missing there (1213, 1214) takes its three-digit parent's.
 *   <li>A category's score is the mean Goldstein value of its codes; a category and mode's score,
 *       the mean of the codes of that mode ({@code COERCE/arrest} is CAMEO 173, -5.0;
 *       {@code RETREAT/release} is 0841, +7.0). An event mode that is not a PLOVER mode is looked up
 *       in the CAMEO descriptions of the category's codes ("withdraw" finds 0872, "release" 0841);
 *       failing that the category's mean applies. OTHER scores 0.
 * </ol>
 * The resulting means: ASSAULT -9.6, MOBILIZE -7.2, PROTEST -6.9, COERCE -6.7, THREATEN -6.2,
 * SANCTION -6.0, REQUEST -5.0, REJECT -4.2, ACCUSE -2.0, STATEMENT +0.7, CONSULT +3.0, CONCEDE +5.0,
 * SUPPORT +5.3, AGREE +5.9, COOPERATE +6.8, AID +7.6, RETREAT +8.0.
 *
 * <p>ACLED's event and sub-event types map through {@code acled-crosswalk.csv}, one CAMEO code per
 * sub-event type with the reasoning written beside it. Immutable and thread-safe.
 */
public final class InteractionScores {
  private static final Pattern PLOVER_LINE = Pattern.compile(
      "^(\\d{3,4}):\\s*([A-Z]+)\\s*,([^,#]*)(?:,([^#]*))?(?:#(.*))?$");

  private static final InteractionScores STANDARD = load();

  private final ImmutableList<CrosswalkEntry> entries;
  private final ImmutableListMultimap<EventType, CrosswalkEntry> byType;
  private final ImmutableMap<EventType, Double> typeScore;
  private final ImmutableMap<String, CrosswalkEntry> byCode;
  private final ImmutableMap<String, AcledMapping> acled;
  private final Map<String, Double> modeCache = new java.util.concurrent.ConcurrentHashMap<>();

  private InteractionScores(List<CrosswalkEntry> entries, List<AcledMapping> acled) {
    this.entries = ImmutableList.copyOf(entries);
    ImmutableListMultimap.Builder<EventType, CrosswalkEntry> b = ImmutableListMultimap.builder();
    Map<String, CrosswalkEntry> codes = new HashMap<>();
    for (CrosswalkEntry e : entries) {
      b.put(e.type(), e);
      codes.putIfAbsent(e.cameoCode(), e);
    }
    this.byType = b.build();
    this.byCode = ImmutableMap.copyOf(codes);
    Map<EventType, Double> scores = new EnumMap<>(EventType.class);
    for (EventType t : EventType.values()) {
      scores.put(t, mean(byType.get(t)));
    }
    this.typeScore = ImmutableMap.copyOf(scores);
    this.acled = acled.stream().collect(ImmutableMap.toImmutableMap(
        m -> acledKey(m.eventType(), m.subEventType()), m -> m, (x, y) -> x));
  }

  /** The scores derived from the tables Sitrep ships. */
  public static InteractionScores standard() {
    return STANDARD;
  }

  /** The Goldstein-scale score of {@code type}: the mean over its CAMEO codes (OTHER: 0). */
  public double score(EventType type) {
    return typeScore.get(type);
  }

  /** The score of {@code type} done in {@code mode} (see the class documentation); blank mode: the type's. */
  public double score(EventType type, String mode) {
    if (mode == null || mode.isBlank()) {
      return score(type);
    }
    return modeCache.computeIfAbsent(type.name() + "/" + mode.toLowerCase(Locale.ROOT).strip(),
        k -> scoreOfMode(type, mode.toLowerCase(Locale.ROOT).strip()));
  }

  /** The score of {@code event}: its type in its mode. */
  public double score(Event event) {
    return score(event.type(), event.mode());
  }

  /** The CAMEO codes that convert to {@code type}, with their Goldstein values. */
  public ImmutableList<CrosswalkEntry> crosswalk(EventType type) {
    return byType.get(type);
  }

  /** Every CAMEO code Sitrep maps, in the tables' order. */
  public ImmutableList<CrosswalkEntry> crosswalk() {
    return entries;
  }

  /** The entry of one CAMEO code. */
  public Optional<CrosswalkEntry> cameo(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /** How an ACLED event type and sub-event type read in Sitrep (case-insensitive). */
  public Optional<AcledMapping> acled(String eventType, String subEventType) {
    return Optional.ofNullable(acled.get(acledKey(eventType, subEventType)));
  }

  /** Every ACLED sub-event type Sitrep maps. */
  public ImmutableList<AcledMapping> acledMappings() {
    return acled.values().asList();
  }

  private double scoreOfMode(EventType type, String mode) {
    List<CrosswalkEntry> same = new ArrayList<>();
    for (CrosswalkEntry e : byType.get(type)) {
      if (e.mode().equalsIgnoreCase(mode)) {
        same.add(e);
      }
    }
    if (same.isEmpty()) {
      Pattern word = Pattern.compile("\\b" + Pattern.quote(mode));
      for (CrosswalkEntry e : byType.get(type)) {
        if (word.matcher(e.description().toLowerCase(Locale.ROOT)).find()) {
          same.add(e);
        }
      }
    }
    return same.isEmpty() ? score(type) : mean(same);
  }

  private static double mean(List<CrosswalkEntry> list) {
    if (list.isEmpty()) {
      return 0;
    }
    double sum = 0;
    for (CrosswalkEntry e : list) {
      sum += e.goldstein();
    }
    return sum / list.size();
  }

  private static String acledKey(String eventType, String subEventType) {
    return eventType.strip().toLowerCase(Locale.ROOT) + "|" + subEventType.strip().toLowerCase(Locale.ROOT);
  }

  // ---------------------------------------------------------------------------------------------

  private static InteractionScores load() {
    Map<String, Double> goldstein = new HashMap<>();
    for (String line : lines("CAMEO.goldsteinscale.txt").subList(1, lines("CAMEO.goldsteinscale.txt").size())) {
      String[] f = line.split("\t");
      if (f.length == 2) {
        goldstein.put(f[0].strip(), Double.parseDouble(f[1].strip()));
      }
    }
    Map<String, String> descriptions = new HashMap<>();
    for (String line : lines("CAMEO.eventcodes.txt")) {
      String[] f = line.split("\t");
      if (f.length == 2) {
        descriptions.put(f[0].strip(), f[1].strip());
      }
    }
    List<CrosswalkEntry> entries = new ArrayList<>();
    for (String line : lines("CAMEO2PLOVER-2021.txt")) {
      Matcher m = PLOVER_LINE.matcher(line.strip());
      if (!m.matches()) {
        continue;
      }
      String code = m.group(1);
      EventType type = EventType.valueOf(m.group(2));
      String mode = m.group(3).strip();
      String context = m.group(4) == null ? "" : m.group(4).strip();
      String description = m.group(5) != null ? m.group(5).strip() : descriptions.getOrDefault(code, "");
      entries.add(new CrosswalkEntry(code, description, goldsteinOf(code, goldstein), type, mode, context));
    }
    // CAMEO 01, make public statement: not in PLOVER, Sitrep's STATEMENT.
    goldstein.keySet().stream().filter(c -> c.startsWith("01") && c.length() >= 3).sorted().forEach(c ->
        entries.add(new CrosswalkEntry(c, descriptions.getOrDefault(c, ""), goldstein.get(c), EventType.STATEMENT,
            "", "")));
    List<AcledMapping> acled = new ArrayList<>();
    try (Reader r = reader("acled-crosswalk.csv")) {
      for (CSVRecord rec : CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
          .get().parse(r)) {
        String cameo = rec.get("cameo").strip();
        acled.add(new AcledMapping(rec.get("event_type"), rec.get("sub_event_type"),
            EventType.valueOf(rec.get("sitrep_type")), rec.get("mode"), cameo,
            cameo.isEmpty() ? 0 : goldsteinOf(cameo, goldstein), rec.get("reasoning")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new InteractionScores(entries, acled);
  }

  private static double goldsteinOf(String code, Map<String, Double> goldstein) {
    for (String c = code; c.length() >= 2; c = c.substring(0, c.length() - 1)) {
      Double v = goldstein.get(c);
      if (v != null) {
        return v;
      }
    }
    throw new IllegalStateException("no Goldstein value for CAMEO " + code);
  }

  private static List<String> lines(String resource) {
    try (Reader r = reader(resource)) {
      return new java.io.BufferedReader(r).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Reader reader(String resource) {
    InputStream in = InteractionScores.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing resource io/sitrep/core/tension/" + resource);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
