package io.sitrep.server.fuzz;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Mutations of a valid request: one field at a time (set to a generated value, cleared, a list
 * element replaced, added or repeated many times, a string nudged), so that everything else in
 * the request stays valid; and mutations of its bytes on the wire (bit flips, truncation, inserted
 * garbage, invalid UTF-8 in a string field, broken tags and lengths).
 */
final class Mutations {
  /** How deep into a request field paths are followed. */
  private static final int MAX_PATH_DEPTH = 5;
  /** At most this many field paths are offered per request, so huge requests stay cheap to walk. */
  private static final int MAX_PATHS = 400;

  private final Values values;

  Mutations(Values values) {
    this.values = values;
  }

  /** One step of a path: a field, and the element of a repeated field (-1 for a singular one). */
  record Step(FieldDescriptor field, int index) {
    @Override
    public String toString() {
      return index < 0 ? field.getName() : field.getName() + "[" + index + "]";
    }
  }

  /** A mutation of one field: what it did, for the report, and the mutated request. */
  record Mutant(String description, DynamicMessage message) {}

  /** The request with exactly one field mutated. */
  Gen<Mutant> oneField(DynamicMessage seed) {
    List<List<Step>> paths = new ArrayList<>();
    paths(seed, new ArrayList<>(), paths, 0);
    return Gen.of(paths).flatMap(path -> edit(seed, path));
  }

  private static void paths(Message m, List<Step> prefix, List<List<Step>> out, int depth) {
    for (FieldDescriptor f : m.getDescriptorForType().getFields()) {
      if (out.size() >= MAX_PATHS) {
        return;
      }
      List<Step> here = new ArrayList<>(prefix);
      here.add(new Step(f, -1));
      out.add(here);
      if (f.isRepeated()) {
        int n = m.getRepeatedFieldCount(f);
        for (int i = 0; i < Math.min(n, 4); i++) {
          List<Step> element = new ArrayList<>(prefix);
          element.add(new Step(f, i));
          out.add(element);
          if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE && depth < MAX_PATH_DEPTH) {
            paths((Message) m.getRepeatedField(f, i), element, out, depth + 1);
          }
        }
      } else if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE && m.hasField(f) && depth < MAX_PATH_DEPTH) {
        paths((Message) m.getField(f), here, out, depth + 1);
      }
    }
  }

  private Gen<Mutant> edit(DynamicMessage seed, List<Step> path) {
    Step last = path.get(path.size() - 1);
    List<Step> parent = path.subList(0, path.size() - 1);
    FieldDescriptor f = last.field();
    String where = path.toString();
    List<Gen.Weighted<Mutant>> edits = new ArrayList<>();
    Gen<Object> value = values.single(f, path.size());
    if (!f.isRepeated()) {
      edits.add(Gen.weight(6, value.map(v -> mutant("set " + where + " = " + Cases.show(v),
          seed, parent, b -> b.setField(f, v)))));
      edits.add(Gen.weight(1, Gen.just(mutant("clear " + where, seed, parent, b -> b.clearField(f)))));
      if (f.getJavaType() == FieldDescriptor.JavaType.STRING) {
        Message holder = at(seed, parent);
        String current = holder == null ? "" : (String) holder.getField(f);
        edits.add(Gen.weight(3, nudged(current).map(s -> mutant("nudge " + where + " = " + Cases.show(s),
            seed, parent, b -> b.setField(f, s)))));
      }
    } else if (last.index() >= 0) {
      int i = last.index();
      edits.add(Gen.weight(5, value.map(v -> mutant("set " + where + " = " + Cases.show(v),
          seed, parent, b -> b.setRepeatedField(f, i, v)))));
      edits.add(Gen.weight(1, Gen.just(mutant("remove " + where, seed, parent, b -> {
        List<Object> list = new ArrayList<>((List<?>) b.getField(f));
        list.remove(i);
        b.setField(f, list);
      }))));
      edits.add(Gen.weight(1, Gen.of(2, 3, 1_000, 10_001).map(n -> mutant("repeat " + where + " x" + n,
          seed, parent, b -> {
            Object element = b.getRepeatedField(f, i);
            for (int k = 1; k < n; k++) {
              b.addRepeatedField(f, element);
            }
          }))));
      if (f.getJavaType() == FieldDescriptor.JavaType.STRING) {
        Message holder = at(seed, parent);
        String current = holder == null ? "" : (String) holder.getRepeatedField(f, i);
        edits.add(Gen.weight(3, nudged(current).map(s -> mutant("nudge " + where + " = " + Cases.show(s),
            seed, parent, b -> b.setRepeatedField(f, i, s)))));
      }
    } else {
      edits.add(Gen.weight(3, value.map(v -> mutant("add to " + where + ": " + Cases.show(v),
          seed, parent, b -> b.addRepeatedField(f, v)))));
      edits.add(Gen.weight(3, values.field(f, path.size()).map(set -> mutant("replace " + where,
          seed, parent, set::accept))));
      edits.add(Gen.weight(1, Gen.just(mutant("clear " + where, seed, parent, b -> b.clearField(f)))));
    }
    return Gen.frequency(edits);
  }

  /** Small changes to a valid string: most of it stays right, so only the change is judged. */
  private static Gen<String> nudged(String s) {
    int slash = s.indexOf('/');
    List<UnaryOperator<String>> ops = List.of(
        x -> x + " ", x -> " " + x, x -> x + "/", x -> x + "/x", x -> x.toUpperCase(Locale.ROOT),
        x -> x.isEmpty() ? x : x.substring(0, x.length() - 1), x -> x + x, x -> x + "\u0000", x -> x + "\uD800",
        x -> x.replace('-', '_'), x -> x + "-".repeat(64), x -> slash < 0 ? "x/" + x : x.substring(slash + 1),
        x -> slash < 0 ? x : x.substring(0, slash + 1), x -> slash < 0 ? x : "claims" + x.substring(slash),
        x -> slash < 0 ? x : "actors" + x.substring(slash), x -> x + "é", x -> x.replace("/", "%2F"),
        x -> x.repeat(Math.max(1, 70_000 / Math.max(1, x.length()))));
    return Gen.of(ops).map(op -> op.apply(s));
  }

  private static Mutant mutant(String description, DynamicMessage seed, List<Step> parent,
      java.util.function.Consumer<DynamicMessage.Builder> change) {
    return new Mutant(description, apply(seed, parent, 0, change));
  }

  private static Message at(Message m, List<Step> steps) {
    Message here = m;
    for (Step s : steps) {
      here = (Message) (s.index() < 0 ? here.getField(s.field()) : here.getRepeatedField(s.field(), s.index()));
    }
    return here;
  }

  private static DynamicMessage apply(Message m, List<Step> parent, int i,
      java.util.function.Consumer<DynamicMessage.Builder> change) {
    DynamicMessage.Builder b = DynamicMessage.newBuilder(m.getDescriptorForType()).mergeFrom(m);
    if (i == parent.size()) {
      change.accept(b);
      return b.build();
    }
    Step s = parent.get(i);
    Message child = (Message) (s.index() < 0 ? m.getField(s.field()) : m.getRepeatedField(s.field(), s.index()));
    DynamicMessage changed = apply(child, parent, i + 1, change);
    if (s.index() < 0) {
      b.setField(s.field(), changed);
    } else {
      b.setRepeatedField(s.field(), s.index(), changed);
    }
    return b.build();
  }

  // ---- bytes ----

  /** A mutation of a request's bytes: what it did, and the bytes. */
  record RawMutant(String description, byte[] bytes) {}

  /** The serialized request, damaged in one of several ways. */
  static Gen<RawMutant> bytes(DynamicMessage seed) {
    byte[] valid = seed.toByteArray();
    // Where in the message, as a fraction of its length: [0, 1).
    Gen<Double> at = Gen.fraction();
    List<Gen<RawMutant>> kinds = new ArrayList<>();
    Gen<List<Double>> positionsGen = at.list(1, 8);
    Gen<Integer> bitGen = Gen.between(0, 7);
    kinds.add(r -> {
          List<Double> positions = positionsGen.next(r);
          int bit = bitGen.next(r);
          byte[] b = valid.clone();
          List<Integer> flipped = new ArrayList<>();
          for (double p : positions) {
            if (b.length > 0) {
              int i = Math.min(b.length - 1, (int) (p * b.length));
              b[i] ^= (byte) (1 << bit);
              flipped.add(i);
            }
          }
          return new RawMutant("flip bit " + bit + " at " + flipped, b);
        });
    kinds.add(at.map(p -> {
      int n = (int) (p * valid.length);
      return new RawMutant("truncate to " + n + " of " + valid.length, Arrays.copyOf(valid, n));
    }));
    Gen<byte[]> junkGen = Gen.bytes(1, 16);
    kinds.add(r -> {
      double p = at.next(r);
      byte[] junk = junkGen.next(r);
      int i = (int) (p * valid.length);
      return new RawMutant("insert " + HexFormat.of().formatHex(junk) + " at " + i, splice(valid, i, 0, junk));
    });
    kinds.add(r -> {
      double p = at.next(r);
      byte[] junk = junkGen.next(r);
      int i = (int) (p * valid.length);
      return new RawMutant("overwrite at " + i + " with " + HexFormat.of().formatHex(junk),
          splice(valid, i, Math.min(junk.length, valid.length - i), junk));
    });
    kinds.add(Gen.of(BROKEN_TAILS).map(tail -> new RawMutant("append " + HexFormat.of().formatHex(tail),
        splice(valid, valid.length, 0, tail))));
    kinds.add(Gen.just(new RawMutant("the request twice (merged)", splice(valid, valid.length, 0, valid))));
    List<byte[]> badStrings = badUtf8Fields(seed.getDescriptorForType(), 0);
    if (!badStrings.isEmpty()) {
      kinds.add(Gen.of(badStrings).map(tail -> new RawMutant("invalid UTF-8 in a string field: append "
          + HexFormat.of().formatHex(tail), splice(valid, valid.length, 0, tail))));
    }
    return Gen.oneOf(kinds);
  }

  /** Tails that break the wire format: bad wire types, unterminated groups, lengths past the end, long varints. */
  private static final List<byte[]> BROKEN_TAILS = List.of(
      new byte[] {0x0b}, // field 1, start group, never ended
      new byte[] {0x0c}, // field 1, end group with no start
      new byte[] {0x0f}, // wire type 7 does not exist
      new byte[] {0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f}, // length 2^32-1
      new byte[] {0x0a, 0x7f}, // length 127, no bytes
      new byte[] {0x08, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80,
          (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01}, // varint of 11 bytes
      new byte[] {0x00, 0x01}, // field number 0
      new byte[] {(byte) 0xf8, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f, 0x01}, // field 2^29-1, varint
      new byte[] {0x0d, 1, 2}); // fixed32 cut short

  private static final List<byte[]> INVALID_UTF8 = List.of(new byte[] {(byte) 0xC3, 0x28},
      new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xFF}, new byte[] {'a', (byte) 0xC0, (byte) 0x80},
      new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {'o', 'k', (byte) 0xE2, (byte) 0x82});

  /**
   * For each string field (and bytes field) of {@code type}, down into its message fields, the
   * encoding of that field holding invalid UTF-8: appended to a valid request, it overrides (or
   * merges into) the field on parse.
   */
  private static List<byte[]> badUtf8Fields(Descriptor type, int depth) {
    List<byte[]> out = new ArrayList<>();
    for (FieldDescriptor f : type.getFields()) {
      if (f.getJavaType() == FieldDescriptor.JavaType.STRING || f.getJavaType() == FieldDescriptor.JavaType.BYTE_STRING) {
        for (byte[] bad : INVALID_UTF8) {
          out.add(lengthDelimited(f.getNumber(), bad));
        }
      } else if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE && depth < 3) {
        for (byte[] inner : badUtf8Fields(f.getMessageType(), depth + 1)) {
          out.add(lengthDelimited(f.getNumber(), inner));
        }
      }
    }
    return out.size() > 200 ? out.subList(0, 200) : out;
  }

  private static byte[] lengthDelimited(int number, byte[] payload) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      out.writeTag(number, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      out.writeUInt32NoTag(payload.length);
      out.writeRawBytes(payload);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] splice(byte[] in, int at, int remove, byte[] insert) {
    byte[] out = new byte[in.length - remove + insert.length];
    System.arraycopy(in, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(in, at + remove, out, at + insert.length, in.length - at - remove);
    return out;
  }

  /** {@code message} with every nested message a DynamicMessage, which the mutators expect. */
  static DynamicMessage dynamic(Message message) {
    try {
      return DynamicMessage.parseFrom(message.getDescriptorForType(), message.toByteString());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }
}
