package io.sitrep.core.ach;

/**
 * A row of an ACH matrix: a claim, by its resource name, with the analyst's weights.
 *
 * @param claim the claim's resource name ({@code claims/...})
 * @param description what the evidence says, for the reader of the matrix
 * @param credibility how credible the evidence is, in (0, 1]
 * @param relevance how much it bears on the question, in (0, 1]
 */
public record Evidence(String claim, String description, double credibility, double relevance) {
  /** High, medium and low as weights: 1, 0.7 and 0.4. */
  public static final double HIGH = 1.0;
  public static final double MEDIUM = 0.7;
  public static final double LOW = 0.4;
}
