package io.sitrep.core.imports;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a JSON array one element at a time, so a file of records never has to fit in memory
 * (RFC 8259; objects become {@code Map<String, Object>} in key order, arrays {@code List}, numbers
 * {@code Long} or {@code Double}, and {@code null} a null). Core keeps its dependencies few, so this
 * small reader stands in for a JSON library.
 */
final class JsonArrayReader {
  /** Malformed JSON, at a line. */
  static final class SyntaxError extends IOException {
    final long line;

    SyntaxError(long line, String message) {
      super("line " + line + ": " + message);
      this.line = line;
    }
  }

  private final Reader in;
  /**
   * Characters read ahead, {@code buffer[next, end)}: a BufferedReader's read() took a lock per
   * character, a tenth of a PLOVER record.
   */
  private final char[] buffer = new char[1 << 16];
  private int next;
  private int end;
  /** One builder for every string, so that long texts grow it once, not once per string. */
  private final StringBuilder text = new StringBuilder(256);
  private int peeked = -2;
  private long line = 1;
  private boolean started;
  private boolean done;
  private long elementLine;

  JsonArrayReader(Reader in) {
    this.in = in;
  }

  /** The line the last element read begins on. */
  long elementLine() {
    return elementLine;
  }

  /** True if another element follows. */
  boolean hasNext() throws IOException {
    if (done) {
      return false;
    }
    if (!started) {
      skipSpace();
      expect('[');
      started = true;
      skipSpace();
      if (peek() == ']') {
        read();
        done = true;
        return false;
      }
      return true;
    }
    skipSpace();
    int c = read();
    if (c == ']') {
      done = true;
      return false;
    }
    if (c != ',') {
      throw error(c, "',' or ']'");
    }
    return true;
  }

  /** The next element. */
  @Nullable Object next() throws IOException {
    skipSpace();
    elementLine = line;
    return value();
  }

  private @Nullable Object value() throws IOException {
    skipSpace();
    int c = peek();
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        literal("true");
        return Boolean.TRUE;
      case 'f':
        literal("false");
        return Boolean.FALSE;
      case 'n':
        literal("null");
        return null;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error(c, "a value");
    }
  }

  private Map<String, Object> object() throws IOException {
    expect('{');
    Map<String, Object> m = new LinkedHashMap<>();
    skipSpace();
    if (peek() == '}') {
      read();
      return m;
    }
    while (true) {
      skipSpace();
      String key = string();
      skipSpace();
      expect(':');
      m.put(key, value());
      skipSpace();
      int c = read();
      if (c == '}') {
        return m;
      }
      if (c != ',') {
        throw error(c, "',' or '}'");
      }
    }
  }

  private List<Object> array() throws IOException {
    expect('[');
    List<Object> list = new ArrayList<>();
    skipSpace();
    if (peek() == ']') {
      read();
      return list;
    }
    while (true) {
      list.add(value());
      skipSpace();
      int c = read();
      if (c == ']') {
        return list;
      }
      if (c != ',') {
        throw error(c, "',' or ']'");
      }
    }
  }

  private String string() throws IOException {
    expect('"');
    StringBuilder sb = text;
    sb.setLength(0);
    while (true) {
      int c = read();
      if (c == -1) {
        throw new SyntaxError(line, "the file ends inside a string");
      }
      if (c == '"') {
        return sb.toString();
      }
      if (c == '\\') {
        int e = read();
        switch (e) {
          case '"', '\\', '/' -> sb.append((char) e);
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 't' -> sb.append('\t');
          case 'u' -> {
            int v = 0;
            for (int i = 0; i < 4; i++) {
              int h = Character.digit(read(), 16);
              if (h < 0) {
                throw new SyntaxError(line, "bad \\u escape");
              }
              v = v * 16 + h;
            }
            sb.append((char) v);
          }
          default -> throw error(e, "an escape");
        }
      } else {
        sb.append((char) c);
      }
    }
  }

  private Object number() throws IOException {
    StringBuilder sb = new StringBuilder();
    while (true) {
      int c = peek();
      if (c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E' || (c >= '0' && c <= '9')) {
        sb.append((char) read());
      } else {
        break;
      }
    }
    String s = sb.toString();
    try {
      if (s.contains(".") || s.contains("e") || s.contains("E")) {
        return Double.valueOf(s);
      }
      return Long.valueOf(s);
    } catch (NumberFormatException e) {
      throw new SyntaxError(line, "bad number " + s);
    }
  }

  private void literal(String word) throws IOException {
    for (int i = 0; i < word.length(); i++) {
      int c = read();
      if (c != word.charAt(i)) {
        throw error(c, "\"" + word + "\"");
      }
    }
  }

  private void expect(char want) throws IOException {
    int c = read();
    if (c != want) {
      throw error(c, "'" + want + "'");
    }
  }

  private SyntaxError error(int c, String wanted) {
    return new SyntaxError(line, "expected " + wanted + ", found "
        + (c == -1 ? "the end of the file" : "'" + (char) c + "'"));
  }

  private void skipSpace() throws IOException {
    while (true) {
      int c = peek();
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        read();
      } else {
        return;
      }
    }
  }

  private int peek() throws IOException {
    if (peeked == -2) {
      if (next == end) {
        end = in.read(buffer, 0, buffer.length);
        next = 0;
        if (end <= 0) {
          end = 0;
          return peeked = -1;
        }
      }
      peeked = buffer[next++];
    }
    return peeked;
  }

  private int read() throws IOException {
    int c = peek();
    peeked = -2;
    if (c == '\n') {
      line++;
    }
    return c;
  }
}
