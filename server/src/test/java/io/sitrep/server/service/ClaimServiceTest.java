package io.sitrep.server.service;

import static io.sitrep.server.testing.SeedEpisode.AZIRJAWI;
import static io.sitrep.server.testing.SeedEpisode.DENIAL_CLAIM;
import static io.sitrep.server.testing.SeedEpisode.HANDOVER_CLAIM;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.sitrep.api.v1.Claim;
import io.sitrep.api.v1.CreateClaimRequest;
import io.sitrep.api.v1.DeleteClaimRequest;
import io.sitrep.api.v1.GetClaimRequest;
import io.sitrep.api.v1.ListClaimsRequest;
import io.sitrep.api.v1.Stance;
import io.sitrep.api.v1.UpdateClaimRequest;
import io.sitrep.server.testing.InProcessSitrep;
import io.sitrep.server.testing.Refusal;
import io.sitrep.server.testing.SeedEpisode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClaimServiceTest {
  @RegisterExtension final InProcessSitrep sitrep = InProcessSitrep.overAnEmptyStore();

  private void givenEverythingButTheClaims() {
    sitrep.load(SeedEpisode.dataset().toBuilder().clearClaims().build());
  }

  private Claim create(Claim claim, String id) {
    return sitrep.claims().createClaim(CreateClaimRequest.newBuilder().setClaim(claim).setClaimId(id).build());
  }

  @Test
  void aDenialAndTheHandoverClaimAreKeptSideBySide() {
    givenEverythingButTheClaims();

    Claim handover = create(SeedEpisode.handoverClaim(), "habib-handed-to-hashd");
    Claim denial = create(SeedEpisode.denialClaim(), "interior-ministry-denies-handover");

    var custodyOfAzirjawi = sitrep.claims().listClaims(ListClaimsRequest.newBuilder()
        .setFilter("subject = \"" + AZIRJAWI + "\" AND attribute = custody").build());
    assertThat(custodyOfAzirjawi.getClaimsList()).containsExactly(handover, denial);
    assertThat(handover.getStance()).isEqualTo(Stance.STANCE_ASSERTS);
    assertThat(denial.getStance()).isEqualTo(Stance.STANCE_DENIES);
    assertThat(denial.getProposition()).isEqualTo(handover.getProposition());
  }

  @Test
  void theHandoverClaimKeepsEveryFieldItWasGiven() {
    givenEverythingButTheClaims();

    Claim created = create(SeedEpisode.handoverClaim(), "habib-handed-to-hashd");

    assertThat(created.toBuilder().clearEtag().clearCreateTime().clearUpdateTime().build())
        .isEqualTo(SeedEpisode.handoverClaim());
    assertThat(sitrep.claims().getClaim(GetClaimRequest.newBuilder().setName(HANDOVER_CLAIM).build()))
        .isEqualTo(created);
  }

  @Test
  void aClaimInAReportNobodyStoredIsRefusedNamingClaimReport() {
    Refusal refusal = Refusal.of(() -> create(SeedEpisode.denialClaim(), "interior-ministry-denies-handover"));

    assertThat(refusal.code()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(refusal.reason()).isEqualTo("REFERENCED_RESOURCE_NOT_FOUND");
    assertThat(refusal.fields()).containsExactly("claim.report");
    assertThat(sitrep.snapshot()).isEmpty();
  }

  @Test
  void aClaimAboutNothingIsRefusedNamingTheProposition() {
    givenEverythingButTheClaims();

    Refusal refusal = Refusal.of(() -> create(SeedEpisode.denialClaim().toBuilder().clearProposition().build(),
        "about-nothing"));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("claim.proposition");
  }

  @Test
  void aClaimWithoutStanceIsRefusedNamingStance() {
    givenEverythingButTheClaims();

    Refusal refusal = Refusal.of(() -> create(SeedEpisode.denialClaim().toBuilder()
        .setStance(Stance.STANCE_UNSPECIFIED).build(), "no-stance"));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("claim.stance");
  }

  @Test
  void aPropositionWithoutAttributeIsRefusedNamingTheNestedField() {
    givenEverythingButTheClaims();

    Refusal refusal = Refusal.of(() -> create(SeedEpisode.denialClaim().toBuilder()
        .setProposition(SeedEpisode.custodyOfAzirjawiIsTheHashd().toBuilder().clearAttribute()).build(), "x"));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("claim.proposition.attribute");
  }

  @Test
  void anEmptyCreateIsRefusedNamingClaim() {
    Refusal refusal = Refusal.of(() -> sitrep.claims().createClaim(CreateClaimRequest.getDefaultInstance()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("claim");
  }

  @Test
  void gettingAClaimNobodyStoredIsNotFound() {
    Refusal refusal = Refusal.of(() -> sitrep.claims().getClaim(GetClaimRequest.newBuilder()
        .setName(DENIAL_CLAIM).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(refusal.resourceInfo().getResourceType()).isEqualTo("sitrep.io/Claim");
  }

  @Test
  void listingOnlyTheDenials() {
    sitrep.load(SeedEpisode.dataset());

    var page = sitrep.claims().listClaims(ListClaimsRequest.newBuilder().setFilter("stance = STANCE_DENIES").build());

    assertThat(page.getClaimsList()).extracting(Claim::getName).containsExactly(DENIAL_CLAIM);
  }

  @Test
  void aFilterJoinedWithOrIsRefusedNamingFilter() {
    Refusal refusal = Refusal.of(() -> sitrep.claims().listClaims(ListClaimsRequest.newBuilder()
        .setFilter("stance = STANCE_DENIES OR stance = STANCE_ASSERTS").build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("filter");
  }

  @Test
  void correctingTheWordsOfTheDenialKeepsItsStance() {
    sitrep.load(SeedEpisode.dataset());

    Claim updated = sitrep.claims().updateClaim(UpdateClaimRequest.newBuilder()
        .setClaim(Claim.newBuilder().setName(DENIAL_CLAIM).setText("Azirjawi is still in custody"))
        .setUpdateMask(FieldMask.newBuilder().addPaths("text")).build());

    assertThat(updated.getText()).isEqualTo("Azirjawi is still in custody");
    assertThat(updated.getStance()).isEqualTo(Stance.STANCE_DENIES);
  }

  @Test
  void pointingAClaimAtAnEventNobodyStoredIsRefusedAndChangesNothing() {
    sitrep.load(SeedEpisode.dataset());
    Map<String, String> before = sitrep.snapshot();

    Refusal refusal = Refusal.of(() -> sitrep.claims().updateClaim(UpdateClaimRequest.newBuilder()
        .setClaim(Claim.newBuilder().setName(DENIAL_CLAIM).setEvent("events/azirjawi-release"))
        .setUpdateMask(FieldMask.newBuilder().addPaths("event")).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(refusal.fields()).containsExactly("claim.event");
    assertThat(sitrep.snapshot()).isEqualTo(before);
  }

  @Test
  void anUpdateWithAStaleEtagIsAborted() {
    sitrep.load(SeedEpisode.dataset());
    Claim original = sitrep.claims().getClaim(GetClaimRequest.newBuilder().setName(DENIAL_CLAIM).build());
    sitrep.claims().updateClaim(UpdateClaimRequest.newBuilder()
        .setClaim(Claim.newBuilder().setName(DENIAL_CLAIM).setAttributedTo("the Interior Ministry"))
        .setUpdateMask(FieldMask.newBuilder().addPaths("attributed_to")).build());
    Map<String, String> before = sitrep.snapshot();

    Refusal refusal = Refusal.of(() -> sitrep.claims().updateClaim(UpdateClaimRequest.newBuilder()
        .setClaim(Claim.newBuilder().setName(DENIAL_CLAIM).setAttributedTo("Kazemi's spokesman")
            .setEtag(original.getEtag()))
        .setUpdateMask(FieldMask.newBuilder().addPaths("attributed_to")).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.ABORTED);
    assertThat(sitrep.snapshot()).isEqualTo(before);
  }

  @Test
  void withdrawingTheDenialDeletesItAndKeepsTheHandoverClaim() {
    sitrep.load(SeedEpisode.dataset());

    sitrep.claims().deleteClaim(DeleteClaimRequest.newBuilder().setName(DENIAL_CLAIM).build());

    assertThat(sitrep.snapshot()).doesNotContainKey(DENIAL_CLAIM).containsKey(HANDOVER_CLAIM);
  }

  @Test
  void deletingWithAStaleEtagIsAborted() {
    sitrep.load(SeedEpisode.dataset());
    Claim original = sitrep.claims().getClaim(GetClaimRequest.newBuilder().setName(DENIAL_CLAIM).build());
    sitrep.claims().updateClaim(UpdateClaimRequest.newBuilder()
        .setClaim(original.toBuilder().setText("edited").clearEtag()).build());

    Refusal refusal = Refusal.of(() -> sitrep.claims().deleteClaim(DeleteClaimRequest.newBuilder()
        .setName(DENIAL_CLAIM).setEtag(original.getEtag()).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.ABORTED);
    assertThat(sitrep.snapshot()).containsKey(DENIAL_CLAIM);
  }

  @Test
  void deletingAClaimWithAMalformedNameIsRefusedNamingName() {
    Refusal refusal = Refusal.of(() -> sitrep.claims().deleteClaim(DeleteClaimRequest.newBuilder()
        .setName("claims/Denial").build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("name");
  }
}
