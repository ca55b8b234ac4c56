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
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

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
 * else 0.9 × the Jaro–Winkler similarity ({@link JaroWinkler}, as Apache Commons Text computes it) of the keys or of the tokens,
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
 * candidates when the written name has a rarer one, but still add their weight to the candidates the
 * rarer ones found: among a hundred al-Hothaanis the Qasim is scored first.
 *
 * <h2>Cost</h2>
 * Tokens and keys are read once when the index is built, into a dictionary of ids and char arrays;
 * a written name is read once, each of its tokens compared at most once with each dictionary token
 * (the similarities are cached per name), and the working memory is per thread and reused. Only
 * the listed candidates are explained.
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

  private static final byte FULL = 0;
  private static final byte SURNAME = 1;
  private static final int NONE = -1;

  private final ResolutionOptions defaults;
  private final String[] actorName;
  private final String[] actorDisplay;
  private final Map<String, Integer> actorByName;

  // Forms: the spellings actors are known by, as ids into the token dictionary.
  private final int[] formActor;
  private final byte[] formType;
  private final String[] formText;
  private final int[][] formTokens;
  private final double[][] formWeights;
  private final double[] formWeightSum;

  // The token dictionary: every distinct token of every form, read once.
  private final Map<String, Integer> tokenIds;
  private final String[] tokenText;
  private final char[][] tokenChars;
  private final int[] tokenKey;

  // The key dictionary: every distinct key, its consonants and where it is posted.
  private final Map<String, Integer> keyIds;
  private final String[] keyText;
  private final char[][] keyChars;
  /** What is compared across scripts: the key without its mark if unvocalised, else its consonants. */
  private final char[][] keyCrossScript;
  private final boolean[] keyUnvocalised;
  private final boolean[] keyAcronym;
  private final double[] keyIdf;
  private final int[][] keyPostings;
  private final int[] keySkeleton;
  private final int[] keyConsonants;
  private final Map<String, Integer> skeletonIds;
  private final int[][] skeletonPostings;
  private final Map<String, Integer> consonantIds;
  private final int[][] consonantPostings;
  private final double[] consonantIdf;
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

  /**
   * Resolves every name of {@code written} with the index's default options, on the common
   * fork-join pool (every core); the answers are in the order of the names.
   */
  public ImmutableList<Resolution> resolveAll(List<String> written) {
    return written.parallelStream().map(this::resolve).collect(ImmutableList.toImmutableList());
  }

  /** Resolves {@code written}: scored candidates and whether the best is taken or proposed. */
  public Resolution resolve(String written, ResolutionOptions options) {
    Integer direct = actorByName.get(written.strip());
    if (direct != null) {
      return new Resolution(written, Resolution.Decision.RESOLVED, ImmutableList.of(new ActorCandidate(
          actorName[direct], actorDisplay[direct], 1.0, written.strip(), "the actor's resource name")));
    }
    ImmutableList<String> tokens = ArabicNames.tokens(written);
    Scratch s = scratch.get();
    Query q = s.query(tokens);
    for (int i = 0; i < q.n; i++) {
      String k = ArabicNames.key(q.token[i]);
      q.key[i] = k;
      q.keyChars[i] = k.toCharArray();
      q.tokenChars[i] = q.token[i].toCharArray();
      q.tokenId[i] = tokenIds.getOrDefault(q.token[i], NONE);
      q.keyId[i] = keyIds.getOrDefault(k, NONE);
      q.unvocalised[i] = isUnvocalised(k);
      q.acronym[i] = k.charAt(0) == ArabicNames.ACRONYM_MARK;
      q.crossScript[i] = (q.unvocalised[i] ? k.substring(1) : ArabicNames.consonants(k)).toCharArray();
      double idf;
      if (q.unvocalised[i]) {
        int c = consonantIds.getOrDefault(k.substring(1), NONE);
        idf = c == NONE ? unknownIdf : consonantIdf[c];
      } else {
        idf = q.keyId[i] == NONE ? unknownIdf : keyIdf[q.keyId[i]];
      }
      q.weight[i] = idf * (ArabicNames.isDesignatorKey(k) ? DESIGNATOR_WEIGHT : 1);
      q.given[i] = ArabicNames.isGivenNameKey(k);
    }
    int forms = candidateForms(q, s);

    // Best form per actor.
    s.nextGeneration();
    String joined = blocked.isEmpty() ? "" : String.join(" ", tokens);
    for (int c = 0; c < forms; c++) {
      int f = s.candidates[c];
      int a = formActor[f];
      Set<String> b = blocked.get(a);
      if (b != null && b.contains(joined)) {
        continue;
      }
      double score = score(q, f, s);
      if (s.actorGeneration[a] != s.generation) {
        s.actorGeneration[a] = s.generation;
        s.actorScore[a] = score;
        s.actorForm[a] = f;
        s.touchActor(a);
      } else if (score > s.actorScore[a]) {
        s.actorScore[a] = score;
        s.actorForm[a] = f;
      }
    }
    List<Pending> pending = new ArrayList<>(options.maxCandidates() + 1);
    if (ArabicNames.looksLikeAcronym(written)) {
      String acronym = ArabicNames.acronymOf(written);
      int[] owners = byAcronym.getOrDefault(acronym, new int[0]);
      double score = owners.length == 1 ? ACRONYM_SCORE : ACRONYM_SCORE - 0.06;
      for (int a : owners) {
        Set<String> b = blocked.get(a);
        if (b != null && b.contains(joined)) {
          continue;
        }
        pending.add(new Pending(a, score, NONE, new ActorCandidate(actorName[a], actorDisplay[a], score, acronym,
            "acronym of \"" + acronymForm.get(acronym + "\u0000" + a) + "\""
                + (owners.length > 1 ? "; " + owners.length + " actors share it" : ""))));
      }
    }
    int[] ranked = s.rankedActors();
    for (int a : ranked) {
      double score = s.actorScore[a];
      if (score <= 0) {
        break;
      }
      int prior = NONE;
      for (int p = 0; p < pending.size(); p++) {
        if (pending.get(p).actor == a) {
          prior = p;
        }
      }
      if (prior != NONE && pending.get(prior).score >= score) {
        continue;
      }
      Pending next = new Pending(a, Math.min(1, score), s.actorForm[a], null);
      if (prior != NONE) {
        pending.set(prior, next);
      } else {
        pending.add(next);
      }
      if (pending.size() >= options.maxCandidates() + 1) {
        break;
      }
    }
    pending.sort((x, y) -> Double.compare(y.score, x.score));
    if (pending.size() > options.maxCandidates()) {
      pending = pending.subList(0, options.maxCandidates());
    }
    ImmutableList.Builder<ActorCandidate> candidates = ImmutableList.builderWithExpectedSize(pending.size());
    for (Pending p : pending) {
      candidates.add(p.candidate != null ? p.candidate : new ActorCandidate(actorName[p.actor],
          actorDisplay[p.actor], p.score, formText[p.form], explain(q, p.form, s)));
    }
    Resolution.Decision decision = Resolution.Decision.NONE;
    if (!pending.isEmpty()) {
      double s1 = pending.get(0).score;
      double s2 = pending.size() > 1 ? pending.get(1).score : 0;
      if (s1 >= options.acceptScore() && s1 - s2 >= options.margin()) {
        decision = Resolution.Decision.RESOLVED;
      } else if (s1 >= options.proposeScore()) {
        decision = Resolution.Decision.PROPOSED;
      }
    }
    return new Resolution(written, decision, candidates.build());
  }

  /** A candidate before its explanation is written: only the listed ones are explained. */
  private record Pending(int actor, double score, int form, @Nullable ActorCandidate candidate) {}

  // ---------------------------------------------------------------------------------------------
  // Scoring

  /** The score of the written tokens against form {@code f}. */
  private double score(Query q, int f, Scratch s) {
    int[] ft = formTokens[f];
    double[] fw = formWeights[f];
    int nq = q.n;
    int nf = ft.length;
    if (nq == 0 || nf == 0) {
      return 0;
    }
    double[] sim = pair(q, ft, s);
    int[] qMatch = s.qMatch;
    // A given name the report adds is another person's, unless the report also matched a given
    // name: then it is a middle name or father's name the actor's record leaves out.
    boolean matchedGiven = false;
    for (int i = 0; i < nq; i++) {
      matchedGiven |= qMatch[i] >= 0 && q.given[i];
    }
    double qNum = 0;
    double qDen = 0;
    double fNum = 0;
    for (int i = 0; i < nq; i++) {
      if (qMatch[i] >= 0) {
        double w = q.weight[i] * (q.given[i] ? GIVEN_NAME_WEIGHT : 1);
        double x = sim[i * nf + qMatch[i]];
        qNum += w * x;
        qDen += w;
        fNum += fw[qMatch[i]] * x;
      } else {
        qDen += q.weight[i] * (q.given[i] && matchedGiven ? GIVEN_NAME_WEIGHT : 1);
      }
    }
    if (qNum == 0) {
      return 0;
    }
    double score = fBeta(qNum / qDen, fNum / formWeightSum[f]);
    return formType[f] == SURNAME ? score * SURNAME_FACTOR : score;
  }

  private static double fBeta(double qCov, double fCov) {
    double b2 = BETA * BETA;
    return (1 + b2) * qCov * fCov / (b2 * fCov + qCov);
  }

  /**
   * The similarity matrix of the written tokens against {@code ft} and their one-to-one pairing,
   * greedy by similarity, left in {@code s.qMatch} and {@code s.fUsed}.
   */
  private double[] pair(Query q, int[] ft, Scratch s) {
    int nq = q.n;
    int nf = ft.length;
    double[] sim = s.sim(nq * nf);
    for (int j = 0; j < nf; j++) {
      int slot = similarities(q, ft[j], s);
      for (int i = 0; i < nq; i++) {
        sim[i * nf + j] = s.cache[slot + i];
      }
    }
    int[] qMatch = s.qMatch(nq);
    boolean[] fUsed = s.fUsed(nf);
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
    return sim;
  }

  /** Where in {@code s.cache} the similarities of every written token to token {@code t} are, computed once per name. */
  private int similarities(Query q, int t, Scratch s) {
    if (s.tokenGeneration[t] == s.queryGeneration) {
      return s.tokenSlot[t];
    }
    int slot = s.reserve(q.n);
    for (int i = 0; i < q.n; i++) {
      s.cache[slot + i] = tokenSimilarity(q, i, t);
    }
    s.tokenGeneration[t] = s.queryGeneration;
    s.tokenSlot[t] = slot;
    return slot;
  }

  /** How similar written token {@code i} is to dictionary token {@code t}; see the class documentation. */
  private double tokenSimilarity(Query q, int i, int t) {
    if (q.tokenId[i] == t) {
      return 1;
    }
    int k = tokenKey[t];
    if (q.acronym[i] || keyAcronym[k]) {
      return 0;
    }
    if (q.keyId[i] == k) {
      return 0.95;
    }
    if (q.unvocalised[i] != keyUnvocalised[k]) {
      // Arabic script against a romanisation: compare consonants only.
      char[] a = q.crossScript[i];
      char[] b = keyCrossScript[k];
      if (Arrays.equals(a, b)) {
        return 0.9;
      }
      if (a.length == 0 || b.length == 0) {
        return 0;
      }
      double x = 0.85 * JaroWinkler.similarity(a, b);
      return x >= MIN_TOKEN_SIM ? x : 0;
    }
    // Romanisations disagree on vowels and consonant classes (the key's business), rarely on the
    // first letter of the key: Jaro-Winkler is only asked about keys that start alike.
    char[] qk = q.keyChars[i];
    char[] fk = keyChars[k];
    if (qk[0] != fk[0] || Math.abs(qk.length - fk.length) > 3) {
      return 0;
    }
    double jw = JaroWinkler.similarity(qk, fk);
    if (jw < 0.95 && q.tokenChars[i][0] == tokenChars[t][0]) {
      jw = Math.max(jw, JaroWinkler.similarity(q.tokenChars[i], tokenChars[t]));
    }
    double x = 0.9 * jw;
    return x >= MIN_TOKEN_SIM ? x : 0;
  }

  /** The account of the match of the written tokens with form {@code f}, for an analyst. */
  private String explain(Query q, int f, Scratch s) {
    int[] ft = formTokens[f];
    int nq = q.n;
    int nf = ft.length;
    double[] sim = pair(q, ft, s);
    int[] qMatch = s.qMatch;
    boolean[] fUsed = s.fUsed;
    boolean matchedGiven = false;
    for (int i = 0; i < nq; i++) {
      matchedGiven |= qMatch[i] >= 0 && q.given[i];
    }
    double qNum = 0;
    double qDen = 0;
    double fNum = 0;
    StringBuilder why = new StringBuilder(160);
    why.append(formType[f] == SURNAME ? "surname " : "").append('"').append(formText[f]).append("\": ");
    boolean first = true;
    for (int i = 0; i < nq; i++) {
      if (qMatch[i] >= 0) {
        double w = q.weight[i] * (q.given[i] ? GIVEN_NAME_WEIGHT : 1);
        double x = sim[i * nf + qMatch[i]];
        qNum += w * x;
        qDen += w;
        fNum += formWeights[f][qMatch[i]] * x;
        int t = ft[qMatch[i]];
        if (!first) {
          why.append(", ");
        }
        first = false;
        why.append(q.token[i]);
        if (q.tokenId[i] != t) {
          why.append('~').append(tokenText[t]);
          if (q.keyId[i] == tokenKey[t]) {
            why.append(" (same key ").append(q.key[i]).append(')');
          } else {
            why.append(" (").append(twoDigits(x)).append(')');
          }
        }
      } else {
        qDen += q.weight[i] * (q.given[i] && matchedGiven ? GIVEN_NAME_WEIGHT : 1);
      }
    }
    first = true;
    for (int i = 0; i < nq; i++) {
      if (qMatch[i] < 0) {
        why.append(first ? "; unmatched in the report: " : " ").append(q.token[i]);
        first = false;
      }
    }
    first = true;
    for (int j = 0; j < nf; j++) {
      if (!fUsed[j]) {
        why.append(first ? "; not written: " : " ").append(tokenText[ft[j]]);
        first = false;
      }
    }
    why.append("; coverage ").append(twoDigits(qNum / qDen)).append(" of the report, ")
        .append(twoDigits(fNum / formWeightSum[f])).append(" of the name");
    return why.toString();
  }

  private static String twoDigits(double x) {
    long h = Math.round(x * 100);
    return h / 100 + "." + (h % 100 < 10 ? "0" : "") + h % 100;
  }

  // ---------------------------------------------------------------------------------------------
  // Blocking

  private static boolean isUnvocalised(String key) {
    return key.charAt(0) == ArabicNames.UNVOCALISED_MARK;
  }

  /**
   * Leaves in {@code s.candidates} the forms worth scoring and answers how many. A key too common
   * to find candidates by (a given name's) still adds its weight to the candidates a rarer key
   * found, so that "Qasim al-Hothaani" scores the Qasim among the al-Hothaanis first.
   */
  private int candidateForms(Query q, Scratch s) {
    int nq = q.n;
    int[][] exact = new int[nq][];
    int[][] loose = new int[nq][];
    int[] looseId = new int[nq];
    int rarest = Integer.MAX_VALUE;
    for (int i = 0; i < nq; i++) {
      if (q.unvocalised[i]) {
        looseId[i] = consonantIds.getOrDefault(q.key[i].substring(1), NONE);
        loose[i] = looseId[i] == NONE ? null : consonantPostings[looseId[i]];
      } else {
        exact[i] = q.keyId[i] == NONE ? null : keyPostings[q.keyId[i]];
        looseId[i] = skeletonIds.getOrDefault(skeleton(q.key[i]), NONE);
        loose[i] = looseId[i] == NONE ? null : skeletonPostings[looseId[i]];
      }
      if (exact[i] != null) {
        rarest = Math.min(rarest, exact[i].length);
      }
      if (loose[i] != null) {
        rarest = Math.min(rarest, loose[i].length);
      }
    }
    boolean[] exactSkipped = new boolean[nq];
    boolean[] looseSkipped = new boolean[nq];
    for (int i = 0; i < nq; i++) {
      exactSkipped[i] = !accumulate(exact[i], q.weight[i], rarest, s);
      looseSkipped[i] = !accumulate(loose[i], q.weight[i] * 0.5, rarest, s);
    }
    for (int i = 0; i < nq; i++) {
      if (exactSkipped[i] || looseSkipped[i]) {
        for (int t = 0; t < s.touchedCount; t++) {
          int f = s.touched[t];
          if (exactSkipped[i] && hasKey(f, q.keyId[i])) {
            s.acc[f] += q.weight[i];
          }
          if (looseSkipped[i] && (q.unvocalised[i] ? hasConsonants(f, looseId[i]) : hasSkeleton(f, looseId[i]))) {
            s.acc[f] += q.weight[i] * 0.5;
          }
        }
      }
    }
    // The MAX_SCORED_FORMS forms with the most shared weight.
    int k = Math.min(MAX_SCORED_FORMS, s.touchedCount);
    int[] top = s.candidates;
    double[] topScore = s.candidateWeight;
    int filled = 0;
    for (int t = 0; t < s.touchedCount; t++) {
      int f = s.touched[t];
      double v = s.acc[f];
      s.acc[f] = 0;
      if (filled < k || v > topScore[k - 1]) {
        int pos = filled < k ? filled++ : k - 1;
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
    return keep;
  }

  /** Adds {@code w} to every form of {@code postings} unless it is too common; false if skipped. */
  private static boolean accumulate(int @Nullable [] postings, double w, int rarest, Scratch s) {
    if (postings == null) {
      return true;
    }
    if (postings.length > MAX_POSTINGS && postings.length > rarest) {
      return false;
    }
    for (int f : postings) {
      if (s.acc[f] == 0) {
        s.touch(f);
      }
      s.acc[f] += w;
    }
    return true;
  }

  private boolean hasKey(int f, int key) {
    for (int t : formTokens[f]) {
      if (tokenKey[t] == key) {
        return true;
      }
    }
    return false;
  }

  private boolean hasSkeleton(int f, int skeleton) {
    for (int t : formTokens[f]) {
      if (keySkeleton[tokenKey[t]] == skeleton) {
        return true;
      }
    }
    return false;
  }

  private boolean hasConsonants(int f, int consonants) {
    for (int t : formTokens[f]) {
      if (keyConsonants[tokenKey[t]] == consonants) {
        return true;
      }
    }
    return false;
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

  /** A written name read for scoring; reused by one thread. */
  private static final class Query {
    int n;
    String[] token = new String[8];
    String[] key = new String[8];
    char[][] tokenChars = new char[8][];
    char[][] keyChars = new char[8][];
    char[][] crossScript = new char[8][];
    int[] tokenId = new int[8];
    int[] keyId = new int[8];
    boolean[] unvocalised = new boolean[8];
    boolean[] acronym = new boolean[8];
    boolean[] given = new boolean[8];
    double[] weight = new double[8];

    void reset(List<String> tokens) {
      n = tokens.size();
      if (n > token.length) {
        int c = Math.max(n, token.length * 2);
        token = new String[c];
        key = new String[c];
        tokenChars = new char[c][];
        keyChars = new char[c][];
        crossScript = new char[c][];
        tokenId = new int[c];
        keyId = new int[c];
        unvocalised = new boolean[c];
        acronym = new boolean[c];
        given = new boolean[c];
        weight = new double[c];
      }
      for (int i = 0; i < n; i++) {
        token[i] = tokens.get(i);
      }
    }
  }

  /** Per-thread working memory, so that resolving allocates little. */
  private static final class Scratch {
    final Query query = new Query();
    // Blocking.
    final double[] acc;
    int[] touched = new int[64];
    int touchedCount;
    final int[] candidates = new int[MAX_SCORED_FORMS];
    final double[] candidateWeight = new double[MAX_SCORED_FORMS];
    // Token similarities of the current name.
    final int[] tokenGeneration;
    final int[] tokenSlot;
    int queryGeneration;
    double[] cache = new double[256];
    int cacheUsed;
    // Pairing.
    double[] sim = new double[64];
    int[] qMatch = new int[8];
    boolean[] fUsed = new boolean[8];
    // Best form per actor.
    final int[] actorGeneration;
    final double[] actorScore;
    final int[] actorForm;
    int generation;
    int[] actors = new int[MAX_SCORED_FORMS];
    int actorCount;

    Scratch(int forms, int tokens, int actors) {
      acc = new double[forms];
      tokenGeneration = new int[tokens];
      tokenSlot = new int[tokens];
      actorGeneration = new int[actors];
      actorScore = new double[actors];
      actorForm = new int[actors];
    }

    Query query(List<String> tokens) {
      query.reset(tokens);
      queryGeneration++;
      cacheUsed = 0;
      return query;
    }

    void touch(int f) {
      if (touchedCount == touched.length) {
        touched = Arrays.copyOf(touched, touched.length * 2);
      }
      touched[touchedCount++] = f;
    }

    int reserve(int n) {
      if (cacheUsed + n > cache.length) {
        cache = Arrays.copyOf(cache, Math.max(cache.length * 2, cacheUsed + n));
      }
      int slot = cacheUsed;
      cacheUsed += n;
      return slot;
    }

    double[] sim(int n) {
      if (sim.length < n) {
        sim = new double[n];
      }
      return sim;
    }

    int[] qMatch(int n) {
      if (qMatch.length < n) {
        qMatch = new int[n];
      }
      Arrays.fill(qMatch, 0, n, -1);
      return qMatch;
    }

    boolean[] fUsed(int n) {
      if (fUsed.length < n) {
        fUsed = new boolean[n];
      }
      Arrays.fill(fUsed, 0, n, false);
      return fUsed;
    }

    void nextGeneration() {
      generation++;
      actorCount = 0;
    }

    void touchActor(int a) {
      if (actorCount == actors.length) {
        actors = Arrays.copyOf(actors, actors.length * 2);
      }
      actors[actorCount++] = a;
    }

    /** The actors scored for the current name, best first (ties by actor). */
    int[] rankedActors() {
      Integer[] order = new Integer[actorCount];
      for (int i = 0; i < actorCount; i++) {
        order[i] = actors[i];
      }
      Arrays.sort(order, (x, y) -> {
        int c = Double.compare(actorScore[y], actorScore[x]);
        return c != 0 ? c : Integer.compare(x, y);
      });
      int[] ranked = new int[actorCount];
      for (int i = 0; i < actorCount; i++) {
        ranked[i] = order[i];
      }
      return ranked;
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
    this.formWeights = other.formWeights;
    this.formWeightSum = other.formWeightSum;
    this.tokenIds = other.tokenIds;
    this.tokenText = other.tokenText;
    this.tokenChars = other.tokenChars;
    this.tokenKey = other.tokenKey;
    this.keyIds = other.keyIds;
    this.keyText = other.keyText;
    this.keyChars = other.keyChars;
    this.keyCrossScript = other.keyCrossScript;
    this.keyUnvocalised = other.keyUnvocalised;
    this.keyAcronym = other.keyAcronym;
    this.keyIdf = other.keyIdf;
    this.keyPostings = other.keyPostings;
    this.keySkeleton = other.keySkeleton;
    this.keyConsonants = other.keyConsonants;
    this.skeletonIds = other.skeletonIds;
    this.skeletonPostings = other.skeletonPostings;
    this.consonantIds = other.consonantIds;
    this.consonantPostings = other.consonantPostings;
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

    // Forms, their tokens in the token dictionary.
    IntList fActor = new IntList();
    List<Byte> fType = new ArrayList<>();
    List<String> fText = new ArrayList<>();
    List<int[]> fTokens = new ArrayList<>();
    Map<String, Integer> tokenIdBuilder = new HashMap<>();
    List<String> tokens = new ArrayList<>();
    Map<String, int[]> acronyms = new HashMap<>();
    Map<String, String> acronymTexts = new HashMap<>();
    for (int a = 0; a < n; a++) {
      Set<String> seen = new HashSet<>();
      for (String name : names.get(a)) {
        ImmutableList<String> toks = ArabicNames.tokens(name);
        if (toks.isEmpty()) {
          continue;
        }
        if (seen.add(toks.size() == 1 ? toks.get(0) : String.join(" ", toks))) {
          fActor.add(a);
          fType.add(FULL);
          fText.add(name);
          int[] ids = new int[toks.size()];
          for (int t = 0; t < ids.length; t++) {
            ids[t] = intern(tokenIdBuilder, tokens, toks.get(t));
          }
          fTokens.add(ids);
        }
        if (kinds.get(a) == ActorKind.PERSON && toks.size() >= 2) {
          String last = toks.get(toks.size() - 1);
          if (!ArabicNames.isGivenName(last) && seen.add(last)) {
            fActor.add(a);
            fType.add(SURNAME);
            fText.add(name);
            fTokens.add(new int[] {intern(tokenIdBuilder, tokens, last)});
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

    // The token and key dictionaries.
    int nt = tokens.size();
    tokenIds = tokenIdBuilder;
    tokenText = tokens.toArray(new String[0]);
    tokenChars = new char[nt][];
    tokenKey = new int[nt];
    Map<String, Integer> keyIdBuilder = new HashMap<>();
    List<String> keys = new ArrayList<>();
    for (int t = 0; t < nt; t++) {
      tokenChars[t] = tokenText[t].toCharArray();
      tokenKey[t] = intern(keyIdBuilder, keys, ArabicNames.key(tokenText[t]));
    }
    int nk = keys.size();
    keyIds = keyIdBuilder;
    keyText = keys.toArray(new String[0]);
    keyChars = new char[nk][];
    keyCrossScript = new char[nk][];
    keyUnvocalised = new boolean[nk];
    keyAcronym = new boolean[nk];
    keySkeleton = new int[nk];
    keyConsonants = new int[nk];
    Map<String, Integer> skeletonIdBuilder = new HashMap<>();
    List<String> skeletons = new ArrayList<>();
    Map<String, Integer> consonantIdBuilder = new HashMap<>();
    List<String> consonantTexts = new ArrayList<>();
    double[] keyFactor = new double[nk];
    for (int k = 0; k < nk; k++) {
      String key = keyText[k];
      keyChars[k] = key.toCharArray();
      keyUnvocalised[k] = isUnvocalised(key);
      keyAcronym[k] = key.charAt(0) == ArabicNames.ACRONYM_MARK;
      keyCrossScript[k] = (keyUnvocalised[k] ? key.substring(1) : ArabicNames.consonants(key)).toCharArray();
      keySkeleton[k] = intern(skeletonIdBuilder, skeletons, skeleton(key));
      keyConsonants[k] = intern(consonantIdBuilder, consonantTexts, ArabicNames.consonants(key));
      keyFactor[k] = (ArabicNames.isGivenNameKey(key) ? GIVEN_NAME_WEIGHT : 1)
          * (ArabicNames.isDesignatorKey(key) ? DESIGNATOR_WEIGHT : 1);
    }
    skeletonIds = skeletonIdBuilder;
    consonantIds = consonantIdBuilder;

    // Document frequencies (actors with a key) and postings (forms with a key), forms being in
    // actor order.
    int nf = fActor.size();
    formActor = fActor.toArray();
    formType = new byte[nf];
    formText = fText.toArray(new String[0]);
    formTokens = fTokens.toArray(new int[0][]);
    int[] keyDf = new int[nk];
    int[] keyLastActor = filled(nk, NONE);
    int[] consonantDf = new int[consonantTexts.size()];
    int[] consonantLastActor = filled(consonantTexts.size(), NONE);
    Postings byKey = new Postings(nk);
    Postings bySkeleton = new Postings(skeletons.size());
    Postings byConsonants = new Postings(consonantTexts.size());
    for (int f = 0; f < nf; f++) {
      formType[f] = fType.get(f);
      int a = formActor[f];
      for (int t : formTokens[f]) {
        int k = tokenKey[t];
        if (keyLastActor[k] != a) {
          keyLastActor[k] = a;
          keyDf[k]++;
        }
        int c = keyConsonants[k];
        if (consonantLastActor[c] != a) {
          consonantLastActor[c] = a;
          consonantDf[c]++;
        }
        byKey.add(k, f);
        bySkeleton.add(keySkeleton[k], f);
        byConsonants.add(c, f);
      }
    }
    keyPostings = byKey.toArrays();
    skeletonPostings = bySkeleton.toArrays();
    consonantPostings = byConsonants.toArrays();
    keyIdf = new double[nk];
    for (int k = 0; k < nk; k++) {
      keyIdf[k] = Math.log(1 + (double) n / keyDf[k]);
    }
    consonantIdf = new double[consonantDf.length];
    for (int c = 0; c < consonantDf.length; c++) {
      consonantIdf[c] = Math.log(1 + (double) n / consonantDf[c]);
    }
    unknownIdf = Math.log(1 + Math.max(n, 1));
    formWeights = new double[nf][];
    formWeightSum = new double[nf];
    for (int f = 0; f < nf; f++) {
      int[] ft = formTokens[f];
      double[] w = new double[ft.length];
      for (int t = 0; t < ft.length; t++) {
        int k = tokenKey[ft[t]];
        w[t] = keyIdf[k] * keyFactor[k];
        formWeightSum[f] += w[t];
      }
      formWeights[f] = w;
    }
    int formCount = nf;
    int tokenCount = nt;
    scratch = ThreadLocal.withInitial(() -> new Scratch(formCount, tokenCount, n));
  }

  private static int intern(Map<String, Integer> ids, List<String> texts, String text) {
    Integer id = ids.get(text);
    if (id == null) {
      id = texts.size();
      ids.put(text, id);
      texts.add(text);
    }
    return id;
  }

  private static int[] filled(int n, int value) {
    int[] a = new int[n];
    Arrays.fill(a, value);
    return a;
  }

  /** A growable list of ints. */
  private static final class IntList {
    private int[] values = new int[16];
    private int size;

    void add(int v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    int size() {
      return size;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }

  /** Posting lists being built: the forms holding each id, each form once. */
  private static final class Postings {
    private final IntList[] lists;

    Postings(int ids) {
      lists = new IntList[ids];
    }

    void add(int id, int form) {
      IntList list = lists[id];
      if (list == null) {
        list = lists[id] = new IntList();
      }
      if (list.size == 0 || list.values[list.size - 1] != form) {
        list.add(form);
      }
    }

    int[][] toArrays() {
      int[][] out = new int[lists.length][];
      for (int i = 0; i < lists.length; i++) {
        out[i] = lists[i] == null ? new int[0] : lists[i].toArray();
      }
      return out;
    }
  }
}
