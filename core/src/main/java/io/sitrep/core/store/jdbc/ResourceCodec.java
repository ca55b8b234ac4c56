package io.sitrep.core.store.jdbc;

import com.google.common.collect.ImmutableList;
import io.sitrep.core.model.Actor;
import io.sitrep.core.model.ActorKind;
import io.sitrep.core.model.ActorRelation;
import io.sitrep.core.model.Attribution;
import io.sitrep.core.model.Claim;
import io.sitrep.core.model.Coordinates;
import io.sitrep.core.model.CountRange;
import io.sitrep.core.model.Event;
import io.sitrep.core.model.EventLink;
import io.sitrep.core.model.EventLinkKind;
import io.sitrep.core.model.EventType;
import io.sitrep.core.model.GeoPrecision;
import io.sitrep.core.model.Participant;
import io.sitrep.core.model.ParticipantRole;
import io.sitrep.core.model.Place;
import io.sitrep.core.model.Proposition;
import io.sitrep.core.model.Quotation;
import io.sitrep.core.model.QuotationKind;
import io.sitrep.core.model.RelationKind;
import io.sitrep.core.model.Reliability;
import io.sitrep.core.model.Report;
import io.sitrep.core.model.Resource;
import io.sitrep.core.model.Source;
import io.sitrep.core.model.SourceAffiliation;
import io.sitrep.core.model.SourceKind;
import io.sitrep.core.model.Stance;
import io.sitrep.core.model.TimePrecision;
import io.sitrep.core.model.TimeSpan;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The stored form of a resource: a compact binary encoding of the core records.
 *
 * <p>Layout: a format byte ({@link #FORMAT}), a kind byte (S, R, A, E, C), then the record's
 * components in declaration order. Strings are a varint byte length and UTF-8; lists a varint
 * count and their items; enums their name (so reordering an enum cannot change stored meaning);
 * optional values a presence byte; instants a zigzag varint of epoch seconds and a varint of
 * nanos; doubles 8 bytes big-endian. A new record component means a new format byte, with the
 * decoder of every older format kept.
 */
final class ResourceCodec {
  static final byte FORMAT = 1;

  private ResourceCodec() {}

  static byte[] encode(Resource resource) {
    Out out = new Out();
    out.b(FORMAT);
    if (resource instanceof Source s) {
      out.b('S');
      out.s(s.name()).s(s.displayName()).e(s.kind()).s(s.handle()).s(s.uri()).s(s.countryCode());
      out.v(s.languages().size());
      s.languages().forEach(out::s);
      out.v(s.affiliations().size());
      s.affiliations().forEach(a -> out.s(a.actor()).s(a.description()));
      out.oe(s.reliability()).s(s.description());
    } else if (resource instanceof Report r) {
      out.b('R');
      out.s(r.name()).s(r.source()).span(r.publishTime()).s(r.title()).s(r.uri()).s(r.language()).s(r.excerpt());
      out.v(r.quotations().size());
      r.quotations().forEach(q -> out.e(q.kind()).s(q.report()).s(q.source()).s(q.description()));
    } else if (resource instanceof Actor a) {
      out.b('A');
      out.s(a.name()).s(a.displayName()).e(a.kind());
      out.v(a.aliases().size());
      a.aliases().forEach(out::s);
      out.s(a.countryCode()).s(a.description());
      out.v(a.relations().size());
      for (ActorRelation rel : a.relations()) {
        out.e(rel.kind()).s(rel.object()).optSpan(rel.validTime());
        out.v(rel.reports().size());
        rel.reports().forEach(out::s);
        out.s(rel.description());
      }
    } else if (resource instanceof Event e) {
      out.b('E');
      out.s(e.name()).e(e.type()).s(e.mode()).s(e.summary()).s(e.description()).span(e.time());
      Place p = e.place();
      out.bool(p != null);
      if (p != null) {
        out.s(p.name()).s(p.admin2()).s(p.admin1()).s(p.countryCode());
        Coordinates c = p.coordinates();
        out.bool(c != null);
        if (c != null) {
          out.d(c.latitude()).d(c.longitude());
        }
        out.oe(p.precision());
      }
      out.v(e.participants().size());
      e.participants().forEach(pt -> out.s(pt.actor()).e(pt.role()));
      out.range(e.fatalities()).range(e.injuries());
      out.v(e.links().size());
      e.links().forEach(l -> out.e(l.kind()).s(l.event()));
      out.v(e.reports().size());
      e.reports().forEach(out::s);
    } else if (resource instanceof Claim c) {
      out.b('C');
      out.s(c.name()).s(c.report()).e(c.stance()).oe(c.attribution()).s(c.attributedTo()).s(c.event());
      Proposition p = c.proposition();
      out.bool(p != null);
      if (p != null) {
        out.s(p.subject()).s(p.attribute()).s(p.value()).optSpan(p.validTime());
      }
      out.s(c.text());
    } else {
      throw new AssertionError("every Resource has a codec: " + resource.getClass());
    }
    return out.bytes();
  }

  static Resource decode(byte[] bytes) {
    In in = new In(bytes);
    int format = in.b();
    if (format != FORMAT) {
      throw new IllegalStateException("stored payload has format " + format + "; this build reads " + FORMAT);
    }
    int kind = in.b();
    Resource r = switch (kind) {
      case 'S' -> new Source(in.s(), in.s(), in.e(SourceKind::valueOf), in.s(), in.s(), in.s(),
          in.list(In::s), in.list(i -> new SourceAffiliation(i.s(), i.s())), in.oe(Reliability::valueOf), in.s());
      case 'R' -> new Report(in.s(), in.s(), in.span(), in.s(), in.s(), in.s(), in.s(),
          in.list(i -> new Quotation(i.e(QuotationKind::valueOf), i.s(), i.s(), i.s())));
      case 'A' -> new Actor(in.s(), in.s(), in.e(ActorKind::valueOf), in.list(In::s), in.s(), in.s(),
          in.list(i -> new ActorRelation(i.e(RelationKind::valueOf), i.s(), i.optSpan(), i.list(In::s), i.s())));
      case 'E' -> new Event(in.s(), in.e(EventType::valueOf), in.s(), in.s(), in.s(), in.span(),
          in.bool() ? new Place(in.s(), in.s(), in.s(), in.s(),
              in.bool() ? new Coordinates(in.d(), in.d()) : null, in.oe(GeoPrecision::valueOf)) : null,
          in.list(i -> new Participant(i.s(), i.e(ParticipantRole::valueOf))), in.range(), in.range(),
          in.list(i -> new EventLink(i.e(EventLinkKind::valueOf), i.s())), in.list(In::s));
      case 'C' -> new Claim(in.s(), in.s(), in.e(Stance::valueOf), in.oe(Attribution::valueOf), in.s(), in.s(),
          in.bool() ? new Proposition(in.s(), in.s(), in.s(), in.optSpan()) : null, in.s());
      default -> throw new IllegalStateException("stored payload has unknown kind " + kind);
    };
    if (!in.atEnd()) {
      throw new IllegalStateException("stored payload of " + r.name() + " has trailing bytes");
    }
    return r;
  }

  /** A growable buffer with the writers the layout needs. Java evaluates arguments left to right. */
  private static final class Out {
    private byte[] buf = new byte[256];
    private int n;

    private void ensure(int more) {
      if (n + more > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
      }
    }

    Out b(int v) {
      ensure(1);
      buf[n++] = (byte) v;
      return this;
    }

    Out bool(boolean v) {
      return b(v ? 1 : 0);
    }

    Out v(long v) {
      ensure(10);
      while ((v & ~0x7FL) != 0) {
        buf[n++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buf[n++] = (byte) v;
      return this;
    }

    Out s(String s) {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      v(utf8.length);
      ensure(utf8.length);
      System.arraycopy(utf8, 0, buf, n, utf8.length);
      n += utf8.length;
      return this;
    }

    Out e(Enum<?> e) {
      return s(e.name());
    }

    Out oe(@Nullable Enum<?> e) {
      bool(e != null);
      return e == null ? this : e(e);
    }

    Out d(double d) {
      long bits = Double.doubleToRawLongBits(d);
      ensure(8);
      for (int shift = 56; shift >= 0; shift -= 8) {
        buf[n++] = (byte) (bits >>> shift);
      }
      return this;
    }

    Out oi(@Nullable Integer i) {
      bool(i != null);
      return i == null ? this : v(i & 0xFFFFFFFFL);
    }

    Out instant(Instant t) {
      long s = t.getEpochSecond();
      return v((s << 1) ^ (s >> 63)).v(t.getNano());
    }

    Out span(TimeSpan t) {
      return instant(t.start()).instant(t.end()).e(t.precision()).s(t.originalText());
    }

    Out optSpan(@Nullable TimeSpan t) {
      bool(t != null);
      return t == null ? this : span(t);
    }

    Out range(CountRange r) {
      return oi(r.low()).oi(r.best()).oi(r.high());
    }

    byte[] bytes() {
      return Arrays.copyOf(buf, n);
    }
  }

  private static final class In {
    private final byte[] buf;
    private int i;

    In(byte[] buf) {
      this.buf = buf;
    }

    boolean atEnd() {
      return i == buf.length;
    }

    int b() {
      if (i >= buf.length) {
        throw new IllegalStateException("stored payload is truncated");
      }
      return buf[i++];
    }

    boolean bool() {
      return b() != 0;
    }

    long v() {
      long v = 0;
      for (int shift = 0; ; shift += 7) {
        int b = b();
        v |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return v;
        }
      }
    }

    String s() {
      int len = (int) v();
      if (len < 0 || i + len > buf.length) {
        throw new IllegalStateException("stored payload is truncated");
      }
      String s = new String(buf, i, len, StandardCharsets.UTF_8);
      i += len;
      return s;
    }

    <E extends Enum<E>> E e(Function<String, E> valueOf) {
      return valueOf.apply(s());
    }

    <E extends Enum<E>> @Nullable E oe(Function<String, E> valueOf) {
      return bool() ? e(valueOf) : null;
    }

    double d() {
      long bits = 0;
      for (int k = 0; k < 8; k++) {
        bits = (bits << 8) | (b() & 0xFF);
      }
      return Double.longBitsToDouble(bits);
    }

    @Nullable Integer oi() {
      return bool() ? (int) v() : null;
    }

    Instant instant() {
      long z = v();
      long s = (z >>> 1) ^ -(z & 1);
      return Instant.ofEpochSecond(s, v());
    }

    TimeSpan span() {
      return new TimeSpan(instant(), instant(), e(TimePrecision::valueOf), s());
    }

    @Nullable TimeSpan optSpan() {
      return bool() ? span() : null;
    }

    CountRange range() {
      return new CountRange(oi(), oi(), oi());
    }

    <T> ImmutableList<T> list(Function<In, T> item) {
      int count = (int) v();
      ImmutableList.Builder<T> out = ImmutableList.builderWithExpectedSize(count);
      for (int k = 0; k < count; k++) {
        out.add(item.apply(this));
      }
      return out.build();
    }
  }
}
