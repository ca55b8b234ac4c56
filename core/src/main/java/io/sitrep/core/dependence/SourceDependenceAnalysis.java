package io.sitrep.core.dependence;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.sitrep.core.dispute.Assertion;
import io.sitrep.core.dispute.Canonicalizer;
import io.sitrep.core.model.Claim;
import io.sitrep.core.model.Quotation;
import io.sitrep.core.model.QuotationKind;
import io.sitrep.core.model.Report;
import io.sitrep.core.model.Source;
import io.sitrep.core.model.SourceAffiliation;
import io.sitrep.core.model.Stance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds which sources are not independent, from quotations, shared documents, shared
 * affiliations and shared false values, and weighs each claim by its independence.
 *
 * <p>The statistical part follows Dong, Berti-Equille and Srivastava, "Integrating conflicting
 * data: the role of source dependence", VLDB 2009, §3. For sources S1, S2 with accuracies A1, A2
 * (here: the Laplace-smoothed share of their values that agree with the per-item majority, or
 * with the truth supplied by the caller), over the items both cover let k_t be the shared true
 * values, k_f the shared false ones and k_d the items where they differ. Then
 * <pre>
 *   Pr(Φ | S1 ⊥ S2) = (A1 A2)^k_t · ((1−A1)(1−A2)/n)^k_f · P_d^k_d
 *   Pr(Φ | S1 → S2) = (A2 c + A1 A2 (1−c))^k_t · ((1−A2) c + (1−A1)(1−A2)(1−c)/n)^k_f · (P_d (1−c))^k_d
 *   P_d = 1 − A1 A2 − (1−A1)(1−A2)/n
 * </pre>
 * and with prior α for each direction, Pr(S1 ⊥ S2 | Φ) = (1−2α) Pr(Φ|⊥) / ((1−2α) Pr(Φ|⊥) +
 * α Pr(Φ|S1→S2) + α Pr(Φ|S2→S1)). Shared false values weigh far more than shared true ones:
 * that is the paper's insight. Computed in log space; only pairs that share items are visited.
 */
public final class SourceDependenceAnalysis {
  private final DependenceParameters params;

  public SourceDependenceAnalysis(DependenceParameters params) {
    this.params = params;
  }

  /**
   * Analyses {@code claims} made in {@code reports} by {@code sources}.
   *
   * @param truth optional true value per item ({@code subject|attribute|validStart}); the
   *     per-item majority is used for items it lacks
   */
  public DependenceReport analyse(Collection<Source> sources, Collection<Report> reports,
      Collection<Claim> claims, Canonicalizer canon, Map<String, String> truth) {
    Map<String, Report> reportByName = new HashMap<>();
    reports.forEach(r -> reportByName.put(r.name(), r));
    Map<Long, List<DependenceEvidence>> evidence = new TreeMap<>();
    Index ids = new Index();
    sources.forEach(s -> ids.id(s.name()));

    structural(sources, reports, reportByName, ids, evidence);
    List<Assertion> assertions = new ArrayList<>();
    for (Claim c : claims) {
      Report r = reportByName.get(c.report());
      if (r != null) {
        assertions.add(Assertion.of(c, r.source(), canon));
      }
    }
    statistical(assertions, truth, ids, evidence);

    ImmutableList.Builder<SourceDependence> pairs = ImmutableList.builder();
    Map<Long, Double> probability = new HashMap<>();
    for (var e : evidence.entrySet()) {
      double independent = 1;
      for (DependenceEvidence d : e.getValue()) {
        independent *= 1 - d.probability();
      }
      double p = 1 - independent;
      probability.put(e.getKey(), p);
      String x = ids.name((int) (e.getKey() >>> 32));
      String y = ids.name((int) (long) e.getKey());
      String a = x.compareTo(y) <= 0 ? x : y;
      String b = x.compareTo(y) <= 0 ? y : x;
      pairs.add(new SourceDependence(a, b, p, ImmutableList.copyOf(e.getValue())));
    }
    return new DependenceReport(
        ImmutableList.sortedCopyOf((x, y) -> Double.compare(y.probability(), x.probability()), pairs.build()),
        weights(assertions, ids, probability));
  }

  /** Quotations, shared documents, shared affiliations. */
  private void structural(Collection<Source> sources, Collection<Report> reports, Map<String, Report> reportByName,
      Index ids, Map<Long, List<DependenceEvidence>> evidence) {
    Map<String, List<Report>> byDocument = new TreeMap<>();
    for (Report r : reports) {
      for (Quotation q : r.quotations()) {
        if (q.kind() == QuotationKind.REPORT) {
          Report quoted = reportByName.get(q.report());
          if (quoted != null && !quoted.source().equals(r.source())) {
            add(evidence, ids, r.source(), quoted.source(), new DependenceEvidence(EvidenceKind.QUOTATION,
                params.quotation(), r.name() + " quotes " + quoted.name()));
          }
        } else if (q.kind() == QuotationKind.SOURCE && !q.source().equals(r.source())) {
          add(evidence, ids, r.source(), q.source(), new DependenceEvidence(EvidenceKind.QUOTATION,
              params.quotation(), r.name() + " quotes " + q.source()));
        } else if (q.kind() == QuotationKind.DOCUMENT) {
          String doc = !q.source().isEmpty() ? q.source() : q.description().strip().toLowerCase(Locale.ROOT);
          if (!doc.isEmpty()) {
            byDocument.computeIfAbsent(doc, d -> new ArrayList<>()).add(r);
          }
        }
      }
    }
    for (var doc : byDocument.entrySet()) {
      // One piece of evidence per pair of sources and document, however many of their reports
      // rest on it: the document is shared once (and pairs of reports would grow with their square).
      Map<String, Report> firstBySource = new TreeMap<>();
      doc.getValue().forEach(r -> firstBySource.putIfAbsent(r.source(), r));
      List<Report> rs = new ArrayList<>(firstBySource.values());
      for (int i = 0; i < rs.size(); i++) {
        for (int j = i + 1; j < rs.size(); j++) {
          add(evidence, ids, rs.get(i).source(), rs.get(j).source(), new DependenceEvidence(
              EvidenceKind.SAME_DOCUMENT, params.sameDocument(),
              rs.get(i).name() + " and " + rs.get(j).name() + " both rest on " + doc.getKey()));
        }
      }
    }
    // Each source once per actor, however often it names the actor among its affiliations.
    Map<String, Set<String>> byActor = new TreeMap<>();
    for (Source s : sources) {
      for (SourceAffiliation a : s.affiliations()) {
        byActor.computeIfAbsent(a.actor(), k -> new LinkedHashSet<>()).add(s.name());
      }
    }
    for (var actor : byActor.entrySet()) {
      List<String> ss = List.copyOf(actor.getValue());
      for (int i = 0; i < ss.size(); i++) {
        for (int j = i + 1; j < ss.size(); j++) {
          add(evidence, ids, ss.get(i), ss.get(j), new DependenceEvidence(EvidenceKind.SHARED_AFFILIATION,
              params.sharedAffiliation(), "both are tied to " + actor.getKey()));
        }
      }
    }
  }

  /** Dong et al. 2009: shared false values as evidence of copying. */
  private void statistical(List<Assertion> assertions, Map<String, String> truth, Index ids,
      Map<Long, List<DependenceEvidence>> evidence) {
    // item -> source id -> value (the first assertion of a source on an item wins).
    Map<String, Map<Integer, String>> items = new TreeMap<>();
    for (Assertion a : assertions) {
      if (a.stance() != Stance.ASSERTS) {
        continue;
      }
      items.computeIfAbsent(itemOf(a), k -> new TreeMap<>()).putIfAbsent(ids.id(a.source()), a.value());
    }
    Map<String, String> trueValue = new HashMap<>();
    for (var item : items.entrySet()) {
      String t = truth.get(item.getKey());
      trueValue.put(item.getKey(), t != null ? t : majority(item.getValue().values()));
    }
    int m = ids.size();
    double[] correct = new double[m];
    double[] total = new double[m];
    Map<Long, int[]> counts = new HashMap<>(); // k_t, k_f, k_d
    for (var item : items.entrySet()) {
      String t = trueValue.get(item.getKey());
      List<Map.Entry<Integer, String>> claims = new ArrayList<>(item.getValue().entrySet());
      for (var c : claims) {
        total[c.getKey()]++;
        if (c.getValue().equals(t)) {
          correct[c.getKey()]++;
        }
      }
      for (int i = 0; i < claims.size(); i++) {
        for (int j = i + 1; j < claims.size(); j++) {
          int[] k = counts.computeIfAbsent(key(claims.get(i).getKey(), claims.get(j).getKey()), x -> new int[3]);
          String vi = claims.get(i).getValue();
          if (!vi.equals(claims.get(j).getValue())) {
            k[2]++;
          } else if (vi.equals(t)) {
            k[0]++;
          } else {
            k[1]++;
          }
        }
      }
    }
    double alpha = params.alpha();
    double c = params.c();
    double n = params.n();
    for (var e : counts.entrySet()) {
      int[] k = e.getValue();
      if (k[0] + k[1] + k[2] < params.minSharedItems() || k[1] == 0) {
        continue; // without a shared false value, sharing values is what accurate sources do
      }
      int s1 = (int) (e.getKey() >>> 32);
      int s2 = (int) (long) e.getKey();
      double a1 = accuracy(correct[s1], total[s1]);
      double a2 = accuracy(correct[s2], total[s2]);
      double pd = 1 - a1 * a2 - (1 - a1) * (1 - a2) / n;
      double lnInd = k[0] * Math.log(a1 * a2) + k[1] * Math.log((1 - a1) * (1 - a2) / n) + k[2] * Math.log(pd);
      double ln12 = k[0] * Math.log(a2 * c + a1 * a2 * (1 - c))
          + k[1] * Math.log((1 - a2) * c + (1 - a1) * (1 - a2) * (1 - c) / n) + k[2] * Math.log(pd * (1 - c));
      double ln21 = k[0] * Math.log(a1 * c + a1 * a2 * (1 - c))
          + k[1] * Math.log((1 - a1) * c + (1 - a1) * (1 - a2) * (1 - c) / n) + k[2] * Math.log(pd * (1 - c));
      double li = Math.log(1 - 2 * alpha) + lnInd;
      double l12 = Math.log(alpha) + ln12;
      double l21 = Math.log(alpha) + ln21;
      double max = Math.max(li, Math.max(l12, l21));
      double pIndependent = Math.exp(li - max) / (Math.exp(li - max) + Math.exp(l12 - max) + Math.exp(l21 - max));
      double p = 1 - pIndependent;
      if (p >= 0.01) {
        evidence.computeIfAbsent(e.getKey(), x -> new ArrayList<>()).add(new DependenceEvidence(EvidenceKind.COPYING,
            p, String.format(Locale.ROOT, "%d shared false values, %d shared true, %d different (Dong et al. 2009)",
                k[1], k[0], k[2])));
      }
    }
  }

  /** Claims backing one position share one vote per cluster of dependent sources. */
  private ImmutableMap<String, Double> weights(List<Assertion> assertions, Index ids, Map<Long, Double> probability) {
    Map<String, List<Assertion>> byPosition = new HashMap<>();
    for (Assertion a : assertions) {
      byPosition.computeIfAbsent(itemOf(a) + "\u0000" + a.stance() + "\u0000" + a.value(), k -> new ArrayList<>()).add(a);
    }
    Set<Long> dependentPairs = new HashSet<>();
    probability.forEach((pair, p) -> {
      if (p >= params.threshold()) {
        dependentPairs.add(pair);
      }
    });
    ImmutableMap.Builder<String, Double> out = ImmutableMap.builder();
    for (List<Assertion> side : byPosition.values()) {
      // Claims of one source share its vote; then sources whose dependence passes the threshold
      // are joined. Pairs are of sources, not claims: a source repeating itself a thousand times
      // costs a thousand steps, not a million.
      Map<String, Integer> clusterOfSource = new HashMap<>();
      for (Assertion a : side) {
        clusterOfSource.putIfAbsent(a.source(), clusterOfSource.size());
      }
      List<String> distinct = new ArrayList<>(clusterOfSource.keySet());
      int d = distinct.size();
      int[] parent = new int[d];
      for (int i = 0; i < d; i++) {
        parent[i] = i;
      }
      if ((long) d * (d - 1) / 2 <= dependentPairs.size()) {
        for (int i = 0; i < d; i++) {
          int si = ids.id(distinct.get(i));
          for (int j = i + 1; j < d; j++) {
            if (dependentPairs.contains(key(si, ids.id(distinct.get(j))))) {
              join(parent, clusterOfSource.get(distinct.get(i)), clusterOfSource.get(distinct.get(j)));
            }
          }
        }
      } else {
        // Many sources on one position: walk the few dependent pairs instead of all pairs.
        for (long pair : dependentPairs) {
          Integer x = clusterOfSource.get(ids.name((int) (pair >>> 32)));
          Integer y = clusterOfSource.get(ids.name((int) pair));
          if (x != null && y != null) {
            join(parent, x, y);
          }
        }
      }
      int[] size = new int[d];
      for (Assertion a : side) {
        size[root(parent, clusterOfSource.get(a.source()))]++;
      }
      for (Assertion a : side) {
        out.put(a.claim(), 1.0 / size[root(parent, clusterOfSource.get(a.source()))]);
      }
    }
    return out.buildKeepingLast();
  }

  static String itemOf(Assertion a) {
    return a.key().subject() + "|" + a.key().attribute() + "|"
        + (a.validTime() == null ? "" : a.validTime().start().toString());
  }

  private static double accuracy(double correct, double total) {
    double a = (correct + 1) / (total + 2);
    return Math.min(0.99, Math.max(0.01, a));
  }

  private static String majority(Collection<String> values) {
    Map<String, Integer> votes = new TreeMap<>();
    values.forEach(v -> votes.merge(v, 1, Integer::sum));
    // Ties go to the smallest value, so the result does not depend on input order.
    return votes.entrySet().stream().max((x, y) -> x.getValue().equals(y.getValue())
        ? y.getKey().compareTo(x.getKey()) : Integer.compare(x.getValue(), y.getValue())).orElseThrow().getKey();
  }

  private static void join(int[] parent, int x, int y) {
    parent[root(parent, x)] = root(parent, y);
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void add(Map<Long, List<DependenceEvidence>> evidence, Index ids, String a, String b,
      DependenceEvidence e) {
    evidence.computeIfAbsent(key(ids.id(a), ids.id(b)), k -> new ArrayList<>()).add(e);
  }

  /** Pair key with the smaller id (by name order) high. */
  private static long key(int a, int b) {
    int lo = Math.min(a, b);
    int hi = Math.max(a, b);
    return ((long) lo << 32) | (hi & 0xffffffffL);
  }

  /** Source names to dense ids assigned in name order of first sight; pairs order by id. */
  private static final class Index {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    int id(String name) {
      return ids.computeIfAbsent(name, n -> {
        names.add(n);
        return names.size() - 1;
      });
    }

    String name(int id) {
      return names.get(id);
    }

    int size() {
      return names.size();
    }
  }
}
