package io.sitrep.core.imports;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared sample files, read in place: {@code sitrep.repo.root/../shared/data}, else
 * {@code /work/shared/data}. ACLED's terms forbid redistribution, so no sample is copied here.
 */
final class SharedData {
  private SharedData() {}

  static Path dir() {
    String root = System.getProperty("sitrep.repo.root");
    if (root != null) {
      Path p = Path.of(root).resolve("../shared/data").normalize();
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    return Path.of("/work/shared/data");
  }

  static Path file(String relative) {
    return dir().resolve(relative);
  }
}
