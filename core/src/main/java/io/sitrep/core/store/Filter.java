package io.sitrep.core.store;

import com.google.common.collect.ImmutableList;
import io.sitrep.core.model.Resource;
import io.sitrep.core.model.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A conjunction of equality conditions, the subset of AIP-160 filters Sitrep needs:
 * {@code kind = "SOURCE_KIND_NEWS_OUTLET" AND country_code = "IQ"}. Fields are the filterable
 * fields of one {@link ResourceType}; values are quoted strings or bare words.
 */
public record Filter(ImmutableList<Condition> conditions) {
  public static final Filter ALL = new Filter(ImmutableList.of());

  /** {@code field = value}, with the value already in the store's spelling. */
  public record Condition(String field, String value) {}

  public Filter(List<Condition> conditions) {
    this(ImmutableList.copyOf(conditions));
  }

  public static Filter of(String field, String value) {
    return new Filter(ImmutableList.of(new Condition(field, value)));
  }

  public Filter and(String field, String value) {
    return new Filter(ImmutableList.<Condition>builder().addAll(conditions)
        .add(new Condition(field, value)).build());
  }

  /** True when {@code resource} meets every condition. */
  public <T extends Resource> boolean matches(ResourceType<T> type, T resource) {
    for (Condition c : conditions) {
      if (!type.filterField(c.field()).values(resource).contains(c.value())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Parses {@code text} for {@code type}. Throws a {@link ValidationException} on field
   * {@code filter} saying what is wrong.
   */
  public static Filter parse(String text, ResourceType<?> type) {
    if (text == null || text.isBlank()) {
      return ALL;
    }
    List<Condition> conditions = new ArrayList<>();
    Lexer lexer = new Lexer(text);
    while (true) {
      String field = lexer.identifier();
      FilterField<?> filterField = type.filterFieldOrNull(field);
      if (filterField == null) {
        throw ValidationException.of("filter", "unknown field \"" + field + "\"; " + type.collection()
            + " can be filtered by " + String.join(", ", type.filterFieldNames()));
      }
      lexer.expect('=');
      conditions.add(new Condition(field, filterField.normalize(lexer.value())));
      if (lexer.atEnd()) {
        break;
      }
      lexer.keyword("AND");
    }
    return new Filter(conditions);
  }

  @Override
  public String toString() {
    return conditions.stream().map(c -> c.field() + " = \"" + c.value() + "\"")
        .collect(Collectors.joining(" AND "));
  }

  /** A tiny hand-written lexer: the grammar is three tokens long, a parser library would be larger. */
  private static final class Lexer {
    private final String s;
    private int i;

    Lexer(String s) {
      this.s = s;
    }

    void skipSpace() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    boolean atEnd() {
      skipSpace();
      return i >= s.length();
    }

    String identifier() {
      skipSpace();
      int start = i;
      while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.')) {
        i++;
      }
      if (start == i) {
        throw error("expected a field name");
      }
      return s.substring(start, i);
    }

    void expect(char c) {
      skipSpace();
      if (i >= s.length() || s.charAt(i) != c) {
        throw error("expected '" + c + "'");
      }
      i++;
    }

    void keyword(String word) {
      skipSpace();
      if (!s.startsWith(word, i)) {
        throw error("expected " + word + " (only AND of field = value conditions is supported)");
      }
      i += word.length();
    }

    String value() {
      skipSpace();
      if (i < s.length() && s.charAt(i) == '"') {
        StringBuilder out = new StringBuilder();
        i++;
        while (i < s.length() && s.charAt(i) != '"') {
          if (s.charAt(i) == '\\' && i + 1 < s.length()) {
            i++;
          }
          out.append(s.charAt(i++));
        }
        if (i >= s.length()) {
          throw error("unterminated string");
        }
        i++;
        return out.toString();
      }
      int start = i;
      while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (start == i) {
        throw error("expected a value");
      }
      return s.substring(start, i);
    }

    ValidationException error(String what) {
      return ValidationException.of("filter", what + " at position " + i);
    }
  }
}
