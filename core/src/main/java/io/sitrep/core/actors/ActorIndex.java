package io.sitrep.core.actors;

import com.google.common.collect.ImmutableList;
import io.sitrep.core.model.Actor;
import io.sitrep.core.model.ActorKind;
import io.sitrep.core.store.Filter;
import io.sitrep.core.store.ResourceType;
import io.sitrep.core.store.SitrepStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Resolves names as written in reports to known actors. Immutable and thread-safe once built;
 * build it once per snapshot of the actors and resolve many names against it.
 *
 * <h2>Forms</h2>
 * Each actor is known by its forms: its display name, its aliases, the aliases an
 * {@link AliasLedger} adds, and for a person of two or more name tokens the <em>surname</em> (the
 * last token: reports say "Kadhimi" and "Sadr"). Non-persons also answer to the acronym of each
 * of their names ({@link ArabicNames#acronym}: "AAH", "KH", "PMF").
 *
 * <h2>Scoring</h2>
 * A written name and a form are both read into tokens and phonetic keys by {@link ArabicNames}.
 * Tokens are paired one-to-one, greedily by similarity: 1 for equal tokens, 0.95 for equal keys,
 * else 0.9 × the Jaro–Winkler similarity (Apache Commons Text) of the keys or of the tokens,
 * whichever is higher, and no pair under {@value #MIN_TOKEN_SIM}. This is the SoftTFIDF scheme of
 * Cohen, Ravikumar and Fienberg, "A Comparison of String Distance Metrics for Name-Matching Tasks"
 * (IIWeb 2003), with two changes for Arabic names:
 * <ul>
 *   <li>Each token weighs its inverse document frequency {@code ln(1 + N / df)} over the actors
 *       ({@code N} actors, {@code df} of them with the token's key). A common given name
 *       ({@code given-names.txt}) weighs {@value #GIVEN_NAME_WEIGHT} of that when it is matched or
 *       when the report leaves it out.
 *   <li>A token of the written name that matches nothing keeps its full weight even if it is a given
 *       name: "Hamdi Malik" names someone other than Nouri al-Maliki, and "Mohammed Sadiq al-Sadr"
 *       someone other than Muqtada al-Sadr.
 * </ul>
 * The score is the harmonic mean of the weighted share of the written name covered and of the form
 * covered. A surname match scores {@value #SURNAME_FACTOR} of that, an unambiguous acronym
 * {@value #ACRONYM_SCORE}.
 *
 * <h2>Decision</h2>
 * The best candidate is {@code RESOLVED} at {@link ResolutionOptions#acceptScore()} and a lead of
 * {@link ResolutionOptions#margin()} over the next actor, {@code PROPOSED} from
 * {@link ResolutionOptions#proposeScore()}; below that nothing is offered. Resolution never merges
 * actors: merges are analyst decisions in the {@link AliasLedger}.
 *
 * <h2>Blocking</h2>
 * Only forms that share a token key, or a consonant skeleton of one (the key without its vowels),
 * with the written name are scored, at most {@value #MAX_SCORED_FORMS} of them, those with the most
 * shared weight first. Keys held by more than {@value #MAX_POSTINGS} forms are not used to find
 * candidates when the written name has a rarer one.
 */
public final class ActorIndex {
  static final double MIN_TOKEN_SIM = 0.8;
  static final double GIVEN_NAME_WEIGHT = 0.35;
  static final double DESIGNATOR_WEIGHT = 0.3;
  /** F-beta's beta: how many times more the share of the report covered counts than the share of the name. */
  static final double BETA = 2;
  static final double SURNAME_FACTOR = 0.97;
  static final double ACRONYM_SCORE = 0.96;
  static final int MAX_SCORED_FORMS = 16;
  static final int MAX_POSTINGS = 2000;

  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
  private static final byte FULL = 0;
  private static final byte SURNAME = 1;

  private final ResolutionOptions defaults;
  private final String[] actorName;
  private final String[] actorDisplay;
  private final Map<String, Integer> actorByName;

  private final int[] formActor;
  private final byte[] formType;
  private final String[] formText;
  private final String[][] formTokens;
  private final String[][] formKeys;
  private final double[][] formWeights;
  private final double[] formWeightSum;

  private final Map<String, int[]> byKey;
  private final Map<String, int[]> bySkeleton;
  private final Map<String, int[]> byConsonants;
  private final Map<String, Double> idf;
  private final Map<String, Double> consonantIdf;
  private final double unknownIdf;
  private final Map<String, int[]> byAcronym;
  private final Map<String, String> acronymForm;
  private final Map<Integer, Set<String>> blocked;
  private final ThreadLocal<Scratch> scratch;

  /** An index of {@code actors}. */
  public static ActorIndex of(Collection<Actor> actors) {
    return of(actors, AliasLedger.empty());
  }

  /** An index of {@code actors} with the decisions in force in {@code ledger} applied. */
  public static ActorIndex of(Collection<Actor> actors, AliasLedger ledger) {
    return new ActorIndex(actors, ledger, ResolutionOptions.DEFAULTS);
  }

  /** An index of the actors {@code store} holds now. */
  public static ActorIndex of(SitrepStore store, AliasLedger ledger) {
    try (Stream<Actor> s = store.scan(ResourceType.ACTORS, Filter.ALL)) {
      return of(s.toList(), ledger);
    }
  }

  /** The same index resolving with {@code options} by default. */
  public ActorIndex withDefaults(ResolutionOptions options) {
    return new ActorIndex(this, options);
  }

  /** How many actors are indexed (merged actors count once). */
  public int size() {
    return actorName.length;
  }

  /** Resolves {@code written} with the index's default options. */
  public Resolution resolve(String written) {
    return resolve(written, defaults);
  }

  /** Resolves {@code written}: scored candidates and whether the best is taken or proposed. */
  public Resolution resolve(String written, ResolutionOptions options) {
    Integer direct = actorByName.get(written.strip());
    if (direct != null) {
      return new Resolution(written, Resolution.Decision.RESOLVED, ImmutableList.of(new ActorCandidate(
          actorName[direct], actorDisplay[direct], 1.0, written.strip(), "the actor's resource name")));
    }
    ImmutableList<String> tokens = ArabicNames.tokens(written);
    int nq = tokens.size();
    String[] qt = tokens.toArray(new String[0]);
    String[] qk = new String[nq];
    double[] qw = new double[nq];
    boolean[] qGiven = new boolean[nq];
    for (int i = 0; i < nq; i++) {
      qk[i] = ArabicNames.key(qt[i]);
      qw[i] = (isUnvocalised(qk[i]) ? consonantIdf.getOrDefault(qk[i].substring(1), unknownIdf)
          : idf.getOrDefault(qk[i], unknownIdf)) * (ArabicNames.isDesignatorKey(qk[i]) ? DESIGNATOR_WEIGHT : 1);
      qGiven[i] = ArabicNames.isGivenNameKey(qk[i]);
    }
    Scratch s = scratch.get();
    int[] forms = candidateForms(qk, qw, s);

    // Best form per actor.
    Map<Integer, double[]> best = new HashMap<>();
    Map<Integer, Integer> bestForm = new HashMap<>();
    String joined = blocked.isEmpty() ? "" : String.join(" ", tokens);
    for (int f : forms) {
      int a = formActor[f];
      Set<String> b = blocked.get(a);
      if (b != null && b.contains(joined)) {
        continue;
      }
      double score = score(qt, qk, qw, qGiven, f, null);
      double[] cur = best.get(a);
      if (cur == null || score > cur[0]) {
        best.put(a, new double[] {score});
        bestForm.put(a, f);
      }
    }
    Map<Integer, ActorCandidate> byActor = new LinkedHashMap<>();
    if (ArabicNames.looksLikeAcronym(written)) {
      String acronym = ArabicNames.acronymOf(written);
      int[] owners = byAcronym.getOrDefault(acronym, new int[0]);
      double score = owners.length == 1 ? ACRONYM_SCORE : ACRONYM_SCORE - 0.06;
      for (int a : owners) {
        Set<String> b = blocked.get(a);
        if (b != null && b.contains(joined)) {
          continue;
        }
        byActor.put(a, new ActorCandidate(actorName[a], actorDisplay[a], score, acronym,
            "acronym of \"" + acronymForm.get(acronym + "\u0000" + a) + "\""
                + (owners.length > 1 ? "; " + owners.length + " actors share it" : "")));
      }
    }
    List<Map.Entry<Integer, double[]>> ranked = new ArrayList<>(best.entrySet());
    ranked.sort((x, y) -> Double.compare(y.getValue()[0], x.getValue()[0]));
    for (Map.Entry<Integer, double[]> e : ranked) {
      int a = e.getKey();
      double score = e.getValue()[0];
      if (score <= 0) {
        break;
      }
      ActorCandidate prior = byActor.get(a);
      if (prior != null && prior.score() >= score) {
        continue;
      }
      int f = bestForm.get(a);
      StringBuilder why = new StringBuilder();
      score(qt, qk, qw, qGiven, f, why);
      byActor.put(a, new ActorCandidate(actorName[a], actorDisplay[a], Math.min(1, score), formText[f],
          why.toString()));
      if (byActor.size() >= options.maxCandidates() + 1) {
        break;
      }
    }
    List<ActorCandidate> candidates = new ArrayList<>(byActor.values());
    candidates.sort((x, y) -> Double.compare(y.score(), x.score()));
    if (candidates.size() > options.maxCandidates()) {
      candidates = candidates.subList(0, options.maxCandidates());
    }
    Resolution.Decision decision = Resolution.Decision.NONE;
    if (!candidates.isEmpty()) {
      double s1 = candidates.get(0).score();
      double s2 = candidates.size() > 1 ? candidates.get(1).score() : 0;
      if (s1 >= options.acceptScore() && s1 - s2 >= options.margin()) {
        decision = Resolution.Decision.RESOLVED;
      } else if (s1 >= options.proposeScore()) {
        decision = Resolution.Decision.PROPOSED;
      }
    }
    return new Resolution(written, decision, ImmutableList.copyOf(candidates));
  }

  // ---------------------------------------------------------------------------------------------
  // Scoring

  /** The score of the written tokens against form {@code f}; explains itself into {@code why}. */
  private double score(String[] qt, String[] qk, double[] qw, boolean[] qGiven, int f, StringBuilder why) {
    String[] ft = formTokens[f];
    String[] fk = formKeys[f];
    double[] fw = formWeights[f];
    int nq = qt.length;
    int nf = ft.length;
    if (nq == 0 || nf == 0) {
      return 0;
    }
    double[] sim = new double[nq * nf];
    for (int i = 0; i < nq; i++) {
      for (int j = 0; j < nf; j++) {
        sim[i * nf + j] = tokenSimilarity(qt[i], qk[i], ft[j], fk[j]);
      }
    }
    int[] qMatch = new int[nq];
    Arrays.fill(qMatch, -1);
    boolean[] fUsed = new boolean[nf];
    for (int round = 0; round < Math.min(nq, nf); round++) {
      int bi = -1;
      int bj = -1;
      double bs = MIN_TOKEN_SIM;
      for (int i = 0; i < nq; i++) {
        if (qMatch[i] >= 0) {
          continue;
        }
        for (int j = 0; j < nf; j++) {
          if (!fUsed[j] && sim[i * nf + j] >= bs && (bi < 0 || sim[i * nf + j] > bs)) {
            bs = sim[i * nf + j];
            bi = i;
            bj = j;
          }
        }
      }
      if (bi < 0) {
        break;
      }
      qMatch[bi] = bj;
      fUsed[bj] = true;
    }
    // A given name the report adds is another person's, unless the report also matched a given
    // name: then it is a middle name or father's name the actor's record leaves out.
    boolean matchedGiven = false;
    for (int i = 0; i < nq; i++) {
      matchedGiven |= qMatch[i] >= 0 && qGiven[i];
    }
    double qNum = 0;
    double qDen = 0;
    double fNum = 0;
    for (int i = 0; i < nq; i++) {
      if (qMatch[i] >= 0) {
        double w = qw[i] * (qGiven[i] ? GIVEN_NAME_WEIGHT : 1);
        double s = sim[i * nf + qMatch[i]];
        qNum += w * s;
        qDen += w;
        fNum += fw[qMatch[i]] * s;
      } else {
        qDen += qw[i] * (qGiven[i] && matchedGiven ? GIVEN_NAME_WEIGHT : 1);
      }
    }
    if (qNum == 0) {
      return 0;
    }
    double qCov = qNum / qDen;
    double fCov = fNum / formWeightSum[f];
    double b2 = BETA * BETA;
    double score = (1 + b2) * qCov * fCov / (b2 * fCov + qCov);
    if (formType[f] == SURNAME) {
      score *= SURNAME_FACTOR;
    }
    if (why != null) {
      List<String> pairs = new ArrayList<>();
      List<String> extra = new ArrayList<>();
      for (int i = 0; i < nq; i++) {
        if (qMatch[i] < 0) {
          extra.add(qt[i]);
          continue;
        }
        String fTok = ft[qMatch[i]];
        double s = sim[i * nf + qMatch[i]];
        pairs.add(qt[i].equals(fTok) ? qt[i]
            : qk[i].equals(fk[qMatch[i]]) ? qt[i] + "~" + fTok + " (same key " + qk[i] + ")"
            : qt[i] + "~" + fTok + " (" + twoDigits(s) + ")");
      }
      List<String> missing = new ArrayList<>();
      for (int j = 0; j < nf; j++) {
        if (!fUsed[j]) {
          missing.add(ft[j]);
        }
      }
      why.append(formType[f] == SURNAME ? "surname " : "").append("\"").append(formText[f]).append("\": ")
          .append(String.join(", ", pairs));
      if (!extra.isEmpty()) {
        why.append("; unmatched in the report: ").append(String.join(" ", extra));
      }
      if (!missing.isEmpty()) {
        why.append("; not written: ").append(String.join(" ", missing));
      }
      why.append("; coverage ").append(twoDigits(qCov)).append(" of the report, ").append(twoDigits(fCov))
          .append(" of the name");
    }
    return score;
  }

  private static String twoDigits(double x) {
    long h = Math.round(x * 100);
    return h / 100 + "." + (h % 100 < 10 ? "0" : "") + h % 100;
  }

  static double tokenSimilarity(String q, String qKey, String f, String fKey) {
    if (q.equals(f)) {
      return 1;
    }
    if (qKey.charAt(0) == ArabicNames.ACRONYM_MARK || fKey.charAt(0) == ArabicNames.ACRONYM_MARK) {
      return 0;
    }
    if (qKey.equals(fKey)) {
      return 0.95;
    }
    boolean qu = isUnvocalised(qKey);
    if (qu != isUnvocalised(fKey)) {
      // Arabic script against a romanisation: compare consonants only.
      String a = qu ? qKey.substring(1) : ArabicNames.consonants(qKey);
      String b = qu ? ArabicNames.consonants(fKey) : fKey.substring(1);
      if (a.equals(b)) {
        return 0.9;
      }
      if (a.isEmpty() || b.isEmpty()) {
        return 0;
      }
      double s = 0.85 * JARO_WINKLER.apply(a, b);
      return s >= MIN_TOKEN_SIM ? s : 0;
    }
    // Romanisations disagree on vowels and consonant classes (the key's business), rarely on the
    // first letter of the key: Jaro-Winkler is only asked about keys that start alike.
    if (qKey.charAt(0) != fKey.charAt(0) || Math.abs(qKey.length() - fKey.length()) > 3) {
      return 0;
    }
    double jw = JARO_WINKLER.apply(qKey, fKey);
    if (jw < 0.95 && q.charAt(0) == f.charAt(0)) {
      jw = Math.max(jw, JARO_WINKLER.apply(q, f));
    }
    double s = 0.9 * jw;
    return s >= MIN_TOKEN_SIM ? s : 0;
  }

  // ---------------------------------------------------------------------------------------------
  // Blocking

  private static boolean isUnvocalised(String key) {
    return key.charAt(0) == ArabicNames.UNVOCALISED_MARK;
  }

  private int[] candidateForms(String[] qk, double[] qw, Scratch s) {
    int nq = qk.length;
    int[][] exact = new int[nq][];
    int[][] loose = new int[nq][];
    int rarest = Integer.MAX_VALUE;
    for (int i = 0; i < nq; i++) {
      if (isUnvocalised(qk[i])) {
        loose[i] = byConsonants.get(qk[i].substring(1));
      } else {
        exact[i] = byKey.get(qk[i]);
        loose[i] = bySkeleton.get(skeleton(qk[i]));
      }
      if (exact[i] != null) {
        rarest = Math.min(rarest, exact[i].length);
      }
      if (loose[i] != null) {
        rarest = Math.min(rarest, loose[i].length);
      }
    }
    for (int i = 0; i < nq; i++) {
      accumulate(exact[i], qw[i], rarest, s);
      accumulate(loose[i], qw[i] * 0.5, rarest, s);
    }
    // The MAX_SCORED_FORMS forms with the most shared weight.
    int k = Math.min(MAX_SCORED_FORMS, s.touchedCount);
    int[] top = new int[k];
    double[] topScore = new double[k];
    int filled = 0;
    for (int t = 0; t < s.touchedCount; t++) {
      int f = s.touched[t];
      double v = s.acc[f];
      s.acc[f] = 0;
      if (filled < k) {
        int pos = filled++;
        while (pos > 0 && topScore[pos - 1] < v) {
          top[pos] = top[pos - 1];
          topScore[pos] = topScore[pos - 1];
          pos--;
        }
        top[pos] = f;
        topScore[pos] = v;
      } else if (v > topScore[k - 1]) {
        int pos = k - 1;
        while (pos > 0 && topScore[pos - 1] < v) {
          top[pos] = top[pos - 1];
          topScore[pos] = topScore[pos - 1];
          pos--;
        }
        top[pos] = f;
        topScore[pos] = v;
      }
    }
    s.touchedCount = 0;
    // Forms sharing much less weight than the best form are not worth scoring.
    int keep = 0;
    while (keep < k && topScore[keep] >= 0.5 * topScore[0]) {
      keep++;
    }
    return keep == k ? top : Arrays.copyOf(top, keep);
  }

  private static void accumulate(int[] postings, double w, int rarest, Scratch s) {
    if (postings == null || (postings.length > MAX_POSTINGS && postings.length > rarest)) {
      return;
    }
    for (int f : postings) {
      if (s.acc[f] == 0) {
        s.touch(f);
      }
      s.acc[f] += w;
    }
  }

  /** The consonant skeleton of a key: its vowels removed, except a leading one. */
  static String skeleton(String key) {
    StringBuilder b = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c != 'a' || i == 0) {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static final class Scratch {
    final double[] acc;
    int[] touched = new int[64];
    int touchedCount;

    Scratch(int forms) {
      acc = new double[forms];
    }

    void touch(int f) {
      if (touchedCount == touched.length) {
        touched = Arrays.copyOf(touched, touched.length * 2);
      }
      touched[touchedCount++] = f;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Building

  private ActorIndex(ActorIndex other, ResolutionOptions defaults) {
    this.defaults = defaults;
    this.actorName = other.actorName;
    this.actorDisplay = other.actorDisplay;
    this.actorByName = other.actorByName;
    this.formActor = other.formActor;
    this.formType = other.formType;
    this.formText = other.formText;
    this.formTokens = other.formTokens;
    this.formKeys = other.formKeys;
    this.formWeights = other.formWeights;
    this.formWeightSum = other.formWeightSum;
    this.byKey = other.byKey;
    this.bySkeleton = other.bySkeleton;
    this.byConsonants = other.byConsonants;
    this.idf = other.idf;
    this.consonantIdf = other.consonantIdf;
    this.unknownIdf = other.unknownIdf;
    this.byAcronym = other.byAcronym;
    this.acronymForm = other.acronymForm;
    this.blocked = other.blocked;
    this.scratch = other.scratch;
  }

  private ActorIndex(Collection<Actor> actors, AliasLedger ledger, ResolutionOptions defaults) {
    this.defaults = defaults;
    // Survivors only: a merged actor's names go to its survivor.
    Map<String, Actor> byName = new LinkedHashMap<>();
    for (Actor a : actors) {
      byName.put(a.name(), a);
    }
    List<Actor> survivors = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    for (Actor a : byName.values()) {
      String survivor = ledger.survivorOf(a.name());
      if (survivor.equals(a.name()) || !byName.containsKey(survivor)) {
        index.put(a.name(), survivors.size());
        survivors.add(a);
      }
    }
    Map<String, Integer> nameToIndex = new HashMap<>(index);
    for (Actor a : byName.values()) {
      if (!index.containsKey(a.name())) {
        nameToIndex.put(a.name(), index.get(ledger.survivorOf(a.name())));
      }
    }
    int n = survivors.size();
    actorName = new String[n];
    actorDisplay = new String[n];
    for (int i = 0; i < n; i++) {
      actorName[i] = survivors.get(i).name();
      actorDisplay[i] = survivors.get(i).displayName();
    }
    actorByName = Map.copyOf(nameToIndex);

    // Names per actor: its own, its merged actors', the ledger's; minus blocked ones.
    List<Set<String>> names = new ArrayList<>();
    List<ActorKind> kinds = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add(new LinkedHashSet<>());
      kinds.add(survivors.get(i).kind());
    }
    for (Actor a : byName.values()) {
      Set<String> set = names.get(nameToIndex.get(a.name()));
      set.add(a.displayName());
      set.addAll(a.aliases());
    }
    Map<Integer, Set<String>> blockedBuilder = new HashMap<>();
    for (AliasDecision d : ledger.inForce()) {
      Integer a = nameToIndex.get(d.actor());
      switch (d.action()) {
        case ADD_ALIAS -> {
          if (a != null) {
            names.get(a).add(d.subject());
          }
        }
        case REMOVE_ALIAS, SPLIT -> {
          if (a != null) {
            names.get(a).remove(d.subject());
            blockedBuilder.computeIfAbsent(a, k -> new HashSet<>())
                .add(String.join(" ", ArabicNames.tokens(d.subject())));
          }
          Integer t = d.target().isEmpty() ? null : nameToIndex.get(d.target());
          if (t != null) {
            names.get(t).add(d.subject());
          }
        }
        default -> { }
      }
    }
    blocked = Map.copyOf(blockedBuilder);

    // Forms.
    List<Integer> fActor = new ArrayList<>();
    List<Byte> fType = new ArrayList<>();
    List<String> fText = new ArrayList<>();
    List<String[]> fTokens = new ArrayList<>();
    Map<String, int[]> acronyms = new HashMap<>();
    Map<String, String> acronymTexts = new HashMap<>();
    for (int a = 0; a < n; a++) {
      Set<String> seen = new HashSet<>();
      for (String name : names.get(a)) {
        ImmutableList<String> toks = ArabicNames.tokens(name);
        if (toks.isEmpty()) {
          continue;
        }
        if (seen.add(String.join(" ", toks))) {
          fActor.add(a);
          fType.add(FULL);
          fText.add(name);
          fTokens.add(toks.toArray(new String[0]));
        }
        if (kinds.get(a) == ActorKind.PERSON && toks.size() >= 2) {
          String last = toks.get(toks.size() - 1);
          if (!ArabicNames.isGivenName(last) && seen.add(last)) {
            fActor.add(a);
            fType.add(SURNAME);
            fText.add(name);
            fTokens.add(new String[] {last});
          }
        }
        if (kinds.get(a) != ActorKind.PERSON) {
          String acronym = ArabicNames.acronym(name);
          if (acronym.length() >= 2 && acronym.length() <= 6) {
            int[] owners = acronyms.getOrDefault(acronym, new int[0]);
            int owner = a;
            if (Arrays.stream(owners).noneMatch(o -> o == owner)) {
              owners = Arrays.copyOf(owners, owners.length + 1);
              owners[owners.length - 1] = a;
              acronyms.put(acronym, owners);
              acronymTexts.put(acronym + "\u0000" + a, name);
            }
          }
        }
      }
    }
    byAcronym = Map.copyOf(acronyms);
    acronymForm = Map.copyOf(acronymTexts);

    int nf = fActor.size();
    formActor = new int[nf];
    formType = new byte[nf];
    formText = fText.toArray(new String[0]);
    formTokens = fTokens.toArray(new String[0][]);
    formKeys = new String[nf][];
    Map<String, Set<Integer>> actorsWithKey = new HashMap<>();
    Map<String, String> keyCache = new HashMap<>();
    Map<String, Set<Integer>> actorsWithConsonants = new HashMap<>();
    for (int f = 0; f < nf; f++) {
      formActor[f] = fActor.get(f);
      formType[f] = fType.get(f);
      String[] toks = formTokens[f];
      String[] keys = new String[toks.length];
      for (int t = 0; t < toks.length; t++) {
        keys[t] = keyCache.computeIfAbsent(toks[t], ArabicNames::key);
        actorsWithKey.computeIfAbsent(keys[t], k -> new HashSet<>()).add(formActor[f]);
        actorsWithConsonants.computeIfAbsent(ArabicNames.consonants(keys[t]), k -> new HashSet<>())
            .add(formActor[f]);
      }
      formKeys[f] = keys;
    }
    Map<String, Double> idfBuilder = new HashMap<>();
    for (Map.Entry<String, Set<Integer>> e : actorsWithKey.entrySet()) {
      idfBuilder.put(e.getKey(), Math.log(1 + (double) n / e.getValue().size()));
    }
    idf = Map.copyOf(idfBuilder);
    Map<String, Double> consonantIdfBuilder = new HashMap<>();
    for (Map.Entry<String, Set<Integer>> e : actorsWithConsonants.entrySet()) {
      consonantIdfBuilder.put(e.getKey(), Math.log(1 + (double) n / e.getValue().size()));
    }
    consonantIdf = Map.copyOf(consonantIdfBuilder);
    unknownIdf = Math.log(1 + Math.max(n, 1));
    formWeights = new double[nf][];
    formWeightSum = new double[nf];
    Map<String, List<Integer>> keyPostings = new HashMap<>();
    Map<String, List<Integer>> skeletonPostings = new HashMap<>();
    Map<String, List<Integer>> consonantPostings = new HashMap<>();
    for (int f = 0; f < nf; f++) {
      String[] keys = formKeys[f];
      double[] w = new double[keys.length];
      for (int t = 0; t < keys.length; t++) {
        w[t] = idf.get(keys[t]) * (ArabicNames.isGivenNameKey(keys[t]) ? GIVEN_NAME_WEIGHT : 1)
            * (ArabicNames.isDesignatorKey(keys[t]) ? DESIGNATOR_WEIGHT : 1);
        formWeightSum[f] += w[t];
        addPosting(keyPostings, keys[t], f);
        addPosting(skeletonPostings, skeleton(keys[t]), f);
        addPosting(consonantPostings, ArabicNames.consonants(keys[t]), f);
      }
      formWeights[f] = w;
    }
    byKey = toArrays(keyPostings);
    bySkeleton = toArrays(skeletonPostings);
    byConsonants = toArrays(consonantPostings);
    int formCount = nf;
    scratch = ThreadLocal.withInitial(() -> new Scratch(formCount));
  }

  private static void addPosting(Map<String, List<Integer>> postings, String key, int f) {
    List<Integer> list = postings.computeIfAbsent(key, k -> new ArrayList<>(2));
    if (list.isEmpty() || list.get(list.size() - 1) != f) {
      list.add(f);
    }
  }

  private static Map<String, int[]> toArrays(Map<String, List<Integer>> postings) {
    Map<String, int[]> out = new HashMap<>(postings.size() * 2);
    for (Map.Entry<String, List<Integer>> e : postings.entrySet()) {
      out.put(e.getKey(), e.getValue().stream().mapToInt(Integer::intValue).toArray());
    }
    return out;
  }
}
