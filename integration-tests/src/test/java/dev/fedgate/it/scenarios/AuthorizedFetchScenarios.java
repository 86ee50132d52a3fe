package dev.fedgate.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.it.support.Federation;
import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.testkit.junit.FedgateExtension;
import dev.fedgate.testkit.peers.PeerProfile;
import dev.fedgate.testkit.peers.SignedHttpClient;
import dev.fedgate.testkit.peers.SimulatedActor;
import dev.fedgate.testkit.peers.SimulatedInstance;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.InstantSource;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Authorized fetch both ways (Mastodon's secure mode): the gateway, started with {@code authorizedFetch}, refuses
 * unsigned fetches and answers the simulated instance's signed ones; the simulated instance, in the same mode,
 * answers only the gateway's signed actor and key fetches, and following still works.
 */
abstract class AuthorizedFetchScenarios extends ScenarioSuite {
  /** The scenario against {@code fedgate} (with {@code authorizedFetch}), signed by {@code scheme}. */
  AuthorizedFetchScenarios(FedgateExtension fedgate, SignatureScheme scheme) {
    super(fedgate, scheme);
  }

  @Test
  void bothSidesRequireSignedFetches_andTheFollowFlowStillWorks() {
    String name = Federation.channel(fedgate.siteApi(), "secure");
    URI video = Federation.publish(fedgate.siteApi(), UUID.randomUUID(), name, "Knife skills");
    try (SimulatedInstance mastodon = SimulatedInstance.start(PeerProfile.mastodon())) {
      mastodon.requireSignedFetch(true);
      SimulatedActor dave = mastodon.createActor("dave", "Person");
      JsonObject channel = Federation.discover(fedgate, mastodon, dave, name, scheme);
      SignedHttpClient anonymous = SignedHttpClient.create(InstantSource.system());

      assertThat(anonymous.get(URI.create(channel.getString("id")), SignedHttpClient.ACCEPT_ACTIVITY).status())
          .isEqualTo(401);
      assertThat(anonymous.get(video, SignedHttpClient.ACCEPT_ACTIVITY).status()).isEqualTo(401);
      assertThat(mastodon.fetch(dave, video, scheme).status()).isEqualTo(200);
      assertThat(anonymous.get(dave.id(), SignedHttpClient.ACCEPT_ACTIVITY).status())
          .as("the simulated instance in secure mode").isEqualTo(401);

      Federation.follow(mastodon, dave, channel, scheme);
      URI next = Federation.publish(fedgate.siteApi(), UUID.randomUUID(), name, "Onion dicing");
      assertThat(Federation.awaitActivity(mastodon, "Create", next.toString()).verified()).isTrue();
    }
  }
}
