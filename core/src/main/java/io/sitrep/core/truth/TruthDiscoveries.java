package io.sitrep.core.truth;

import com.google.common.collect.ImmutableMap;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The algorithms of this package by name, and the {@linkplain #defaultConfiguration() default
 * configuration} Sitrep uses when nobody asks for a particular one.
 */
public final class TruthDiscoveries {
  /** The name of {@link #defaultConfiguration()}. */
  public static final String DEFAULT_NAME = "default";

  private static final ImmutableMap<String, Supplier<TruthDiscovery>> BY_NAME =
      ImmutableMap.<String, Supplier<TruthDiscovery>>builder()
          .put(DEFAULT_NAME, TruthDiscoveries::defaultConfiguration)
          .put(MajorityVote.NAME, MajorityVote::new)
          .put(Sums.NAME, Sums::new)
          .put(AverageLog.NAME, AverageLog::new)
          .put(Investment.NAME, Investment::investment)
          .put(Investment.POOLED_NAME, Investment::pooled)
          .put(TruthFinder.NAME, TruthFinder::new)
          .put(TruthFinder.NAME + "-sim", () -> TruthFinder.withImplication(ValueSimilarity.automatic()))
          .put(Estimates.TWO_NAME, Estimates::twoEstimates)
          .put(Estimates.THREE_NAME, Estimates::threeEstimates)
          .put(Accu.NAME, Accu::accu)
          .put(Accu.SIM_NAME, () -> Accu.accuSim(ValueSimilarity.automatic()))
          .put(Accu.COPY_NAME, Accu::accuCopy)
          .put(Crh.NAME, Crh::median)
          .put(Crh.MEAN_NAME, Crh::mean)
          .buildOrThrow();

  private TruthDiscoveries() {}

  /** Every registered name, the default first. */
  public static java.util.Set<String> names() {
    return BY_NAME.keySet();
  }

  /** The algorithm called {@code name} (case-insensitive), if there is one. */
  public static Optional<TruthDiscovery> byName(String name) {
    Supplier<TruthDiscovery> s = BY_NAME.get(name.trim().toLowerCase(Locale.ROOT));
    return s == null ? Optional.empty() : Optional.of(s.get());
  }

  /**
   * Sitrep's default: AccuCopy with value similarity and prior-smoothed accuracy, a single
   * model from Dong, Berti-Equille and Srivastava (VLDB 2009) with every part switched on. No
   * parameter is fitted to any data set; each is either the paper's or follows from the model:
   *
   * <ul>
   *   <li><b>Accuracy-weighted Bayesian vote</b> ({@code n = 100} false values, initial
   *       accuracy 0.8): a source's vote is its log-odds of being right, so one reliable source
   *       outweighs several poor ones, unlike Sums or voting.
   *   <li><b>Copy detection</b> ({@code alpha = 0.2}, {@code c = 0.8}): web sources copy each
   *       other, and a copied error otherwise looks like corroboration. Shared false values
   *       are the evidence. This is what separates Dong's Accu (.87) from AccuNoDep (.79) on
   *       Book.
   *   <li><b>Value similarity</b> ({@link ValueSimilarity#automatic()}, {@code rho = 0.5}):
   *       "knuth donald" and "knuth donald e" partly support each other, as do populations
   *       that differ by under 1%, so near-duplicates of the truth do not split its vote.
   *   <li><b>Beta prior on accuracy</b> worth {@code kappa = 2} claims at the initial accuracy
   *       (or the analyst's prior): the posterior mean instead of the maximum-likelihood
   *       estimate, so a source seen once does not get accuracy 0.999 from agreeing with
   *       itself. Most Population sources make one or two claims. Two pseudo-claims is the
   *       weakest prior that still stops a single claim from deciding a source's accuracy.
   * </ul>
   */
  public static TruthDiscovery defaultConfiguration() {
    return new Accu(
        new Accu.Config(
            DEFAULT_NAME, 100, 0.8, ValueSimilarity.automatic(), 0.5, true, 0.2, 0.8, 2, true));
  }
}
