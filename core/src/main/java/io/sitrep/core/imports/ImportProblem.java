package io.sitrep.core.imports;

/** A row that was not imported: the file, the line it starts on (1-based) and why. */
public record ImportProblem(String file, long line, String reason) {
  @Override
  public String toString() {
    return file + ":" + line + ": " + reason;
  }
}
