package io.sitrep.server.auth;

import com.google.protobuf.Timestamp;
import io.grpc.stub.StreamObserver;
import io.sitrep.api.v1.ApiKeyRole;
import io.sitrep.api.v1.ApiKeyServiceGrpc;
import io.sitrep.api.v1.CreateApiKeyRequest;
import io.sitrep.api.v1.CreateApiKeyResponse;
import io.sitrep.api.v1.GetApiKeyRequest;
import io.sitrep.api.v1.ListApiKeysRequest;
import io.sitrep.api.v1.ListApiKeysResponse;
import io.sitrep.api.v1.RevokeApiKeyRequest;
import io.sitrep.core.model.ValidationException;
import io.sitrep.core.store.Page;
import io.sitrep.server.service.Errors;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * {@code sitrep.v1.ApiKeyService} over {@link ApiKeys}: admin only ({@link MethodRoles}). The
 * token of a key is in the response that creates it and nowhere else.
 */
public final class ApiKeyServiceImpl extends ApiKeyServiceGrpc.ApiKeyServiceImplBase {
  private final ApiKeys keys;

  public ApiKeyServiceImpl(ApiKeys keys) {
    this.keys = keys;
  }

  @Override
  public void createApiKey(CreateApiKeyRequest request, StreamObserver<CreateApiKeyResponse> responses) {
    unary(responses, () -> {
      if (!request.hasApiKey()) {
        throw ValidationException.of("api_key", "is required");
      }
      ApiKeys.Issued issued = keys.create(request.getApiKey().getPrincipal(), role(request.getApiKey().getRole()));
      return CreateApiKeyResponse.newBuilder().setApiKey(toProto(issued.key())).setToken(issued.token()).build();
    });
  }

  @Override
  public void getApiKey(GetApiKeyRequest request, StreamObserver<io.sitrep.api.v1.ApiKey> responses) {
    unary(responses, () -> toProto(keys.get(id(request.getName()))));
  }

  @Override
  public void listApiKeys(ListApiKeysRequest request, StreamObserver<ListApiKeysResponse> responses) {
    unary(responses, () -> {
      Page<ApiKey> page = keys.list(request.getPageSize(), request.getPageToken());
      ListApiKeysResponse.Builder out = ListApiKeysResponse.newBuilder().setNextPageToken(page.nextPageToken());
      page.items().forEach(k -> out.addApiKeys(toProto(k)));
      return out.build();
    });
  }

  @Override
  public void revokeApiKey(RevokeApiKeyRequest request, StreamObserver<io.sitrep.api.v1.ApiKey> responses) {
    unary(responses, () -> toProto(keys.revoke(id(request.getName()))));
  }

  /** The proto of {@code key}: never a token or a hash. */
  public static io.sitrep.api.v1.ApiKey toProto(ApiKey key) {
    io.sitrep.api.v1.ApiKey.Builder b = io.sitrep.api.v1.ApiKey.newBuilder()
        .setName(key.name())
        .setPrincipal(key.principal())
        .setRole(toProto(key.role()))
        .setCreateTime(timestamp(key.createTime()));
    key.revokedAt().ifPresent(t -> b.setRevokeTime(timestamp(t)));
    return b.build();
  }

  public static ApiKeyRole toProto(Principal.Role role) {
    return switch (role) {
      case READER -> ApiKeyRole.API_KEY_ROLE_READER;
      case ANALYST -> ApiKeyRole.API_KEY_ROLE_ANALYST;
      case ADMIN -> ApiKeyRole.API_KEY_ROLE_ADMIN;
    };
  }

  private static Principal.Role role(ApiKeyRole role) {
    return switch (role) {
      case API_KEY_ROLE_READER -> Principal.Role.READER;
      case API_KEY_ROLE_ANALYST -> Principal.Role.ANALYST;
      case API_KEY_ROLE_ADMIN -> Principal.Role.ADMIN;
      default -> throw ValidationException.of("api_key.role",
          "must be API_KEY_ROLE_READER, API_KEY_ROLE_ANALYST or API_KEY_ROLE_ADMIN");
    };
  }

  private static String id(String name) {
    String prefix = ApiKey.COLLECTION + "/";
    if (name.isEmpty()) {
      throw ValidationException.of("name", "is required");
    }
    if (!name.startsWith(prefix)) {
      throw ValidationException.of("name", "must be apiKeys/{api_key}");
    }
    return name.substring(prefix.length());
  }

  private static Timestamp timestamp(Instant t) {
    return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
  }

  private static <T> void unary(StreamObserver<T> responses, Supplier<T> body) {
    T result;
    try {
      result = body.get();
    } catch (RuntimeException e) {
      if (!Errors.isExpected(e)) {
        throw e; // the UnexpectedErrorInterceptor logs it and answers INTERNAL
      }
      responses.onError(Errors.toStatusException(e));
      return;
    }
    responses.onNext(result);
    responses.onCompleted();
  }
}
