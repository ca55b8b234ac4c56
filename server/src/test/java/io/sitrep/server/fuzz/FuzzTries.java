package io.sitrep.server.fuzz;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Sets each fuzz property's number of tries from one total: the system property
 * {@value #PROPERTY} (default {@value #CI_TOTAL}, the size run by {@code ./mvnw verify}) times
 * the property's {@link Share}. {@code -Dsitrep.fuzz.tries=100000} makes the long run.
 */
public final class FuzzTries implements AroundPropertyHook {
  public static final String PROPERTY = "sitrep.fuzz.tries";
  /** Cases in the CI-sized run, over all fuzz properties. */
  public static final int CI_TOTAL = 2_000;

  /** The fraction of the total cases that a property (or, on a class, every property in it) runs. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.METHOD, ElementType.TYPE})
  public @interface Share {
    double value();
  }

  static int total() {
    return Integer.getInteger(PROPERTY, CI_TOTAL);
  }

  @Override
  public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
    double share = context.findAnnotation(Share.class).map(Share::value).orElse(0.1);
    double classShare = context.findAnnotationsInContainer(Share.class).stream().mapToDouble(Share::value)
        .reduce(1.0, (a, b) -> a * b);
    context.attributes().setTries(Math.max(1, (int) Math.round(total() * share * classShare)));
    return property.execute();
  }
}
