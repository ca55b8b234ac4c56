package io.sitrep.client;

import com.google.common.collect.ImmutableList;
import io.sitrep.api.v1.Actor;
import io.sitrep.api.v1.ActorRelation;
import io.sitrep.api.v1.Claim;
import io.sitrep.api.v1.Dataset;
import io.sitrep.api.v1.Event;
import io.sitrep.api.v1.IngestItem;
import io.sitrep.api.v1.IngestRequest;
import io.sitrep.api.v1.Quotation;
import io.sitrep.api.v1.Report;
import io.sitrep.api.v1.Source;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a {@link Dataset} into ingest batches that the server can store one after another: a
 * batch may refer only to resources of earlier batches or of itself. Resources that refer to each
 * other in a cycle (an actor's relation cites a report, whose source is affiliated with the actor)
 * must share a batch, so the items are grouped into the strongly connected components of their
 * reference graph (Tarjan 1972) and the components packed, dependencies first, into batches of
 * about {@code batchSize}. A component larger than that gets a batch of its own.
 */
final class DatasetBatches {
  private DatasetBatches() {}

  static ImmutableList<IngestRequest> split(Dataset dataset, int batchSize, String requestIdPrefix) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
    }
    List<IngestItem> items = items(dataset);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      index.putIfAbsent(name(items.get(i)), i);
    }
    int[][] edges = new int[items.size()][];
    for (int i = 0; i < items.size(); i++) {
      edges[i] = references(items.get(i)).stream().filter(index::containsKey).mapToInt(index::get).toArray();
    }
    ImmutableList.Builder<IngestRequest> batches = ImmutableList.builder();
    List<IngestItem> current = new ArrayList<>();
    // Tarjan emits a component only after every component it refers to: dependencies first.
    for (int[] component : stronglyConnectedComponents(edges)) {
      if (!current.isEmpty() && current.size() + component.length > batchSize) {
        batches.add(request(requestIdPrefix, batches, current));
        current = new ArrayList<>();
      }
      for (int i : Arrays.stream(component).sorted().toArray()) {
        current.add(items.get(i));
      }
    }
    if (!current.isEmpty()) {
      batches.add(request(requestIdPrefix, batches, current));
    }
    return batches.build();
  }

  private static IngestRequest request(String prefix, ImmutableList.Builder<IngestRequest> sofar,
      List<IngestItem> items) {
    int n = sofar.build().size();
    return IngestRequest.newBuilder().setRequestId(prefix + "-" + n).addAllItems(items).build();
  }

  /** The data set's resources: sources, actors, reports, events, claims. */
  static List<IngestItem> items(Dataset dataset) {
    List<IngestItem> items = new ArrayList<>();
    dataset.getSourcesList().forEach(s -> items.add(IngestItem.newBuilder().setSource(s).build()));
    dataset.getActorsList().forEach(a -> items.add(IngestItem.newBuilder().setActor(a).build()));
    dataset.getReportsList().forEach(r -> items.add(IngestItem.newBuilder().setReport(r).build()));
    dataset.getEventsList().forEach(e -> items.add(IngestItem.newBuilder().setEvent(e).build()));
    dataset.getClaimsList().forEach(c -> items.add(IngestItem.newBuilder().setClaim(c).build()));
    return items;
  }

  static String name(IngestItem item) {
    return switch (item.getResourceCase()) {
      case SOURCE -> item.getSource().getName();
      case REPORT -> item.getReport().getName();
      case ACTOR -> item.getActor().getName();
      case EVENT -> item.getEvent().getName();
      case CLAIM -> item.getClaim().getName();
      case RESOURCE_NOT_SET -> "";
    };
  }

  /** The names {@code item}'s resource refers to, as the API documents its reference fields. */
  static List<String> references(IngestItem item) {
    List<String> refs = new ArrayList<>();
    switch (item.getResourceCase()) {
      case SOURCE -> {
        Source s = item.getSource();
        s.getAffiliationsList().forEach(a -> refs.add(a.getActor()));
      }
      case REPORT -> {
        Report r = item.getReport();
        refs.add(r.getSource());
        for (Quotation q : r.getQuotationsList()) {
          refs.add(q.getReport());
          refs.add(q.getSource());
        }
      }
      case ACTOR -> {
        Actor a = item.getActor();
        for (ActorRelation rel : a.getRelationsList()) {
          refs.add(rel.getObject());
          refs.addAll(rel.getReportsList());
        }
      }
      case EVENT -> {
        Event e = item.getEvent();
        e.getParticipantsList().forEach(p -> refs.add(p.getActor()));
        e.getLinksList().forEach(l -> refs.add(l.getEvent()));
        refs.addAll(e.getReportsList());
      }
      case CLAIM -> {
        Claim c = item.getClaim();
        refs.add(c.getReport());
        refs.add(c.getEvent());
      }
      case RESOURCE_NOT_SET -> { }
    }
    refs.removeIf(String::isEmpty);
    return refs;
  }

  /**
   * Tarjan's strongly connected components, iteratively (no recursion depth to run out of), in
   * reverse topological order of the condensation: every component after those it has edges to.
   */
  static List<int[]> stronglyConnectedComponents(int[][] edges) {
    int n = edges.length;
    int[] order = new int[n];
    int[] lowlink = new int[n];
    boolean[] onStack = new boolean[n];
    Arrays.fill(order, -1);
    Deque<Integer> stack = new ArrayDeque<>();
    List<int[]> components = new ArrayList<>();
    int counter = 0;
    int[] nextEdge = new int[n];
    Deque<Integer> work = new ArrayDeque<>();
    for (int root = 0; root < n; root++) {
      if (order[root] != -1) {
        continue;
      }
      work.push(root);
      while (!work.isEmpty()) {
        int v = work.peek();
        if (order[v] == -1) {
          order[v] = lowlink[v] = counter++;
          stack.push(v);
          onStack[v] = true;
        }
        if (nextEdge[v] < edges[v].length) {
          int w = edges[v][nextEdge[v]++];
          if (order[w] == -1) {
            work.push(w);
          } else if (onStack[w]) {
            lowlink[v] = Math.min(lowlink[v], order[w]);
          }
          continue;
        }
        work.pop();
        if (!work.isEmpty()) {
          int parent = work.peek();
          lowlink[parent] = Math.min(lowlink[parent], lowlink[v]);
        }
        if (lowlink[v] == order[v]) {
          List<Integer> component = new ArrayList<>();
          int w;
          do {
            w = stack.pop();
            onStack[w] = false;
            component.add(w);
          } while (w != v);
          components.add(component.stream().mapToInt(Integer::intValue).toArray());
        }
      }
    }
    return components;
  }
}
