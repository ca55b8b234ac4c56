package io.sitrep.server.fuzz;

/**
 * The same properties over the SQLite store in a temporary directory, for a tenth of the
 * generated cases (every valid request still runs): refusals must roll back real transactions,
 * and SQLite's own limits are met.
 */
class SqliteRpcFuzzTest extends RpcFuzzProperties {
  @Override
  FuzzServer.StoreKind storeKind() {
    return FuzzServer.StoreKind.SQLITE;
  }

  @Override
  int tries() {
    return Math.max(20, TRIES / 10);
  }
}
