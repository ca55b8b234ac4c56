package io.sitrep.core.ach.jdbc;

import io.sitrep.core.ach.AchMatrix;
import io.sitrep.core.ach.Consistency;
import io.sitrep.core.ach.Evidence;
import io.sitrep.core.ach.Hypothesis;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of an {@link AchMatrix}: a version byte, then big-endian fields.
 *
 * <pre>
 * version 1:
 *   u8     1
 *   string question
 *   u32 n, n × (string id, string statement)                                    hypotheses, in order
 *   u32 n, n × (string claim, string description, f64 credibility, f64 relevance) evidence, in order
 *   u32 n, n × (string claim, string hypothesis, string consistency)            rated cells
 * string = u32 byte length, UTF-8 bytes; consistency by its enum name, so that reordering the enum
 * never changes a stored rating.
 * </pre>
 * A new field means a new version byte; decoding keeps reading every older version.
 */
final class AchMatrixCodec {
  static final int VERSION = 1;

  private AchMatrixCodec() {}

  static byte[] encode(AchMatrix m) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      writeString(out, m.question());
      out.writeInt(m.hypotheses().size());
      for (Hypothesis h : m.hypotheses()) {
        writeString(out, h.id());
        writeString(out, h.statement());
      }
      out.writeInt(m.evidence().size());
      for (Evidence e : m.evidence()) {
        writeString(out, e.claim());
        writeString(out, e.description());
        out.writeDouble(e.credibility());
        out.writeDouble(e.relevance());
      }
      out.writeInt(m.cells().size());
      for (var c : m.cells().cellSet()) {
        writeString(out, c.getRowKey());
        writeString(out, c.getColumnKey());
        writeString(out, c.getValue().name());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static AchMatrix decode(byte[] payload) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
      int version = in.readUnsignedByte();
      if (version != 1) {
        throw new IllegalStateException("unknown hypothesis matrix encoding version " + version);
      }
      AchMatrix.Builder b = AchMatrix.builder(readString(in));
      for (int i = in.readInt(); i > 0; i--) {
        b.hypothesis(readString(in), readString(in));
      }
      for (int i = in.readInt(); i > 0; i--) {
        b.evidence(readString(in), readString(in), in.readDouble(), in.readDouble());
      }
      List<String[]> cells = new ArrayList<>();
      for (int i = in.readInt(); i > 0; i--) {
        cells.add(new String[] {readString(in), readString(in), readString(in)});
      }
      for (String[] c : cells) {
        b.rate(c[0], c[1], Consistency.valueOf(c[2]));
      }
      if (in.read() != -1) {
        throw new IllegalStateException("trailing bytes after a hypothesis matrix");
      }
      return b.build();
    } catch (IOException e) {
      throw new IllegalStateException("a truncated hypothesis matrix payload", e);
    }
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new IOException("bad string length " + n);
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
