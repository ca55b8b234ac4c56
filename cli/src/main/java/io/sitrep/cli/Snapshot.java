package io.sitrep.cli;

import com.google.protobuf.Timestamp;
import io.sitrep.client.SitrepClient;
import io.sitrep.core.model.Actor;
import io.sitrep.core.model.Claim;
import io.sitrep.core.model.Event;
import io.sitrep.core.model.Report;
import io.sitrep.core.model.Source;
import io.sitrep.server.mapping.ActorMapper;
import io.sitrep.server.mapping.ClaimMapper;
import io.sitrep.server.mapping.EventMapper;
import io.sitrep.server.mapping.ReportMapper;
import io.sitrep.server.mapping.SourceMapper;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a server holds, read page by page through the client and mapped to core's records
 * by the server's mappers, with each resource's create time (for STIX's {@code created}).
 */
record Snapshot(List<Source> sources, List<Report> reports, List<Actor> actors, List<Event> events, List<Claim> claims,
    Map<String, Instant> created, Map<String, Instant> updated) {

  static Snapshot read(SitrepClient client) {
    Map<String, Instant> created = new HashMap<>();
    Map<String, Instant> updated = new HashMap<>();
    List<Source> sources = client.streamSources("").peek(s -> times(s.getName(), s.getCreateTime(),
        s.getUpdateTime(), created, updated)).map(SourceMapper::toCore).toList();
    List<Report> reports = client.streamReports("").peek(s -> times(s.getName(), s.getCreateTime(),
        s.getUpdateTime(), created, updated)).map(ReportMapper::toCore).toList();
    List<Actor> actors = client.streamActors("").peek(s -> times(s.getName(), s.getCreateTime(),
        s.getUpdateTime(), created, updated)).map(ActorMapper::toCore).toList();
    List<Event> events = client.streamEvents("").peek(s -> times(s.getName(), s.getCreateTime(),
        s.getUpdateTime(), created, updated)).map(EventMapper::toCore).toList();
    List<Claim> claims = client.streamClaims("").peek(s -> times(s.getName(), s.getCreateTime(),
        s.getUpdateTime(), created, updated)).map(ClaimMapper::toCore).toList();
    return new Snapshot(sources, reports, actors, events, claims, created, updated);
  }

  private static void times(String name, Timestamp c, Timestamp u, Map<String, Instant> created,
      Map<String, Instant> updated) {
    Instant ci = Instant.ofEpochSecond(c.getSeconds(), c.getNanos());
    Instant ui = Instant.ofEpochSecond(u.getSeconds(), u.getNanos());
    created.put(name, ci);
    updated.put(name, ui.isBefore(ci) ? ci : ui);
  }
}
