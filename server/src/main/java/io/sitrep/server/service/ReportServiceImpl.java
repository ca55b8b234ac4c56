package io.sitrep.server.service;

import com.google.protobuf.Empty;
import io.grpc.stub.StreamObserver;
import io.sitrep.api.v1.CreateReportRequest;
import io.sitrep.api.v1.DeleteReportRequest;
import io.sitrep.api.v1.GetReportRequest;
import io.sitrep.api.v1.ListReportRevisionsRequest;
import io.sitrep.api.v1.ListReportRevisionsResponse;
import io.sitrep.api.v1.ListReportsRequest;
import io.sitrep.api.v1.ListReportsResponse;
import io.sitrep.api.v1.Report;
import io.sitrep.api.v1.ReportRevision;
import io.sitrep.api.v1.ReportServiceGrpc;
import io.sitrep.api.v1.UpdateReportRequest;
import io.sitrep.core.store.Page;
import io.sitrep.core.store.ResourceType;
import io.sitrep.core.store.SitrepStore;
import io.sitrep.server.mapping.ReportMapper;

/** {@code sitrep.v1.ReportService} over a store. */
public final class ReportServiceImpl extends ReportServiceGrpc.ReportServiceImplBase {
  private final ResourceMethods<Report, io.sitrep.core.model.Report> methods;

  public ReportServiceImpl(SitrepStore store) {
    this.methods = new ResourceMethods<>(store, ResourceType.REPORTS, Report.getDefaultInstance(),
        ReportMapper::toCore, ReportMapper::toProto);
  }

  @Override
  public void getReport(GetReportRequest request, StreamObserver<Report> responses) {
    Rpc.unary(responses, () -> methods.get(request.getName(), request.hasReadTime() ? request.getReadTime() : null));
  }

  @Override
  public void listReports(ListReportsRequest request, StreamObserver<ListReportsResponse> responses) {
    Rpc.unary(responses, () -> {
      Page<Report> page = methods.list(request.getPageSize(), request.getPageToken(), request.getFilter());
      return ListReportsResponse.newBuilder()
          .addAllReports(page.items())
          .setNextPageToken(page.nextPageToken())
          .build();
    });
  }

  @Override
  public void createReport(CreateReportRequest request, StreamObserver<Report> responses) {
    Rpc.unary(responses, () -> methods.create(request.hasReport() ? request.getReport() : null,
        request.getReportId(), request.getRequestId()));
  }

  @Override
  public void updateReport(UpdateReportRequest request, StreamObserver<Report> responses) {
    Rpc.unary(responses, () -> methods.update(request.hasReport() ? request.getReport() : null,
        request.hasUpdateMask() ? request.getUpdateMask() : null));
  }

  @Override
  public void deleteReport(DeleteReportRequest request, StreamObserver<Empty> responses) {
    Rpc.unary(responses, () -> {
      methods.delete(request.getName(), request.getEtag());
      return Empty.getDefaultInstance();
    });
  }

  @Override
  public void listReportRevisions(ListReportRevisionsRequest request,
      StreamObserver<ListReportRevisionsResponse> responses) {
    Rpc.unary(responses, () -> {
      Page<ResourceMethods.Revision<Report>> page =
          methods.revisions(request.getName(), request.getPageSize(), request.getPageToken());
      ListReportRevisionsResponse.Builder out = ListReportRevisionsResponse.newBuilder()
          .setNextPageToken(page.nextPageToken());
      for (ResourceMethods.Revision<Report> r : page.items()) {
        out.addReportRevisions(r.writeTo(ReportRevision.newBuilder()));
      }
      return out.build();
    });
  }
}
