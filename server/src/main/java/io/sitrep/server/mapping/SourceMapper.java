package io.sitrep.server.mapping;

import io.sitrep.api.v1.Reliability;
import io.sitrep.api.v1.Source;
import io.sitrep.api.v1.SourceAffiliation;
import io.sitrep.api.v1.SourceKind;
import io.sitrep.core.store.Stored;
import java.util.ArrayList;
import java.util.List;

/** Maps {@code sitrep.v1.Source} to and from core's {@link io.sitrep.core.model.Source}. */
public final class SourceMapper {
  private SourceMapper() {}

  /** Core's source; output-only fields are ignored. */
  public static io.sitrep.core.model.Source toCore(Source p) {
    Violations v = Violations.collect();
    io.sitrep.core.model.SourceKind kind = v.enumOf(p.getKind(), io.sitrep.core.model.SourceKind.class, "kind");
    io.sitrep.core.model.Reliability reliability =
        v.enumOf(p.getReliability(), io.sitrep.core.model.Reliability.class, "reliability");
    List<io.sitrep.core.model.SourceAffiliation> affiliations = new ArrayList<>();
    for (int i = 0; i < p.getAffiliationsCount(); i++) {
      SourceAffiliation a = p.getAffiliations(i);
      var mapped = v.nested("affiliations[" + i + "]",
          () -> new io.sitrep.core.model.SourceAffiliation(a.getActor(), a.getDescription()));
      if (mapped != null) {
        affiliations.add(mapped);
      }
    }
    return v.build(() -> io.sitrep.core.model.Source.builder(p.getName(), p.getDisplayName(), kind)
        .handle(p.getHandle())
        .uri(p.getUri())
        .countryCode(p.getCountryCode())
        .languages(p.getLanguagesList())
        .affiliations(affiliations)
        .reliability(reliability)
        .description(p.getDescription())
        .build());
  }

  public static Source toProto(io.sitrep.core.model.Source c) {
    Source.Builder b = Source.newBuilder()
        .setName(c.name())
        .setDisplayName(c.displayName())
        .setKind(Enums.toProto(c.kind(), SourceKind.class))
        .setHandle(c.handle())
        .setUri(c.uri())
        .setCountryCode(c.countryCode())
        .addAllLanguages(c.languages())
        .setReliability(Enums.toProto(c.reliability(), Reliability.class))
        .setDescription(c.description());
    for (io.sitrep.core.model.SourceAffiliation a : c.affiliations()) {
      b.addAffiliations(SourceAffiliation.newBuilder().setActor(a.actor()).setDescription(a.description()));
    }
    return b.build();
  }

  /** The API's source with its etag and times. */
  public static Source toProto(Stored<io.sitrep.core.model.Source> stored) {
    return toProto(stored.value()).toBuilder()
        .setEtag(stored.etag())
        .setCreateTime(CommonMapper.toProto(stored.createTime()))
        .setUpdateTime(CommonMapper.toProto(stored.updateTime()))
        .build();
  }
}
