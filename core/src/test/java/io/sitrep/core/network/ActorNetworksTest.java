package io.sitrep.core.network;

import static io.sitrep.core.actors.Seed.AAH;
import static io.sitrep.core.actors.Seed.ARAJI;
import static io.sitrep.core.actors.Seed.KH;
import static io.sitrep.core.actors.Seed.PM;
import static io.sitrep.core.actors.Seed.CTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.core.actors.ActorRelations;
import io.sitrep.core.actors.Seed;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActorNetworksTest {
  private final Instant christmasEvening = Instant.parse("2020-12-25T18:00:00Z");
  private final ActorNetwork network = ActorNetworks.at(christmasEvening,
      ActorRelations.of(Seed.actors(), Seed.claims(), Seed.allEvents(), Map.of()), Seed.allEvents(),
      NetworkOptions.DEFAULTS);

  @Test
  void theGovernmentAndTheFactionsAreSeparateFactions() {
    assertThat(network.factionOf(PM)).isPresent();
    assertThat(network.factionOf(PM).get()).contains(CTS).doesNotContain(AAH, KH, ARAJI);
    assertThat(network.factionOf(AAH).get()).contains(Seed.KHAZALI, Seed.AZIRJAWI);
    assertThat(network.modularity()).isPositive();
  }

  @Test
  void theNationalSecurityAdviserFromBadrBrokersBetweenTheGovernmentAndTheFactions() {
    Broker araji = network.brokers().stream().filter(b -> b.actor().equals(ARAJI)).findFirst().orElseThrow();
    int government = network.centrality().get(PM).faction();
    int factions = network.centrality().get(AAH).faction();
    assertThat(araji.factions()).contains(government, factions);
    assertThat(network.brokers().get(0).actor()).isEqualTo(ARAJI);
  }

  @Test
  void kataibHezbollahsThreatIsAnOppositionNotATie() {
    assertThat(network.oppositions()).anySatisfy(t -> assertThat(java.util.List.of(t.a(), t.b())).contains(AAH));
    assertThat(network.ties()).noneSatisfy(t -> assertThat(java.util.Set.of(t.a(), t.b())).isEqualTo(
        java.util.Set.of(AAH, CTS)));
  }
}
