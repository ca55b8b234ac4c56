package io.sitrep.bench.truth;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "truth-bench", mixinStandardHelpOptions = true, description = "placeholder")
public final class TruthBench implements Callable<Integer> {
  @Override
  public Integer call() {
    return 0;
  }
}
