package io.sitrep.server.fuzz;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The same properties over the SQLite store in a temporary directory, for a tenth of the
 * generated cases (every valid request still runs): refusals must roll back real transactions,
 * and SQLite's own limits are met.
 */
class SqliteRpcFuzzTest extends RpcFuzzProperties {
  private static FuzzRunner runner;

  @BeforeAll
  static void start() {
    runner = FuzzRunner.start(FuzzServer.StoreKind.SQLITE);
  }

  @AfterAll
  static void stop() {
    finish(runner);
  }

  @Override
  FuzzRunner runner() {
    return runner;
  }

  @Override
  int tries() {
    return Math.max(20, TRIES / 10);
  }
}
