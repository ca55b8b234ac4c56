package io.sitrep.server.demo;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.sitrep.api.v1.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Sitrep's demo data set: a week in Baghdad, 20–27 December 2020, encoded by hand.
 *
 * <p>The episode is the Christmas 2020 standoff between Asaib Ahl al-Haq (AAH) and the government of
 * Prime Minister Mustafa al-Kadhimi after the arrest of AAH missile commander Hossam al-Azirjawi for the
 * 20 December rocket attack on Baghdad's Green Zone. It comes from Joel Wing's blog post "Iraq's PM
 * Kazemi Might Finally Be Standing Up To Pro-Iran Groups" (Musings on Iraq, 27 Dec 2020), which pieces
 * the week together from some 35 reports by 17 publishers. Every cited item is a report, with what it
 * quotes; actors carry their aliases and time-bounded relations; events carry their honest time
 * precision; and every assertion and denial is a claim, including the contradictory ones side by side:
 * who held the detainee on 26 December (the Hashd, the security forces, or nobody), whether AAH paraded
 * in Baghdad on 25 December, and what AAH threatened to storm.
 *
 * <p>The data lives in the class-path resource {@value #RESOURCE}, in the protobuf JSON mapping of
 * {@code sitrep.v1.Dataset}. Its {@code description} states the proposition conventions and the
 * attribute vocabulary.
 */
public final class DemoDataset {

  /** Class-path location of the data set. */
  public static final String RESOURCE = "/io/sitrep/server/demo/baghdad-2020-12.json";

  private DemoDataset() {}

  /**
   * Parses the demo data set from the class path.
   *
   * @return the data set, freshly parsed on every call
   * @throws IllegalStateException if the resource is missing or is not a valid {@code Dataset}
   */
  public static Dataset load() {
    try (InputStream in = DemoDataset.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Demo data set not found on the class path: " + RESOURCE);
      }
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Dataset.Builder builder = Dataset.newBuilder();
      JsonFormat.parser().merge(json, builder);
      return builder.build();
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(
          "Demo data set " + RESOURCE + " is not a valid sitrep.v1.Dataset in protobuf JSON: "
              + e.getMessage(),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read demo data set " + RESOURCE, e);
    }
  }
}
