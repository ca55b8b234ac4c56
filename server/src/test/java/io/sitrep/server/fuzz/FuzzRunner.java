package io.sitrep.server.fuzz;

import com.google.common.collect.MapDifference;
import com.google.common.collect.Maps;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import io.sitrep.api.v1.CreateHypothesisMatrixRequest;
import io.sitrep.api.v1.HypothesisServiceGrpc;
import io.sitrep.server.testing.RawBytes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends fuzz cases to a real server and judges each answer: the status is never UNKNOWN or
 * INTERNAL, the server still answers a health check, a refused request leaves the store as it was
 * (every name and etag), and a request that succeeded changed only what its method may change.
 * Restarts the server on a fresh store when successful writes have moved it far from the demo.
 */
final class FuzzRunner implements AutoCloseable {
  /** Statuses that mean the server failed, not the request. */
  private static final Set<Status.Code> FORBIDDEN = Set.of(Status.Code.UNKNOWN, Status.Code.INTERNAL,
      Status.Code.DATA_LOSS, Status.Code.DEADLINE_EXCEEDED);
  /** Far beyond any honest answer; a call this slow is a finding in itself. */
  private static final long DEADLINE_SECONDS = 60;

  private FuzzServer server;
  private final Facts facts = Facts.fromDemo();
  private final Cases cases;
  private Map<String, String> base;
  /** Per RPC, how often each status came back. */
  private final Map<String, Map<Status.Code, Integer>> tally = new TreeMap<>();
  private int casesRun;
  private int restarts;

  private FuzzRunner(FuzzServer.StoreKind kind) {
    this.server = FuzzServer.start(kind);
    prepare();
    this.cases = new Cases(server.rpcs(), facts);
  }

  static FuzzRunner start(FuzzServer.StoreKind kind) {
    return new FuzzRunner(kind);
  }

  Cases cases() {
    return cases;
  }

  List<FuzzServer.Rpc> rpcs() {
    return server.rpcs();
  }

  /** Stores what the demo lacks (an ACH matrix) and learns the names only listing finds (disputes). */
  private void prepare() {
    HypothesisServiceGrpc.newBlockingStub(server.channel()).withDeadlineAfter(30, TimeUnit.SECONDS)
        .createHypothesisMatrix(CreateHypothesisMatrixRequest.newBuilder()
            .setHypothesisMatrix(Facts.matrix(facts.names.getOrDefault("sitrep.io/Claim", List.of())))
            .setHypothesisMatrixId("custody").build());
    for (FuzzServer.Rpc rpc : server.rpcs()) {
      if (rpc.methodName().startsWith("List") && !rpc.clientStreaming() && !rpc.serverStreaming()) {
        Outcome listed = call(rpc, List.of(new byte[0]));
        for (byte[] response : listed.responses()) {
          harvest(parse(rpc, response));
        }
      }
    }
    base = server.fingerprint();
  }

  private void harvest(Message message) {
    String type = Facts.resourceType(message.getDescriptorForType());
    for (Map.Entry<FieldDescriptor, Object> e : message.getAllFields().entrySet()) {
      List<?> values = e.getKey().isRepeated() ? (List<?>) e.getValue() : List.of(e.getValue());
      for (Object v : values) {
        if (v instanceof Message m) {
          harvest(m);
        } else if (type != null && e.getKey().getName().equals("name") && v instanceof String name) {
          facts.addName(type, name);
        }
      }
    }
  }

  /** What came back: the final status and every response message. */
  record Outcome(Status status, List<byte[]> responses) {}

  /** Runs one case and checks every property; throws AssertionError naming the case on a violation. */
  void check(Cases.FuzzCase c) {
    Map<String, String> before = server.fingerprint();
    Outcome outcome = call(c.rpc(), c.messages());
    Status.Code code = outcome.status().getCode();
    synchronized (tally) {
      tally.computeIfAbsent(c.rpc().methodName(), k -> new EnumMap<>(Status.Code.class)).merge(code, 1, Integer::sum);
      casesRun++;
    }
    if (FORBIDDEN.contains(code)) {
      throw new AssertionError(c.rpc().fullName() + " answered " + outcome.status() + " to " + c);
    }
    if (!server.healthy()) {
      throw new AssertionError("the server no longer answers a health check after " + c);
    }
    Map<String, String> after = server.fingerprint();
    if (c.rpc().clientStreaming() && code == Status.Code.CANCELLED) {
      after = settled(after);
    }
    MapDifference<String, String> diff = Maps.difference(before, after);
    Set<String> produced = names(c.rpc(), outcome.responses());
    if (c.rpc().clientStreaming()) {
      // Acknowledged batches stay, whatever ends the stream; a refused batch stores nothing. A
      // stream the transport ended (CANCELLED: a later message was too large) may have lost the
      // acknowledgement of a batch the server stored: such a batch must answer a replay of its
      // request id with the names it stored, storing nothing twice (AIP-155).
      Set<String> unacknowledged = new HashSet<>(diff.entriesOnlyOnRight().keySet());
      unacknowledged.removeAll(produced);
      if (!unacknowledged.isEmpty() && code != Status.Code.OK) {
        if (everyBatchHasRequestId(c)) {
          unacknowledged.removeAll(replayed(c, after));
        } else {
          // Without a request id a lost acknowledgement cannot be recovered, by design; the
          // client library always sets one.
          unacknowledged.clear();
        }
      }
      expect(diff.entriesOnlyOnLeft().isEmpty() && diff.entriesDiffering().isEmpty()
          && unacknowledged.isEmpty(), c, outcome, diff);
      after = server.fingerprint();
    } else if (code != Status.Code.OK) {
      expect(diff.areEqual(), c, outcome, diff);
    } else {
      switch (c.rpc().effect()) {
        case READ -> expect(diff.areEqual(), c, outcome, diff);
        case CREATE -> expect(diff.entriesOnlyOnLeft().isEmpty() && diff.entriesDiffering().isEmpty()
            && produced.containsAll(diff.entriesOnlyOnRight().keySet()), c, outcome, diff);
        case UPDATE -> expect(diff.entriesOnlyOnLeft().isEmpty() && diff.entriesOnlyOnRight().isEmpty()
            && produced.containsAll(diff.entriesDiffering().keySet()), c, outcome, diff);
        case DELETE -> expect(diff.entriesOnlyOnRight().isEmpty() && diff.entriesDiffering().isEmpty()
            && requested(c).containsAll(diff.entriesOnlyOnLeft().keySet()), c, outcome, diff);
        case UNKNOWN -> { }
      }
    }
    if (code == Status.Code.UNAUTHENTICATED) {
      // The fuzz server runs without auth; a case that created an API key turned it on, and every
      // later case would stop at the door. A fresh server keeps the fuzzer inside.
      restart();
    } else if (!diff.areEqual()) {
      learn(c.rpc(), outcome.responses());
      maybeRestart(after);
    }
  }

  /**
   * The store once it stops changing. A stream the transport cancelled may still be committing the
   * batch it was storing (Ingest stores on another thread); that write belongs to this case.
   */
  private Map<String, String> settled(Map<String, String> now) {
    for (int i = 0; i < 50; i++) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
      Map<String, String> later = server.fingerprint();
      if (later.equals(now)) {
        return now;
      }
      now = later;
    }
    throw new AssertionError("the store kept changing for a second after a cancelled stream");
  }

  /** Whether every batch of {@code c} that parses names a request id. */
  private static boolean everyBatchHasRequestId(Cases.FuzzCase c) {
    FieldDescriptor requestId = c.rpc().input().findFieldByName("request_id");
    for (byte[] batch : c.messages()) {
      try {
        if (((String) DynamicMessage.parseFrom(c.rpc().input(), batch).getField(requestId)).isEmpty()) {
          return false;
        }
      } catch (InvalidProtocolBufferException e) {
        // Refused whole by the server; it stored nothing.
      }
    }
    return true;
  }

  /**
   * Sends each batch of {@code c} alone on a new stream and returns the names
   * acknowledged by the replays that stored nothing: the batches the first call had stored.
   */
  private Set<String> replayed(Cases.FuzzCase c, Map<String, String> stored) {
    Set<String> names = new HashSet<>();
    for (byte[] batch : c.messages()) {
      Map<String, String> before = server.fingerprint();
      Outcome replay = call(c.rpc(), List.of(batch));
      Set<String> acknowledged = names(c.rpc(), replay.responses());
      if (replay.status().isOk() && stored.keySet().containsAll(acknowledged)
          && server.fingerprint().equals(before)) {
        names.addAll(acknowledged);
      }
    }
    return names;
  }

  private static void expect(boolean ok, Cases.FuzzCase c, Outcome outcome, MapDifference<String, String> diff) {
    if (!ok) {
      throw new AssertionError("the store changed wrongly (" + outcome.status() + ") after " + c
          + ": added " + diff.entriesOnlyOnRight().keySet() + ", removed " + diff.entriesOnlyOnLeft().keySet()
          + ", changed " + diff.entriesDiffering().keySet() + "; acknowledged " + names(c.rpc(), outcome.responses()));
    }
  }

  /** Resources created by fuzzing become targets of later cases. */
  private void learn(FuzzServer.Rpc rpc, List<byte[]> responses) {
    for (byte[] response : responses) {
      Message m = parse(rpc, response);
      String type = Facts.resourceType(m.getDescriptorForType());
      FieldDescriptor name = m.getDescriptorForType().findFieldByName("name");
      if (type != null && name != null && facts.names.getOrDefault(type, List.of()).size() < 300) {
        facts.addName(type, (String) m.getField(name));
      }
    }
  }

  /** A fresh server once fuzzing deleted many demo resources or added many new ones. */
  private void maybeRestart(Map<String, String> now) {
    Set<String> missing = new HashSet<>(base.keySet());
    missing.removeAll(now.keySet());
    if (missing.size() > 25 || now.size() > base.size() + 2_000) {
      restart();
    }
  }

  private void restart() {
    server = server.restart();
    prepare();
    restarts++;
  }

  /** The names an answer mentions: {@code name} of a resource, {@code names} of an acknowledgement. */
  private static Set<String> names(FuzzServer.Rpc rpc, List<byte[]> responses) {
    Set<String> names = new HashSet<>();
    for (byte[] response : responses) {
      Message m = parse(rpc, response);
      for (String field : List.of("name", "names")) {
        FieldDescriptor f = m.getDescriptorForType().findFieldByName(field);
        if (f != null && f.getJavaType() == FieldDescriptor.JavaType.STRING) {
          if (f.isRepeated()) {
            for (Object n : (List<?>) m.getField(f)) {
              names.add((String) n);
            }
          } else {
            names.add((String) m.getField(f));
          }
        }
      }
    }
    return names;
  }

  /** The name a delete asked for, as the server would read it. */
  private static Set<String> requested(Cases.FuzzCase c) {
    try {
      DynamicMessage request = DynamicMessage.parseFrom(c.rpc().input(), c.messages().get(0));
      FieldDescriptor name = c.rpc().input().findFieldByName("name");
      return name == null ? Set.of() : Set.of((String) request.getField(name));
    } catch (InvalidProtocolBufferException e) {
      return Set.of();
    }
  }

  private static Message parse(FuzzServer.Rpc rpc, byte[] response) {
    try {
      return DynamicMessage.parseFrom(rpc.output(), response);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(rpc.fullName() + " answered bytes that do not parse as " + rpc.output().getFullName(), e);
    }
  }

  /** Calls {@code rpc} with raw bytes, as any client could, and waits for the end of the call. */
  Outcome call(FuzzServer.Rpc rpc, List<byte[]> messages) {
    MethodDescriptor<byte[], byte[]> method = MethodDescriptor.newBuilder(RawBytes.MARSHALLER, RawBytes.MARSHALLER)
        .setFullMethodName(rpc.fullName())
        .setType(rpc.clientStreaming()
            ? (rpc.serverStreaming() ? MethodDescriptor.MethodType.BIDI_STREAMING : MethodDescriptor.MethodType.CLIENT_STREAMING)
            : (rpc.serverStreaming() ? MethodDescriptor.MethodType.SERVER_STREAMING : MethodDescriptor.MethodType.UNARY))
        .build();
    ClientCall<byte[], byte[]> call = server.channel().newCall(method,
        CallOptions.DEFAULT.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS));
    if (!rpc.clientStreaming() && !rpc.serverStreaming()) {
      try {
        return new Outcome(Status.OK, List.of(ClientCalls.blockingUnaryCall(call, messages.get(0))));
      } catch (StatusRuntimeException e) {
        return new Outcome(e.getStatus(), List.of());
      }
    }
    List<byte[]> responses = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Status> done = new CompletableFuture<>();
    StreamObserver<byte[]> observer = new StreamObserver<>() {
      @Override
      public void onNext(byte[] value) {
        responses.add(value);
      }

      @Override
      public void onError(Throwable t) {
        done.complete(Status.fromThrowable(t));
      }

      @Override
      public void onCompleted() {
        done.complete(Status.OK);
      }
    };
    if (rpc.clientStreaming()) {
      StreamObserver<byte[]> requests = ClientCalls.asyncBidiStreamingCall(call, observer);
      messages.forEach(requests::onNext);
      requests.onCompleted();
    } else {
      ClientCalls.asyncServerStreamingCall(call, messages.get(0), observer);
    }
    try {
      return new Outcome(done.get(DEADLINE_SECONDS + 10, TimeUnit.SECONDS), List.copyOf(responses));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError(rpc.fullName() + " never ended", e);
    }
  }

  /** Per RPC, how often each status came back; and the totals. */
  String report() {
    StringBuilder s = new StringBuilder();
    s.append(String.format("%d cases on %s store, %d RPCs, %d restarts%n", casesRun, server.kind(),
        server.rpcs().size(), restarts));
    for (FuzzServer.Rpc rpc : server.rpcs()) {
      s.append(String.format("  %-28s %s%n", rpc.methodName(), tally.getOrDefault(rpc.methodName(), Map.of())));
    }
    return s.toString();
  }

  /** RPCs no case reached. */
  List<String> untouched() {
    return server.rpcs().stream().map(FuzzServer.Rpc::methodName).filter(m -> !tally.containsKey(m)).toList();
  }

  int casesRun() {
    return casesRun;
  }

  @Override
  public void close() {
    server.close();
  }
}
