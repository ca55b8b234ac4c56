package io.sitrep.server.service;

import static io.sitrep.server.testing.SeedEpisode.HABIB;
import static io.sitrep.server.testing.SeedEpisode.INTERIOR_MINISTRY;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.sitrep.api.v1.CreateActorRequest;
import io.sitrep.api.v1.CreateSourceRequest;
import io.sitrep.api.v1.DeleteSourceRequest;
import io.sitrep.api.v1.GetSourceRequest;
import io.sitrep.api.v1.ListSourcesRequest;
import io.sitrep.api.v1.ListSourcesResponse;
import io.sitrep.api.v1.Reliability;
import io.sitrep.api.v1.Source;
import io.sitrep.api.v1.SourceKind;
import io.sitrep.api.v1.UpdateSourceRequest;
import io.sitrep.server.testing.InProcessSitrep;
import io.sitrep.server.testing.Refusal;
import io.sitrep.server.testing.SeedEpisode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SourceServiceTest {
  @RegisterExtension final InProcessSitrep sitrep = InProcessSitrep.overAnEmptyStore();

  private Source createHabib() {
    sitrep.actors().createActor(CreateActorRequest.newBuilder()
        .setActor(SeedEpisode.interiorMinistry()).setActorId("interior-ministry").build());
    return sitrep.sources().createSource(CreateSourceRequest.newBuilder()
        .setSource(SeedEpisode.mustafaHabib()).setSourceId("mustafa-habib").build());
  }

  // --- Create ---

  @Test
  void mustafaHabibIsCreatedUnderTheIdHeGaveWithEveryFieldKept() {
    Source created = createHabib();

    assertThat(created.getName()).isEqualTo(HABIB);
    assertThat(created.getEtag()).isNotEmpty();
    assertThat(created.hasCreateTime()).isTrue();
    assertThat(created.getUpdateTime()).isEqualTo(created.getCreateTime());
    assertThat(created.toBuilder().clearEtag().clearCreateTime().clearUpdateTime().build())
        .isEqualTo(SeedEpisode.mustafaHabib());
    assertThat(sitrep.sources().getSource(GetSourceRequest.newBuilder().setName(HABIB).build()))
        .isEqualTo(created);
  }

  @Test
  void aSourceCreatedWithoutAnIdGetsAGeneratedLowerCaseOne() {
    Source created = sitrep.sources().createSource(CreateSourceRequest.newBuilder()
        .setSource(SeedEpisode.interiorMinistrySource().toBuilder().setName("")).build());

    assertThat(created.getName()).matches("sources/[a-z2-7]{12}");
  }

  @Test
  void theNameInsideACreatedSourceIsIgnoredInFavourOfTheId() {
    Source created = sitrep.sources().createSource(CreateSourceRequest.newBuilder()
        .setSource(SeedEpisode.interiorMinistrySource().toBuilder().setName("sources/something-else"))
        .setSourceId("iraqi-interior-ministry").build());

    assertThat(created.getName()).isEqualTo("sources/iraqi-interior-ministry");
  }

  @Test
  void anEmptyCreateIsRefusedNamingTheMissingSource() {
    Refusal refusal = Refusal.of(() -> sitrep.sources().createSource(CreateSourceRequest.getDefaultInstance()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("source");
    assertThat(refusal.reason()).isEqualTo("INVALID_FIELD");
    assertThat(refusal.errorInfo().getDomain()).isEqualTo("sitrep.io");
    assertThat(sitrep.snapshot()).isEmpty();
  }

  @Test
  void aSourceWithNeitherDisplayNameNorKindIsRefusedNamingBoth() {
    Refusal refusal = Refusal.of(() -> sitrep.sources().createSource(CreateSourceRequest.newBuilder()
        .setSource(Source.newBuilder().setHandle("@anon")).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactlyInAnyOrder("source.display_name", "source.kind");
    assertThat(sitrep.snapshot()).isEmpty();
  }

  @Test
  void anUnknownKindNumberFromANewerClientIsRefusedNamingKind() {
    Refusal refusal = Refusal.of(() -> sitrep.sources().createSource(CreateSourceRequest.newBuilder()
        .setSource(SeedEpisode.interiorMinistrySource().toBuilder().setKindValue(99)).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("source.kind");
  }

  @Test
  void anIdWithCapitalsAndSpacesIsRefusedNamingSourceId() {
    Refusal refusal = Refusal.of(() -> sitrep.sources().createSource(CreateSourceRequest.newBuilder()
        .setSource(SeedEpisode.interiorMinistrySource()).setSourceId("Interior Ministry").build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("source_id");
    assertThat(sitrep.snapshot()).isEmpty();
  }

  @Test
  void creatingTheInteriorMinistryTwiceIsRefusedAsAlreadyExisting() {
    CreateSourceRequest request = CreateSourceRequest.newBuilder()
        .setSource(SeedEpisode.interiorMinistrySource()).setSourceId("interior-ministry").build();
    sitrep.sources().createSource(request);
    Map<String, String> before = sitrep.snapshot();

    Refusal refusal = Refusal.of(() -> sitrep.sources().createSource(request));

    assertThat(refusal.code()).isEqualTo(Status.Code.ALREADY_EXISTS);
    assertThat(refusal.reason()).isEqualTo("RESOURCE_ALREADY_EXISTS");
    assertThat(refusal.resourceInfo().getResourceName()).isEqualTo("sources/interior-ministry");
    assertThat(refusal.resourceInfo().getResourceType()).isEqualTo("sitrep.io/Source");
    assertThat(sitrep.snapshot()).isEqualTo(before);
  }

  @Test
  void aRetriedCreateWithTheSameRequestIdReturnsTheFirstSourceAndStoresNothingMore() {
    CreateSourceRequest request = CreateSourceRequest.newBuilder()
        .setSource(SeedEpisode.interiorMinistrySource().toBuilder().setName("")).setRequestId("retry-1").build();
    Source first = sitrep.sources().createSource(request);

    Source second = sitrep.sources().createSource(request);

    assertThat(second).isEqualTo(first);
    assertThat(sitrep.snapshot()).hasSize(1);
  }

  @Test
  void aSourceAffiliatedWithAnActorNobodyStoredIsRefusedNamingTheAffiliation() {
    Refusal refusal = Refusal.of(() -> sitrep.sources().createSource(CreateSourceRequest.newBuilder()
        .setSource(SeedEpisode.mustafaHabib()).setSourceId("mustafa-habib").build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(refusal.reason()).isEqualTo("REFERENCED_RESOURCE_NOT_FOUND");
    assertThat(refusal.fields()).containsExactly("source.affiliations[0].actor");
    assertThat(refusal.resourceInfo().getResourceName()).isEqualTo(INTERIOR_MINISTRY);
    assertThat(sitrep.snapshot()).isEmpty();
  }

  // --- Get ---

  @Test
  void gettingASourceNobodyStoredIsNotFound() {
    Refusal refusal = Refusal.of(() -> sitrep.sources().getSource(GetSourceRequest.newBuilder()
        .setName("sources/al-hurra").build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(refusal.reason()).isEqualTo("RESOURCE_NOT_FOUND");
    assertThat(refusal.resourceInfo().getResourceName()).isEqualTo("sources/al-hurra");
  }

  @Test
  void gettingWithoutANameIsRefusedNamingName() {
    Refusal refusal = Refusal.of(() -> sitrep.sources().getSource(GetSourceRequest.getDefaultInstance()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("name");
  }

  @Test
  void gettingASourceByAReportNameIsRefusedNamingName() {
    Refusal refusal = Refusal.of(() -> sitrep.sources().getSource(GetSourceRequest.newBuilder()
        .setName("reports/habib-2020-12-26-handed-to-hashd").build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("name");
  }

  // --- List ---

  @Test
  void listingByKindReturnsOnlyTheOfficialBodies() {
    createHabib();
    sitrep.sources().createSource(CreateSourceRequest.newBuilder()
        .setSource(SeedEpisode.interiorMinistrySource()).setSourceId("interior-ministry").build());

    ListSourcesResponse page = sitrep.sources().listSources(ListSourcesRequest.newBuilder()
        .setFilter("kind = \"SOURCE_KIND_OFFICIAL_BODY\"").build());

    assertThat(page.getSourcesList()).extracting(Source::getName).containsExactly("sources/interior-ministry");
    assertThat(page.getNextPageToken()).isEmpty();
  }

  @Test
  void aNegativePageSizeIsRefusedNamingPageSize() {
    Refusal refusal = Refusal.of(() -> sitrep.sources().listSources(ListSourcesRequest.newBuilder()
        .setPageSize(-1).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("page_size");
  }

  @Test
  void aPageTokenThisServiceNeverIssuedIsRefusedNamingPageToken() {
    Refusal refusal = Refusal.of(() -> sitrep.sources().listSources(ListSourcesRequest.newBuilder()
        .setPageToken("not-a-token!").build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("page_token");
  }

  @Test
  void aPageTokenReplayedWithAnotherFilterIsRefusedNamingPageToken() {
    createHabib();
    sitrep.sources().createSource(CreateSourceRequest.newBuilder()
        .setSource(SeedEpisode.interiorMinistrySource()).setSourceId("interior-ministry").build());
    String token = sitrep.sources().listSources(ListSourcesRequest.newBuilder().setPageSize(1).build())
        .getNextPageToken();

    Refusal refusal = Refusal.of(() -> sitrep.sources().listSources(ListSourcesRequest.newBuilder()
        .setPageToken(token).setFilter("country_code = IQ").build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("page_token");
  }

  @Test
  void aFilterOnAFieldSourcesDoNotHaveIsRefusedNamingFilter() {
    Refusal refusal = Refusal.of(() -> sitrep.sources().listSources(ListSourcesRequest.newBuilder()
        .setFilter("stance = STANCE_DENIES").build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("filter");
    assertThat(refusal.message()).contains("kind");
  }

  // --- Update ---

  @Test
  void regradingHabibChangesOnlyHisReliability() {
    Source habib = createHabib();

    Source updated = sitrep.sources().updateSource(UpdateSourceRequest.newBuilder()
        .setSource(Source.newBuilder().setName(HABIB).setReliability(Reliability.RELIABILITY_D))
        .setUpdateMask(FieldMask.newBuilder().addPaths("reliability"))
        .build());

    assertThat(updated.getReliability()).isEqualTo(Reliability.RELIABILITY_D);
    assertThat(updated.getEtag()).isNotEqualTo(habib.getEtag());
    assertThat(updated.getCreateTime()).isEqualTo(habib.getCreateTime());
    assertThat(updated.toBuilder().clearEtag().clearUpdateTime().setReliability(habib.getReliability()).build())
        .isEqualTo(habib.toBuilder().clearEtag().clearUpdateTime().build());
  }

  @Test
  void anUpdateWithoutAMaskReplacesEveryWritableField() {
    createHabib();

    Source updated = sitrep.sources().updateSource(UpdateSourceRequest.newBuilder()
        .setSource(Source.newBuilder().setName(HABIB).setDisplayName("Mustafa Habib (journalist)")
            .setKind(SourceKind.SOURCE_KIND_ANALYST))
        .build());

    assertThat(updated.getDisplayName()).isEqualTo("Mustafa Habib (journalist)");
    assertThat(updated.getHandle()).isEmpty();
    assertThat(updated.getAffiliationsList()).isEmpty();
    assertThat(updated.getReliability()).isEqualTo(Reliability.RELIABILITY_UNSPECIFIED);
  }

  @Test
  void aStarMaskIsTheSameAsNoMask() {
    createHabib();

    Source updated = sitrep.sources().updateSource(UpdateSourceRequest.newBuilder()
        .setSource(Source.newBuilder().setName(HABIB).setDisplayName("M. Habib")
            .setKind(SourceKind.SOURCE_KIND_ANALYST))
        .setUpdateMask(FieldMask.newBuilder().addPaths("*"))
        .build());

    assertThat(updated.getHandle()).isEmpty();
    assertThat(updated.getKind()).isEqualTo(SourceKind.SOURCE_KIND_ANALYST);
  }

  @Test
  void outputOnlyFieldsInTheMaskAreIgnored() {
    Source habib = createHabib();

    Source updated = sitrep.sources().updateSource(UpdateSourceRequest.newBuilder()
        .setSource(Source.newBuilder().setName(HABIB).setDescription("new notes")
            .setCreateTime(SeedEpisode.at("1999-01-01T00:00:00Z")))
        .setUpdateMask(FieldMask.newBuilder().addPaths("description").addPaths("create_time").addPaths("etag"))
        .build());

    assertThat(updated.getDescription()).isEqualTo("new notes");
    assertThat(updated.getCreateTime()).isEqualTo(habib.getCreateTime());
  }

  @Test
  void aMaskNamingAFieldSourcesDoNotHaveIsRefusedNamingUpdateMaskAndChangesNothing() {
    createHabib();
    Map<String, String> before = sitrep.snapshot();

    Refusal refusal = Refusal.of(() -> sitrep.sources().updateSource(UpdateSourceRequest.newBuilder()
        .setSource(Source.newBuilder().setName(HABIB).setDisplayName("x"))
        .setUpdateMask(FieldMask.newBuilder().addPaths("display_name").addPaths("stance"))
        .build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("update_mask");
    assertThat(sitrep.snapshot()).isEqualTo(before);
  }

  @Test
  void blankingTheDisplayNameIsRefusedNamingSourceDisplayName() {
    createHabib();
    Map<String, String> before = sitrep.snapshot();

    Refusal refusal = Refusal.of(() -> sitrep.sources().updateSource(UpdateSourceRequest.newBuilder()
        .setSource(Source.newBuilder().setName(HABIB))
        .setUpdateMask(FieldMask.newBuilder().addPaths("display_name"))
        .build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("source.display_name");
    assertThat(sitrep.snapshot()).isEqualTo(before);
  }

  @Test
  void anUpdateCarryingAStaleEtagIsAbortedAndChangesNothing() {
    Source habib = createHabib();
    sitrep.sources().updateSource(UpdateSourceRequest.newBuilder()
        .setSource(Source.newBuilder().setName(HABIB).setDescription("first edit"))
        .setUpdateMask(FieldMask.newBuilder().addPaths("description")).build());
    Map<String, String> before = sitrep.snapshot();

    Refusal refusal = Refusal.of(() -> sitrep.sources().updateSource(UpdateSourceRequest.newBuilder()
        .setSource(Source.newBuilder().setName(HABIB).setDescription("second edit").setEtag(habib.getEtag()))
        .setUpdateMask(FieldMask.newBuilder().addPaths("description")).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.ABORTED);
    assertThat(refusal.reason()).isEqualTo("ETAG_MISMATCH");
    assertThat(sitrep.snapshot()).isEqualTo(before);
  }

  @Test
  void anUpdateCarryingTheCurrentEtagSucceeds() {
    Source habib = createHabib();

    Source updated = sitrep.sources().updateSource(UpdateSourceRequest.newBuilder()
        .setSource(Source.newBuilder().setName(HABIB).setDescription("checked").setEtag(habib.getEtag()))
        .setUpdateMask(FieldMask.newBuilder().addPaths("description")).build());

    assertThat(updated.getDescription()).isEqualTo("checked");
  }

  @Test
  void updatingASourceNobodyStoredIsNotFound() {
    Refusal refusal = Refusal.of(() -> sitrep.sources().updateSource(UpdateSourceRequest.newBuilder()
        .setSource(SeedEpisode.interiorMinistrySource()).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(sitrep.snapshot()).isEmpty();
  }

  @Test
  void anUpdateWithoutTheSourcesNameIsRefusedNamingSourceName() {
    Refusal refusal = Refusal.of(() -> sitrep.sources().updateSource(UpdateSourceRequest.newBuilder()
        .setSource(SeedEpisode.interiorMinistrySource().toBuilder().clearName()).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("source.name");
  }

  @Test
  void anEmptyUpdateIsRefusedNamingSource() {
    Refusal refusal = Refusal.of(() -> sitrep.sources().updateSource(UpdateSourceRequest.getDefaultInstance()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("source");
  }

  // --- Delete ---

  @Test
  void deletingASourceNoReportCitesRemovesIt() {
    sitrep.sources().createSource(CreateSourceRequest.newBuilder()
        .setSource(SeedEpisode.interiorMinistrySource()).setSourceId("interior-ministry").build());

    sitrep.sources().deleteSource(DeleteSourceRequest.newBuilder().setName("sources/interior-ministry").build());

    assertThat(sitrep.snapshot()).isEmpty();
    assertThat(Refusal.of(() -> sitrep.sources().getSource(GetSourceRequest.newBuilder()
        .setName("sources/interior-ministry").build())).code()).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void deletingASourceThatReportsCiteIsRefused() {
    sitrep.load(SeedEpisode.dataset());
    Map<String, String> before = sitrep.snapshot();

    Refusal refusal = Refusal.of(() -> sitrep.sources().deleteSource(DeleteSourceRequest.newBuilder()
        .setName(HABIB).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(refusal.reason()).isEqualTo("RESOURCE_IN_USE");
    assertThat(refusal.resourceInfo().getResourceName()).isEqualTo(HABIB);
    assertThat(sitrep.snapshot()).isEqualTo(before);
  }

  @Test
  void deletingWithAStaleEtagIsAbortedAndKeepsTheSource() {
    Source created = sitrep.sources().createSource(CreateSourceRequest.newBuilder()
        .setSource(SeedEpisode.interiorMinistrySource()).setSourceId("interior-ministry").build());
    sitrep.sources().updateSource(UpdateSourceRequest.newBuilder()
        .setSource(created.toBuilder().setDescription("edited").clearEtag()).build());
    Map<String, String> before = sitrep.snapshot();

    Refusal refusal = Refusal.of(() -> sitrep.sources().deleteSource(DeleteSourceRequest.newBuilder()
        .setName(created.getName()).setEtag(created.getEtag()).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.ABORTED);
    assertThat(sitrep.snapshot()).isEqualTo(before);
  }

  @Test
  void deletingASourceNobodyStoredIsNotFound() {
    Refusal refusal = Refusal.of(() -> sitrep.sources().deleteSource(DeleteSourceRequest.newBuilder()
        .setName("sources/al-hurra").build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void deletingWithAMalformedNameIsRefusedNamingName() {
    Refusal refusal = Refusal.of(() -> sitrep.sources().deleteSource(DeleteSourceRequest.newBuilder()
        .setName("sources/").build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("name");
  }
}
