package io.sitrep.core.dispute;

import com.google.common.collect.ImmutableSet;
import java.util.Set;

/**
 * Which attributes can hold several values at once. Every other attribute is single-valued: a
 * detainee has one custodian at a time, an attack one death toll. A group can have many
 * {@code member}s, an actor many {@code demand}s, so different values of those do not conflict.
 */
public final class AttributeSchema {
  public static final AttributeSchema DEFAULT = new AttributeSchema(ImmutableSet.of(
      "member", "members", "demand", "demands", "backs", "backed_by", "allied_with", "opposes",
      "participant", "alias", "responsible_for", "claimed_by", "location_visited"));

  private final ImmutableSet<String> multiValued;

  private AttributeSchema(Set<String> multiValued) {
    this.multiValued = ImmutableSet.copyOf(multiValued);
  }

  public static AttributeSchema withMultiValued(Set<String> attributes) {
    return new AttributeSchema(attributes);
  }

  public boolean isSingleValued(String attribute) {
    return !multiValued.contains(attribute);
  }
}
