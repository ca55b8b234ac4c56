package io.sitrep.core.imports;

import io.sitrep.core.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The resources one row maps to. Shared resources (actors and sources, which many rows name) are
 * emitted once per import: {@link #shared} builds one only the first time its name is seen.
 * Everything a row emits is kept only if the whole row maps; a row that throws leaves nothing.
 */
final class RowOutput {
  private final Set<String> seenShared;
  final List<Resource> shared = new ArrayList<>(4);
  final List<Resource> own = new ArrayList<>(4);
  final List<String> requires = new ArrayList<>(1);
  final List<String> requireReasons = new ArrayList<>(1);

  RowOutput(Set<String> seenShared) {
    this.seenShared = seenShared;
  }

  void reset() {
    shared.clear();
    own.clear();
    requires.clear();
    requireReasons.clear();
  }

  /** Emits the shared resource {@code name}, built by {@code make}, unless already emitted. */
  void shared(String name, Supplier<? extends Resource> make) {
    if (seenShared.contains(name)) {
      return;
    }
    for (Resource r : shared) {
      if (r.name().equals(name)) {
        return;
      }
    }
    shared.add(make.get());
  }

  /** Emits a resource of this row alone. */
  void add(Resource r) {
    own.add(r);
  }

  /**
   * Records that the row refers to {@code name}, which an earlier import or file must have stored
   * (a GDELT mention's event). Rows whose requirement is missing are reported, not stored.
   */
  void require(String name, String reasonIfMissing) {
    requires.add(name);
    requireReasons.add(reasonIfMissing);
  }
}
