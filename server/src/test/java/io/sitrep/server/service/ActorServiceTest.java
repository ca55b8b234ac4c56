package io.sitrep.server.service;

import static io.sitrep.server.testing.SeedEpisode.AAH;
import static io.sitrep.server.testing.SeedEpisode.KHAZALI;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.sitrep.api.v1.Actor;
import io.sitrep.api.v1.ActorKind;
import io.sitrep.api.v1.ActorRelation;
import io.sitrep.api.v1.CreateActorRequest;
import io.sitrep.api.v1.DeleteActorRequest;
import io.sitrep.api.v1.GetActorRequest;
import io.sitrep.api.v1.ListActorsRequest;
import io.sitrep.api.v1.RelationKind;
import io.sitrep.api.v1.UpdateActorRequest;
import io.sitrep.server.testing.InProcessSitrep;
import io.sitrep.server.testing.Refusal;
import io.sitrep.server.testing.SeedEpisode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ActorServiceTest {
  @RegisterExtension final InProcessSitrep sitrep = InProcessSitrep.overAnEmptyStore();

  private Actor create(Actor actor, String id) {
    return sitrep.actors().createActor(CreateActorRequest.newBuilder().setActor(actor).setActorId(id).build());
  }

  @Test
  void asaibAhlAlHaqIsStoredWithItsAliases() {
    Actor created = create(SeedEpisode.asaibAhlAlHaq(), "asaib-ahl-al-haq");

    assertThat(created.getAliasesList()).containsExactly("AAH", "League of the Righteous");
    assertThat(sitrep.actors().getActor(GetActorRequest.newBuilder().setName(AAH).build())).isEqualTo(created);
  }

  @Test
  void khazaliLeadingAnOrganisationNobodyStoredIsRefusedNamingTheRelation() {
    Refusal refusal = Refusal.of(() -> create(SeedEpisode.qaisAlKhazali(), "qais-al-khazali"));

    assertThat(refusal.code()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(refusal.fields()).containsExactly("actor.relations[0].object");
    assertThat(sitrep.snapshot()).isEmpty();
  }

  @Test
  void aRelationWithoutItsKindIsRefusedNamingTheRelationKind() {
    create(SeedEpisode.asaibAhlAlHaq(), "asaib-ahl-al-haq");

    Refusal refusal = Refusal.of(() -> create(SeedEpisode.qaisAlKhazali().toBuilder()
        .setRelations(0, ActorRelation.newBuilder().setObject(AAH)).build(), "qais-al-khazali"));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("actor.relations[0].kind");
  }

  @Test
  void anActorWithAnUnspecifiedKindIsRefusedNamingKind() {
    Refusal refusal = Refusal.of(() -> create(SeedEpisode.asaibAhlAlHaq().toBuilder()
        .setKind(ActorKind.ACTOR_KIND_UNSPECIFIED).build(), "asaib-ahl-al-haq"));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("actor.kind");
  }

  @Test
  void anEmptyCreateIsRefusedNamingActor() {
    Refusal refusal = Refusal.of(() -> sitrep.actors().createActor(CreateActorRequest.getDefaultInstance()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("actor");
  }

  @Test
  void anIdLongerThanSixtyThreeCharactersIsRefusedNamingActorId() {
    Refusal refusal = Refusal.of(() -> create(SeedEpisode.asaibAhlAlHaq(), "a".repeat(64)));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("actor_id");
  }

  @Test
  void gettingAnActorNobodyStoredIsNotFound() {
    Refusal refusal = Refusal.of(() -> sitrep.actors().getActor(GetActorRequest.newBuilder().setName(KHAZALI).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void listingArmedGroupsLeavesOutThePeopleAndTheMinistry() {
    sitrep.load(SeedEpisode.dataset());

    var page = sitrep.actors().listActors(ListActorsRequest.newBuilder()
        .setFilter("kind = ACTOR_KIND_ARMED_GROUP").build());

    assertThat(page.getActorsList()).extracting(Actor::getName).containsExactly(AAH);
  }

  @Test
  void aNegativePageSizeIsRefusedNamingPageSize() {
    Refusal refusal = Refusal.of(() -> sitrep.actors().listActors(ListActorsRequest.newBuilder()
        .setPageSize(-5).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("page_size");
  }

  @Test
  void addingAnAliasReplacesTheAliasListAndKeepsTheRest() {
    Actor created = create(SeedEpisode.asaibAhlAlHaq(), "asaib-ahl-al-haq");

    Actor updated = sitrep.actors().updateActor(UpdateActorRequest.newBuilder()
        .setActor(Actor.newBuilder().setName(AAH).addAllAliases(created.getAliasesList()).addAliases("Asaib"))
        .setUpdateMask(FieldMask.newBuilder().addPaths("aliases")).build());

    assertThat(updated.getAliasesList()).containsExactly("AAH", "League of the Righteous", "Asaib");
    assertThat(updated.getDescription()).isEqualTo(created.getDescription());
  }

  @Test
  void makingAnActorItsOwnMemberIsRefusedAndChangesNothing() {
    create(SeedEpisode.asaibAhlAlHaq(), "asaib-ahl-al-haq");
    Map<String, String> before = sitrep.snapshot();

    Refusal refusal = Refusal.of(() -> sitrep.actors().updateActor(UpdateActorRequest.newBuilder()
        .setActor(Actor.newBuilder().setName(AAH).addRelations(ActorRelation.newBuilder()
            .setKind(RelationKind.RELATION_KIND_MEMBER_OF).setObject(AAH)))
        .setUpdateMask(FieldMask.newBuilder().addPaths("relations")).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(refusal.fields()).containsExactly("actor.relations[0].object");
    assertThat(sitrep.snapshot()).isEqualTo(before);
  }

  @Test
  void deletingAnOrganisationItsLeaderStillPointsAtIsRefused() {
    sitrep.load(SeedEpisode.dataset());
    Map<String, String> before = sitrep.snapshot();

    Refusal refusal = Refusal.of(() -> sitrep.actors().deleteActor(DeleteActorRequest.newBuilder()
        .setName(AAH).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(sitrep.snapshot()).isEqualTo(before);
  }

  @Test
  void deletingKhazaliWhomNothingCitesRemovesHim() {
    sitrep.load(SeedEpisode.dataset());

    sitrep.actors().deleteActor(DeleteActorRequest.newBuilder().setName(KHAZALI).build());

    assertThat(sitrep.snapshot()).doesNotContainKey(KHAZALI).containsKey(AAH);
  }

  @Test
  void deletingAnActorNobodyStoredIsNotFound() {
    Refusal refusal = Refusal.of(() -> sitrep.actors().deleteActor(DeleteActorRequest.newBuilder()
        .setName(KHAZALI).build()));

    assertThat(refusal.code()).isEqualTo(Status.Code.NOT_FOUND);
  }
}
