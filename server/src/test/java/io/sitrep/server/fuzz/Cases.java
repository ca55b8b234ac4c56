package io.sitrep.server.fuzz;

import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fuzz cases: which RPC, the messages sent on it (one for a unary call, a few batches for a
 * stream), and how they were made, for the report of a failure.
 */
final class Cases {
  private static final int SHOWN = 300;

  private final List<FuzzServer.Rpc> rpcs;
  private final Values values;
  private final Seeds seeds;
  private final Mutations mutations;
  private final Map<String, List<DynamicMessage>> seedsByRpc = new ConcurrentHashMap<>();

  Cases(List<FuzzServer.Rpc> rpcs, Facts facts) {
    this.rpcs = rpcs;
    this.values = new Values(facts);
    this.seeds = new Seeds(facts);
    this.mutations = new Mutations(values);
  }

  /** One case: an RPC and the messages to send on it. */
  record FuzzCase(FuzzServer.Rpc rpc, List<byte[]> messages, String description) {
    @Override
    public String toString() {
      return rpc.fullName() + ": " + description;
    }
  }

  /** One message of a stream, and how it was made. */
  private record Batch(String description, byte[] bytes) {}

  /** Every valid request of every RPC, unchanged: each must succeed or be refused cleanly. */
  List<FuzzCase> allValid() {
    List<FuzzCase> all = new ArrayList<>();
    for (FuzzServer.Rpc rpc : rpcs) {
      for (DynamicMessage seed : seeds(rpc)) {
        all.add(new FuzzCase(rpc, List.of(seed.toByteArray()), "valid " + show(seed)));
      }
    }
    return all;
  }

  /** A whole request generated from the RPC's request type. */
  Gen<FuzzCase> generated() {
    return Gen.of(rpcs).flatMap(rpc -> values.message(rpc.input())
        .map(m -> new FuzzCase(rpc, List.of(m.toByteArray()), "generated " + show(m))));
  }

  /** A valid request built from the demo, with one field mutated. */
  Gen<FuzzCase> mutated() {
    return Gen.of(rpcs).flatMap(rpc -> Gen.of(seeds(rpc)).flatMap(seed -> mutations.oneField(seed)
        .map(m -> new FuzzCase(rpc, List.of(m.message().toByteArray()), m.description() + " in " + show(seed)))));
  }

  /** A valid request whose bytes were damaged. */
  Gen<FuzzCase> rawBytes() {
    return Gen.of(rpcs).flatMap(rpc -> Gen.of(seeds(rpc)).flatMap(seed -> Mutations.bytes(seed)
        .map(m -> new FuzzCase(rpc, List.of(m.bytes()), m.description() + " of " + show(seed)))));
  }

  /**
   * A few messages on each streaming RPC (Ingest): valid batches, batches with one field
   * mutated, generated ones and damaged bytes, in any order.
   */
  Gen<FuzzCase> streams() {
    List<FuzzServer.Rpc> streaming = rpcs.stream().filter(FuzzServer.Rpc::clientStreaming).toList();
    if (streaming.isEmpty()) {
      return Gen.just(null);
    }
    return Gen.of(streaming).flatMap(rpc -> {
      // Each batch gets a fresh request id, as SitrepClient gives it: a batch stored whose
      // acknowledgement the ending stream lost must then answer a replay (FuzzRunner#check).
      FieldDescriptor requestId = rpc.input().findFieldByName("request_id");
      Gen<DynamicMessage> anySeed = Gen.of(seeds(rpc));
      Gen<DynamicMessage> seed = requestId == null ? anySeed : r -> anySeed.next(r).toBuilder()
          .setField(requestId, "fuzz-" + Long.toHexString(r.nextLong())).build();
      Gen<Batch> batch = Gen.frequency(
          Gen.weight(4, seed.map(s -> new Batch("valid " + show(s), s.toByteArray()))),
          Gen.weight(4, seed.flatMap(mutations::oneField).map(m -> new Batch(m.description(), m.message().toByteArray()))),
          Gen.weight(2, values.message(rpc.input()).map(m -> new Batch("generated " + show(m), m.toByteArray()))),
          Gen.weight(1, seed.flatMap(Mutations::bytes).map(m -> new Batch(m.description(), m.bytes()))));
      return batch.list(1, 4).map(batches -> {
        List<byte[]> messages = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        for (Batch b : batches) {
          descriptions.add(b.description());
          messages.add(b.bytes());
        }
        return new FuzzCase(rpc, messages, batches.size() + " batches: " + String.join(" | ", descriptions));
      });
    });
  }

  private List<DynamicMessage> seeds(FuzzServer.Rpc rpc) {
    return seedsByRpc.computeIfAbsent(rpc.fullName(),
        n -> seeds.of(rpc).stream().map(Mutations::dynamic).toList());
  }

  /** {@code m} with long strings and lists cut, so that printing a huge request stays cheap. */
  private static Message trimmed(Message m) {
    Message.Builder b = m.newBuilderForType();
    for (Map.Entry<com.google.protobuf.Descriptors.FieldDescriptor, Object> e : m.getAllFields().entrySet()) {
      com.google.protobuf.Descriptors.FieldDescriptor f = e.getKey();
      if (f.isRepeated()) {
        List<?> list = (List<?>) e.getValue();
        for (Object v : list.subList(0, Math.min(list.size(), 4))) {
          b.addRepeatedField(f, trimmedValue(v));
        }
        if (list.size() > 4 && f.getJavaType() == com.google.protobuf.Descriptors.FieldDescriptor.JavaType.STRING) {
          b.addRepeatedField(f, "...(" + list.size() + " items)");
        }
      } else {
        b.setField(f, trimmedValue(e.getValue()));
      }
    }
    return b.build();
  }

  private static Object trimmedValue(Object v) {
    if (v instanceof Message m) {
      return trimmed(m);
    }
    if (v instanceof String str && str.length() > SHOWN) {
      return str.substring(0, SHOWN) + "...(" + str.length() + " chars)";
    }
    return v;
  }

  /** A short rendering of a value for failure reports: huge strings and lists are cut. */
  static String show(Object value) {
    String s;
    if (value instanceof Message m) {
      s = TextFormat.printer().emittingSingleLine(true).printToString(trimmed(m));
    } else if (value instanceof EnumValueDescriptor e) {
      s = e.getName() + "(" + e.getNumber() + ")";
    } else if (value instanceof String str) {
      s = '"' + (str.length() > SHOWN ? str.substring(0, SHOWN) + "...(" + str.length() + " chars)" : str) + '"';
    } else if (value instanceof List<?> list) {
      s = "[" + list.size() + " items]";
    } else {
      s = String.valueOf(value);
    }
    return s.length() > 2 * SHOWN ? s.substring(0, 2 * SHOWN) + "...(" + s.length() + " chars)" : s;
  }
}
