package io.sitrep.server.mapping;

import com.google.common.collect.ImmutableList;
import io.sitrep.api.v1.Actor;
import io.sitrep.api.v1.ActorKind;
import io.sitrep.api.v1.ActorRelation;
import io.sitrep.api.v1.RelationKind;
import io.sitrep.core.store.Stored;
import java.util.ArrayList;
import java.util.List;

/** Maps {@code sitrep.v1.Actor} to and from core's {@link io.sitrep.core.model.Actor}. */
public final class ActorMapper {
  private ActorMapper() {}

  /** Core's actor; output-only fields are ignored. */
  public static io.sitrep.core.model.Actor toCore(Actor p) {
    Violations v = Violations.collect();
    var kind = v.enumOf(p.getKind(), io.sitrep.core.model.ActorKind.class, "kind");
    List<io.sitrep.core.model.ActorRelation> relations = new ArrayList<>();
    for (int i = 0; i < p.getRelationsCount(); i++) {
      ActorRelation r = p.getRelations(i);
      String field = "relations[" + i + "]";
      var relationKind = v.enumOf(r.getKind(), io.sitrep.core.model.RelationKind.class, field + ".kind");
      var validTime = CommonMapper.optionalTime(v, r.hasValidTime(), r.getValidTime(), field + ".valid_time");
      var mapped = v.nested(field, () -> new io.sitrep.core.model.ActorRelation(relationKind, r.getObject(),
          validTime, ImmutableList.copyOf(r.getReportsList()), r.getDescription()));
      if (mapped != null) {
        relations.add(mapped);
      }
    }
    return v.build(() -> new io.sitrep.core.model.Actor(p.getName(), p.getDisplayName(), kind,
        ImmutableList.copyOf(p.getAliasesList()), p.getCountryCode(), p.getDescription(),
        ImmutableList.copyOf(relations)));
  }

  public static Actor toProto(io.sitrep.core.model.Actor c) {
    Actor.Builder b = Actor.newBuilder()
        .setName(c.name())
        .setDisplayName(c.displayName())
        .setKind(Enums.toProto(c.kind(), ActorKind.class))
        .addAllAliases(c.aliases())
        .setCountryCode(c.countryCode())
        .setDescription(c.description());
    for (io.sitrep.core.model.ActorRelation r : c.relations()) {
      ActorRelation.Builder rb = ActorRelation.newBuilder()
          .setKind(Enums.toProto(r.kind(), RelationKind.class))
          .setObject(r.object())
          .addAllReports(r.reports())
          .setDescription(r.description());
      if (r.validTime() != null) {
        rb.setValidTime(CommonMapper.toProto(r.validTime()));
      }
      b.addRelations(rb);
    }
    return b.build();
  }

  /** The API's actor with its etag and times. */
  public static Actor toProto(Stored<io.sitrep.core.model.Actor> stored) {
    return toProto(stored.value()).toBuilder()
        .setEtag(stored.etag())
        .setCreateTime(CommonMapper.toProto(stored.createTime()))
        .setUpdateTime(CommonMapper.toProto(stored.updateTime()))
        .build();
  }
}
