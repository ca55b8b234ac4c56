package io.sitrep.server.fuzz;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * The fuzz properties, run against the server a subclass starts. Every case is judged by {@link
 * FuzzRunner#check}: never UNKNOWN or INTERNAL, the server still healthy, the store unchanged
 * after a refusal and changed only as the method may after a success.
 */
@PropertyDefaults(shrinking = ShrinkingMode.BOUNDED)
abstract class RpcFuzzProperties {

  /** The running server and its judge, started once for the class. */
  abstract FuzzRunner runner();

  @Property
  void generatedRequests(@ForAll("generated") Cases.FuzzCase c) {
    runner().check(c);
  }

  @Property
  void validRequests(@ForAll("valid") Cases.FuzzCase c) {
    runner().check(c);
  }

  @Property
  void validRequestsWithOneFieldMutated(@ForAll("mutated") Cases.FuzzCase c) {
    runner().check(c);
  }

  @Property
  void validRequestsWithDamagedBytes(@ForAll("rawBytes") Cases.FuzzCase c) {
    runner().check(c);
  }

  @Property
  void ingestStreamsOfMixedBatches(@ForAll("streams") Cases.FuzzCase c) {
    runner().check(c);
  }

  @Provide
  Arbitrary<Cases.FuzzCase> generated() {
    return runner().cases().generated();
  }

  @Provide
  Arbitrary<Cases.FuzzCase> valid() {
    return runner().cases().valid();
  }

  @Provide
  Arbitrary<Cases.FuzzCase> mutated() {
    return runner().cases().mutated();
  }

  @Provide
  Arbitrary<Cases.FuzzCase> rawBytes() {
    return runner().cases().rawBytes();
  }

  @Provide
  Arbitrary<Cases.FuzzCase> streams() {
    return runner().cases().streams();
  }

  /** Ends the run: every RPC must have been reached, and the tally is printed for the record. */
  static void finish(FuzzRunner runner) {
    try {
      System.out.print(runner.report());
      if (runner.casesRun() >= 20 * runner.rpcs().size() && !runner.untouched().isEmpty()) {
        throw new AssertionError("no fuzz case reached " + runner.untouched());
      }
    } finally {
      runner.close();
    }
  }
}
