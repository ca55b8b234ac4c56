package io.sitrep.core.tension;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSet;
import io.sitrep.core.actors.ActorRelations;
import io.sitrep.core.actors.RelationFact;
import io.sitrep.core.model.Event;
import io.sitrep.core.model.Participant;
import io.sitrep.core.model.ParticipantRole;
import io.sitrep.core.model.TimeSpan;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Interactions between actors, indexed by pair, for tension series. Immutable once built.
 *
 * <h2>What counts between whom</h2>
 * An event contributes to the pair of two of its participants when they face each other: a
 * PERPETRATOR or SUPPORTER on one side and a TARGET or VICTIM on the other. When the event is
 * cooperative (a positive score: consulting, agreeing, withdrawing) every two participants but
 * observers count, mediators included, since all of them take part in it. Its value is
 * {@code −score × weight}: the {@link InteractionScores} of its type and mode, negated so that
 * conflict is positive, times the caller's weight for it (e.g. the belief truth discovery gives
 * the event's claims; 1 by default).
 *
 * <h2>Series</h2>
 * An event known only to an interval (a day, a month) is spread evenly over the interval's days:
 * "sometime in June" adds 1/30 of its value to each June day. The daily sums {@code x_d} are
 * decayed exponentially, {@code T_d = λ·T_{d−1} + x_d} with {@code λ = 2^(−1/halfLife)}
 * ({@link TensionOptions#halfLifeDays()}). Interactions more than ten half-lives before the
 * series starts are left out (they would weigh under 0.1%). One pair's series is a pass over its
 * primitive arrays with a difference array, so spreading costs nothing per day.
 */
public final class TensionIndex {
  private final TensionOptions options;
  private final Map<String, Integer> actorIds;
  private final Map<Long, Pair> pairs;

  private TensionIndex(TensionOptions options, Map<String, Integer> actorIds, Map<Long, Pair> pairs) {
    this.options = options;
    this.actorIds = actorIds;
    this.pairs = pairs;
  }

  /** An index of {@code events} scored by the standard crosswalk, every event weighing 1. */
  public static TensionIndex of(Collection<Event> events, TensionOptions options) {
    return of(events, Map.of(), InteractionScores.standard(), options);
  }

  /** An index of {@code events}; {@code eventWeights} maps event names to weights in [0, 1] (default 1). */
  public static TensionIndex of(Collection<Event> events, Map<String, Double> eventWeights, InteractionScores scores,
      TensionOptions options) {
    Builder b = builder(options);
    for (Event e : events) {
      b.add(e, scores.score(e), eventWeights.getOrDefault(e.name(), 1.0));
    }
    return b.build();
  }

  public static Builder builder(TensionOptions options) {
    return new Builder(options);
  }

  public TensionOptions options() {
    return options;
  }

  /** The tension between {@code a} and {@code b}, daily from {@code from} to {@code to} inclusive. */
  public TensionSeries series(String a, String b, LocalDate from, LocalDate to) {
    return series(List.of(a), List.of(b), from, to);
  }

  /** The tension between two sides: the sum over every pair of an actor of each side. */
  public TensionSeries series(Collection<String> sideA, Collection<String> sideB, LocalDate from, LocalDate to) {
    checkArgument(!to.isBefore(from), "to %s is before from %s", to, from);
    long fromDay = from.toEpochDay();
    long toDay = to.toEpochDay();
    int warmup = (int) Math.ceil(options.halfLifeDays() * 10);
    long origin = fromDay - warmup;
    int n = (int) (toDay - origin + 1);
    double[] diff = new double[n + 1];
    Set<Long> seen = new java.util.HashSet<>();
    for (String a : sideA) {
      Integer ia = actorIds.get(a);
      if (ia == null) {
        continue;
      }
      for (String b : sideB) {
        Integer ib = actorIds.get(b);
        if (ib == null || ia.equals(ib)) {
          continue;
        }
        long key = key(ia, ib);
        Pair p = pairs.get(key);
        if (p != null && seen.add(key)) {
          p.spread(origin, toDay, diff);
        }
      }
    }
    double lambda = options.lambda();
    int days = (int) (toDay - fromDay + 1);
    double[] tension = new double[days];
    double[] intensity = new double[days];
    double x = 0;
    double t = 0;
    for (int d = 0; d < n; d++) {
      x += diff[d];
      t = lambda * t + x;
      int out = d - warmup;
      if (out >= 0) {
        tension[out] = t;
        intensity[out] = x;
      }
    }
    return new TensionSeries(from, tension, intensity);
  }

  /**
   * The tension between {@code a} and {@code b} each with its members: the actors tied into it by
   * membership relations ({@link io.sitrep.core.model.RelationKind#isMembership()}: member of,
   * part of, leads, commands), followed transitively, that may hold during the series.
   */
  public TensionSeries seriesWithMembers(String a, String b, ActorRelations relations, LocalDate from,
      LocalDate to) {
    Instant start = from.atStartOfDay(options.zone()).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(options.zone()).toInstant();
    return series(withMembers(a, relations, start, end), withMembers(b, relations, start, end), from, to);
  }

  /** {@code actor} and everyone tied into it by membership relations that may hold in {@code [from, to)}. */
  public static ImmutableSet<String> withMembers(String actor, ActorRelations relations, Instant from, Instant to) {
    Map<String, List<String>> membersOf = new HashMap<>();
    for (RelationFact f : relations.facts()) {
      if (f.kind().isMembership() && f.mayHoldWithin(from, to)) {
        membersOf.computeIfAbsent(f.object(), k -> new java.util.ArrayList<>()).add(f.subject());
      }
    }
    Set<String> out = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(actor);
    while (!todo.isEmpty()) {
      String next = todo.poll();
      if (out.add(next)) {
        todo.addAll(membersOf.getOrDefault(next, List.of()));
      }
    }
    return ImmutableSet.copyOf(out);
  }

  private static long key(int a, int b) {
    int lo = Math.min(a, b);
    int hi = Math.max(a, b);
    return ((long) lo << 32) | (hi & 0xffffffffL);
  }

  /** One pair's interactions, sorted by first day, in primitive arrays. */
  private static final class Pair {
    final long[] start;
    final long[] end;
    final double[] value;

    Pair(long[] start, long[] end, double[] value) {
      this.start = start;
      this.end = end;
      this.value = value;
    }

    /** Adds this pair's daily amounts over {@code [origin, toDay]} into the difference array. */
    void spread(long origin, long toDay, double[] diff) {
      int upper = upperBound(start, toDay);
      long stop = toDay + 1;
      for (int k = 0; k < upper; k++) {
        long e = end[k];
        if (e <= origin) {
          continue;
        }
        long s = start[k];
        double amount = value[k] / (e - s);
        diff[(int) (Math.max(s, origin) - origin)] += amount;
        diff[(int) (Math.min(e, stop) - origin)] -= amount;
      }
    }

    /** The number of entries with {@code start <= day}. */
    private static int upperBound(long[] a, long day) {
      int lo = 0;
      int hi = a.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (a[mid] <= day) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }

  /** Collects interactions pair by pair, then sorts each pair's arrays once. */
  public static final class Builder {
    private final TensionOptions options;
    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<Long, Growing> pairs = new HashMap<>();

    private Builder(TensionOptions options) {
      this.options = options;
    }

    /** Adds {@code event} with its score (Goldstein scale) and weight. */
    public Builder add(Event event, double score, double weight) {
      List<Participant> ps = event.participants();
      boolean cooperative = score > 0;
      long[] days = days(event.time(), options.zone());
      double value = -score * weight;
      for (int i = 0; i < ps.size(); i++) {
        for (int j = i + 1; j < ps.size(); j++) {
          Participant p = ps.get(i);
          Participant q = ps.get(j);
          if (p.actor().equals(q.actor()) || p.role() == ParticipantRole.OBSERVER
              || q.role() == ParticipantRole.OBSERVER) {
            continue;
          }
          if (cooperative || (acting(p.role()) && receiving(q.role())) || (acting(q.role()) && receiving(p.role()))) {
            add(p.actor(), q.actor(), days[0], days[1], value);
          }
        }
      }
      return this;
    }

    /**
     * Adds one interaction between {@code a} and {@code b} over the epoch days
     * {@code [startDay, endDay)} with value {@code conflict} (positive: conflict).
     */
    public Builder add(String a, String b, long startDay, long endDay, double conflict) {
      checkArgument(endDay > startDay, "empty interval");
      int ia = ids.computeIfAbsent(a, k -> ids.size());
      int ib = ids.computeIfAbsent(b, k -> ids.size());
      pairs.computeIfAbsent(key(ia, ib), k -> new Growing()).add(startDay, endDay, conflict);
      return this;
    }

    public TensionIndex build() {
      Map<Long, Pair> out = new HashMap<>(pairs.size() * 2);
      for (Map.Entry<Long, Growing> e : pairs.entrySet()) {
        out.put(e.getKey(), e.getValue().sorted());
      }
      return new TensionIndex(options, Map.copyOf(ids), out);
    }

    private static boolean acting(ParticipantRole r) {
      return r == ParticipantRole.PERPETRATOR || r == ParticipantRole.SUPPORTER;
    }

    private static boolean receiving(ParticipantRole r) {
      return r == ParticipantRole.TARGET || r == ParticipantRole.VICTIM;
    }

    /** The epoch days {@code [first, end)} that {@code span} covers in {@code zone}; at least one. */
    static long[] days(TimeSpan span, ZoneId zone) {
      long first = LocalDate.ofInstant(span.start(), zone).toEpochDay();
      long last = span.end().equals(span.start()) ? first
          : LocalDate.ofInstant(span.end().minusNanos(1), zone).toEpochDay();
      return new long[] {first, Math.max(first, last) + 1};
    }
  }

  private static final class Growing {
    long[] start = new long[4];
    long[] end = new long[4];
    double[] value = new double[4];
    int n;
    boolean sorted = true;

    void add(long s, long e, double v) {
      if (n == start.length) {
        start = Arrays.copyOf(start, n * 2);
        end = Arrays.copyOf(end, n * 2);
        value = Arrays.copyOf(value, n * 2);
      }
      if (n > 0 && s < start[n - 1]) {
        sorted = false;
      }
      start[n] = s;
      end[n] = e;
      value[n] = v;
      n++;
    }

    Pair sorted() {
      if (sorted) {
        return new Pair(Arrays.copyOf(start, n), Arrays.copyOf(end, n), Arrays.copyOf(value, n));
      }
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (x, y) -> Long.compare(start[x], start[y]));
      long[] s = new long[n];
      long[] e = new long[n];
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        s[i] = start[order[i]];
        e[i] = end[order[i]];
        v[i] = value[order[i]];
      }
      return new Pair(s, e, v);
    }
  }
}
