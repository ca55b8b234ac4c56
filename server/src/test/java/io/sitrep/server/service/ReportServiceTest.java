package io.sitrep.server.service;

import static io.sitrep.server.testing.SeedEpisode.DENIAL_REPORT;
import static io.sitrep.server.testing.SeedEpisode.HABIB;
import static io.sitrep.server.testing.SeedEpisode.HANDOVER_REPORT;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.sitrep.api.v1.CreateReportRequest;
import io.sitrep.api.v1.DeleteReportRequest;
import io.sitrep.api.v1.GetReportRequest;
import io.sitrep.api.v1.ListReportsRequest;
import io.sitrep.api.v1.Report;
import io.sitrep.api.v1.TimeSpan;
import io.sitrep.api.v1.UpdateReportRequest;
import io.sitrep.server.testing.InProcessSitrep;
import io.sitrep.server.testing.Refusal;
import io.sitrep.server.testing.SeedEpisode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReportServiceTest {
  @RegisterExtension final InProcessSitrep sitrep = InProcessSitrep.overAnEmptyStore();

  /** The episode without its reports and what cites them. */
  private void givenTheSourcesAndActors() {
    sitrep.load(SeedEpisode.dataset().toBuilder().clearReports().clearEvents().clearClaims()
        .removeActors(2).build());
  }

  private Report createHandoverReport() {
    return sitrep.reports().createReport(CreateReportRequest.newBuilder()
        .setReport(SeedEpisode.handoverReport()).setReportId("habib-2020-12-26-handed-to-hashd").build());
  }

  @Test
  void habibsTweetOfTheLeakedDocumentIsStoredWithItsQuotation() {
    givenTheSourcesAndActors();

    Report created = createHandoverReport();

    assertThat(created.getName()).isEqualTo(HANDOVER_REPORT);
    assertThat(created.toBuilder().clearEtag().clearCreateTime().clearUpdateTime().build())
        .isEqualTo(SeedEpisode.handoverReport());
    assertThat(sitrep.reports().getReport(GetReportRequest.newBuilder().setName(HANDOVER_REPORT).build()))
        .isEqualTo(created);
  }

  @Test
  void aReportBySourceNobodyStoredIsRefusedNamingReportSource() {
    Refusal refusal = Refusal.of(this::createHandoverReport);

    assertThat(refusal.code()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(refusal.reason()).isEqualTo("REFERENCED_RESOURCE_NOT_FOUND");
    assertThat(refusal.fields()).containsExactly("report.source");
    assertThat(refusal.resourceInfo().getResourceName()).isEqualTo(HABIB);
    assertThat(sitrep.snapshot()).isEmpty();
  }

  @Test
  void anEmptyCreateIsRefusedNamingReport() {
    Refusal refusal = Refusal.of(() -> sitrep.reports().createReport(CreateReportRequest.getDefaultInstance()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("report");
  }

  @Test
  void aReportWithoutPublishTimeOrSourceIsRefusedNamingBoth() {
    Refusal refusal = Refusal.of(() -> sitrep.reports().createReport(CreateReportRequest.newBuilder()
        .setReport(Report.newBuilder().setTitle("untitled")).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactlyInAnyOrder("report.source", "report.publish_time");
  }

  @Test
  void aPublishTimeThatEndsBeforeItStartsIsRefusedNamingTheNestedField() {
    givenTheSourcesAndActors();
    TimeSpan backwards = SeedEpisode.day(26, "").toBuilder().setEndTime(SeedEpisode.at("2020-12-01T00:00:00Z"))
        .build();

    Refusal refusal = Refusal.of(() -> sitrep.reports().createReport(CreateReportRequest.newBuilder()
        .setReport(SeedEpisode.handoverReport().toBuilder().setPublishTime(backwards)).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("report.publish_time.end_time");
  }

  @Test
  void aQuotationOfAReportWithoutTheReportIsRefusedNamingTheQuotation() {
    givenTheSourcesAndActors();

    Refusal refusal = Refusal.of(() -> sitrep.reports().createReport(CreateReportRequest.newBuilder()
        .setReport(SeedEpisode.denialReport().toBuilder()
            .setQuotations(0, SeedEpisode.denialReport().getQuotations(0).toBuilder().clearReport()))
        .build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("report.quotations[0].report");
  }

  @Test
  void gettingAReportNobodyStoredIsNotFound() {
    Refusal refusal = Refusal.of(() -> sitrep.reports().getReport(GetReportRequest.newBuilder()
        .setName(HANDOVER_REPORT).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(refusal.resourceInfo().getResourceType()).isEqualTo("sitrep.io/Report");
  }

  @Test
  void gettingAReportWithAMalformedNameIsRefusedNamingName() {
    Refusal refusal = Refusal.of(() -> sitrep.reports().getReport(GetReportRequest.newBuilder()
        .setName("Habib's tweet").build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("name");
  }

  @Test
  void listingBySourceReturnsOnlyTheInteriorMinistrysDenial() {
    sitrep.load(SeedEpisode.dataset());

    var page = sitrep.reports().listReports(ListReportsRequest.newBuilder()
        .setFilter("source = \"sources/interior-ministry\"").build());

    assertThat(page.getReportsList()).extracting(Report::getName).containsExactly(DENIAL_REPORT);
  }

  @Test
  void aFilterOnAnUnknownFieldIsRefusedNamingFilter() {
    Refusal refusal = Refusal.of(() -> sitrep.reports().listReports(ListReportsRequest.newBuilder()
        .setFilter("publisher = x").build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("filter");
  }

  @Test
  void retitlingAReportKeepsItsQuotations() {
    givenTheSourcesAndActors();
    Report created = createHandoverReport();

    Report updated = sitrep.reports().updateReport(UpdateReportRequest.newBuilder()
        .setReport(Report.newBuilder().setName(HANDOVER_REPORT).setTitle("Leaked document: AAH member released"))
        .setUpdateMask(FieldMask.newBuilder().addPaths("title")).build());

    assertThat(updated.getTitle()).isEqualTo("Leaked document: AAH member released");
    assertThat(updated.getQuotationsList()).isEqualTo(created.getQuotationsList());
  }

  @Test
  void changingOnlyThePrecisionOfThePublishTimeWorksThroughANestedMaskPath() {
    givenTheSourcesAndActors();
    Report created = createHandoverReport();

    Report updated = sitrep.reports().updateReport(UpdateReportRequest.newBuilder()
        .setReport(Report.newBuilder().setName(HANDOVER_REPORT).setPublishTime(TimeSpan.newBuilder()
            .setPrecision(io.sitrep.api.v1.TimePrecision.TIME_PRECISION_HOUR)))
        .setUpdateMask(FieldMask.newBuilder().addPaths("publish_time.precision")).build());

    assertThat(updated.getPublishTime().getPrecision()).isEqualTo(io.sitrep.api.v1.TimePrecision.TIME_PRECISION_HOUR);
    assertThat(updated.getPublishTime().getStartTime()).isEqualTo(created.getPublishTime().getStartTime());
  }

  @Test
  void movingAReportToASourceNobodyStoredIsRefusedAndChangesNothing() {
    givenTheSourcesAndActors();
    createHandoverReport();
    Map<String, String> before = sitrep.snapshot();

    Refusal refusal = Refusal.of(() -> sitrep.reports().updateReport(UpdateReportRequest.newBuilder()
        .setReport(Report.newBuilder().setName(HANDOVER_REPORT).setSource("sources/al-hurra"))
        .setUpdateMask(FieldMask.newBuilder().addPaths("source")).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(refusal.fields()).containsExactly("report.source");
    assertThat(sitrep.snapshot()).isEqualTo(before);
  }

  @Test
  void anUpdateWithAStaleEtagIsAborted() {
    givenTheSourcesAndActors();
    Report created = createHandoverReport();
    sitrep.reports().updateReport(UpdateReportRequest.newBuilder()
        .setReport(Report.newBuilder().setName(HANDOVER_REPORT).setLanguage("ar"))
        .setUpdateMask(FieldMask.newBuilder().addPaths("language")).build());
    Map<String, String> before = sitrep.snapshot();

    Refusal refusal = Refusal.of(() -> sitrep.reports().updateReport(UpdateReportRequest.newBuilder()
        .setReport(Report.newBuilder().setName(HANDOVER_REPORT).setLanguage("en").setEtag(created.getEtag()))
        .setUpdateMask(FieldMask.newBuilder().addPaths("language")).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.ABORTED);
    assertThat(sitrep.snapshot()).isEqualTo(before);
  }

  @Test
  void deletingAReportNoOneCitesRemovesIt() {
    givenTheSourcesAndActors();
    Report created = createHandoverReport();

    sitrep.reports().deleteReport(DeleteReportRequest.newBuilder()
        .setName(HANDOVER_REPORT).setEtag(created.getEtag()).build());

    assertThat(sitrep.snapshot()).doesNotContainKey(HANDOVER_REPORT);
  }

  @Test
  void deletingTheHandoverReportThatClaimsCiteIsRefused() {
    sitrep.load(SeedEpisode.dataset());
    Map<String, String> before = sitrep.snapshot();

    Refusal refusal = Refusal.of(() -> sitrep.reports().deleteReport(DeleteReportRequest.newBuilder()
        .setName(HANDOVER_REPORT).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(refusal.reason()).isEqualTo("RESOURCE_IN_USE");
    assertThat(sitrep.snapshot()).isEqualTo(before);
  }
}
