package io.sitrep.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.inprocess.InProcessServerBuilder;
import io.sitrep.core.store.InMemoryStore;
import io.sitrep.server.SitrepServer;
import io.sitrep.server.auth.MethodRoles.Access;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every method the server serves has exactly one entry in the role table, and no entry is stale. */
class MethodRolesTest {

  /** The full method names of every service a real server registers. */
  static List<MethodDescriptor<?, ?>> servedMethods() throws Exception {
    SitrepServer server = new SitrepServer(InProcessServerBuilder.forName(InProcessServerBuilder.generateName()),
        new InMemoryStore());
    List<MethodDescriptor<?, ?>> methods = new ArrayList<>();
    for (ServerServiceDefinition service : server.services()) {
      service.getMethods().forEach(m -> methods.add(m.getMethodDescriptor()));
    }
    return methods;
  }

  @Test
  void everyMethodOfEveryRegisteredServiceHasAnEntry() throws Exception {
    Set<String> unprotected = new TreeSet<>();
    for (MethodDescriptor<?, ?> m : servedMethods()) {
      if (MethodRoles.access(m.getFullMethodName()).isEmpty()) {
        unprotected.add(m.getFullMethodName());
      }
    }
    assertThat(unprotected).as("methods with no entry in MethodRoles: add each one to the table").isEmpty();
  }

  @Test
  void everyEntryNamesAMethodTheServerServes() throws Exception {
    Set<String> served = new TreeSet<>();
    servedMethods().forEach(m -> served.add(m.getFullMethodName()));
    assertThat(served).containsAll(MethodRoles.table().keySet());
    assertThat(served).hasSize(MethodRoles.table().size());
  }

  @Test
  void onlyHealthIsPublicDeletesAndKeysNeedAnAdminAndNoAnalysisNeedsMoreThanAReader() {
    MethodRoles.table().forEach((method, access) -> {
      String rpc = method.substring(method.indexOf('/') + 1);
      if (method.startsWith("grpc.health.v1.")) {
        assertThat(access).as(method).isEqualTo(Access.PUBLIC);
      } else if (rpc.startsWith("Delete") || method.startsWith("sitrep.v1.ApiKeyService/")) {
        assertThat(access).as(method).isEqualTo(Access.ADMIN);
      } else if (rpc.startsWith("Create") || rpc.startsWith("Update") || rpc.equals("Ingest")) {
        assertThat(access).as(method).isEqualTo(Access.ANALYST);
      } else {
        assertThat(access).as(method).isEqualTo(Access.READER);
      }
    });
  }
}
