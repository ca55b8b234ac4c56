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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries for the value of any protobuf field, chosen by the field's type: strings that
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
  private final Map<String, Arbitrary<DynamicMessage>> messages = new HashMap<>();

  Values(Facts facts) {
    this.facts = facts;
  }

  /** A whole message of {@code type}, each field set or not, recursively. */
  Arbitrary<DynamicMessage> message(Descriptor type) {
    return message(type, 0);
  }

  private Arbitrary<DynamicMessage> message(Descriptor type, int depth) {
    String key = type.getFullName() + "@" + depth;
    Arbitrary<DynamicMessage> cached = messages.get(key);
    if (cached != null) {
      return cached;
    }
    Arbitrary<DynamicMessage> built;
    if (depth > MAX_DEPTH) {
      built = Arbitraries.just(DynamicMessage.getDefaultInstance(type));
    } else {
      List<Arbitrary<Consumer<DynamicMessage.Builder>>> setters = new ArrayList<>();
      for (FieldDescriptor field : type.getFields()) {
        Arbitrary<Consumer<DynamicMessage.Builder>> set = Arbitraries.lazy(() -> field(field, depth + 1));
        setters.add(Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(b -> { })), Tuple.of(1, set)));
      }
      setters.add(Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just(b -> { })),
          Tuple.of(1, unknownFields().map(u -> b -> b.setUnknownFields(u)))));
      built = Combinators.combine(setters).as(list -> {
        DynamicMessage.Builder b = DynamicMessage.newBuilder(type);
        list.forEach(s -> s.accept(b));
        return b.build();
      });
    }
    messages.put(key, built);
    return built;
  }

  /** Sets {@code field} to a generated value (a list of them when repeated). */
  Arbitrary<Consumer<DynamicMessage.Builder>> field(FieldDescriptor field, int depth) {
    Arbitrary<Object> one = single(field, depth);
    if (!field.isRepeated()) {
      return one.map(v -> b -> b.setField(field, v));
    }
    Arbitrary<List<Object>> list = Arbitraries.frequencyOf(
        Tuple.of(40, one.list().ofMinSize(0).ofMaxSize(4)),
        Tuple.of(8, one.list().ofMinSize(5).ofMaxSize(40)),
        // A huge list: one element many times over, cheap to make, large on the wire.
        Tuple.of(1, Combinators.combine(one, Arbitraries.of(1_000, 10_001, 100_000))
            .as((v, n) -> hugeList(field, v, n))));
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
  Arbitrary<Object> single(FieldDescriptor field, int depth) {
    Arbitrary<?> a = switch (field.getJavaType()) {
      case STRING -> strings(field);
      case INT -> ints();
      case LONG -> longs();
      case DOUBLE -> doubles();
      case FLOAT -> doubles().map(Double::floatValue);
      case BOOLEAN -> Arbitraries.of(true, false);
      case BYTE_STRING -> bytes();
      case ENUM -> enums(field.getEnumType());
      case MESSAGE -> messageValue(field.getMessageType(), depth);
    };
    return (Arbitrary<Object>) a;
  }

  private Arbitrary<?> messageValue(Descriptor type, int depth) {
    return switch (type.getFullName()) {
      case "google.protobuf.Timestamp", "google.protobuf.Duration" -> timestamps(type);
      case "google.protobuf.FieldMask" -> fieldMasks(type);
      default -> message(type, depth);
    };
  }

  // ---- strings ----

  Arbitrary<String> strings(FieldDescriptor field) {
    List<String> names = facts.allNames();
    String ref = Facts.referenceType(field);
    List<String> sameType = ref == null ? List.of() : facts.names.getOrDefault(ref, List.of());
    List<String> demo = facts.stringsByField.getOrDefault(field.getName(), List.of());
    List<Tuple.Tuple2<Integer, Arbitrary<? extends String>>> choices = new ArrayList<>();
    choices.add(Tuple.of(24, Arbitraries.of(names)));
    if (!sameType.isEmpty()) {
      choices.add(Tuple.of(24, Arbitraries.of(sameType)));
    }
    if (!demo.isEmpty()) {
      choices.add(Tuple.of(20, Arbitraries.of(demo)));
    }
    choices.add(Tuple.of(24, badNames()));
    choices.add(Tuple.of(16, filters()));
    choices.add(Tuple.of(12, pageTokens()));
    choices.add(Tuple.of(24, Arbitraries.strings().all().ofMaxLength(40)));
    choices.add(Tuple.of(20, Arbitraries.of(SPECIAL)));
    choices.add(Tuple.of(1, huge()));
    return Arbitraries.frequencyOf(choices.toArray(Tuple.Tuple2[]::new));
  }

  /** Strings that break naive code: empty, blank, NUL, unpaired surrogates, bidi controls, numbers. */
  static final List<String> SPECIAL = List.of("", " ", "\t\n", "\u0000", "\uD800", "\uDFFF", "a\uD800b", "\uDBFF\uDBFF",
      "😀", "\u202Eevil", "\uFEFF", "*", "-", "%00", "..", "/", "null", "-1", "NaN", "1e309", "0x7fffffff",
      "' OR '1'='1", "\"", "\\", "${jndi:ldap://x}", "é".repeat(300), "x".repeat(1000), "a/b/c/d",
      "SOURCE_KIND_NEWS_OUTLET", "STANCE_DENIES", "custody", "actors/*", "truthfinder", "accu-copy", "default");

  private Arbitrary<String> badNames() {
    List<String> collections = new ArrayList<>(List.of("sources", "reports", "actors", "events", "claims", "disputes",
        "hypothesisMatrices", "apiKeys", "revisions", "nothings"));
    for (String name : facts.allNames()) {
      int slash = name.indexOf('/');
      if (slash > 0 && !collections.contains(name.substring(0, slash))) {
        collections.add(name.substring(0, slash));
      }
    }
    Arbitrary<String> collection = Arbitraries.of(collections);
    Arbitrary<String> id = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-').ofMaxLength(70)),
        Tuple.of(2, Arbitraries.strings().all().ofMaxLength(20)),
        Tuple.of(2, Arbitraries.of(SPECIAL)),
        Tuple.of(3, Arbitraries.of(facts.allNames()).map(n -> n.substring(n.indexOf('/') + 1))));
    Arbitrary<String> shapes = Combinators.combine(collection, id, Arbitraries.integers().between(0, 9)).as((c, i, shape) ->
        switch (shape) {
          case 0 -> c + "/";
          case 1 -> c + "/" + i + "/" + i;
          case 2 -> c.toUpperCase(java.util.Locale.ROOT) + "/" + i;
          case 3 -> "/" + c + "/" + i;
          case 4 -> c + "//" + i;
          case 5 -> c + "/" + i + " ";
          case 6 -> c + "/" + "a".repeat(64 + i.length());
          case 7 -> c;
          default -> c + "/" + i;
        });
    // A real name of one collection put where another collection's name belongs.
    Arbitrary<String> swapped = Combinators.combine(Arbitraries.of(facts.allNames()), collection)
        .as((n, c) -> c + n.substring(n.indexOf('/')));
    return Arbitraries.oneOf(shapes, swapped);
  }

  /** Filters in the AIP-160 subset the server takes, and broken ones. */
  private Arbitrary<String> filters() {
    List<String> fields = List.of("kind", "country_code", "reliability", "display_name", "source", "report", "event",
        "stance", "type", "name", "attribute", "subject", "no_such_field", "create_time", "proposition.subject");
    Arbitrary<String> value = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(facts.allNames())),
        Tuple.of(2, Arbitraries.of(SPECIAL)),
        Tuple.of(2, Arbitraries.strings().all().ofMaxLength(10)));
    Arbitrary<String> term = Combinators.combine(Arbitraries.of(fields), Arbitraries.of("=", "!=", ":", "<", ">=", "==", ""),
        value, Arbitraries.of("\"", "", "'")).as((f, op, v, q) -> f + " " + op + " " + q + v + q);
    Arbitrary<String> conjunction = term.list().ofMinSize(1).ofMaxSize(5).map(ts -> String.join(" AND ", ts));
    Arbitrary<String> broken = Arbitraries.of("kind =", "= \"x\"", "(((", ")", "kind = \"x\" AND", "AND", "OR OR",
        "kind = \"x\" OR kind = \"y\"", "NOT kind = \"x\"", "kind = \"unterminated", "kind = x", "kind=\"\\\"\"",
        "kind = \"SOURCE_KIND_NEWS_OUTLET\" AND kind = \"SOURCE_KIND_ANALYST\"", "-kind = \"x\"", "kind = \"x\" \u0000",
        "reliability = \"RELIABILITY_Z\"", "stance = \"99\"", "kind = \"x\"".repeat(3));
    Arbitrary<String> long1 = Arbitraries.integers().between(100, 20_000)
        .map(n -> String.join(" AND ", java.util.Collections.nCopies(n, "kind = \"SOURCE_KIND_NEWS_OUTLET\"")));
    Arbitrary<String> nested = Arbitraries.integers().between(10, 50_000).map(n -> "(".repeat(n) + "kind = \"x\"" + ")".repeat(n));
    return Arbitraries.frequencyOf(Tuple.of(6, conjunction), Tuple.of(4, broken), Tuple.of(1, long1), Tuple.of(1, nested));
  }

  private static Arbitrary<String> pageTokens() {
    Arbitrary<String> base64 = Arbitraries.bytes().array(byte[].class).ofMaxSize(64)
        .map(b -> java.util.Base64.getUrlEncoder().encodeToString(b));
    Arbitrary<String> encodedText = Arbitraries.strings().all().ofMaxLength(30)
        .map(s -> java.util.Base64.getUrlEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    Arbitrary<String> namey = Arbitraries.of("sources/", "claims/zzz", "reports/\uFFFF", "\u0000", "~", "-1", "999999999999")
        .map(s -> java.util.Base64.getUrlEncoder().withoutPadding()
            .encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    return Arbitraries.oneOf(base64, encodedText, namey, Arbitraries.of("!!!!", "====", "a", "%%", "AAAA", "Zm9v\n"));
  }

  /** Strings from 64 KiB up to just past the transport's limit. */
  private static Arbitrary<String> huge() {
    return Arbitraries.of(65_536, 1 << 20, 4 << 20, MAX_MESSAGE - 1_000, MAX_MESSAGE + 10)
        .flatMap(n -> Arbitraries.of("x", "é", "😀", "a/").map(unit -> unit.repeat(Math.max(1, n / unit.getBytes(
            java.nio.charset.StandardCharsets.UTF_8).length))));
  }

  // ---- numbers, enums, bytes ----

  static Arbitrary<Integer> ints() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(0, 1, -1, 2, 5, 50, 51, 999, 1000, 1001, 10_000, 10_001, 100_000, -1000,
            Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE - 1, Integer.MIN_VALUE + 1)),
        Tuple.of(1, Arbitraries.integers()));
  }

  static Arbitrary<Long> longs() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(0L, 1L, -1L, 1000L, Long.MAX_VALUE, Long.MIN_VALUE, (long) Integer.MAX_VALUE + 1,
            253_402_300_800L, -62_135_596_801L)),
        Tuple.of(1, Arbitraries.longs()));
  }

  static Arbitrary<Double> doubles() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
            Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, 0.5, -1.0, Math.nextUp(1.0), 1e-300,
            90.000001, -90.5, 180.0000001, -181.0, 2.0, 100.0)),
        Tuple.of(1, Arbitraries.doubles()));
  }

  static Arbitrary<ByteString> bytes() {
    Arbitrary<byte[]> invalidUtf8 = Arbitraries.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xED, (byte) 0xA0,
        (byte) 0x80}, new byte[] {(byte) 0xFF, (byte) 0xFE}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        new byte[] {(byte) 0xC0, (byte) 0x80}, new byte[] {(byte) 0xE0, (byte) 0x80});
    return Arbitraries.oneOf(invalidUtf8, Arbitraries.bytes().array(byte[].class).ofMaxSize(100),
            Arbitraries.of(65_536, 1 << 20).map(byte[]::new))
        .map(ByteString::copyFrom);
  }

  static Arbitrary<Object> enums(EnumDescriptor type) {
    Arbitrary<Object> known = Arbitraries.of(type.getValues()).map(v -> (Object) v);
    // Proto3 enums are open: an unknown number reaches the server as it is.
    Arbitrary<Object> unknown = Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.integers().between(-3, 40)),
            Tuple.of(1, Arbitraries.of(Integer.MAX_VALUE, Integer.MIN_VALUE, 1 << 20)))
        .map(n -> (Object) type.findValueByNumberCreatingIfUnknown(n));
    return Arbitraries.frequencyOf(Tuple.of(3, known), Tuple.of(1, unknown));
  }

  // ---- well-known messages ----

  /** Timestamps (and durations) in range, at the edges of the range, and out of it. */
  private static Arbitrary<DynamicMessage> timestamps(Descriptor type) {
    Arbitrary<Long> seconds = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.longs().between(1_500_000_000L, 1_700_000_000L)),
        Tuple.of(3, Arbitraries.of(0L, -1L, -62_135_596_800L, -62_135_596_801L, 253_402_300_799L, 253_402_300_800L,
            Long.MAX_VALUE, Long.MIN_VALUE, 315_576_000_001L, -315_576_000_001L)),
        Tuple.of(1, Arbitraries.longs()));
    Arbitrary<Integer> nanos = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.just(0)),
        Tuple.of(2, Arbitraries.integers().between(0, 999_999_999)),
        Tuple.of(1, Arbitraries.of(-1, 1_000_000_000, Integer.MAX_VALUE, Integer.MIN_VALUE)));
    return Combinators.combine(seconds, nanos).as((s, n) -> DynamicMessage.newBuilder(type)
        .setField(type.findFieldByName("seconds"), s).setField(type.findFieldByName("nanos"), n).build());
  }

  /** Field masks with real paths, unknown ones, nested ones, the wildcard, blanks. */
  private Arbitrary<DynamicMessage> fieldMasks(Descriptor type) {
    Arbitrary<String> path = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.of(List.copyOf(facts.fieldNames))),
        Tuple.of(2, Arbitraries.of("*", "", "no_such_field", "name", "etag", "create_time", "update_time",
            "display_name.x", "time.start_time", "place.coordinates.latitude", "a.b.c.d", "items[0]", "Name",
            "displayName", "*.*", " display_name")),
        Tuple.of(1, Arbitraries.strings().all().ofMaxLength(20)));
    return path.list().ofMaxSize(6).map(paths -> DynamicMessage.newBuilder(type)
        .setField(type.findFieldByName("paths"), paths).build());
  }

  /** Fields no version of the API has: the server must ignore or refuse them, never fail on them. */
  private static Arbitrary<UnknownFieldSet> unknownFields() {
    Arbitrary<Integer> number = Arbitraries.of(99, 1000, 19_000, 536_870_911, 15, 16);
    Arbitrary<UnknownFieldSet.Field> field = Arbitraries.oneOf(
        Arbitraries.longs().map(v -> UnknownFieldSet.Field.newBuilder().addVarint(v).build()),
        Arbitraries.strings().ofMaxLength(20).map(s -> UnknownFieldSet.Field.newBuilder()
            .addLengthDelimited(ByteString.copyFromUtf8(s)).build()),
        Arbitraries.integers().map(v -> UnknownFieldSet.Field.newBuilder().addFixed32(v).build()));
    return Combinators.combine(number, field).as((n, f) -> UnknownFieldSet.newBuilder().addField(n, f).build());
  }
}
