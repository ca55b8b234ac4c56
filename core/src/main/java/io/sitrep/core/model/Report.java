package io.sitrep.core.model;

import com.google.common.collect.ImmutableList;
import java.util.List;

/** One publication by a source: an article, a tweet, a statement. */
public record Report(
    String name,
    String source,
    TimeSpan publishTime,
    String title,
    String uri,
    String language,
    String excerpt,
    ImmutableList<Quotation> quotations) implements Resource {

  public static final String COLLECTION = "reports";

  public Report {
    title = Place.nullToEmpty(title);
    uri = Place.nullToEmpty(uri);
    language = Place.nullToEmpty(language);
    excerpt = Place.nullToEmpty(excerpt);
    quotations = quotations == null ? ImmutableList.of() : ImmutableList.copyOf(quotations);
    Check.of()
        .name(name, COLLECTION, "name")
        .name(source, Source.COLLECTION, "source")
        .notNull(publishTime, "publish_time")
        .text(title, "title")
        .shortText(uri, "uri")
        .languageTag(language, "language")
        .text(excerpt, "excerpt")
        .done();
  }

  @Override
  public Report withName(String newName) {
    return new Report(newName, source, publishTime, title, uri, language, excerpt, quotations);
  }

  public static Report of(String name, String source, TimeSpan publishTime, String title,
      List<Quotation> quotations) {
    return new Report(name, source, publishTime, title, "", "", "", ImmutableList.copyOf(quotations));
  }
}
