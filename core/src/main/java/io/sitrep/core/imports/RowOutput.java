package io.sitrep.core.imports;

import io.sitrep.core.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The resources one row maps to. Shared resources (actors and sources, which many rows name) are
 * built once per name and output ({@link #shared}); the import stores each only the first time it
 * sees its name. Everything a row emits is kept only if the whole row maps; a row that throws
 * leaves nothing. One per thread.
 */
final class RowOutput {
  private static final int MAX_BUILT = 50_000;
  /** Shared resources built so far, by name; forgotten all at once when full, to stay bounded. */
  private final StringTable<Resource> built = new StringTable<>();
  final List<Resource> shared = new ArrayList<>(4);
  final List<Resource> own = new ArrayList<>(4);
  final List<String> requires = new ArrayList<>(1);
  final List<String> requireReasons = new ArrayList<>(1);
  /** Actor and source names by display name: a file names the same few thousand again and again. */
  final Memo<String> actorNames = new Memo<>(50_000, Shared::actorName);
  final Memo<String> sourceNames = new Memo<>(50_000, Shared::sourceName);


  void reset() {
    shared.clear();
    own.clear();
    requires.clear();
    requireReasons.clear();
  }

  /**
   * Emits the shared resource {@code name}, built by {@code make} the first time this output sees
   * the name: the first row to name an actor describes it.
   */
  void shared(String name, Supplier<? extends Resource> make) {
    for (Resource r : shared) {
      if (r.name().equals(name)) {
        return;
      }
    }
    Resource r = built.get(name);
    if (r == null) {
      r = make.get();
      if (built.size() >= MAX_BUILT) {
        built.clear();
      }
      built.put(name, r);
    }
    shared.add(r);
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
