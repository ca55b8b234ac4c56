package io.sitrep.core.model;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A publisher of reports: an outlet, an account, a body, an analyst, an unnamed official. */
public record Source(
    String name,
    String displayName,
    SourceKind kind,
    String handle,
    String uri,
    String countryCode,
    ImmutableList<String> languages,
    ImmutableList<SourceAffiliation> affiliations,
    @Nullable Reliability reliability,
    String description) implements Resource {

  public static final String COLLECTION = "sources";

  public Source {
    handle = Place.nullToEmpty(handle);
    uri = Place.nullToEmpty(uri);
    countryCode = Place.nullToEmpty(countryCode);
    description = Place.nullToEmpty(description);
    languages = languages == null ? ImmutableList.of() : ImmutableList.copyOf(languages);
    affiliations = affiliations == null ? ImmutableList.of() : ImmutableList.copyOf(affiliations);
    Check.of()
        .name(name, COLLECTION, "name")
        .notBlank(displayName, "display_name")
        .shortText(displayName, "display_name")
        .notNull(kind, "kind")
        .shortText(handle, "handle")
        .shortText(uri, "uri")
        .countryCode(countryCode, "country_code")
        .require(languages.stream().allMatch(Check::isLanguageTag),
            "languages", "must be BCP 47 language tags such as \"ar\" or \"en-GB\"")
        .text(description, "description")
        .done();
  }

  @Override
  public Source withName(String newName) {
    return new Source(newName, displayName, kind, handle, uri, countryCode, languages, affiliations,
        reliability, description);
  }

  public static Builder builder(String name, String displayName, SourceKind kind) {
    return new Builder(name, displayName, kind);
  }

  /** Builds a source field by field. */
  public static final class Builder {
    private final String name;
    private final String displayName;
    private final SourceKind kind;
    private String handle = "";
    private String uri = "";
    private String countryCode = "";
    private List<String> languages = List.of();
    private List<SourceAffiliation> affiliations = List.of();
    private @Nullable Reliability reliability;
    private String description = "";

    private Builder(String name, String displayName, SourceKind kind) {
      this.name = name;
      this.displayName = displayName;
      this.kind = kind;
    }

    public Builder handle(String v) { handle = v; return this; }
    public Builder uri(String v) { uri = v; return this; }
    public Builder countryCode(String v) { countryCode = v; return this; }
    public Builder languages(List<String> v) { languages = v; return this; }
    public Builder affiliations(List<SourceAffiliation> v) { affiliations = v; return this; }
    public Builder reliability(@Nullable Reliability v) { reliability = v; return this; }
    public Builder description(String v) { description = v; return this; }

    public Source build() {
      return new Source(name, displayName, kind, handle, uri, countryCode,
          ImmutableList.copyOf(languages), ImmutableList.copyOf(affiliations), reliability, description);
    }
  }
}
