package dev.fedgate.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.signatures.SignatureScheme;
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
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Mastodon user and a channel on a real gateway: WebFinger, the actor fetched with a signed GET, a video published
 * through the Site API and fetched by id; then, where the gateway has an inbox, Follow → Accept to the follower's
 * personal inbox → the next video arrives as a verified {@code Create{Video}}.
 */
class MastodonFollowsChannelScenarioTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension
  static FedgateExtension fedgate = FedgateExtension.embedded();

  private static SimulatedInstance mastodon;
  private static SimulatedActor alice;
  private static SiteApiClient site;

  @BeforeAll
  static void setUp() {
    site = fedgate.siteApi();
    assertThat(site.putAccount("chef", SiteBodies.account("chef")).status()).isEqualTo(201);
    assertThat(site.putChannel("kitchen", SiteBodies.channel("chef", "kitchen")).status()).isEqualTo(201);
    mastodon = SimulatedInstance.start(PeerProfile.mastodon());
    alice = mastodon.createActor("alice", "Person");
  }

  @AfterAll
  static void tearDown() {
    mastodon.close();
  }

  private static JsonObject channelActor() {
    URI id = mastodon.resolve("@" + fedgate.handle("kitchen")).orElseThrow();
    HttpResult fetched = mastodon.fetch(alice, id);
    assertThat(fetched.status()).isEqualTo(200);
    return fetched.json().orElseThrow();
  }

  @Test
  void discoversTheChannelAndFetchesAPublishedVideo() {
    JsonObject channel = channelActor();
    UUID uuid = UUID.randomUUID();

    HttpResult published = site.putVideo(uuid, SiteBodies.video("kitchen", "Soup in ten minutes"));
    HttpResult video = mastodon.fetch(alice, URI.create(published.json().orElseThrow().getString("id")));

    assertThat(channel.getString("type")).isEqualTo("Group");
    assertThat(channel.getString("preferredUsername")).isEqualTo("kitchen");
    assertThat(video.status()).isEqualTo(200);
    assertThat(video.json().orElseThrow().getValue("attributedTo").toString()).contains(channel.getString("id"));
  }

  @Test
  void followIsAcceptedAndNewVideosArriveSigned() {
    JsonObject channel = channelActor();
    JsonObject follow = mastodon.profile().follow(alice, URI.create(channel.getString("id")));

    HttpResult answer = mastodon.deliver(alice, follow, channel, SignatureScheme.CAVAGE_12);
    Assumptions.assumeFalse(answer.status() == 404 || answer.status() == 405,
        "the gateway has no inbox on this branch yet (" + answer.status() + " from " + answer.uri()
            + "); the follow part runs once the inbox lands");

    assertThat(answer.success()).as("Follow answered %s: %s", answer.status(), answer.text()).isTrue();
    ReceivedActivity accept = mastodon.awaitReceived(r -> "Accept".equals(r.type()), WAIT)
        .orElseThrow(() -> new AssertionError("no Accept arrived"));
    assertThat(accept.verified()).as("%s", accept.verification()).isTrue();
    assertThat(accept.path()).isEqualTo(alice.inbox().getPath());
    assertThat(accept.activity().orElseThrow().getValue("object").toString()).contains(follow.getString("id"));

    HttpResult published = site.putVideo(UUID.randomUUID(), SiteBodies.video("kitchen", "Bread without kneading"));
    String videoId = published.json().orElseThrow().getString("id");
    ReceivedActivity create = mastodon.awaitReceived(r -> "Create".equals(r.type())
        && r.activity().orElseThrow().getValue("object").toString().contains(videoId), WAIT)
        .orElseThrow(() -> new AssertionError("no Create{Video} arrived"));
    assertThat(create.verified()).as("%s", create.verification()).isTrue();
  }
}
