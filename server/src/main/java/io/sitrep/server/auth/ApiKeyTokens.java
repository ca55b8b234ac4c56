package io.sitrep.server.auth;

import com.google.common.io.BaseEncoding;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tokens of API keys, and their hashes.
 *
 * <p>A token is {@code sitrep.<id>.<secret>}: the id is 10 random bytes in lower-case base32 (16
 * characters, public, the key's resource id), the secret 32 random bytes in base64url (43
 * characters). The store keeps, per key, a random 16-byte salt and HMAC-SHA256(salt, secret).
 * A slow password hash (PBKDF2) buys nothing here: a 256-bit random secret cannot be guessed from
 * its hash, and a fast hash keeps authentication off the latency of every call. Lookup is by id;
 * hashes are compared in constant time.
 */
public final class ApiKeyTokens {
  static final String PREFIX = "sitrep.";
  private static final int ID_BYTES = 10;
  private static final int SECRET_BYTES = 32;
  private static final int SALT_BYTES = 16;
  private static final BaseEncoding ID_ENCODING = BaseEncoding.base32().lowerCase().omitPadding();
  private static final Pattern ID = Pattern.compile("[a-z2-7]{16}");
  private static final Pattern TOKEN = Pattern.compile("sitrep\\.([a-z2-7]{16})\\.([A-Za-z0-9_-]{43})");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A token split into its public id and its secret. */
  record Parsed(String id, String secret) {
    @Override
    public String toString() {
      return "Parsed[id=" + id + ", secret=<hidden>]"; // never log a secret
    }
  }

  /** A fresh token and what the store keeps of it. */
  record Issued(String id, String token, byte[] salt, byte[] hash) {
    @Override
    public String toString() {
      return "Issued[id=" + id + "]";
    }
  }

  private ApiKeyTokens() {}

  /** Whether {@code id} has the form of a key id. */
  public static boolean isKeyId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  static Issued issue() {
    byte[] idBytes = new byte[ID_BYTES];
    byte[] secretBytes = new byte[SECRET_BYTES];
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(idBytes);
    RANDOM.nextBytes(secretBytes);
    RANDOM.nextBytes(salt);
    String id = ID_ENCODING.encode(idBytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
    return new Issued(id, PREFIX + id + "." + secret, salt, hash(salt, secret));
  }

  /** The id and secret of a well-formed token; empty for anything else. */
  static Optional<Parsed> parse(String token) {
    var m = TOKEN.matcher(token);
    return m.matches() ? Optional.of(new Parsed(m.group(1), m.group(2))) : Optional.empty();
  }

  static byte[] hash(byte[] salt, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(salt, "HmacSHA256"));
      return mac.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks HmacSHA256", e);
    }
  }

  /** Whether {@code secret} hashes to {@code hash} under {@code salt}, in time independent of where they differ. */
  static boolean matches(String secret, byte[] salt, byte[] hash) {
    return MessageDigest.isEqual(hash(salt, secret), hash);
  }
}
