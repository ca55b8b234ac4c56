package io.sitrep.server.mapping;

import io.sitrep.api.v1.Attribution;
import io.sitrep.api.v1.Claim;
import io.sitrep.api.v1.Proposition;
import io.sitrep.api.v1.Stance;
import io.sitrep.core.store.Stored;

/** Maps {@code sitrep.v1.Claim} to and from core's {@link io.sitrep.core.model.Claim}. */
public final class ClaimMapper {
  private ClaimMapper() {}

  /** Core's claim; output-only fields are ignored. */
  public static io.sitrep.core.model.Claim toCore(Claim p) {
    Violations v = Violations.collect();
    var stance = v.enumOf(p.getStance(), io.sitrep.core.model.Stance.class, "stance");
    var attribution = v.enumOf(p.getAttribution(), io.sitrep.core.model.Attribution.class, "attribution");
    var proposition = p.hasProposition() ? v.nested("proposition", () -> toCore(p.getProposition())) : null;
    return v.build(() -> new io.sitrep.core.model.Claim(p.getName(), p.getReport(), stance, attribution,
        p.getAttributedTo(), p.getEvent(), proposition, p.getText()));
  }

  static io.sitrep.core.model.Proposition toCore(Proposition p) {
    Violations v = Violations.collect();
    var validTime = CommonMapper.optionalTime(v, p.hasValidTime(), p.getValidTime(), "valid_time");
    return v.build(() -> new io.sitrep.core.model.Proposition(p.getSubject(), p.getAttribute(), p.getValue(),
        validTime));
  }

  public static Claim toProto(io.sitrep.core.model.Claim c) {
    Claim.Builder b = Claim.newBuilder()
        .setName(c.name())
        .setReport(c.report())
        .setStance(Enums.toProto(c.stance(), Stance.class))
        .setAttribution(Enums.toProto(c.attribution(), Attribution.class))
        .setAttributedTo(c.attributedTo())
        .setEvent(c.event())
        .setText(c.text());
    if (c.proposition() != null) {
      b.setProposition(toProto(c.proposition()));
    }
    return b.build();
  }

  static Proposition toProto(io.sitrep.core.model.Proposition c) {
    Proposition.Builder b = Proposition.newBuilder()
        .setSubject(c.subject())
        .setAttribute(c.attribute())
        .setValue(c.value());
    if (c.validTime() != null) {
      b.setValidTime(CommonMapper.toProto(c.validTime()));
    }
    return b.build();
  }

  /** The API's claim with its etag and times. */
  public static Claim toProto(Stored<io.sitrep.core.model.Claim> stored) {
    return toProto(stored.value()).toBuilder()
        .setEtag(stored.etag())
        .setCreateTime(CommonMapper.toProto(stored.createTime()))
        .setUpdateTime(CommonMapper.toProto(stored.updateTime()))
        .build();
  }
}
