package io.sitrep.server.ops;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The lines written on the access logger during a test. SLF4J writes them to java.util.logging
 * (slf4j-jdk14, the server's one backend), where this handler listens.
 */
final class AccessLogCapture implements BeforeEachCallback, AfterEachCallback {
  /** Held here: java.util.logging keeps loggers weakly. */
  private final Logger logger = Logger.getLogger(AccessLog.LOGGER);
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @Override
  public void beforeEach(ExtensionContext context) {
    records.clear();
    logger.addHandler(handler);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    logger.removeHandler(handler);
  }

  List<LogRecord> records() {
    return List.copyOf(records);
  }

  /** The lines of calls to {@code method} (e.g. {@code sitrep.v1.SourceService/GetSource}). */
  List<String> linesOf(String method) {
    return records.stream().map(LogRecord::getMessage).filter(m -> m.startsWith("method=" + method + " ")).toList();
  }
}
