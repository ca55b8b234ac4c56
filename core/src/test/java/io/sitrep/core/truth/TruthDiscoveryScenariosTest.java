package io.sitrep.core.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TruthDiscoveryScenariosTest {

  /**
   * Three wire services report independently on twelve detentions and are right on all but one
   * each. Two partisan channels repeat each other word for word, errors included. On where
   * Azirjawi was handed over they both say the Interior Ministry, against two wire services
   * (three when {@code copiersOutnumber} is false) saying the Hashd.
   */
  private static ClaimMatrix wireServicesAndTwoCopiers(boolean copiersOutnumber) {
    ClaimMatrix.Builder b = ClaimMatrix.builder();
    String[] wires = {"Reuters", "AFP", "AP"};
    for (int e = 0; e < 12; e++) {
      for (int w = 0; w < wires.length; w++) {
        boolean wrong = e == 3 * w + 1; // each wire errs once, on a different event
        b.addClaim(wires[w], "event-" + e, wrong ? "misreport-" + w : "truth-" + e);
      }
      // The copiers share a false value on half the events: their telltale.
      String copied = e % 2 == 0 ? "rumour-" + e : "truth-" + e;
      b.addClaim("Channel A", "event-" + e, copied);
      b.addClaim("Channel B", "event-" + e, copied);
    }
    // The channels speak first, so a tied vote goes their way.
    b.addClaim("Channel A", "handover of Azirjawi", "to the Interior Ministry");
    b.addClaim("Channel B", "handover of Azirjawi", "to the Interior Ministry");
    b.addClaim("Reuters", "handover of Azirjawi", "to the Hashd");
    b.addClaim("AFP", "handover of Azirjawi", "to the Hashd");
    if (!copiersOutnumber) {
      b.addClaim("AP", "handover of Azirjawi", "to the Hashd");
    }
    return b.build();
  }

  private static String chosen(TruthResult r, String item) {
    return r.chosenValueName(r.claims().itemId(item).getAsInt());
  }

  @Test
  void accuCopyHearsTheCopiedReportOnceWhereMajorityVoteCountsItTwice() {
    ClaimMatrix m = wireServicesAndTwoCopiers(true);

    TruthResult vote = new MajorityVote().run(m);
    TruthResult copy = Accu.accuCopy().run(m);

    assertThat(chosen(vote, "handover of Azirjawi")).isEqualTo("to the Interior Ministry");
    assertThat(chosen(copy, "handover of Azirjawi")).isEqualTo("to the Hashd");
  }

  @Test
  void theDefaultAlsoSeesThroughTheCopiers() {
    ClaimMatrix m = wireServicesAndTwoCopiers(true);

    TruthResult r = TruthDiscoveries.defaultConfiguration().run(m);

    assertThat(chosen(r, "handover of Azirjawi")).isEqualTo("to the Hashd");
    int reuters = m.sourceId("Reuters").getAsInt();
    int channelA = m.sourceId("Channel A").getAsInt();
    assertThat(r.trust(reuters)).isGreaterThan(r.trust(channelA));
  }

  @Test
  void everyAlgorithmAgreesWhenTheReliableSourcesAreTheMajority() {
    ClaimMatrix m = wireServicesAndTwoCopiers(false);

    for (String name : TruthDiscoveries.names()) {
      TruthResult r = TruthDiscoveries.byName(name).orElseThrow().run(m);
      assertThat(chosen(r, "event-5")).as(name).isEqualTo("truth-5");
      assertThat(r.iterations()).as(name).isBetween(1, 20);
    }
  }

  @Test
  void aTiedVoteGoesToTheValueReportedFirst() {
    ClaimMatrix.Builder b = ClaimMatrix.builder();
    b.addClaim("Interior Ministry", "casualties at the checkpoint", "none");
    b.addClaim("Local council", "casualties at the checkpoint", "three");

    TruthResult r = new MajorityVote().run(b.build());

    assertThat(chosen(r, "casualties at the checkpoint")).isEqualTo("none");
    assertThat(r.distribution(0)).containsExactly(0.5, 0.5);
  }

  @Test
  void aSourceMakesOneClaimPerItemTheFirstItMade() {
    ClaimMatrix.Builder b = ClaimMatrix.builder();
    assertThat(b.addClaim("Hashd media office", "detainee count", "12")).isTrue();
    assertThat(b.addClaim("Hashd media office", "detainee count", "40")).isFalse();

    ClaimMatrix m = b.build();

    assertThat(m.numClaims()).isEqualTo(1);
    assertThat(m.valueName(m.claimValue(0))).isEqualTo("12");
  }

  @Test
  void aGoldSeedClampsItsItemAndTeachesWhoToTrust() {
    ClaimMatrix m = ministryAgainstWitnessesWithOneGold();

    TruthResult r = Accu.accu().run(m);
    TruthResult unseeded = Accu.accu().run(m, TruthOptions.defaults().withGold(false));

    assertThat(chosen(r, "event-0")).isEqualTo("version-w-0");
    assertThat(chosen(r, "event-3")).isEqualTo("version-w-3");
    assertThat(chosen(unseeded, "event-3")).isEqualTo("version-m-3"); // first reported wins a tie
    int witness = m.sourceId("Eyewitness network").getAsInt();
    int ministry = m.sourceId("Ministry statement").getAsInt();
    assertThat(r.trust(witness)).isGreaterThan(r.trust(ministry));
  }

  @Test
  void anAnalystsGradeTipsAnOtherwiseEvenDispute() {
    ClaimMatrix.Builder b = ClaimMatrix.builder();
    b.addClaim("Anonymous channel", "who fired first", "the patrol");
    b.addClaim("Trusted stringer", "who fired first", "the crowd");
    b.sourceGrade("Trusted stringer", AdmiraltyGrades.SourceGrade.A);
    b.sourceGrade("Anonymous channel", AdmiraltyGrades.SourceGrade.E);
    ClaimMatrix m = b.build();

    assertThat(chosen(TruthDiscoveries.defaultConfiguration().run(m), "who fired first"))
        .isEqualTo("the crowd");
    assertThat(
            chosen(
                TruthDiscoveries.defaultConfiguration()
                    .run(m, TruthOptions.defaults().withPriors(false)),
                "who fired first"))
        .isEqualTo("the patrol");
  }

  @Test
  void iterationsStopOnceTrustSettles() {
    ClaimMatrix m = wireServicesAndTwoCopiers(false);
    List<Double> changes = new ArrayList<>();

    TruthResult r =
        new TruthFinder()
            .run(
                m,
                TruthOptions.defaults()
                    .withMaxIterations(200)
                    .withEpsilon(1e-6)
                    .withListener((i, change) -> changes.add(change)));

    assertThat(r.converged()).isTrue();
    assertThat(r.iterations()).isLessThan(200).isEqualTo(changes.size());
    assertThat(changes.get(changes.size() - 1)).isLessThan(1e-6);
    assertThat(r.changes()).hasSize(r.iterations());
  }

  @Test
  void aDeadlineCancelsTheRunBetweenIterations() {
    ClaimMatrix m = wireServicesAndTwoCopiers(false);
    AtomicInteger polls = new AtomicInteger();

    assertThatThrownBy(
            () ->
                Accu.accuCopy()
                    .run(
                        m,
                        TruthOptions.defaults()
                            .withEpsilon(0)
                            .withCancellation(() -> polls.incrementAndGet() > 2)))
        .isInstanceOf(CancellationException.class);
    assertThat(polls.get()).isEqualTo(3);
  }

  @Test
  void crhTakesTheWeightedMedianOfCasualtyCounts() {
    ClaimMatrix.Builder b = ClaimMatrix.builder().numericValues(true);
    String[] sources = {"Health ministry", "Hospital A", "Hospital B", "Militia spokesman"};
    int[][] counts = {{10, 20, 30, 40}, {11, 20, 31, 40}, {10, 21, 30, 41}, {90, 5, 300, 1}};
    for (int s = 0; s < sources.length; s++) {
      for (int d = 0; d < 4; d++) {
        b.addClaim(sources[s], "day-" + d, Integer.toString(counts[s][d]));
      }
    }
    ClaimMatrix m = b.build();

    TruthResult r = Crh.median().run(m);

    assertThat(chosen(r, "day-2")).isIn("30", "31");
    int militia = m.sourceId("Militia spokesman").getAsInt();
    int ministry = m.sourceId("Health ministry").getAsInt();
    assertThat(r.trust(militia)).isLessThan(r.trust(ministry));
  }

  @Test
  void similarAuthorListsSupportTheFullList() {
    ValueSimilarity s = ValueSimilarity.tokenContainment();

    assertThat(s.similarity("jennifer widom", "ceri jennifer stefano widom")).isEqualTo(1.0);
    assertThat(s.similarity("ceri jennifer stefano widom", "jennifer widom")).isEqualTo(0.5);
    assertThat(ValueSimilarity.numericCloseness(0.01).similarity("1000", "1005"))
        .isCloseTo(0.5, org.assertj.core.api.Assertions.within(0.01));
  }

  @Test
  void gradesReadTrustAndBeliefOnTheAdmiraltyScale() {
    assertThat(AdmiraltyGrades.sourceGrade(0.93, 10)).isEqualTo(AdmiraltyGrades.SourceGrade.A);
    assertThat(AdmiraltyGrades.sourceGrade(0.93, 1)).isEqualTo(AdmiraltyGrades.SourceGrade.F);
    assertThat(AdmiraltyGrades.sourceGrade(0.3, 10)).isEqualTo(AdmiraltyGrades.SourceGrade.E);
    for (AdmiraltyGrades.SourceGrade g : AdmiraltyGrades.SourceGrade.values()) {
      g.prior().ifPresent(p -> assertThat(AdmiraltyGrades.sourceGrade(p, 10)).isEqualTo(g));
    }
    assertThat(AdmiraltyGrades.credibility(0.99, 3)).isEqualTo(1);
    assertThat(AdmiraltyGrades.credibility(0.99, 1)).isEqualTo(2);
    assertThat(AdmiraltyGrades.credibility(0.1, 1)).isEqualTo(5);
    assertThat(AdmiraltyGrades.credibility(0.5, 0)).isEqualTo(6);
  }

  @Test
  void indexedClaimsLayOutEachItemsValuesContiguously() {
    ClaimMatrix m =
        ClaimMatrix.ofIndexedClaims(
            3, 2, new int[] {0, 1, 2, 0}, new int[] {1, 1, 1, 0}, new int[] {1, 0, 1, 0});

    assertThat(m.numValues()).isEqualTo(3);
    assertThat(m.itemValueStart(1)).isEqualTo(1);
    assertThat(m.valueSupport(2)).isEqualTo(2);
    assertThat(m.sourceClaimCount(0)).isEqualTo(2);
    assertThat(new MajorityVote().run(m).chosenValue(1)).isEqualTo(2);
  }

  /**
   * Three careful catalogues list the full author names of ten reports, initials included;
   * four sloppy ones always drop the middle initial. Voting takes the short list; the Latent
   * Truth Model learns that the sloppy ones leave tokens out (low sensitivity) while nobody
   * invents an initial (false positives are rare), and keeps the initial. The nested candidates
   * make the default read the values as sets.
   */
  @Test
  void catalogsThatDropInitialsDoNotOutvoteThem() {
    ClaimMatrix.Builder b = ClaimMatrix.builder();
    for (int r = 0; r < 10; r++) {
      String full = "azirjawi h report" + r + " salih";
      String shortList = "azirjawi report" + r + " salih";
      for (String sloppy : new String[] {"Sloppy 1", "Sloppy 2", "Sloppy 3", "Sloppy 4"}) {
        b.addClaim(sloppy, "authors of report " + r, shortList);
      }
      for (String careful : new String[] {"Careful 1", "Careful 2", "Careful 3"}) {
        b.addClaim(careful, "authors of report " + r, full);
      }
    }
    ClaimMatrix m = b.build();

    assertThat(LatentTruth.valuesAreSets(m)).isTrue();
    assertThat(chosen(new MajorityVote().run(m), "authors of report 3"))
        .isEqualTo("azirjawi report3 salih");
    assertThat(chosen(new LatentTruth().run(m), "authors of report 3"))
        .isEqualTo("azirjawi h report3 salih");
    assertThat(chosen(TruthDiscoveries.defaultConfiguration().run(m), "authors of report 3"))
        .isEqualTo("azirjawi h report3 salih");
  }

  /**
   * Investment on a dispute between a one-claim source and an established one: the paper's order
   * (trust paid from the previous, voted beliefs) must not hand every dispute to the source that
   * invests its whole trust in one claim.
   */
  @Test
  void investmentDoesNotHandDisputesToOneClaimSources() {
    ClaimMatrix.Builder b = ClaimMatrix.builder();
    for (int e = 0; e < 8; e++) {
      b.addClaim("Wire service", "event-" + e, "truth-" + e);
      b.addClaim("Second wire", "event-" + e, "truth-" + e);
    }
    b.addClaim("Anonymous post", "event-0", "rumour-0");
    b.addClaim("Anonymous post 2", "event-1", "rumour-1");
    ClaimMatrix m = b.build();

    assertThat(chosen(Investment.investment().run(m), "event-0")).isEqualTo("truth-0");
    assertThat(chosen(Investment.pooled().run(m), "event-1")).isEqualTo("truth-1");
  }

  /**
   * Two sources that disagree on every one of five events, the analyst knowing the truth of one
   * ("event-0" is the eyewitnesses' "version-w-0"). Shared with {@link TruthFinderGoldTest}.
   */
  static ClaimMatrix ministryAgainstWitnessesWithOneGold() {
    ClaimMatrix.Builder b = ClaimMatrix.builder();
    for (int e = 0; e < 5; e++) {
      b.addClaim("Ministry statement", "event-" + e, "version-m-" + e);
      b.addClaim("Eyewitness network", "event-" + e, "version-w-" + e);
    }
    b.goldValue("event-0", "version-w-0");
    return b.build();
  }
}
