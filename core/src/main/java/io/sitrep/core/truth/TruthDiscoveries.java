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
          .put(LatentTruth.NAME, LatentTruth::new)
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
   * Sitrep's default. No parameter is fitted to any data set; each is either a paper's or
   * follows from the model, and the one choice made per data set is made by a documented test on
   * the claims themselves (never on gold):
   *
   * <ul>
   *   <li><b>When values are sets of tokens</b> ({@link LatentTruth#valuesAreSets}: candidates
   *       of the same item often nest, as author lists with and without initials or co-authors
   *       do), the Latent Truth Model of Zhao et al. (VLDB 2012, {@link LatentTruth}): each
   *       source gets a sensitivity and a false-positive rate, so a source that habitually
   *       leaves out initials does not vote against them; the item's value is the claimed
   *       candidate most likely under the token beliefs. Its M-step is leave-one-out, as the
   *       accuracy below: a source's observations are scored by the others' verdict on each
   *       token, so a store that doubles every name does not certify its own doubling.
   *   <li><b>Otherwise</b> AccuSim with leave-one-out accuracy, an accuracy prior fitted by
   *       empirical Bayes per source-size bucket, accuracy from contested claims only, and the
   *       pooled copy model ({@link Accu}, Dong, Berti-Equille and Srivastava, VLDB 2009): an
   *       accuracy-weighted Bayesian vote ({@code n = 100} false values); similarity ({@link
   *       ValueSimilarity#automatic()}, {@code rho = 0.5}), so populations within 1% do not
   *       split their vote; each claim scored for its source's accuracy by {@code P_{-S}(v)},
   *       the other sources' verdict on it (leave-one-out, Stone 1974), so a source's own vote
   *       never certifies its own claims; a Beta prior worth {@code kappa = 2} claims whose mean
   *       is fitted from the data for each bucket {@code floor(log2 claims)} of source size, so
   *       a one-claim anonymous source is not weighed like an editor with hundreds of claims;
   *       and the pooled copy model (same paper's test of section 2 against the class of
   *       one-claim sources, {@code alpha = 0.2}, {@code c = 0.8}), so a bot that copies
   *       whatever an anonymous editor last wrote does not count as a second, independent
   *       witness to it. Pairwise copy detection (AccuCopy) is off: over many shared items it
   *       reads two accurate sources agreeing on true values as copying (on Population an
   *       editor and a census bot sharing 178 census figures) and, with leave-one-out accuracy,
   *       it did not settle (Book .68, Population .60 measured); {@link Accu#accuCopy()} keeps
   *       it for data where copying of errors is the concern.
   * </ul>
   */
  public static TruthDiscovery defaultConfiguration() {
    return DEFAULT;
  }

  private static final TruthDiscovery DEFAULT =
      new TruthDiscovery() {
        private final TruthDiscovery sets = new LatentTruth(DEFAULT_NAME, true);
        private final TruthDiscovery values =
            new Accu(
                Accu.Config.builder(DEFAULT_NAME)
                    .similarity(ValueSimilarity.automatic(), 0.5)
                    .priorStrength(2)
                    .empiricalPrior()
                    .pooledCopy()
                    .leaveOneOut(true)
                    .build());

        @Override
        public String name() {
          return DEFAULT_NAME;
        }

        @Override
        public TruthResult run(ClaimMatrix claims, TruthOptions options) {
          return LatentTruth.valuesAreSets(claims)
              ? sets.run(claims, options)
              : values.run(claims, options);
        }
      };
}
