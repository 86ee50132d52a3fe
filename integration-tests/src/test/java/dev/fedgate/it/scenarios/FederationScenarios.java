package dev.fedgate.it.scenarios;

import static dev.fedgate.it.support.Federation.WAIT;
import static dev.fedgate.it.support.Federation.accepted;
import static dev.fedgate.it.support.Federation.awaitActivity;
import static dev.fedgate.it.support.Federation.items;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.it.support.Federation;
import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.testkit.conformance.CheckResult;
import dev.fedgate.testkit.conformance.ConformanceChecker;
import dev.fedgate.testkit.conformance.ConformanceReport;
import dev.fedgate.testkit.junit.Eventually;
import dev.fedgate.testkit.junit.FedgateExtension;
import dev.fedgate.testkit.junit.SiteApiClient;
import dev.fedgate.testkit.peers.HttpResult;
import dev.fedgate.testkit.peers.PeerProfile;
import dev.fedgate.testkit.peers.PeerTubeProfile;
import dev.fedgate.testkit.peers.ReceivedActivity;
import dev.fedgate.testkit.peers.SimulatedActor;
import dev.fedgate.testkit.peers.SimulatedInstance;
import dev.fedgate.testkit.webhooks.ReceivedWebhook;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The federation scenarios of issue 8 against a real gateway: a Mastodon user's whole life with a channel, a PeerTube
 * instance, and a key rotation. Each subclass runs them on one storage backend with one signature scheme for what
 * the simulated peers send, so every scenario runs on the embedded store and PostgreSQL, draft-cavage and RFC 9421.
 */
abstract class FederationScenarios extends ScenarioSuite {
  /** Scenarios against {@code fedgate} (with webhooks), signed by {@code scheme}. */
  FederationScenarios(FedgateExtension fedgate, SignatureScheme scheme) {
    super(fedgate, scheme);
  }

  @Test
  void mastodonUser_followsRepliesLikesBoostsUnfollows_andFetchesTheTombstone() {
    SiteApiClient site = fedgate.siteApi();
    String name = Federation.channel(site, "kitchen");
    try (SimulatedInstance mastodon = SimulatedInstance.start(PeerProfile.mastodon())) {
      SimulatedActor alice = mastodon.createActor("alice", "Person");
      SimulatedActor bob = mastodon.createActor("bob", "Person");
      JsonObject channel = Federation.discover(fedgate, mastodon, alice, name, scheme);
      JsonObject follow = Federation.follow(mastodon, alice, channel, scheme);
      Federation.follow(mastodon, bob, channel, scheme);

      UUID uuid = UUID.randomUUID();
      URI video = Federation.publish(site, uuid, name, "Soup in ten minutes");
      ReceivedActivity create = awaitActivity(mastodon, "Create", video.toString());
      assertThat(create.verified()).as("%s", create.verification()).isTrue();
      assertThat(create.objectType()).isEqualTo("Video");
      assertThat(create.path()).as("one POST to the shared inbox for both followers")
          .isEqualTo(mastodon.sharedInbox().getPath());

      replyIsStoredAndNotified(mastodon, alice, channel, uuid, video);
      likeAndBoostAreCounted(mastodon, alice, channel, video);

      accepted(mastodon.deliver(alice, mastodon.profile().undo(alice, follow), channel, scheme));
      Eventually.await("alice gone from the followers", () -> items(site.get("/api/v1/channels/" + name
          + "/followers")).encode(), list -> !list.contains(alice.id().toString())
          && list.contains(bob.id().toString()), WAIT);

      assertThat(site.deleteVideo(uuid).success()).isTrue();
      ReceivedActivity delete = awaitActivity(mastodon, "Delete", video.toString());
      assertThat(delete.verified()).as("%s", delete.verification()).isTrue();
      HttpResult tombstone = mastodon.fetch(alice, video, scheme);
      assertThat(tombstone.status()).isEqualTo(410);
      assertThat(tombstone.json().orElseThrow().getString("type")).isEqualTo("Tombstone");
    }
  }

  /** Mastodon's reply shape is stored as a comment (Site API) and announced to the site by a signed webhook. */
  private void replyIsStoredAndNotified(SimulatedInstance mastodon, SimulatedActor author, JsonObject channel,
      UUID uuid, URI video) {
    JsonObject reply = mastodon.profile().reply(author, video, URI.create(channel.getString("id")), "Lovely soup!");
    accepted(mastodon.deliver(author, reply, channel, scheme));
    String noteId = reply.getJsonObject("object").getString("id");
    JsonArray comments = Eventually.await("the reply stored as a comment", () -> items(fedgate.siteApi().get(
        "/api/v1/videos/" + uuid + "/comments")), list -> list.encode().contains(noteId), WAIT);
    assertThat(comments.encode()).contains("Lovely soup!");
    ReceivedWebhook webhook = fedgate.webhooks().await(w -> "comment.created".equals(w.type())
        && w.data().encode().contains(author.id().toString()), WAIT)
        .orElseThrow(() -> new AssertionError("no comment.created webhook"));
    assertThat(webhook.verified()).isTrue();
  }

  /** A Like and a boost each count once in the Video's {@code likes} and {@code shares} collections. */
  private void likeAndBoostAreCounted(SimulatedInstance mastodon, SimulatedActor actor, JsonObject channel,
      URI video) {
    accepted(mastodon.deliver(actor, mastodon.profile().like(actor, video), channel, scheme));
    accepted(mastodon.deliver(actor, mastodon.profile().announce(actor, video, URI.create(channel.getString("id"))),
        channel, scheme));
    JsonObject document = mastodon.fetch(actor, video, scheme).json().orElseThrow();
    awaitCount(mastodon, actor, document.getString("likes"), 1);
    awaitCount(mastodon, actor, document.getString("shares"), 1);
  }

  @Test
  void peerTubeInstance_followsChannelAndInstance_fetchesValidVideos_commentsViewsAndAnnounces() {
    SiteApiClient site = fedgate.siteApi();
    String name = Federation.channel(site, "garden");
    PeerTubeProfile profile = PeerProfile.peerTube();
    try (SimulatedInstance peerTube = SimulatedInstance.start(profile)) {
      SimulatedActor server = peerTube.instanceActor();
      SimulatedActor user = peerTube.createActor("gardener", "Person");
      SimulatedActor tubeChannel = peerTube.createActor("gardening_tips", "Group");
      JsonObject channel = Federation.discover(fedgate, peerTube, server, name, scheme);
      JsonObject instance = instanceActor(peerTube, server);
      Federation.follow(peerTube, server, channel, scheme);
      Federation.follow(peerTube, server, instance, scheme);

      UUID uuid = UUID.randomUUID();
      URI video = Federation.publish(site, uuid, name, "Tomatoes on a balcony");
      awaitActivity(peerTube, "Create", video.toString());
      ConformanceReport report = ConformanceChecker.create(Optional.of(server), true)
          .check("@" + fedgate.handle(name));
      assertThat(report.result("video:" + video).map(CheckResult::outcome)).as(report.text())
          .hasValue(CheckResult.Outcome.PASS);

      JsonObject reply = profile.reply(user, video, URI.create(channel.getString("id")), "Great **harvest**");
      accepted(peerTube.deliver(user, reply, channel, scheme));
      Eventually.await("the PeerTube comment stored", () -> items(site.get("/api/v1/videos/" + uuid + "/comments")),
          list -> list.encode().contains(reply.getJsonObject("object").getString("id")), WAIT);

      accepted(peerTube.deliver(server, profile.view(server, video, 7), channel, scheme));
      Eventually.await("7 views counted", () -> fedgate.gateway().inbox().orElseThrow().views().pending(uuid),
          views -> views == 7, WAIT);
      fedgate.gateway().inbox().orElseThrow().views().flush();
      assertThat(fedgate.webhooks().await(w -> "video.views".equals(w.type())
          && w.data().encode().contains(uuid.toString()), WAIT).orElseThrow().data().getLong("views"))
          .isEqualTo(7);

      URI channelId = URI.create(channel.getString("id"));
      accepted(peerTube.deliver(tubeChannel, profile.announce(tubeChannel, video, channelId), channel, scheme));
      accepted(peerTube.deliver(server, profile.announce(server, video, channelId), channel, scheme));
      JsonObject document = peerTube.fetch(server, video, scheme).json().orElseThrow();
      awaitCount(peerTube, server, document.getString("shares"), 2);
    }
  }

  @Test
  void keyRotation_updateSignedWithTheOldKey_thenTheNewKeyVerifies() {
    SiteApiClient site = fedgate.siteApi();
    String name = Federation.channel(site, "bakery");
    try (SimulatedInstance mastodon = SimulatedInstance.start(PeerProfile.mastodon())) {
      SimulatedActor old = mastodon.createActor("carol", "Person");
      JsonObject channel = Federation.discover(fedgate, mastodon, old, name, scheme);
      Federation.follow(mastodon, old, channel, scheme);
      URI video = Federation.publish(site, UUID.randomUUID(), name, "Sourdough starter");

      SimulatedActor rotated = mastodon.rotateKey(old);
      JsonObject update = mastodon.profile().updateActor(old, mastodon.actorDocument(rotated));
      accepted(mastodon.deliver(old, update, channel, scheme));
      accepted(mastodon.deliver(rotated, mastodon.profile().like(rotated, video), channel, scheme));

      SimulatedActor again = mastodon.rotateKey(rotated);
      accepted(mastodon.deliver(again, mastodon.profile().announce(again, video, URI.create(channel.getString("id"))),
          channel, scheme));
      assertThat(mastodon.deliver(old, mastodon.profile().like(old, video), channel, scheme).status())
          .as("the retired key").isEqualTo(401);
    }
  }

  /** The gateway's instance actor, found as PeerTube finds it: NodeInfo's Application link. */
  private JsonObject instanceActor(SimulatedInstance remote, SimulatedActor signer) {
    JsonObject nodeInfo = remote.fetch(signer, fedgate.baseUrl().resolve("/.well-known/nodeinfo"), scheme).json()
        .orElseThrow();
    String href = nodeInfo.getJsonArray("links").stream().map(JsonObject.class::cast)
        .filter(l -> PeerProfile.ACTIVITY_STREAMS.concat("#Application").equals(l.getString("rel")))
        .map(l -> l.getString("href")).findFirst().orElseThrow();
    return remote.fetch(signer, URI.create(href), scheme).json().orElseThrow();
  }

  /** Waits until the counting collection at {@code collection} shows {@code expected} items. */
  private void awaitCount(SimulatedInstance remote, SimulatedActor signer, String collection, long expected) {
    Eventually.await(collection + " counting " + expected, () -> remote.fetch(signer, URI.create(collection), scheme)
        .json().map(c -> c.getLong("totalItems", -1L)).orElse(-1L), count -> count == expected, WAIT);
  }
}
