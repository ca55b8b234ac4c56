package io.sitrep.core.imports;

/** Hears how far an import has come, after every batch; for progress bars. */
@FunctionalInterface
public interface ImportListener {
  ImportListener NONE = (file, bytesRead, totalBytes, rows) -> {};

  /**
   * @param file the file being read
   * @param bytesRead bytes of it read so far
   * @param totalBytes its size, or -1 if unknown
   * @param rows rows read so far
   */
  void progress(String file, long bytesRead, long totalBytes, long rows);
}
