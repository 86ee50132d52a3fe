package dev.fedgate.it.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.testkit.conformance.ConformanceChecker;
import dev.fedgate.testkit.conformance.ConformanceReport;
import dev.fedgate.testkit.junit.FedgateExtension;
import dev.fedgate.testkit.junit.SiteApiClient;
import dev.fedgate.testkit.junit.SiteBodies;
import dev.fedgate.testkit.peers.HttpResult;
import dev.fedgate.testkit.peers.PeerProfile;
import dev.fedgate.testkit.peers.ReceivedActivity;
import dev.fedgate.testkit.peers.SimulatedActor;
import dev.fedgate.testkit.peers.SimulatedInstance;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The examples of docs/testkit.md, compiled and run as written there. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestkitDocsExampleTest {
  @RegisterExtension
  static FedgateExtension fedgate = FedgateExtension.embedded();

  @Test
  @Order(1)
  void publishesAVideo() {
    SiteApiClient site = fedgate.siteApi();
    site.putAccount("alice", SiteBodies.account("alice"));
    site.putChannel("cooking", SiteBodies.channel("alice", "cooking"));
    HttpResult video = site.putVideo(UUID.randomUUID(), SiteBodies.video("cooking", "Bread at home"));
    assertThat(video.status()).isEqualTo(201);
  }

  @Test
  @Order(2)
  void simulatedInstance() {
    try (SimulatedInstance mastodon = SimulatedInstance.start(PeerProfile.mastodon())) {
      SimulatedActor bob = mastodon.createActor("bob", "Person");
      URI channel = mastodon.resolve("@" + fedgate.handle("cooking")).orElseThrow();
      JsonObject group = mastodon.fetch(bob, channel).json().orElseThrow();
      JsonObject follow = mastodon.profile().follow(bob, channel);
      HttpResult answer = mastodon.deliver(bob, follow, group, SignatureScheme.RFC_9421);
      if (answer.success()) {
        ReceivedActivity accept = mastodon.awaitReceived(r -> r.type().equals("Accept"), Duration.ofSeconds(10))
            .orElseThrow();
        assertThat(accept.verified()).isTrue();
      }

      assertThat(group.getString("id")).isEqualTo(channel.toString());
      // Mastodon sends a Follow to the personal inbox; until the gateway's inbox lands it may answer 404.
      assertThat(answer.uri()).isEqualTo(URI.create(group.getString("inbox")));
    }
  }

  @Test
  @Order(3)
  void checkerAsALibrary() {
    try (SimulatedInstance home = SimulatedInstance.start(PeerProfile.mastodon())) {
      ConformanceReport report = ConformanceChecker.create(Optional.of(home.instanceActor()), true)
          .check("@" + fedgate.handle("cooking"));
      assertThat(report.failures()).as(report.text()).isEmpty();
    }
  }
}
