package io.sitrep.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The defaults hold a rate limit whichever class is loaded first: when RateLimit was initialised
 * before ServerLimits, DEFAULTS was built while RateLimit.OFF was still null, and every server
 * started with the defaults afterwards failed each call with UNKNOWN (found running the fuzz suite
 * after LimitsTest in one JVM).
 */
class ServerLimitsInitTest {

  @Test
  void defaultsHaveARateLimitWhenRateLimitIsLoadedFirst() throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      urls.add(new File(entry).toURI().toURL());
    }
    try (URLClassLoader fresh = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      Class.forName(ServerLimits.RateLimit.class.getName(), true, fresh);
      Class<?> limits = Class.forName(ServerLimits.class.getName(), true, fresh);
      Object defaults = limits.getField("DEFAULTS").get(null);

      assertThat(limits.getMethod("rateLimit").invoke(defaults)).isNotNull();
    }
  }
}
