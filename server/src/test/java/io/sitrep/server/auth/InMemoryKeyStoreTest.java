package io.sitrep.server.auth;

class InMemoryKeyStoreTest extends KeyStoreContract {
  @Override
  protected KeyStore openStore() {
    return new InMemoryKeyStore();
  }
}
