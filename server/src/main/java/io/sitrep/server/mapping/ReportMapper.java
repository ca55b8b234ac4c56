package io.sitrep.server.mapping;

import com.google.common.collect.ImmutableList;
import io.sitrep.api.v1.Quotation;
import io.sitrep.api.v1.QuotationKind;
import io.sitrep.api.v1.Report;
import io.sitrep.core.store.Stored;
import java.util.ArrayList;
import java.util.List;

/** Maps {@code sitrep.v1.Report} to and from core's {@link io.sitrep.core.model.Report}. */
public final class ReportMapper {
  private ReportMapper() {}

  /** Core's report; output-only fields are ignored. */
  public static io.sitrep.core.model.Report toCore(Report p) {
    Violations v = Violations.collect();
    var publishTime = CommonMapper.optionalTime(v, p.hasPublishTime(), p.getPublishTime(), "publish_time");
    List<io.sitrep.core.model.Quotation> quotations = new ArrayList<>();
    for (int i = 0; i < p.getQuotationsCount(); i++) {
      Quotation q = p.getQuotations(i);
      String field = "quotations[" + i + "]";
      var kind = v.enumOf(q.getKind(), io.sitrep.core.model.QuotationKind.class, field + ".kind");
      var mapped = v.nested(field,
          () -> new io.sitrep.core.model.Quotation(kind, q.getReport(), q.getSource(), q.getDescription()));
      if (mapped != null) {
        quotations.add(mapped);
      }
    }
    return v.build(() -> new io.sitrep.core.model.Report(p.getName(), p.getSource(), publishTime,
        p.getTitle(), p.getUri(), p.getLanguage(), p.getExcerpt(), ImmutableList.copyOf(quotations)));
  }

  public static Report toProto(io.sitrep.core.model.Report c) {
    Report.Builder b = Report.newBuilder()
        .setName(c.name())
        .setSource(c.source())
        .setPublishTime(CommonMapper.toProto(c.publishTime()))
        .setTitle(c.title())
        .setUri(c.uri())
        .setLanguage(c.language())
        .setExcerpt(c.excerpt());
    for (io.sitrep.core.model.Quotation q : c.quotations()) {
      b.addQuotations(Quotation.newBuilder()
          .setKind(Enums.toProto(q.kind(), QuotationKind.class))
          .setReport(q.report())
          .setSource(q.source())
          .setDescription(q.description()));
    }
    return b.build();
  }

  /** The API's report with its etag and times. */
  public static Report toProto(Stored<io.sitrep.core.model.Report> stored) {
    return toProto(stored.value()).toBuilder()
        .setEtag(stored.etag())
        .setCreateTime(CommonMapper.toProto(stored.createTime()))
        .setUpdateTime(CommonMapper.toProto(stored.updateTime()))
        .build();
  }
}
