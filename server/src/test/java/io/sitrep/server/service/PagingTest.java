package io.sitrep.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.api.v1.Actor;
import io.sitrep.api.v1.Claim;
import io.sitrep.api.v1.Dataset;
import io.sitrep.api.v1.Event;
import io.sitrep.api.v1.ListActorsRequest;
import io.sitrep.api.v1.ListClaimsRequest;
import io.sitrep.api.v1.ListEventsRequest;
import io.sitrep.api.v1.ListReportsRequest;
import io.sitrep.api.v1.ListSourcesRequest;
import io.sitrep.api.v1.Report;
import io.sitrep.api.v1.Source;
import io.sitrep.server.demo.DemoDataset;
import io.sitrep.server.testing.InProcessSitrep;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Paging through each collection of the demo week, two at a time, sees everything exactly once. */
class PagingTest {
  private static final Dataset DEMO = DemoDataset.load();

  @RegisterExtension final InProcessSitrep sitrep = InProcessSitrep.overAnEmptyStore();

  /** One page: the names on it and the token of the next. */
  record Page(List<String> names, String next) {}

  @BeforeEach
  void givenTheDemoWeek() {
    sitrep.load(DEMO);
  }

  static Stream<Arguments> collections() {
    return Stream.of(
        Arguments.of("sources", names(DEMO.getSourcesList(), Source::getName),
            (BiFunction<InProcessSitrep, String, Page>) (s, token) -> {
              var r = s.sources().listSources(ListSourcesRequest.newBuilder().setPageSize(2).setPageToken(token).build());
              return new Page(names(r.getSourcesList(), Source::getName), r.getNextPageToken());
            }),
        Arguments.of("reports", names(DEMO.getReportsList(), Report::getName),
            (BiFunction<InProcessSitrep, String, Page>) (s, token) -> {
              var r = s.reports().listReports(ListReportsRequest.newBuilder().setPageSize(2).setPageToken(token).build());
              return new Page(names(r.getReportsList(), Report::getName), r.getNextPageToken());
            }),
        Arguments.of("actors", names(DEMO.getActorsList(), Actor::getName),
            (BiFunction<InProcessSitrep, String, Page>) (s, token) -> {
              var r = s.actors().listActors(ListActorsRequest.newBuilder().setPageSize(2).setPageToken(token).build());
              return new Page(names(r.getActorsList(), Actor::getName), r.getNextPageToken());
            }),
        Arguments.of("events", names(DEMO.getEventsList(), Event::getName),
            (BiFunction<InProcessSitrep, String, Page>) (s, token) -> {
              var r = s.events().listEvents(ListEventsRequest.newBuilder().setPageSize(2).setPageToken(token).build());
              return new Page(names(r.getEventsList(), Event::getName), r.getNextPageToken());
            }),
        Arguments.of("claims", names(DEMO.getClaimsList(), Claim::getName),
            (BiFunction<InProcessSitrep, String, Page>) (s, token) -> {
              var r = s.claims().listClaims(ListClaimsRequest.newBuilder().setPageSize(2).setPageToken(token).build());
              return new Page(names(r.getClaimsList(), Claim::getName), r.getNextPageToken());
            }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("collections")
  void pagesOfTwoReturnEveryResourceExactlyOnceInNameOrder(String collection, List<String> expected,
      BiFunction<InProcessSitrep, String, Page> list) {
    List<String> seen = new ArrayList<>();
    String token = "";
    int pages = 0;
    do {
      Page page = list.apply(sitrep, token);
      assertThat(page.names()).hasSizeLessThanOrEqualTo(2);
      seen.addAll(page.names());
      token = page.next();
      pages++;
    } while (!token.isEmpty());

    assertThat(seen).doesNotHaveDuplicates().containsExactlyElementsOf(expected.stream().sorted().toList());
    assertThat(pages).isBetween(expected.size() / 2, expected.size() / 2 + 1);
  }

  private static <T> List<String> names(List<T> items, Function<T, String> name) {
    return items.stream().map(name).toList();
  }
}
