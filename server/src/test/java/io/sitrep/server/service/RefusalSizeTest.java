package io.sitrep.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.sitrep.api.v1.CreateEventRequest;
import io.sitrep.api.v1.Event;
import io.sitrep.api.v1.EventServiceGrpc;
import io.sitrep.api.v1.GetSourceRequest;
import io.sitrep.api.v1.Participant;
import io.sitrep.api.v1.SourceServiceGrpc;
import io.sitrep.core.store.InMemoryStore;
import io.sitrep.server.SitrepServer;
import io.sitrep.server.testing.Refusal;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A refusal that echoes a huge request (a long name, a thousand bad list elements) still reaches
 * a client with gRPC's default limits as the refusal, not as INTERNAL "Header size exceeded": the
 * status travels in the trailers, which a Netty client caps at 8 KiB.
 */
class RefusalSizeTest {
  private SitrepServer server;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    server = new SitrepServer(NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0),
        InsecureServerCredentials.create()), new InMemoryStore()).start();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.stop();
    server.store().close();
  }

  @Test
  void aThousandBadParticipantsAreRefusedAsInvalidArgument() {
    Event.Builder event = Event.newBuilder().setSummary("x");
    for (int i = 0; i < 1000; i++) {
      event.addParticipants(Participant.getDefaultInstance());
    }

    Refusal refusal = Refusal.of(() -> EventServiceGrpc.newBlockingStub(channel)
        .createEvent(CreateEventRequest.newBuilder().setEvent(event).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).hasSizeLessThanOrEqualTo(6);
    assertThat(refusal.message().length()).isLessThan(500);
  }

  @Test
  void aHugeNameIsRefusedAsItself() {
    String name = "sources/" + "é".repeat(50_000);

    Refusal refusal = Refusal.of(() -> SourceServiceGrpc.newBlockingStub(channel)
        .getSource(GetSourceRequest.newBuilder().setName(name).build()));

    assertThat(refusal.code()).isIn(Status.Code.INVALID_ARGUMENT, Status.Code.NOT_FOUND);
    assertThat(refusal.message().length()).isLessThan(500);
  }
}
