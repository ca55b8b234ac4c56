package io.sitrep.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.api.v1.Dataset;
import io.sitrep.api.v1.IngestItem;
import io.sitrep.api.v1.IngestRequest;
import io.sitrep.server.demo.DemoDataset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DatasetBatchesTest {

  @Test
  void theDemoWeekInBatchesOfSevenOnlyEverRefersBackwards() {
    Dataset demo = DemoDataset.load();
    Set<String> inDataset = DatasetBatches.items(demo).stream().map(DatasetBatches::name).collect(Collectors.toSet());

    List<IngestRequest> batches = DatasetBatches.split(demo, 7, "demo");

    Set<String> sent = new HashSet<>();
    for (IngestRequest batch : batches) {
      batch.getItemsList().forEach(i -> sent.add(DatasetBatches.name(i)));
      for (IngestItem item : batch.getItemsList()) {
        for (String ref : DatasetBatches.references(item)) {
          if (inDataset.contains(ref)) {
            assertThat(sent).as("%s in %s refers to %s", DatasetBatches.name(item), batch.getRequestId(), ref)
                .contains(ref);
          }
        }
      }
    }
    assertThat(sent).isEqualTo(inDataset);
    assertThat(batches).extracting(IngestRequest::getRequestId).doesNotHaveDuplicates();
  }

  @Test
  void resourcesThatReferToEachOtherInACycleShareABatch() {
    int[][] edges = {{1}, {2}, {0}, {0}};

    List<int[]> components = DatasetBatches.stronglyConnectedComponents(edges);

    assertThat(components).hasSize(2);
    assertThat(components.get(0)).containsExactlyInAnyOrder(0, 1, 2);
    assertThat(components.get(1)).containsExactly(3);
  }
}
