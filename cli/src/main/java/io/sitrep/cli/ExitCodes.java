package io.sitrep.cli;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * The exit codes of {@code sitrep}, which scripts may rely on.
 *
 * <table>
 *   <tr><td>0</td><td>success</td></tr>
 *   <tr><td>1</td><td>usage: an unknown command or option, a missing file</td></tr>
 *   <tr><td>2</td><td>partial import: some rows were bad and reported (the rest are stored)</td></tr>
 *   <tr><td>3</td><td>the server is unavailable (not listening, deadline exceeded)</td></tr>
 *   <tr><td>4</td><td>the server refused the request (invalid, not found, unimplemented...)</td></tr>
 * </table>
 */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int USAGE = 1;
  public static final int PARTIAL = 2;
  public static final int UNAVAILABLE = 3;
  public static final int REFUSED = 4;

  private ExitCodes() {}

  /** The exit code for a failed call. */
  public static int of(StatusRuntimeException e) {
    Status.Code c = e.getStatus().getCode();
    return c == Status.Code.UNAVAILABLE || c == Status.Code.DEADLINE_EXCEEDED ? UNAVAILABLE : REFUSED;
  }
}
