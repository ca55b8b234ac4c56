package io.sitrep.server.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Serves {@code GET /metrics} in Prometheus' text format over plain HTTP (the JDK's own server),
 * for a Prometheus scraper. Nothing else is served. It has no authentication: bind it to an
 * address only the scraper reaches.
 */
public final class MetricsEndpoint implements AutoCloseable {
  /** Prometheus' text exposition format. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer http;
  private final String host;

  private MetricsEndpoint(HttpServer http, String host) {
    this.http = http;
    this.host = host;
  }

  /** Listens on {@code host:port} (0 picks a free port) and answers scrapes with {@code metrics}. */
  public static MetricsEndpoint start(String host, int port, Supplier<String> metrics) throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 0);
    http.createContext("/", exchange -> {
      try (exchange) {
        if (!exchange.getRequestURI().getPath().equals("/metrics")) {
          answer(exchange, 404, "text/plain; charset=utf-8", "not found; metrics are at /metrics\n");
        } else if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
          exchange.getResponseHeaders().set("Allow", "GET, HEAD");
          answer(exchange, 405, "text/plain; charset=utf-8", "only GET\n");
        } else {
          answer(exchange, 200, CONTENT_TYPE, metrics.get());
        }
      }
    });
    // Scrapes come every few seconds: the JDK server answers them on its own dispatcher thread.
    http.setExecutor(null);
    http.start();
    return new MetricsEndpoint(http, host);
  }

  private static void answer(HttpExchange exchange, int code, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(code, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** The port it listens on. */
  public int port() {
    return http.getAddress().getPort();
  }

  /** E.g. {@code http://127.0.0.1:9464/metrics}. */
  public String url() {
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/metrics";
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
