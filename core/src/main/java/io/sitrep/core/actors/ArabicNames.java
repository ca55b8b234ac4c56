package io.sitrep.core.actors;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.ibm.icu.text.Transliterator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How Sitrep reads a name written in a report: the spelling rules that make "al-Kadhimi",
 * "Al-Kazemi" and "الكاظمي" one name. Pure functions, thread-safe.
 *
 * <h2>Tokens ({@link #tokens})</h2>
 * <ol>
 *   <li>Apostrophes, ayn and hamza marks ({@code ' ’ ʿ ʾ `}) are dropped: Asa'ib = Asaib.
 *   <li>Anything not ASCII goes through ICU's {@code Any-Latin; Latin-ASCII} transliterator, so
 *       Arabic or Persian script and diacritics (Ṣadr, Ḥizb) become plain Latin letters. A token that
 *       came from Arabic script loses a glued article ({@code الكاظمي} gives {@code alkazmy}, then
 *       {@code kazmy}).
 *   <li>Camel case is split ({@code AlHaq} is {@code Al Haq}, {@code MAKadhimi} is {@code MA Kadhimi});
 *       hyphens and punctuation separate tokens; everything is lower-cased.
 *   <li>Dropped tokens: titles ({@code PM, Prime Minister, Sheikh, Sayyid, General, Hajji, ...}),
 *       articles ({@code al, el, ul, il} and the assimilated {@code as, ash, ad, an, ar, at, az}),
 *       filiation ({@code bin, ibn, bint}) and English function words ({@code of, the, and}).
 *   <li>{@code Abdul}, {@code Abdel}, {@code Abd al-} are one particle {@code abd}: "Abdelaziz" is
 *       {@code abd aziz}, as is "Abd al-Aziz". A separate "Allah" joins the word before it
 *       ("Hizb Allah" is "Hizballah").
 *   <li>Country qualifiers ("Iraqi PM Kadhimi", "Iran's") are dropped unless nothing else is left.
 *   <li>A word in capitals of two to six letters ("AAH", "K.H.") is an acronym: it only equals
 *       itself, and {@link ActorIndex} looks it up among the actors' acronyms.
 *   <li>Tokens from Arabic script are marked unvocalised ({@code ^}): Arabic writes no short
 *       vowels, so they are compared with romanisations by {@link #consonants} only.
 * </ol>
 *
 * <h2>Keys ({@link #key})</h2>
 * A phonetic key per token that is equal across the usual romanisations of one Arabic or Persian
 * spelling. The rules, in order:
 * <ol>
 *   <li>Digraphs: {@code sh, ch} → one sibilant; {@code kh} → one velar fricative; {@code gh} → k;
 *       {@code dh, th, zh} → d (ذ, ظ and ث are written dh, z, th or d); {@code ph} → f.
 *   <li>Letters: {@code q, g, c, k} → k (ق is q, k or, in Iraq and Iran, g; Ghaani = Qaani);
 *       {@code z} → d (Kazemi = Kadhimi); {@code v} → w (Persian و); {@code p} → b.
 *   <li>{@code y} and {@code w} after a vowel and not before one are vowels (ei, ay, ou, aw).
 *   <li>A word-final {@code h} after a vowel is dropped (Hizballah = Hizballa; ة and silent ه).
 *   <li>Doubled letters are single (Fayyadh = Fayadh).
 *   <li>Every run of vowels is one {@code a}: vowels are where romanisations disagree most
 *       (Muqtada/Moqtada, Soleimani/Suleimani, Hezbollah/Hizbullah, Amiri/Ameri).
 * </ol>
 * "Kadhimi", "Kazemi" and "Kadimi" all have the key {@code kadama}; "Hezbollah", "Hizballah" and
 * "Hizbullah" have {@code hadbala}.
 */
public final class ArabicNames {
  private ArabicNames() {}

  private static final Pattern APOSTROPHES = Pattern.compile("['’‘ʿʾ`´ʻʼ]");
  private static final Pattern ARABIC_SCRIPT = Pattern.compile("[\\u0600-\\u06FF\\u0750-\\u077F\\uFB50-\\uFDFF\\uFE70-\\uFEFF]");

  static final ImmutableSet<String> TITLES = ImmutableSet.of(
      "pm", "premier", "president", "minister", "sheikh", "shaykh", "sheik", "shaikh", "sayyid",
      "sayyed", "sayed", "syed", "seyed", "seyyed", "sayid", "general", "gen", "maj", "major",
      "brig", "brigadier", "colonel", "col", "lt", "lieutenant", "dr", "doctor", "mr", "mrs", "ms",
      "hajj", "haji", "hajji", "mullah", "mulla", "ayatollah", "ayatullah", "imam", "emir",
      "mp", "gov", "governor", "judge", "qadi", "sir", "commander", "cmdr", "prime", "grand", "chief",
      "secretary", "hojatoleslam", "hujjat");

  /** Marks a token that was written as an acronym (all capitals), so it only equals itself. */
  static final char ACRONYM_MARK = '#';

  static final ImmutableSet<String> ARTICLES = ImmutableSet.of(
      "al", "el", "ul", "il", "as", "ash", "ad", "an", "ar", "at", "az", "adh", "ath", "ez", "es");

  static final ImmutableSet<String> FILIATION = ImmutableSet.of("bin", "ibn", "bint", "bn", "ben");

  static final ImmutableSet<String> FUNCTION_WORDS = ImmutableSet.of(
      "of", "the", "and", "for", "in", "on", "de", "du", "la", "le", "des", "et", "wa", "w");

  /** Country names and adjectives that qualify a name ("Iraqi PM Kadhimi"); dropped unless alone. */
  static final ImmutableSet<String> QUALIFIERS = ImmutableSet.of(
      "iraq", "iraqi", "iraqs", "iran", "iranian", "irans", "lebanon", "lebanese", "syria", "syrian",
      "american", "kurdish", "turkish");

  /** Marks a token that came from Arabic script: unvocalised, compared by its consonants only. */
  static final char UNVOCALISED_MARK = '^';

  private static final ImmutableSet<String> ALLAH = ImmutableSet.of("allah", "allh", "ullah", "illah", "llah");

  private static final ThreadLocal<Transliterator> TO_ASCII =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));

  private static final ImmutableSet<String> GIVEN_NAME_KEYS = loadKeys("given-names.txt");
  private static final ImmutableSet<String> GIVEN_NAME_CONSONANTS = GIVEN_NAME_KEYS.stream()
      .map(ArabicNames::consonants).collect(ImmutableSet.toImmutableSet());
  private static final ImmutableSet<String> DESIGNATOR_KEYS = loadKeys("designators.txt");

  /** The normalised tokens of {@code written}; empty when it is only titles and particles. */
  public static ImmutableList<String> tokens(String written) {
    List<String> out = new ArrayList<>();
    boolean arabic = !isAscii(written) && ARABIC_SCRIPT.matcher(written).find();
    for (String raw : rawWords(written)) {
      if (ALLAH.contains(raw) && !out.isEmpty()) {
        // Hizb Allah is Hizballah, Abd Allah is Abdullah: one name, however spaced.
        out.set(out.size() - 1, out.get(out.size() - 1) + "allah");
        continue;
      }
      addToken(out, raw);
    }
    if (out.size() > 1) {
      List<String> unqualified = new ArrayList<>(out.size());
      for (String t : out) {
        if (!QUALIFIERS.contains(t)) {
          unqualified.add(t);
        }
      }
      if (!unqualified.isEmpty()) {
        out = unqualified;
      }
    }
    if (arabic) {
      out.replaceAll(t -> t.charAt(0) == ACRONYM_MARK ? t : UNVOCALISED_MARK + t);
    }
    return ImmutableList.copyOf(out);
  }

  /**
   * The initials of {@code name}'s words, articles, filiation and function words skipped, in
   * upper case: "Asa'ib Ahl al-Haq" gives {@code AAH}, "Popular Mobilization Forces" {@code PMF}.
   */
  public static String acronym(String name) {
    StringBuilder b = new StringBuilder();
    for (String w : rawWords(name)) {
      if (ARTICLES.contains(w) || FILIATION.contains(w) || FUNCTION_WORDS.contains(w)
          || w.charAt(0) == ACRONYM_MARK) {
        continue;
      }
      b.append(Character.toUpperCase(w.charAt(0)));
    }
    return b.toString();
  }

  /**
   * True when {@code written} is written like an acronym: one word of two to six capital letters,
   * optionally with dots ("AAH", "K.H.", "PMF").
   */
  public static boolean looksLikeAcronym(String written) {
    String s = written.strip().replace(".", "");
    if (s.length() < 2 || s.length() > 6) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 'A' || c > 'Z') {
        return false;
      }
    }
    return true;
  }

  /** The acronym {@code written} spells, upper case without dots; see {@link #looksLikeAcronym}. */
  static String acronymOf(String written) {
    return written.strip().replace(".", "");
  }

  /** True when {@code token} (a normalised token) is a common given name or name particle. */
  public static boolean isGivenName(String token) {
    return isGivenNameKey(key(token));
  }

  static boolean isGivenNameKey(String k) {
    return k.charAt(0) == UNVOCALISED_MARK ? GIVEN_NAME_CONSONANTS.contains(k.substring(1))
        : GIVEN_NAME_KEYS.contains(k);
  }

  /**
   * True when {@code token} is a generic word of organisation names ({@code designators.txt}:
   * movement, brigades, kataib, commission...).
   */
  public static boolean isDesignator(String token) {
    return DESIGNATOR_KEYS.contains(key(token));
  }

  static boolean isDesignatorKey(String key) {
    return DESIGNATOR_KEYS.contains(key);
  }

  /**
   * The consonants of a key: without vowels, without {@code w} and {@code y} (which Arabic script
   * also writes for long vowels) and without a final {@code h}. Arabic script leaves short vowels
   * out, so a name from Arabic script is compared with a romanised one by these alone:
   * {@code الكاظمي} and "Kadhimi" both give {@code kdm}.
   */
  public static String consonants(String key) {
    StringBuilder b = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c != 'a' && c != 'w' && c != 'y' && c != UNVOCALISED_MARK) {
        b.append(c);
      }
    }
    int n = b.length();
    if (n > 1 && b.charAt(n - 1) == 'h') {
      b.setLength(n - 1);
    }
    return b.toString();
  }

  /** The phonetic key of a normalised token; see the class documentation for the rules. */
  public static String key(String token) {
    if (!token.isEmpty() && token.charAt(0) == ACRONYM_MARK) {
      return token;
    }
    if (!token.isEmpty() && token.charAt(0) == UNVOCALISED_MARK) {
      return UNVOCALISED_MARK + consonants(key(token.substring(1)));
    }
    int n = token.length();
    // Pass 1: digraphs and letter classes into a char buffer. 'S' marks sh/ch, 'X' kh.
    char[] c = new char[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      char ch = token.charAt(i);
      char next = i + 1 < n ? token.charAt(i + 1) : 0;
      if (next == 'h') {
        char d = switch (ch) {
          case 's', 'c' -> 'S';
          case 'k' -> 'X';
          case 'g' -> 'k';
          case 'd', 't', 'z' -> 'd';
          case 'p' -> 'f';
          default -> 0;
        };
        if (d != 0) {
          c[m++] = d;
          i++;
          continue;
        }
      }
      c[m++] = switch (ch) {
        case 'q', 'g', 'c' -> 'k';
        case 'z' -> 'd';
        case 'v' -> 'w';
        case 'p' -> 'b';
        case 'e', 'i', 'o', 'u' -> 'a';
        default -> ch;
      };
    }
    // Pass 2: y/w after a vowel and not before one are vowels; final h after a vowel is silent.
    for (int i = 0; i < m; i++) {
      char ch = c[i];
      if ((ch == 'y' || ch == 'w') && i > 0 && c[i - 1] == 'a' && (i + 1 >= m || c[i + 1] != 'a')) {
        c[i] = 'a';
      }
    }
    if (m > 2 && c[m - 1] == 'h' && c[m - 2] == 'a') {
      m--;
    }
    if (m > 1 && c[m - 1] == 'y') {
      c[m - 1] = 'a';
    }
    // Pass 3: collapse doubled letters and vowel runs.
    StringBuilder out = new StringBuilder(m);
    for (int i = 0; i < m; i++) {
      if (out.length() > 0 && out.charAt(out.length() - 1) == c[i]) {
        continue;
      }
      out.append(c[i]);
    }
    return out.toString();
  }

  /**
   * The lower-case ASCII words of {@code written} before titles and particles are dropped, in one
   * pass: apostrophes vanish, camel case and punctuation split words, a word in capitals of two to
   * six letters is marked as an acronym (unless the whole name is in capitals, as in a headline).
   */
  private static List<String> rawWords(String written) {
    String s = written;
    boolean arabicScript = false;
    if (!isAscii(s)) {
      arabicScript = ARABIC_SCRIPT.matcher(s).find();
      s = APOSTROPHES.matcher(s).replaceAll("");
      s = TO_ASCII.get().transliterate(s);
    }
    boolean headline = s.indexOf(' ') >= 0 && !hasLowerCase(s);
    List<String> words = new ArrayList<>(4);
    StringBuilder w = new StringBuilder(16);
    boolean allCaps = true;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (isApostrophe(c)) {
        continue;
      }
      char next = i + 1 < n ? s.charAt(i + 1) : ' ';
      if (c == '.' && w.length() > 0 && allCaps && isUpper(w.charAt(w.length() - 1))
          && (isUpper(next) || !isAsciiLetter(next))) {
        continue; // K.H.
      }
      if (isAsciiLetterOrDigit(c)) {
        if (w.length() > 0) {
          char prev = w.charAt(w.length() - 1);
          boolean camel = (isLower(prev) && isUpper(c))
              || (isUpper(prev) && isUpper(c) && isLower(next) && w.length() > 1);
          if (camel) {
            flush(words, w, allCaps, headline, arabicScript);
            allCaps = true;
          }
        }
        w.append(c);
        allCaps &= !isLower(c);
      } else if (w.length() > 0) {
        flush(words, w, allCaps, headline, arabicScript);
        allCaps = true;
      }
    }
    if (w.length() > 0) {
      flush(words, w, allCaps, headline, arabicScript);
    }
    return words;
  }

  private static void flush(List<String> words, StringBuilder w, boolean allCaps, boolean headline,
      boolean arabicScript) {
    String word = w.toString();
    w.setLength(0);
    String lower = word.toLowerCase(Locale.ROOT);
    if (!headline && allCaps && word.length() >= 2 && word.length() <= 6 && isAllLetters(word)
        && !TITLES.contains(lower)) {
      words.add(ACRONYM_MARK + lower);
      return;
    }
    if (arabicScript && lower.length() > 4 && lower.startsWith("al")) {
      words.add("al");
      lower = lower.substring(2);
    }
    words.add(lower);
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02BF' || c == '\u02BE' || c == '`'
        || c == '\u00B4' || c == '\u02BB' || c == '\u02BC';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9');
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isAllLetters(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isAsciiLetter(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasLowerCase(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isLower(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static void addToken(List<String> out, String w) {
    if (w.indexOf(ACRONYM_MARK) > 0) {
      w = w.replace(String.valueOf(ACRONYM_MARK), "");
    }
    if (w.length() == 1 && w.charAt(0) == ACRONYM_MARK) {
      return;
    }
    if (TITLES.contains(w) || ARTICLES.contains(w) || FILIATION.contains(w) || FUNCTION_WORDS.contains(w)) {
      return;
    }
    for (String prefix : new String[] {"abdul", "abdel", "abdal", "abdol", "abdil"}) {
      if (w.startsWith(prefix)) {
        out.add("abd");
        if (w.length() > prefix.length() + 1) {
          out.add(w.substring(prefix.length()));
        }
        return;
      }
    }
    if (w.equals("abd") || w.equals("abed")) {
      out.add("abd");
      return;
    }
    out.add(w);
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 127) {
        return false;
      }
    }
    return true;
  }

  private static ImmutableSet<String> loadKeys(String resource) {
    ImmutableSet.Builder<String> keys = ImmutableSet.builder();
    try (InputStream in = ArabicNames.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource io/sitrep/core/actors/" + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        line = line.strip();
        if (!line.isEmpty() && !line.startsWith("#")) {
          keys.add(key(line.toLowerCase(Locale.ROOT)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return keys.build();
  }
}
