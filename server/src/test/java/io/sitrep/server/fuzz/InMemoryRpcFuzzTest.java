package io.sitrep.server.fuzz;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Fuzzes every RPC of a real server over the in-memory store holding the demo. */
class InMemoryRpcFuzzTest extends RpcFuzzProperties {
  private static FuzzRunner runner;

  @BeforeAll
  static void start() {
    runner = FuzzRunner.start(FuzzServer.StoreKind.MEMORY);
  }

  @AfterAll
  static void stop() {
    finish(runner);
  }

  @Override
  FuzzRunner runner() {
    return runner;
  }
}
