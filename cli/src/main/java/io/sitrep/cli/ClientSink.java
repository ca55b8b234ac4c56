package io.sitrep.cli;

import com.google.common.collect.ImmutableSet;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.sitrep.api.v1.IngestItem;
import io.sitrep.api.v1.IngestRequest;
import io.sitrep.api.v1.IngestResponse;
import io.sitrep.client.SitrepClient;
import io.sitrep.core.imports.ImportSink;
import io.sitrep.core.model.Actor;
import io.sitrep.core.model.Claim;
import io.sitrep.core.model.Event;
import io.sitrep.core.model.Report;
import io.sitrep.core.model.Resource;
import io.sitrep.core.model.Source;
import io.sitrep.server.mapping.ActorMapper;
import io.sitrep.server.mapping.ClaimMapper;
import io.sitrep.server.mapping.EventMapper;
import io.sitrep.server.mapping.ReportMapper;
import io.sitrep.server.mapping.SourceMapper;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * An {@link ImportSink} that sends each batch as one Ingest request through {@link SitrepClient},
 * mapping core's records to the API's with the server's own mappers.
 */
final class ClientSink implements ImportSink {
  private final SitrepClient client;

  ClientSink(SitrepClient client) {
    this.client = client;
  }

  @Override
  public int write(List<Resource> batch, String requestId) {
    IngestRequest.Builder request = IngestRequest.newBuilder().setRequestId(requestId);
    for (Resource r : batch) {
      request.addItems(item(r));
    }
    try {
      List<IngestResponse> acks = client.ingest(List.of(request.build()));
      IngestResponse ack = acks.get(0);
      return ack.getReplayed() ? 0 : ack.getNamesCount();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.ALREADY_EXISTS) {
        throw new NameTaken(e.getStatus().getDescription(), e);
      }
      throw e;
    }
  }

  static IngestItem item(Resource r) {
    IngestItem.Builder item = IngestItem.newBuilder();
    if (r instanceof Source s) {
      item.setSource(SourceMapper.toProto(s));
    } else if (r instanceof Report rep) {
      item.setReport(ReportMapper.toProto(rep));
    } else if (r instanceof Actor a) {
      item.setActor(ActorMapper.toProto(a));
    } else if (r instanceof Event e) {
      item.setEvent(EventMapper.toProto(e));
    } else if (r instanceof Claim c) {
      item.setClaim(ClaimMapper.toProto(c));
    }
    return item.build();
  }

  @Override
  public Set<String> existing(Collection<String> names) {
    ImmutableSet.Builder<String> found = ImmutableSet.builder();
    for (String name : names) {
      try {
        switch (name.substring(0, name.indexOf('/'))) {
          case "sources" -> client.getSource(name);
          case "reports" -> client.getReport(name);
          case "actors" -> client.getActor(name);
          case "events" -> client.getEvent(name);
          case "claims" -> client.getClaim(name);
          default -> throw new IllegalArgumentException("no collection in " + name);
        }
        found.add(name);
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
          throw e;
        }
      }
    }
    return found.build();
  }
}
