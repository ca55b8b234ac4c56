package io.sitrep.core.actors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of actor resolution on the labelled alias test set: the seed's spellings of
 * Iraqi actors and more than 150 spellings and namesakes from public reporting. A case counts as
 * predicted only when it is {@code RESOLVED}: proposals wait for an analyst.
 */
class AliasTestSetTest {

  @Test
  void resolvesTheSpellingsOfIraqiActorsWithoutTakingNamesakes() {
    ActorIndex index = ActorIndex.of(AliasTestSet.actors());
    List<AliasTestSet.Case> cases = AliasTestSet.cases();
    int truePositive = 0;
    int falsePositive = 0;
    int positives = 0;
    List<String> failures = new ArrayList<>();
    for (AliasTestSet.Case c : cases) {
      Resolution r = index.resolve(c.written());
      String got = r.actor().orElse("NONE");
      if (!c.expectsNone()) {
        positives++;
      }
      if (!got.equals("NONE")) {
        if (got.equals(c.expected())) {
          truePositive++;
        } else {
          falsePositive++;
        }
      }
      if (!got.equals(c.expected())) {
        failures.add(String.format(Locale.ROOT, "%-40s expected %-40s got %-8s %s", c.written(), c.expected(),
            r.decision(), r.best().map(b -> b.actor() + " " + String.format(Locale.ROOT, "%.3f", b.score())
                + " " + b.why()).orElse("-")));
      }
    }
    double precision = truePositive / (double) Math.max(1, truePositive + falsePositive);
    double recall = truePositive / (double) positives;
    System.out.printf(Locale.ROOT, "alias test set: %d cases (%d positive), precision %.3f, recall %.3f%n",
        cases.size(), positives, precision, recall);
    failures.forEach(f -> System.out.println("  miss: " + f));
    assertThat(cases).hasSizeGreaterThanOrEqualTo(200);
    assertThat(precision).as("precision").isGreaterThanOrEqualTo(0.98);
    assertThat(recall).as("recall").isGreaterThanOrEqualTo(0.95);
  }
}
