package io.sitrep.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table: columns padded to their widest cell, long cells cut with "...". */
final class Table {
  private static final int MAX_CELL = 60;
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  Table(String... header) {
    this.header = List.of(header);
  }

  Table row(Object... cells) {
    List<String> r = new ArrayList<>();
    for (Object c : cells) {
      String s = c == null ? "" : String.valueOf(c).replace('\n', ' ');
      r.add(s.length() > MAX_CELL ? s.substring(0, MAX_CELL - 3) + "..." : s);
    }
    rows.add(r);
    return this;
  }

  int size() {
    return rows.size();
  }

  void print(PrintWriter out) {
    int[] width = new int[header.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = header.get(i).length();
      for (List<String> r : rows) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    line(out, header, width);
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < width.length; i++) {
      rule.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
    }
    out.println(rule);
    for (List<String> r : rows) {
      line(out, r, width);
    }
    out.flush();
  }

  private static void line(PrintWriter out, List<String> cells, int[] width) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append("  ");
      }
      sb.append(i == cells.size() - 1 ? cells.get(i) : String.format("%-" + width[i] + "s", cells.get(i)));
    }
    out.println(sb.toString().stripTrailing());
  }
}
