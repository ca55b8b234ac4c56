package io.sitrep.server.auth;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.sitrep.core.store.StoreException;
import io.sitrep.server.service.Errors;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.jspecify.annotations.Nullable;

/**
 * Establishes the {@link Principal} of every call and refuses what its role does not allow,
 * following {@link MethodRoles}. Installed on the whole server, so it sees every service.
 *
 * <ul>
 *   <li>Authentication off ({@link ApiKeys#enabled()} false and no client certificates asked
 *       for): every call runs as {@link Principal#ANONYMOUS}, or as the principal an outer
 *       interceptor of an embedder (or a test) already put in the context. With authentication
 *       on, such a principal is ignored: only a token or a certificate counts.
 *   <li>Otherwise a call presents {@code authorization: Bearer <token>}, or, with {@code
 *       --client-ca}, a client certificate whose subject CN names the principal (a token, when
 *       given, wins). Missing, malformed, unknown, wrong and revoked tokens all get the same
 *       UNAUTHENTICATED status, which says nothing of the data or of why; a role too low gets
 *       PERMISSION_DENIED naming the role needed.
 * </ul>
 *
 * The principal is put in the call's {@link Context} with {@link Contexts#interceptCall}, so it is
 * current in every callback of the call, the messages of a streaming Ingest included.
 */
public final class AuthInterceptor implements ServerInterceptor {
  private static final Logger logger = Logger.getLogger(AuthInterceptor.class.getName());
  static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final String BEARER = "bearer ";
  /** The one message of every UNAUTHENTICATED answer. */
  public static final String UNAUTHENTICATED_MESSAGE =
      "a valid API key is required: send the metadata authorization: Bearer <token>";
  static final String REASON_UNAUTHENTICATED = "API_KEY_REQUIRED";
  static final String REASON_ROLE = "ROLE_TOO_LOW";

  private final ApiKeys keys;
  private final boolean clientCertificates;

  /**
   * @param clientCertificates whether the TLS layer asks for client certificates ({@code
   *     --client-ca}); authentication is then always on
   */
  public AuthInterceptor(ApiKeys keys, boolean clientCertificates) {
    this.keys = keys;
    this.clientCertificates = clientCertificates;
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
      ServerCallHandler<ReqT, RespT> next) {
    String method = call.getMethodDescriptor().getFullMethodName();
    Optional<MethodRoles.Access> access = MethodRoles.access(method);
    if (access.isPresent() && access.get() == MethodRoles.Access.PUBLIC) {
      return next.startCall(call, headers);
    }
    Principal principal;
    try {
      principal = authenticate(call, headers);
    } catch (StoreException e) {
      return refuse(call, Errors.toStatusException(e));
    }
    if (principal == null) {
      return refuse(call, status(Code.UNAUTHENTICATED, UNAUTHENTICATED_MESSAGE, ErrorInfo.newBuilder()
          .setReason(REASON_UNAUTHENTICATED)));
    }
    if (access.isEmpty()) {
      logger.warning(() -> "refused " + method + ": the method has no entry in MethodRoles");
      return refuse(call, status(Code.PERMISSION_DENIED, "no role may call " + method,
          ErrorInfo.newBuilder().setReason(REASON_ROLE).putMetadata("method", method)));
    }
    Principal.Role needed = access.get().role().orElseThrow();
    if (!principal.role().includes(needed)) {
      String has = principal.role().name().toLowerCase(Locale.ROOT);
      String needs = needed.name().toLowerCase(Locale.ROOT);
      return refuse(call, status(Code.PERMISSION_DENIED,
          "the role " + has + " may not call " + method + "; it needs " + needs,
          ErrorInfo.newBuilder().setReason(REASON_ROLE).putMetadata("method", method)
              .putMetadata("role", has).putMetadata("required_role", needs)));
    }
    return Contexts.interceptCall(Context.current().withValue(Principal.CONTEXT_KEY, principal), call, headers, next);
  }

  /**
   * The caller, or null if it is not authenticated. With authentication off: the principal an
   * embedder's own outer interceptor put in the context, else {@link Principal#ANONYMOUS}.
   */
  private @Nullable Principal authenticate(ServerCall<?, ?> call, Metadata headers) {
    if (!clientCertificates && !keys.enabled()) {
      return Principal.current().orElse(Principal.ANONYMOUS);
    }
    String authorization = headers.get(AUTHORIZATION);
    if (authorization != null) {
      if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
        return null;
      }
      return keys.authenticate(authorization.substring(BEARER.length()).strip()).orElse(null);
    }
    if (clientCertificates) {
      String commonName = clientCommonName(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION));
      if (commonName != null && Principals.isIssuable(commonName)) {
        return keys.authenticateCertificate(commonName);
      }
    }
    return null;
  }

  /** The subject CN of the verified client certificate of {@code session}, if any. */
  static @Nullable String clientCommonName(@Nullable SSLSession session) {
    if (session == null) {
      return null;
    }
    try {
      Certificate[] chain = session.getPeerCertificates();
      if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
        return null;
      }
      for (Rdn rdn : new LdapName(leaf.getSubjectX500Principal().getName()).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          return rdn.getValue().toString();
        }
      }
      return null;
    } catch (SSLPeerUnverifiedException e) {
      return null;
    } catch (InvalidNameException e) {
      logger.log(Level.FINE, "unreadable client certificate subject", e);
      return null;
    }
  }

  private static StatusRuntimeException status(Code code, String message, ErrorInfo.Builder info) {
    return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
        .setCode(code.getNumber()).setMessage(message)
        .addDetails(Any.pack(info.setDomain(Errors.DOMAIN).build())).build());
  }

  private static <ReqT> ServerCall.Listener<ReqT> refuse(ServerCall<ReqT, ?> call, StatusRuntimeException e) {
    call.close(e.getStatus(), e.getTrailers() == null ? new Metadata() : e.getTrailers());
    return new ServerCall.Listener<>() {};
  }
}
