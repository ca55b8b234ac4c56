package io.sitrep.server.fuzz;

import java.security.SecureRandom;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The fuzz properties, run against the server a subclass starts. Every case is judged by {@link
 * FuzzRunner#check}: never UNKNOWN or INTERNAL, the server still healthy, the store unchanged
 * after a refusal and changed only as the method may after a success.
 *
 * <p>Each generated property draws {@code sitrep.fuzz.tries} cases (400 by default, the CI-sized
 * run; the long run sets 25,000). Case {@code i} of a property is made from its own seed, derived
 * from the run's seed ({@code sitrep.fuzz.seed}, random unless given and printed either way), the
 * property and {@code i}; the methods run in name order, so the same seed replays the same run,
 * server state included.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RpcFuzzProperties {
  static final int TRIES = Integer.getInteger("sitrep.fuzz.tries", 400);
  static final long SEED = Long.getLong("sitrep.fuzz.seed", new SecureRandom().nextLong());

  /** The running server and its judge, started once for the class. */
  private FuzzRunner runner;

  /** The store the server runs on. */
  abstract FuzzServer.StoreKind storeKind();

  @BeforeAll
  void start() {
    runner = FuzzRunner.start(storeKind());
  }

  FuzzRunner runner() {
    return runner;
  }

  /** Cases per generated property for this store. */
  int tries() {
    return TRIES;
  }

  @Test
  void generatedRequests() {
    run("generatedRequests", runner().cases().generated());
  }

  /** Every valid request once: the baseline the mutations start from succeeds or is refused cleanly. */
  @Test
  void validRequests() {
    for (Cases.FuzzCase c : runner().cases().allValid()) {
      runner().check(c);
    }
  }

  @Test
  void validRequestsWithOneFieldMutated() {
    run("validRequestsWithOneFieldMutated", runner().cases().mutated());
  }

  @Test
  void validRequestsWithDamagedBytes() {
    run("validRequestsWithDamagedBytes", runner().cases().rawBytes());
  }

  @Test
  void ingestStreamsOfMixedBatches() {
    run("ingestStreamsOfMixedBatches", runner().cases().streams());
  }

  private void run(String property, Gen<Cases.FuzzCase> cases) {
    for (int i = 0; i < tries(); i++) {
      long caseSeed = new SplittableRandom(SEED ^ property.hashCode() * 0x9E3779B97F4A7C15L ^ i).nextLong();
      try {
        runner().check(cases.next(new SplittableRandom(caseSeed)));
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(property + ", case " + i + " of the run with -Dsitrep.fuzz.seed=" + SEED
            + ": " + e.getMessage(), e);
      }
    }
  }

  /** Ends the run: every RPC must have been reached, and the tally is printed for the record. */
  @AfterAll
  void finish() {
    try {
      System.out.print("fuzz seed " + SEED + "\n" + runner.report());
      if (runner.casesRun() >= 20 * runner.rpcs().size() && !runner.untouched().isEmpty()) {
        throw new AssertionError("no fuzz case reached " + runner.untouched());
      }
    } finally {
      runner.close();
    }
  }
}
