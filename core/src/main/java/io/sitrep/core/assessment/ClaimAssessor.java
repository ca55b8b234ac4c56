package io.sitrep.core.assessment;

import com.google.common.collect.ImmutableList;
import io.sitrep.core.dispute.Assertion;
import io.sitrep.core.dispute.Canonicalizer;
import io.sitrep.core.dispute.PropositionKey;
import io.sitrep.core.model.Claim;
import io.sitrep.core.model.Proposition;
import io.sitrep.core.model.Reliability;
import io.sitrep.core.model.Report;
import io.sitrep.core.model.Source;
import io.sitrep.core.model.Stance;
import io.sitrep.core.model.TimeSpan;
import io.sitrep.core.truth.AdmiraltyGrades;
import io.sitrep.core.truth.ClaimMatrix;
import io.sitrep.core.truth.TruthDiscovery;
import io.sitrep.core.truth.TruthOptions;
import io.sitrep.core.truth.TruthResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Runs truth discovery over claims and reads the result back as beliefs and reliabilities. */
public final class ClaimAssessor {
  private ClaimAssessor() {}

  /**
   * Assesses the claims in {@code scope}.
   *
   * @param gold propositions known to be true; each seeds the item of its subject, attribute and
   *     valid time, when claims in scope speak of it
   * @throws java.util.concurrent.CancellationException if {@code options}' cancellation fires
   */
  public static ClaimAssessment assess(Collection<Source> sources, Collection<Report> reports,
      Collection<Claim> claims, Canonicalizer canon, AssessmentScope scope, TruthDiscovery algorithm,
      TruthOptions options, Collection<Proposition> gold) {
    Map<String, String> sourceOfReport = new HashMap<>();
    reports.forEach(r -> sourceOfReport.put(r.name(), r.source()));
    Map<String, @Nullable Reliability> analystGrade = new HashMap<>();
    sources.forEach(s -> analystGrade.put(s.name(), s.reliability()));

    ClaimMatrix.Builder matrix = ClaimMatrix.builder();
    Map<String, Assertion> firstOnItem = new LinkedHashMap<>();
    Map<String, List<String>> claimsOfValue = new HashMap<>();
    for (Claim c : claims) {
      String source = sourceOfReport.get(c.report());
      if (source == null) {
        continue;
      }
      Assertion a = Assertion.of(c, source, canon);
      if (!scope.contains(a)) {
        continue;
      }
      String item = itemOf(a);
      String value = valueOf(a);
      firstOnItem.putIfAbsent(item, a);
      claimsOfValue.computeIfAbsent(item + "\u0000" + value, k -> new ArrayList<>()).add(c.name());
      matrix.addClaim(source, item, value);
      Reliability grade = analystGrade.get(source);
      if (grade != null) {
        matrix.sourceGrade(source, AdmiraltyGrades.SourceGrade.ofLetter(grade.name()));
      }
    }
    for (Proposition p : gold) {
      Assertion known = new Assertion("", "", new PropositionKey(canon.subject(p.subject()),
          canon.attribute(p.attribute())), canon.value(p.value()), Stance.ASSERTS, p.validTime());
      String item = itemOf(known);
      if (firstOnItem.containsKey(item)) {
        matrix.goldValue(item, valueOf(known));
      }
    }
    ClaimMatrix m = matrix.build();
    TruthResult result = algorithm.run(m, options);

    ImmutableList.Builder<PropositionAssessment> propositions = ImmutableList.builder();
    for (int item = 0; item < m.numItems(); item++) {
      String itemName = m.itemName(item);
      Assertion first = firstOnItem.get(itemName);
      List<ValueBelief> values = new ArrayList<>();
      for (int v = m.itemValueStart(item); v < m.itemValueStart(item + 1); v++) {
        values.add(new ValueBelief(m.valueName(v), result.belief(v), result.credibility(v),
            ImmutableList.copyOf(claimsOfValue.getOrDefault(itemName + "\u0000" + m.valueName(v), List.of()))));
      }
      values.sort(Comparator.comparingDouble(ValueBelief::belief).reversed().thenComparing(ValueBelief::value));
      propositions.add(new PropositionAssessment(first.key(), first.validTime(), ImmutableList.copyOf(values)));
    }
    ImmutableList.Builder<SourceReliability> reliabilities = ImmutableList.builder();
    for (int s = 0; s < m.numSources(); s++) {
      String name = m.sourceName(s);
      reliabilities.add(new SourceReliability(name, result.trust(s),
          Reliability.valueOf(result.sourceGrade(s).name()), analystGrade.get(name), m.sourceClaimCount(s)));
    }
    ImmutableList.Builder<Double> changes = ImmutableList.builder();
    for (double d : result.changes()) {
      changes.add(d);
    }
    return new ClaimAssessment(result.algorithm(), result.iterations(), result.converged(), changes.build(),
        propositions.build(), ImmutableList.sortedCopyOf(Comparator.comparing(SourceReliability::source),
            reliabilities.build()));
  }

  /** The truth-discovery item of an assertion: its key and valid time. */
  public static String itemOf(Assertion a) {
    TimeSpan t = a.validTime();
    return a.key().subject() + "|" + a.key().attribute() + "|"
        + (t == null ? "always" : t.start() + "/" + t.end());
  }

  /** The truth-discovery value of an assertion; denials compete with what they deny. */
  static String valueOf(Assertion a) {
    if (a.key().attribute().equals(PropositionKey.OCCURRED)) {
      return a.stance() == Stance.ASSERTS ? "true" : "false";
    }
    return a.stance() == Stance.ASSERTS ? a.value() : "not " + a.value();
  }
}
