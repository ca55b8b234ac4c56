package io.sitrep.server.fuzz;

import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Fuzzes every RPC of a real server over the in-memory store holding the demo. */
class InMemoryRpcFuzzTest extends RpcFuzzProperties {
  private static FuzzRunner runner;

  @BeforeContainer
  static void start() {
    runner = FuzzRunner.start(FuzzServer.StoreKind.MEMORY);
  }

  @AfterContainer
  static void stop() {
    finish(runner);
  }

  @Override
  FuzzRunner runner() {
    return runner;
  }
}
