package io.sitrep.core.episodes;

import com.google.common.collect.ImmutableList;
import io.sitrep.core.model.Actor;
import io.sitrep.core.model.ActorKind;
import io.sitrep.core.model.Event;
import io.sitrep.core.model.EventLink;
import io.sitrep.core.model.EventLinkKind;
import io.sitrep.core.model.Participant;
import io.sitrep.core.model.ParticipantRole;
import io.sitrep.core.tension.InteractionScores;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds past episodes like a given one by the sequence of their events.
 *
 * <p>Each episode is a sequence of events in time order. Two sequences are compared by local
 * alignment, Smith and Waterman, "Identification of common molecular subsequences", J. Mol. Biol.
 * 147 (1981): 195–197, with Gotoh's affine gaps, so that the best-matching stretch counts and the
 * rest of a long episode does not dilute it. The substitution score of two events is
 * <pre>
 *   s(a, b) = type(a, b) + roleWeight × (2·J(a, b) − 1)
 *   type(a, b) = sameType (+ sameMode if the modes agree)          if the types are equal
 *              = max(−sameType, sameType − |g(a) − g(b)| / goldsteinScale)  otherwise
 * </pre>
 * where {@code g} is the event's Goldstein-scale score ({@link InteractionScores}), so that an arrest
 * is closer to a threat than to an agreement, and {@code J} is the mean of the Jaccard indices of
 * the two events' sets of roles and of (role, side) pairs, the side being the state's (states,
 * government bodies, security forces), a non-state organisation's, a person's or other: a
 * security force arresting an armed group's members matches the Interior Ministry arresting a
 * militia commander better than a militia attacking an embassy. The
 * matches are ranked by the alignment score over the query's score against itself.
 */
public final class Episodes {
  private Episodes() {}

  /** The events linked PART_OF {@code episodeEvent}, as an episode named after it. */
  public static Episode partOf(String episodeEvent, Collection<Event> events) {
    List<Event> parts = new ArrayList<>();
    for (Event e : events) {
      for (EventLink l : e.links()) {
        if (l.kind() == EventLinkKind.PART_OF && l.event().equals(episodeEvent)) {
          parts.add(e);
          break;
        }
      }
    }
    return Episode.of(episodeEvent, parts);
  }

  /** Every episode in {@code events}: one per event that others are PART_OF, in name order. */
  public static ImmutableList<Episode> all(Collection<Event> events) {
    Set<String> heads = new java.util.TreeSet<>();
    for (Event e : events) {
      for (EventLink l : e.links()) {
        if (l.kind() == EventLinkKind.PART_OF) {
          heads.add(l.event());
        }
      }
    }
    return heads.stream().map(h -> partOf(h, events)).collect(ImmutableList.toImmutableList());
  }

  /**
   * The episodes of {@code past} most like {@code query}, best first, each with its alignment;
   * {@code actors} give the participants' kinds (an unknown actor counts as OTHER).
   */
  public static ImmutableList<EpisodeMatch> similar(Episode query, Collection<Episode> past,
      Collection<Actor> actors, EpisodeOptions options) {
    Map<String, ActorKind> kinds = new LinkedHashMap<>();
    for (Actor a : actors) {
      kinds.put(a.name(), a.kind());
    }
    Scorer scorer = new Scorer(kinds, InteractionScores.standard(), options);
    double self = align(query, query, scorer).score();
    List<EpisodeMatch> out = new ArrayList<>();
    for (Episode p : past) {
      if (p.name().equals(query.name())) {
        continue;
      }
      EpisodeMatch m = align(query, p, scorer);
      out.add(new EpisodeMatch(p.name(), m.score(), self > 0 ? m.score() / self : 0, m.alignment()));
    }
    out.sort(Comparator.comparingDouble(EpisodeMatch::similarity).reversed().thenComparing(EpisodeMatch::episode));
    return ImmutableList.copyOf(out);
  }

  /**
   * Smith–Waterman with affine gaps (Gotoh, "An improved algorithm for matching biological
   * sequences", J. Mol. Biol. 162 (1982): 705–708): a run of {@code k} unmatched events costs
   * {@code gapOpen + (k − 1) × gapExtend}, since an episode's extra events come in bursts (a day of
   * deployments, threats and talks). Traceback from the best cell ending in a match.
   */
  static EpisodeMatch align(Episode a, Episode b, Scorer scorer) {
    List<Event> x = a.events();
    List<Event> y = b.events();
    int n = x.size();
    int m = y.size();
    double open = scorer.options.gapOpen();
    double extend = scorer.options.gapExtend();
    double negInf = Double.NEGATIVE_INFINITY;
    double[][] mm = new double[n + 1][m + 1];
    double[][] gx = new double[n + 1][m + 1]; // ends with x[i-1] against a gap
    double[][] gy = new double[n + 1][m + 1]; // ends with y[j-1] against a gap
    double[][] sub = new double[n][m];
    for (double[] row : gx) {
      java.util.Arrays.fill(row, negInf);
    }
    for (double[] row : gy) {
      java.util.Arrays.fill(row, negInf);
    }
    double best = 0;
    int bi = 0;
    int bj = 0;
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        sub[i - 1][j - 1] = scorer.score(x.get(i - 1), y.get(j - 1));
        double prev = Math.max(mm[i - 1][j - 1], Math.max(gx[i - 1][j - 1], gy[i - 1][j - 1]));
        mm[i][j] = Math.max(0, Math.max(prev, 0) + sub[i - 1][j - 1]);
        gx[i][j] = Math.max(mm[i - 1][j] - open, gx[i - 1][j] - extend);
        gy[i][j] = Math.max(mm[i][j - 1] - open, gy[i][j - 1] - extend);
        if (mm[i][j] > best) {
          best = mm[i][j];
          bi = i;
          bj = j;
        }
      }
    }
    List<AlignedStep> steps = new ArrayList<>();
    int i = bi;
    int j = bj;
    int state = 0; // 0 match, 1 gap in y (x unmatched), 2 gap in x (y unmatched)
    while (i > 0 && j > 0) {
      if (state == 0) {
        if (mm[i][j] <= 0) {
          break;
        }
        Event p = x.get(i - 1);
        Event q = y.get(j - 1);
        steps.add(new AlignedStep(p.name(), q.name(), sub[i - 1][j - 1], scorer.explain(p, q)));
        double prevScore = mm[i][j] - sub[i - 1][j - 1];
        i--;
        j--;
        if (prevScore <= 0 || i == 0 || j == 0) {
          break;
        }
        state = near(prevScore, mm[i][j]) ? 0 : near(prevScore, gx[i][j]) ? 1 : near(prevScore, gy[i][j]) ? 2 : -1;
        if (state < 0) {
          break;
        }
      } else if (state == 1) {
        state = near(gx[i][j], mm[i - 1][j] - open) ? 0 : 1;
        steps.add(new AlignedStep(x.get(i - 1).name(), null, state == 0 ? -open : -extend,
            "unmatched in the past episode"));
        i--;
      } else {
        state = near(gy[i][j], mm[i][j - 1] - open) ? 0 : 2;
        steps.add(new AlignedStep(null, y.get(j - 1).name(), state == 0 ? -open : -extend, "unmatched in the query"));
        j--;
      }
    }
    Collections.reverse(steps);
    return new EpisodeMatch(b.name(), best, 0, ImmutableList.copyOf(steps));
  }

  private static boolean near(double x, double y) {
    return Math.abs(x - y) < 1e-9;
  }

  /** The substitution score of two events. */
  static final class Scorer {
    final Map<String, ActorKind> kinds;
    final InteractionScores scores;
    final EpisodeOptions options;

    Scorer(Map<String, ActorKind> kinds, InteractionScores scores, EpisodeOptions options) {
      this.kinds = kinds;
      this.scores = scores;
      this.options = options;
    }

    double score(Event a, Event b) {
      return typeScore(a, b) + options.roleWeight() * (2 * roleAgreement(a, b) - 1);
    }

    /** Half the Jaccard index of the roles, half that of the (role, side of actor) pairs. */
    double roleAgreement(Event a, Event b) {
      return 0.5 * jaccard(roles(a, false), roles(b, false)) + 0.5 * jaccard(roles(a, true), roles(b, true));
    }

    double typeScore(Event a, Event b) {
      if (a.type() == b.type()) {
        boolean sameMode = !a.mode().isEmpty() && a.mode().equalsIgnoreCase(b.mode());
        return options.sameType() + (sameMode ? options.sameMode() : 0);
      }
      double d = Math.abs(scores.score(a) - scores.score(b));
      return Math.max(-options.sameType(), options.sameType() - d / options.goldsteinScale());
    }

    Set<String> roles(Event e, boolean withSide) {
      Set<String> out = new HashSet<>();
      for (Participant p : e.participants()) {
        if (p.role() != ParticipantRole.OBSERVER) {
          out.add(withSide ? p.role() + ":" + side(kinds.getOrDefault(p.actor(), ActorKind.OTHER)) : p.role().name());
        }
      }
      return out;
    }

    /** The side an actor kind stands on: the state's, a non-state organisation's, a person's or other. */
    static String side(ActorKind kind) {
      return switch (kind) {
        case STATE, GOVERNMENT_BODY, SECURITY_FORCE, INTERNATIONAL_ORGANIZATION -> "state";
        case ARMED_GROUP, POLITICAL_PARTY -> "non-state";
        case PERSON -> "person";
        case OTHER -> "other";
      };
    }

    String explain(Event a, Event b) {
      Set<String> shared = new java.util.TreeSet<>(roles(a, true));
      shared.retainAll(roles(b, true));
      return String.format(Locale.ROOT, "%s%s ~ %s%s: type %.2f, roles %.2f (shared %s)",
          a.type(), a.mode().isEmpty() ? "" : "/" + a.mode(), b.type(), b.mode().isEmpty() ? "" : "/" + b.mode(),
          typeScore(a, b), roleAgreement(a, b),
          shared.isEmpty() ? "none" : String.join(", ", shared).toLowerCase(Locale.ROOT));
    }

    static double jaccard(Set<String> a, Set<String> b) {
      if (a.isEmpty() && b.isEmpty()) {
        return 1;
      }
      Set<String> union = new HashSet<>(a);
      union.addAll(b);
      int inter = 0;
      for (String s : a) {
        if (b.contains(s)) {
          inter++;
        }
      }
      return inter / (double) union.size();
    }
  }
}
