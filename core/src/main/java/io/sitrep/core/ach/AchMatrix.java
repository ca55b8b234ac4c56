package io.sitrep.core.ach;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableTable;
import io.sitrep.core.model.FieldViolation;
import io.sitrep.core.model.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An Analysis of Competing Hypotheses matrix (Heuer, <i>Psychology of Intelligence Analysis</i>,
 * 1999, ch. 8): hypotheses across, evidence down, a {@link Consistency} in every cell. Immutable and
 * validated by its {@link Builder}, so that it can be stored and exchanged as a resource; a cell
 * left unrated is NEUTRAL.
 */
public final class AchMatrix {
  private final String question;
  private final ImmutableList<Hypothesis> hypotheses;
  private final ImmutableList<Evidence> evidence;
  private final ImmutableTable<String, String, Consistency> cells;

  private AchMatrix(String question, List<Hypothesis> hypotheses, List<Evidence> evidence,
      ImmutableTable<String, String, Consistency> cells) {
    this.question = question;
    this.hypotheses = ImmutableList.copyOf(hypotheses);
    this.evidence = ImmutableList.copyOf(evidence);
    this.cells = cells;
  }

  public static Builder builder(String question) {
    return new Builder(question);
  }

  public String question() {
    return question;
  }

  public ImmutableList<Hypothesis> hypotheses() {
    return hypotheses;
  }

  public ImmutableList<Evidence> evidence() {
    return evidence;
  }

  /** The rating of evidence {@code claim} against hypothesis {@code hypothesis}; NEUTRAL if unrated. */
  public Consistency rating(String claim, String hypothesis) {
    Consistency c = cells.get(claim, hypothesis);
    return c == null ? Consistency.NEUTRAL : c;
  }

  /** The explicitly rated cells: row claim, column hypothesis id. */
  public ImmutableTable<String, String, Consistency> cells() {
    return cells;
  }

  /** A builder holding this matrix's contents, to change it. */
  public Builder toBuilder() {
    Builder b = new Builder(question);
    hypotheses.forEach(h -> b.hypothesis(h.id(), h.statement()));
    evidence.forEach(e -> b.evidence(e.claim(), e.description(), e.credibility(), e.relevance()));
    cells.cellSet().forEach(c -> b.rate(c.getRowKey(), c.getColumnKey(), c.getValue()));
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AchMatrix m && question.equals(m.question) && hypotheses.equals(m.hypotheses)
        && evidence.equals(m.evidence) && cells.equals(m.cells);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(question, hypotheses, evidence, cells);
  }

  @Override
  public String toString() {
    return "AchMatrix[" + question + ", " + hypotheses.size() + " hypotheses, " + evidence.size() + " evidence]";
  }

  /**
   * Builds a matrix. {@link #build()} checks it whole and throws a {@link ValidationException}
   * naming every bad field: at least two hypotheses with unique, non-blank ids; evidence claims
   * that are claim resource names, unique; credibility and relevance in (0, 1]; every rating naming
   * a known claim and hypothesis.
   */
  public static final class Builder {
    private final String question;
    private final Map<String, Hypothesis> hypotheses = new LinkedHashMap<>();
    private final List<String> duplicateHypotheses = new ArrayList<>();
    private final Map<String, Evidence> evidence = new LinkedHashMap<>();
    private final List<String> duplicateEvidence = new ArrayList<>();
    private final Map<List<String>, Consistency> ratings = new LinkedHashMap<>();

    private Builder(String question) {
      this.question = question == null ? "" : question;
    }

    public Builder hypothesis(String id, String statement) {
      if (hypotheses.putIfAbsent(id, new Hypothesis(id, statement == null ? "" : statement)) != null) {
        duplicateHypotheses.add(id);
      }
      return this;
    }

    public Builder evidence(String claim, String description, double credibility, double relevance) {
      if (evidence.putIfAbsent(claim, new Evidence(claim, description == null ? "" : description, credibility,
          relevance)) != null) {
        duplicateEvidence.add(claim);
      }
      return this;
    }

    public Builder rate(String claim, String hypothesis, Consistency rating) {
      ratings.put(List.of(claim, hypothesis), rating);
      return this;
    }

    /** Rates one piece of evidence against every hypothesis, in the order they were added. */
    public Builder row(String claim, Consistency... ratingsInHypothesisOrder) {
      List<String> ids = new ArrayList<>(hypotheses.keySet());
      for (int i = 0; i < ratingsInHypothesisOrder.length; i++) {
        rate(claim, i < ids.size() ? ids.get(i) : "#" + i, ratingsInHypothesisOrder[i]);
      }
      return this;
    }

    public AchMatrix build() {
      List<FieldViolation> v = new ArrayList<>();
      if (question.isBlank()) {
        v.add(new FieldViolation("question", "is required"));
      }
      if (hypotheses.size() < 2) {
        v.add(new FieldViolation("hypotheses", "needs at least two competing hypotheses"));
      }
      List<Hypothesis> hs = new ArrayList<>(hypotheses.values());
      for (int i = 0; i < hs.size(); i++) {
        if (hs.get(i).id() == null || hs.get(i).id().isBlank()) {
          v.add(new FieldViolation("hypotheses[" + i + "].id", "is required"));
        }
      }
      duplicateHypotheses.forEach(id -> v.add(new FieldViolation("hypotheses", "duplicate id \"" + id + "\"")));
      List<Evidence> es = new ArrayList<>(evidence.values());
      for (int i = 0; i < es.size(); i++) {
        Evidence e = es.get(i);
        if (e.claim() == null || !e.claim().matches("claims/[a-z0-9][a-z0-9-]{0,62}")) {
          v.add(new FieldViolation("evidence[" + i + "].claim", "must be a claim name like claims/{claim}"));
        }
        if (!(e.credibility() > 0 && e.credibility() <= 1)) {
          v.add(new FieldViolation("evidence[" + i + "].credibility", "must be in (0, 1]"));
        }
        if (!(e.relevance() > 0 && e.relevance() <= 1)) {
          v.add(new FieldViolation("evidence[" + i + "].relevance", "must be in (0, 1]"));
        }
      }
      duplicateEvidence.forEach(c -> v.add(new FieldViolation("evidence", "duplicate claim \"" + c + "\"")));
      ImmutableTable.Builder<String, String, Consistency> cells = ImmutableTable.builder();
      Set<String> bad = new HashSet<>();
      for (Map.Entry<List<String>, Consistency> r : ratings.entrySet()) {
        String claim = r.getKey().get(0);
        String h = r.getKey().get(1);
        if (!evidence.containsKey(claim) && bad.add("e" + claim)) {
          v.add(new FieldViolation("cells", "rates unknown evidence \"" + claim + "\""));
        } else if (!hypotheses.containsKey(h) && bad.add("h" + h)) {
          v.add(new FieldViolation("cells", "rates unknown hypothesis \"" + h + "\""));
        } else if (r.getValue() == null) {
          v.add(new FieldViolation("cells", "rating of " + claim + " against " + h + " is required"));
        } else if (evidence.containsKey(claim) && hypotheses.containsKey(h)) {
          cells.put(claim, h, r.getValue());
        }
      }
      if (!v.isEmpty()) {
        throw new ValidationException(v);
      }
      return new AchMatrix(question, hs, es, cells.build());
    }
  }
}
