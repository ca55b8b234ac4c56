package io.sitrep.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.FieldMask;
import com.google.protobuf.Message;
import com.google.rpc.ErrorInfo;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.sitrep.api.v1.ApiKeyRole;
import io.sitrep.api.v1.ApiKeyServiceGrpc;
import io.sitrep.api.v1.CreateApiKeyRequest;
import io.sitrep.api.v1.CreateSourceRequest;
import io.sitrep.api.v1.DeleteSourceRequest;
import io.sitrep.api.v1.GetSourceRequest;
import io.sitrep.api.v1.IngestItem;
import io.sitrep.api.v1.IngestRequest;
import io.sitrep.api.v1.IngestServiceGrpc;
import io.sitrep.api.v1.Reliability;
import io.sitrep.api.v1.RevokeApiKeyRequest;
import io.sitrep.api.v1.Source;
import io.sitrep.api.v1.SourceKind;
import io.sitrep.api.v1.SourceServiceGrpc;
import io.sitrep.api.v1.UpdateSourceRequest;
import io.sitrep.core.ach.AchStore;
import io.sitrep.core.ach.InMemoryAchStore;
import io.sitrep.core.store.InMemoryStore;
import io.sitrep.core.store.Page;
import io.sitrep.core.store.PageRequest;
import io.sitrep.core.store.ResourceType;
import io.sitrep.core.store.Stored;
import io.sitrep.server.SitrepServer;
import io.sitrep.server.auth.MethodRoles.Access;
import io.sitrep.server.auth.Principal.Role;
import io.sitrep.server.mapping.IngestMapper;
import io.sitrep.server.service.BatchWriter;
import io.sitrep.server.testing.SeedEpisode;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The whole role matrix on a real Netty server on a loopback port with authentication on: every
 * method of every registered service, called with no token, a bad token, a revoked token, and
 * the keys of a reader, an analyst and an admin. Refused calls get exactly UNAUTHENTICATED or
 * PERMISSION_DENIED and leave the stores as they were; allowed calls get anything but those (OK,
 * or the domain status of a minimal request).
 *
 * <p>Write methods get requests that would succeed (a new source, an update and a delete of
 * existing ones, an ingest batch, a key to create and one to revoke), so that a hole in the
 * interceptor would show as a change in the stores.
 */
class RoleMatrixTest {
  private static final String VICTIM_UPDATE = "sources/al-sumaria-victim-of-update";
  private static final String VICTIM_DELETE = "sources/rudaw-victim-of-delete";

  /** A caller of the matrix: the token it sends (null for none) and the role that token holds. */
  private record Caller(String label, @Nullable String token, @Nullable Role role, boolean authentic) {}

  private static InMemoryStore store;
  private static AchStore achStore;
  private static KeyStore keyStore;
  private static SitrepServer server;
  private static ManagedChannel channel;
  private static List<Caller> callers;
  private static String victimKeyName;

  @BeforeAll
  static void startServerWithKeys() throws Exception {
    store = new InMemoryStore();
    new BatchWriter(store).write(IngestRequest.newBuilder()
        .addAllItems(IngestMapper.items(SeedEpisode.dataset()))
        .addItems(IngestItem.newBuilder().setSource(source(VICTIM_UPDATE, "Al Sumaria")))
        .addItems(IngestItem.newBuilder().setSource(source(VICTIM_DELETE, "Rudaw")))
        .build());
    achStore = InMemoryAchStore.create();
    keyStore = new InMemoryKeyStore();
    ApiKeys keys = new ApiKeys(keyStore, java.time.Clock.systemUTC());
    String reader = keys.create("reader@desk", Role.READER).token();
    String analyst = keys.create("analyst@desk", Role.ANALYST).token();
    String admin = keys.create("admin@desk", Role.ADMIN).token();
    ApiKeys.Issued revoked = keys.create("former-admin@desk", Role.ADMIN);
    keys.revoke(revoked.key().id());
    victimKeyName = keys.create("victim-of-revoke@desk", Role.READER).key().name();
    String badSecret = admin.substring(0, admin.lastIndexOf('.') + 1) + "A".repeat(43);
    callers = List.of(
        new Caller("no token", null, null, false),
        new Caller("bad token", badSecret, null, false),
        new Caller("revoked admin token", revoked.token(), null, false),
        new Caller("reader", reader, Role.READER, true),
        new Caller("analyst", analyst, Role.ANALYST, true),
        new Caller("admin", admin, Role.ADMIN, true));

    server = new SitrepServer(
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0), InsecureServerCredentials.create()),
        store, achStore, io.sitrep.server.ops.ServerLimits.DEFAULTS, new ServerSecurity(keys, false)).start();
    channel = Grpc.newChannelBuilderForAddress("127.0.0.1", server.port(), InsecureChannelCredentials.create())
        .build();
  }

  @AfterAll
  static void stopServer() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.stop();
    store.close();
  }

  private static Source source(String name, String displayName) {
    return Source.newBuilder().setName(name).setDisplayName(displayName)
        .setKind(SourceKind.SOURCE_KIND_NEWS_OUTLET).setCountryCode("IQ").addLanguages("ar")
        .setReliability(Reliability.RELIABILITY_B).build();
  }

  /** A request that would write if allowed, for the write methods that have one; else the empty request. */
  private static Message request(MethodDescriptor<?, ?> method) {
    String name = method.getFullMethodName();
    if (name.equals(SourceServiceGrpc.getCreateSourceMethod().getFullMethodName())) {
      return CreateSourceRequest.newBuilder().setSource(source("", "Shafaq News")).setSourceId("shafaq-news").build();
    }
    if (name.equals(SourceServiceGrpc.getUpdateSourceMethod().getFullMethodName())) {
      return UpdateSourceRequest.newBuilder().setSource(source(VICTIM_UPDATE, "Al Sumaria TV"))
          .setUpdateMask(FieldMask.newBuilder().addPaths("display_name")).build();
    }
    if (name.equals(SourceServiceGrpc.getDeleteSourceMethod().getFullMethodName())) {
      return DeleteSourceRequest.newBuilder().setName(VICTIM_DELETE).build();
    }
    if (name.equals(IngestServiceGrpc.getIngestMethod().getFullMethodName())) {
      return IngestRequest.newBuilder().setRequestId("matrix-ingest")
          .addItems(IngestItem.newBuilder().setSource(source("sources/baghdad-today", "Baghdad Today"))).build();
    }
    if (name.equals(ApiKeyServiceGrpc.getCreateApiKeyMethod().getFullMethodName())) {
      return CreateApiKeyRequest.newBuilder().setApiKey(io.sitrep.api.v1.ApiKey.newBuilder()
          .setPrincipal("intruder").setRole(ApiKeyRole.API_KEY_ROLE_ADMIN)).build();
    }
    if (name.equals(ApiKeyServiceGrpc.getRevokeApiKeyMethod().getFullMethodName())) {
      return RevokeApiKeyRequest.newBuilder().setName(victimKeyName).build();
    }
    return (Message) ((MethodDescriptor.PrototypeMarshaller<?>) method.getRequestMarshaller()).getMessagePrototype();
  }

  /** The status and trailers of one call of {@code method} with {@code request}, over the network. */
  @SuppressWarnings("unchecked")
  private static Answer call(MethodDescriptor<?, ?> method, Message request, @Nullable String token) throws Exception {
    MethodDescriptor<Object, Object> m = (MethodDescriptor<Object, Object>) method;
    ClientCall<Object, Object> call = channel.newCall(m, CallOptions.DEFAULT.withDeadlineAfter(20, TimeUnit.SECONDS));
    CompletableFuture<Answer> done = new CompletableFuture<>();
    Metadata headers = new Metadata();
    if (token != null) {
      headers.put(AuthInterceptor.AUTHORIZATION, "Bearer " + token);
    }
    call.start(new ClientCall.Listener<>() {
      @Override
      public void onMessage(Object message) {
        if (m.getType() == MethodDescriptor.MethodType.SERVER_STREAMING) {
          call.cancel("a first answer is enough", null); // health Watch streams until cancelled
        }
      }

      @Override
      public void onClose(Status status, Metadata trailers) {
        done.complete(new Answer(status, trailers));
      }
    }, headers);
    call.request(Integer.MAX_VALUE);
    call.sendMessage(request);
    call.halfClose();
    return done.get(30, TimeUnit.SECONDS);
  }

  private record Answer(Status status, Metadata trailers) {}

  /** Every current resource, matrix and key with its etag or revocation: any write changes it. */
  private static Map<String, String> stores() {
    Map<String, String> all = new TreeMap<>();
    for (ResourceType<?> type : ResourceType.ALL) {
      String token = "";
      do {
        Page<? extends Stored<?>> page = store.list(type, new PageRequest(1000, token, null));
        page.items().forEach(s -> all.put(s.name(), s.etag()));
        token = page.nextPageToken();
      } while (!token.isEmpty());
    }
    achStore.list(1000, "").items().forEach(m -> all.put(m.name(), m.etag()));
    keyStore.list(1000, "").items().forEach(k -> all.put(k.name(), String.valueOf(k.revokeTime())));
    return all;
  }

  @TestFactory
  Stream<DynamicTest> everyMethodForEveryCaller() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (MethodDescriptor<?, ?> method : MethodRolesTest.servedMethods()) {
      Access access = MethodRoles.access(method.getFullMethodName()).orElseThrow();
      for (Caller caller : callers) { // refused callers first, while the victims still exist
        tests.add(DynamicTest.dynamicTest(method.getFullMethodName() + " by " + caller.label(),
            () -> checkCall(method, access, caller)));
      }
    }
    return tests.stream();
  }

  private static void checkCall(MethodDescriptor<?, ?> method, Access access, Caller caller) throws Exception {
    Map<String, String> before = stores();
    Answer answer = call(method, request(method), caller.token());
    Status.Code code = answer.status().getCode();
    String why = method.getFullMethodName() + " by " + caller.label() + ": " + answer.status();

    if (access == Access.PUBLIC) {
      assertThat(code).as(why).isIn(Status.Code.OK, Status.Code.CANCELLED);
      return;
    }
    Role needed = access.role().orElseThrow();
    if (!caller.authentic()) {
      assertThat(code).as(why).isEqualTo(Status.Code.UNAUTHENTICATED);
      assertThat(answer.status().getDescription()).isEqualTo(AuthInterceptor.UNAUTHENTICATED_MESSAGE);
      assertThat(stores()).as("a refused call changes nothing: " + why).isEqualTo(before);
    } else if (!caller.role().includes(needed)) {
      assertThat(code).as(why).isEqualTo(Status.Code.PERMISSION_DENIED);
      assertThat(answer.status().getDescription()).contains("needs " + needed.name().toLowerCase());
      assertThat(stores()).as("a refused call changes nothing: " + why).isEqualTo(before);
    } else {
      assertThat(code).as(why).isIn(Status.Code.OK, Status.Code.INVALID_ARGUMENT, Status.Code.NOT_FOUND,
          Status.Code.ALREADY_EXISTS, Status.Code.FAILED_PRECONDITION);
    }
  }

  @Test
  void theWriteRequestsOfTheMatrixDoWriteWhenAllowed() throws Exception {
    // Without this, a refusal that leaves the stores unchanged would prove nothing.
    String analyst = callers.get(4).token();
    Answer created = call(SourceServiceGrpc.getCreateSourceMethod(),
        CreateSourceRequest.newBuilder().setSource(source("", "Kurdistan 24")).setSourceId("kurdistan-24").build(),
        analyst);
    assertThat(created.status().getCode()).isEqualTo(Status.Code.OK);
    assertThat(store.get(ResourceType.SOURCES, "sources/kurdistan-24")).isPresent();
    assertThat(store.history(ResourceType.SOURCES, "sources/kurdistan-24"))
        .extracting(v -> v.author()).as("the key's principal is the author of the write").containsExactly("analyst@desk");
  }

  @Test
  void anOutsiderCannotTellAnExistingSourceFromAMissingOne() throws Exception {
    Answer existing = call(SourceServiceGrpc.getGetSourceMethod(),
        GetSourceRequest.newBuilder().setName(SeedEpisode.HABIB).build(), null);
    Answer missing = call(SourceServiceGrpc.getGetSourceMethod(),
        GetSourceRequest.newBuilder().setName("sources/no-such-source").build(), callers.get(2).token());

    for (Answer a : List.of(existing, missing)) {
      assertThat(a.status().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
      assertThat(a.status().getDescription()).isEqualTo(AuthInterceptor.UNAUTHENTICATED_MESSAGE)
          .doesNotContain("habib").doesNotContain("sources/");
      com.google.rpc.Status details = StatusProto.fromStatusAndTrailers(a.status(), a.trailers());
      assertThat(details.getDetailsList()).hasSize(1);
      ErrorInfo info = details.getDetails(0).unpack(ErrorInfo.class);
      assertThat(info.getReason()).isEqualTo("API_KEY_REQUIRED");
      assertThat(info.getMetadataMap()).isEmpty();
    }
    assertThat(StatusProto.fromStatusAndTrailers(existing.status(), existing.trailers()))
        .isEqualTo(StatusProto.fromStatusAndTrailers(missing.status(), missing.trailers()));
  }
}
