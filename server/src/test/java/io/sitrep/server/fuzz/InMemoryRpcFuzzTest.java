package io.sitrep.server.fuzz;

/** Fuzzes every RPC of a real server over the in-memory store holding the demo. */
class InMemoryRpcFuzzTest extends RpcFuzzProperties {
  @Override
  FuzzServer.StoreKind storeKind() {
    return FuzzServer.StoreKind.MEMORY;
  }
}
