package io.sitrep.server.fuzz;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.UnknownFieldSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Generators for the value of any protobuf field, chosen by the field's type: strings that
 * are names of existing resources, of other collections, malformed names, filters with syntax
 * errors, garbage page tokens, unicode (unpaired surrogates included), huge strings; integers at
 * the edges (negative and huge page sizes); NaN and infinite doubles; unknown enum numbers;
 * timestamps out of range; field masks with unknown paths; deep and huge repeated fields; unknown
 * fields. Whole messages are generated recursively from their descriptor.
 */
final class Values {
  /** How deep generated messages nest before fields of message type are left unset. */
  private static final int MAX_DEPTH = 6;
  /** The server's default limit on an inbound message. */
  static final int MAX_MESSAGE = io.sitrep.server.ops.ServerLimits.DEFAULTS.maxInboundMessageBytes();

  private final Facts facts;
  private final Map<String, Gen<DynamicMessage>> messages = new HashMap<>();

  Values(Facts facts) {
    this.facts = facts;
  }

  /** A whole message of {@code type}, each field set or not, recursively. */
  Gen<DynamicMessage> message(Descriptor type) {
    return message(type, 0);
  }

  private Gen<DynamicMessage> message(Descriptor type, int depth) {
    String key = type.getFullName() + "@" + depth;
    Gen<DynamicMessage> cached = messages.get(key);
    if (cached != null) {
      return cached;
    }
    Gen<DynamicMessage> built;
    if (depth > MAX_DEPTH) {
      built = Gen.just(DynamicMessage.getDefaultInstance(type));
    } else {
      List<Gen<Consumer<DynamicMessage.Builder>>> setters = new ArrayList<>();
      for (FieldDescriptor field : type.getFields()) {
        Gen<Consumer<DynamicMessage.Builder>> set = Gen.lazy(() -> field(field, depth + 1));
        setters.add(Gen.frequency(Gen.weight(1, Gen.just(b -> { })), Gen.weight(1, set)));
      }
      setters.add(Gen.frequency(Gen.weight(12, Gen.just(b -> { })),
          Gen.weight(1, unknownFields().map(u -> b -> b.setUnknownFields(u)))));
      built = r -> {
        DynamicMessage.Builder b = DynamicMessage.newBuilder(type);
        setters.forEach(s -> s.next(r).accept(b));
        return b.build();
      };
    }
    messages.put(key, built);
    return built;
  }

  /** Sets {@code field} to a generated value (a list of them when repeated). */
  Gen<Consumer<DynamicMessage.Builder>> field(FieldDescriptor field, int depth) {
    Gen<Object> one = single(field, depth);
    if (!field.isRepeated()) {
      return one.map(v -> b -> b.setField(field, v));
    }
    Gen<List<Object>> list = Gen.frequency(
        Gen.weight(40, one.list(0, 4)),
        Gen.weight(8, one.list(5, 40)),
        // A huge list: one element many times over, cheap to make, large on the wire.
        Gen.weight(1, r -> hugeList(field, one.next(r), Gen.of(1_000, 10_001, 100_000).next(r))));
    return list.map(values -> b -> b.setField(field, values));
  }

  private static List<Object> hugeList(FieldDescriptor field, Object value, int n) {
    // Keep the message under the transport's limit most of the time, so the server sees it.
    int size = value instanceof String s ? s.length() + 3 : value instanceof DynamicMessage m ? m.getSerializedSize() + 3 : 9;
    int count = Math.max(1, Math.min(n, (MAX_MESSAGE + (n == 100_000 ? MAX_MESSAGE : 0)) / Math.max(1, size)));
    List<Object> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      list.add(value);
    }
    return list;
  }

  /** One value of {@code field}'s type. */
  @SuppressWarnings("unchecked")
  Gen<Object> single(FieldDescriptor field, int depth) {
    Gen<?> a = switch (field.getJavaType()) {
      case STRING -> strings(field);
      case INT -> ints();
      case LONG -> longs();
      case DOUBLE -> doubles();
      case FLOAT -> doubles().map(Double::floatValue);
      case BOOLEAN -> Gen.of(true, false);
      case BYTE_STRING -> bytes();
      case ENUM -> enums(field.getEnumType());
      case MESSAGE -> messageValue(field.getMessageType(), depth);
    };
    return (Gen<Object>) a;
  }

  private Gen<?> messageValue(Descriptor type, int depth) {
    return switch (type.getFullName()) {
      case "google.protobuf.Timestamp", "google.protobuf.Duration" -> timestamps(type);
      case "google.protobuf.FieldMask" -> fieldMasks(type);
      default -> message(type, depth);
    };
  }

  // ---- strings ----

  Gen<String> strings(FieldDescriptor field) {
    List<String> names = facts.allNames();
    String ref = Facts.referenceType(field);
    List<String> sameType = ref == null ? List.of() : facts.names.getOrDefault(ref, List.of());
    List<String> demo = facts.stringsByField.getOrDefault(field.getName(), List.of());
    List<Gen.Weighted<String>> choices = new ArrayList<>();
    choices.add(Gen.weight(24, Gen.of(names)));
    if (!sameType.isEmpty()) {
      choices.add(Gen.weight(24, Gen.of(sameType)));
    }
    if (!demo.isEmpty()) {
      choices.add(Gen.weight(20, Gen.of(demo)));
    }
    choices.add(Gen.weight(24, badNames()));
    choices.add(Gen.weight(16, filters()));
    choices.add(Gen.weight(12, pageTokens()));
    choices.add(Gen.weight(24, Gen.anyChars(40)));
    choices.add(Gen.weight(20, Gen.of(SPECIAL)));
    choices.add(Gen.weight(1, huge()));
    return Gen.frequency(choices);
  }

  /** Strings that break naive code: empty, blank, NUL, unpaired surrogates, bidi controls, numbers. */
  static final List<String> SPECIAL = List.of("", " ", "\t\n", "\u0000", "\uD800", "\uDFFF", "a\uD800b", "\uDBFF\uDBFF",
      "😀", "\u202Eevil", "\uFEFF", "*", "-", "%00", "..", "/", "null", "-1", "NaN", "1e309", "0x7fffffff",
      "' OR '1'='1", "\"", "\\", "${jndi:ldap://x}", "é".repeat(300), "x".repeat(1000), "a/b/c/d",
      "SOURCE_KIND_NEWS_OUTLET", "STANCE_DENIES", "custody", "actors/*", "truthfinder", "accu-copy", "default");

  private Gen<String> badNames() {
    List<String> collections = new ArrayList<>(List.of("sources", "reports", "actors", "events", "claims", "disputes",
        "hypothesisMatrices", "apiKeys", "revisions", "nothings"));
    for (String name : facts.allNames()) {
      int slash = name.indexOf('/');
      if (slash > 0 && !collections.contains(name.substring(0, slash))) {
        collections.add(name.substring(0, slash));
      }
    }
    Gen<String> collection = Gen.of(collections);
    Gen<String> id = Gen.frequency(
        Gen.weight(3, Gen.chars("abcdefghijklmnopqrstuvwxyz0123456789-", 70)),
        Gen.weight(2, Gen.anyChars(20)),
        Gen.weight(2, Gen.of(SPECIAL)),
        Gen.weight(3, Gen.of(facts.allNames()).map(n -> n.substring(n.indexOf('/') + 1))));
    Gen<Integer> shape = Gen.between(0, 9);
    Gen<String> shapes = r -> {
      String c = collection.next(r);
      String i = id.next(r);
      return switch (shape.next(r)) {
        case 0 -> c + "/";
        case 1 -> c + "/" + i + "/" + i;
        case 2 -> c.toUpperCase(java.util.Locale.ROOT) + "/" + i;
        case 3 -> "/" + c + "/" + i;
        case 4 -> c + "//" + i;
        case 5 -> c + "/" + i + " ";
        case 6 -> c + "/" + "a".repeat(64 + i.length());
        case 7 -> c;
        default -> c + "/" + i;
      };
    };
    // A real name of one collection put where another collection's name belongs.
    Gen<String> anyName = Gen.of(facts.allNames());
    Gen<String> swapped = r -> {
      String n = anyName.next(r);
      return collection.next(r) + n.substring(n.indexOf('/'));
    };
    return Gen.oneOf(shapes, swapped);
  }

  /** Filters in the AIP-160 subset the server takes, and broken ones. */
  private Gen<String> filters() {
    List<String> fields = List.of("kind", "country_code", "reliability", "display_name", "source", "report", "event",
        "stance", "type", "name", "attribute", "subject", "no_such_field", "create_time", "proposition.subject");
    Gen<String> value = Gen.frequency(
        Gen.weight(3, Gen.of(facts.allNames())),
        Gen.weight(2, Gen.of(SPECIAL)),
        Gen.weight(2, Gen.anyChars(10)));
    Gen<String> field = Gen.of(fields);
    Gen<String> operator = Gen.of("=", "!=", ":", "<", ">=", "==", "");
    Gen<String> quote = Gen.of("\"", "", "'");
    Gen<String> term = r -> {
      String f = field.next(r);
      String op = operator.next(r);
      String v = value.next(r);
      String q = quote.next(r);
      return f + " " + op + " " + q + v + q;
    };
    Gen<String> conjunction = term.list(1, 5).map(ts -> String.join(" AND ", ts));
    Gen<String> broken = Gen.of("kind =", "= \"x\"", "(((", ")", "kind = \"x\" AND", "AND", "OR OR",
        "kind = \"x\" OR kind = \"y\"", "NOT kind = \"x\"", "kind = \"unterminated", "kind = x", "kind=\"\\\"\"",
        "kind = \"SOURCE_KIND_NEWS_OUTLET\" AND kind = \"SOURCE_KIND_ANALYST\"", "-kind = \"x\"", "kind = \"x\" \u0000",
        "reliability = \"RELIABILITY_Z\"", "stance = \"99\"", "kind = \"x\"".repeat(3));
    Gen<String> long1 = Gen.between(100, 20_000)
        .map(n -> String.join(" AND ", java.util.Collections.nCopies(n, "kind = \"SOURCE_KIND_NEWS_OUTLET\"")));
    Gen<String> nested = Gen.between(10, 50_000).map(n -> "(".repeat(n) + "kind = \"x\"" + ")".repeat(n));
    return Gen.frequency(Gen.weight(6, conjunction), Gen.weight(4, broken), Gen.weight(1, long1), Gen.weight(1, nested));
  }

  private static Gen<String> pageTokens() {
    Gen<String> base64 = Gen.bytes(0, 64)
        .map(b -> java.util.Base64.getUrlEncoder().encodeToString(b));
    Gen<String> encodedText = Gen.anyChars(30)
        .map(s -> java.util.Base64.getUrlEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    Gen<String> namey = Gen.of("sources/", "claims/zzz", "reports/\uFFFF", "\u0000", "~", "-1", "999999999999")
        .map(s -> java.util.Base64.getUrlEncoder().withoutPadding()
            .encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    return Gen.oneOf(base64, encodedText, namey, Gen.of("!!!!", "====", "a", "%%", "AAAA", "Zm9v\n"));
  }

  /** Strings from 64 KiB up to just past the transport's limit. */
  private static Gen<String> huge() {
    return Gen.of(65_536, 1 << 20, 4 << 20, MAX_MESSAGE - 1_000, MAX_MESSAGE + 10)
        .flatMap(n -> Gen.of("x", "é", "😀", "a/").map(unit -> unit.repeat(Math.max(1, n / unit.getBytes(
            java.nio.charset.StandardCharsets.UTF_8).length))));
  }

  // ---- numbers, enums, bytes ----

  static Gen<Integer> ints() {
    return Gen.frequency(
        Gen.weight(3, Gen.of(0, 1, -1, 2, 5, 50, 51, 999, 1000, 1001, 10_000, 10_001, 100_000, -1000,
            Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE - 1, Integer.MIN_VALUE + 1)),
        Gen.weight(1, Gen.ints()));
  }

  static Gen<Long> longs() {
    return Gen.frequency(
        Gen.weight(3, Gen.of(0L, 1L, -1L, 1000L, Long.MAX_VALUE, Long.MIN_VALUE, (long) Integer.MAX_VALUE + 1,
            253_402_300_800L, -62_135_596_801L)),
        Gen.weight(1, Gen.longs()));
  }

  static Gen<Double> doubles() {
    return Gen.frequency(
        Gen.weight(3, Gen.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
            Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, 0.5, -1.0, Math.nextUp(1.0), 1e-300,
            90.000001, -90.5, 180.0000001, -181.0, 2.0, 100.0)),
        Gen.weight(1, Gen.doubles()));
  }

  static Gen<ByteString> bytes() {
    Gen<byte[]> invalidUtf8 = Gen.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xED, (byte) 0xA0,
        (byte) 0x80}, new byte[] {(byte) 0xFF, (byte) 0xFE}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        new byte[] {(byte) 0xC0, (byte) 0x80}, new byte[] {(byte) 0xE0, (byte) 0x80});
    return Gen.oneOf(invalidUtf8, Gen.bytes(0, 100),
            Gen.of(65_536, 1 << 20).map(byte[]::new))
        .map(ByteString::copyFrom);
  }

  static Gen<Object> enums(EnumDescriptor type) {
    Gen<Object> known = Gen.of(type.getValues()).map(v -> (Object) v);
    // Proto3 enums are open: an unknown number reaches the server as it is.
    Gen<Object> unknown = Gen.frequency(
            Gen.weight(3, Gen.between(-3, 40)),
            Gen.weight(1, Gen.of(Integer.MAX_VALUE, Integer.MIN_VALUE, 1 << 20)))
        .map(n -> (Object) type.findValueByNumberCreatingIfUnknown(n));
    return Gen.frequency(Gen.weight(3, known), Gen.weight(1, unknown));
  }

  // ---- well-known messages ----

  /** Timestamps (and durations) in range, at the edges of the range, and out of it. */
  private static Gen<DynamicMessage> timestamps(Descriptor type) {
    Gen<Long> seconds = Gen.frequency(
        Gen.weight(4, Gen.between(1_500_000_000L, 1_700_000_000L)),
        Gen.weight(3, Gen.of(0L, -1L, -62_135_596_800L, -62_135_596_801L, 253_402_300_799L, 253_402_300_800L,
            Long.MAX_VALUE, Long.MIN_VALUE, 315_576_000_001L, -315_576_000_001L)),
        Gen.weight(1, Gen.longs()));
    Gen<Integer> nanos = Gen.frequency(
        Gen.weight(4, Gen.just(0)),
        Gen.weight(2, Gen.between(0, 999_999_999)),
        Gen.weight(1, Gen.of(-1, 1_000_000_000, Integer.MAX_VALUE, Integer.MIN_VALUE)));
    return r -> DynamicMessage.newBuilder(type).setField(type.findFieldByName("seconds"), seconds.next(r))
        .setField(type.findFieldByName("nanos"), nanos.next(r)).build();
  }

  /** Field masks with real paths, unknown ones, nested ones, the wildcard, blanks. */
  private Gen<DynamicMessage> fieldMasks(Descriptor type) {
    Gen<String> path = Gen.frequency(
        Gen.weight(6, Gen.of(List.copyOf(facts.fieldNames))),
        Gen.weight(2, Gen.of("*", "", "no_such_field", "name", "etag", "create_time", "update_time",
            "display_name.x", "time.start_time", "place.coordinates.latitude", "a.b.c.d", "items[0]", "Name",
            "displayName", "*.*", " display_name")),
        Gen.weight(1, Gen.anyChars(20)));
    return path.list(0, 6).map(paths -> DynamicMessage.newBuilder(type)
        .setField(type.findFieldByName("paths"), paths).build());
  }

  /** Fields no version of the API has: the server must ignore or refuse them, never fail on them. */
  private static Gen<UnknownFieldSet> unknownFields() {
    Gen<Integer> number = Gen.of(99, 1000, 19_000, 536_870_911, 15, 16);
    Gen<UnknownFieldSet.Field> field = Gen.oneOf(
        Gen.longs().map(v -> UnknownFieldSet.Field.newBuilder().addVarint(v).build()),
        Gen.anyChars(20).map(s -> UnknownFieldSet.Field.newBuilder()
            .addLengthDelimited(ByteString.copyFromUtf8(s)).build()),
        Gen.ints().map(v -> UnknownFieldSet.Field.newBuilder().addFixed32(v).build()));
    return r -> UnknownFieldSet.newBuilder().addField(number.next(r), field.next(r)).build();
  }
}
