package io.sitrep.core.actors;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The thresholds of actor resolution.
 *
 * @param acceptScore the least score at which the best candidate is {@code RESOLVED}
 * @param proposeScore the least score at which the best candidate is {@code PROPOSED}
 * @param margin how far the best candidate must lead the best other actor to be resolved; a name
 *     that fits two actors equally ("Kataib", "Qasim") is proposed, never guessed
 * @param maxCandidates how many candidates a resolution lists
 */
public record ResolutionOptions(double acceptScore, double proposeScore, double margin, int maxCandidates) {
  /** Accept at 0.85 with a lead of 0.05, propose from 0.6, list five. */
  public static final ResolutionOptions DEFAULTS = new ResolutionOptions(0.85, 0.6, 0.05, 5);

  public ResolutionOptions {
    checkArgument(0 <= proposeScore && proposeScore <= acceptScore && acceptScore <= 1,
        "need 0 <= proposeScore <= acceptScore <= 1");
    checkArgument(margin >= 0, "margin must not be negative");
    checkArgument(maxCandidates >= 1, "maxCandidates must be positive");
  }
}
