package io.sitrep.core.store;

import java.time.Clock;

/** The reference implementation keeps the contract. */
class InMemoryStoreContractTest extends SitrepStoreContract {
  @Override
  protected SitrepStore openStore(Clock clock) {
    return new InMemoryStore(clock);
  }
}
