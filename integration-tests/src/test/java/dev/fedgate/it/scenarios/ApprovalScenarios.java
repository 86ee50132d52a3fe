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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The site's approvals seen from a Mastodon instance: a channel that approves followers manually keeps a Follow
 * pending until the site accepts it (a verified {@code Accept} then reaches the follower's own inbox) or rejects it
 * ({@code Reject}); a reply to a video whose comments need approval is held until the site approves it (FEP-5624
 * {@code ApproveReply} reaches the author's inbox and the comment joins the video's {@code comments} collection).
 * Each subclass runs them on one storage backend with one signature scheme.
 */
abstract class ApprovalScenarios extends ScenarioSuite {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private SimulatedInstance mastodon;
  private SiteApiClient site;

  /** Scenarios against {@code fedgate}, the simulated Mastodon signing by {@code scheme}. */
  ApprovalScenarios(FedgateExtension fedgate, SignatureScheme scheme) {
    super(fedgate, scheme);
  }

  @BeforeEach
  void setUp() {
    site = fedgate.siteApi();
    assertThat(site.putAccount("chef", SiteBodies.account("chef")).status()).isIn(200, 201);
    assertThat(site.putChannel("kitchen", SiteBodies.channel("chef", "kitchen")
        .put("manuallyApprovesFollowers", true)).status()).isIn(200, 201);
    mastodon = SimulatedInstance.start(PeerProfile.mastodon());
  }

  @AfterEach
  void tearDown() {
    mastodon.close();
  }

  private JsonObject channelActor(SimulatedActor reader) {
    URI id = mastodon.resolve("@" + fedgate.handle("kitchen")).orElseThrow();
    return fetch(reader, id);
  }

  private JsonObject fetch(SimulatedActor reader, URI id) {
    return mastodon.fetch(reader, id, scheme).json().orElseThrow();
  }

  /** Delivers {@code activity} to the channel and waits until the gateway has processed it. */
  private void deliver(SimulatedActor actor, JsonObject activity, JsonObject channel) throws Exception {
    HttpResult answer = mastodon.deliver(actor, activity, channel, scheme);
    assertThat(answer.success()).as("answered %s: %s", answer.status(), answer.text()).isTrue();
    fedgate.gateway().inbox().orElseThrow().worker().drain().toCompletionStage().toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  private ReceivedActivity received(String type, SimulatedActor to) {
    ReceivedActivity activity = mastodon.awaitReceived(r -> type.equals(r.type())
        && r.path().equals(to.inbox().getPath()), WAIT)
        .orElseThrow(() -> new AssertionError("no " + type + " arrived at " + to.inbox()));
    assertThat(activity.verified()).as("%s", activity.verification()).isTrue();
    return activity;
  }

  private String pendingFollowers() {
    return site.get("/api/v1/channels/kitchen/followers?state=pending").text();
  }

  @Test
  void followOfALockedChannel_isPendingUntilTheSiteAccepts_thenAVerifiedAcceptArrives() throws Exception {
    SimulatedActor alice = mastodon.createActor("alice", "Person");
    JsonObject channel = channelActor(alice);
    assertThat(channel.getBoolean("manuallyApprovesFollowers")).isTrue();
    JsonObject follow = mastodon.profile().follow(alice, URI.create(channel.getString("id")));

    deliver(alice, follow, channel);

    assertThat(pendingFollowers()).contains(alice.id().toString());
    assertThat(mastodon.received()).noneMatch(r -> "Accept".equals(r.type()));
    HttpResult accepted = site.post("/api/v1/channels/kitchen/followers/accept",
        new JsonObject().put("actor", alice.id().toString()));
    assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
    ReceivedActivity accept = received("Accept", alice);
    assertThat(accept.activity().orElseThrow().getValue("object").toString()).contains(follow.getString("id"));
    assertThat(pendingFollowers()).doesNotContain(alice.id().toString());
  }

  @Test
  void followRejectedByTheSite_getsAVerifiedReject_andIsForgotten() throws Exception {
    SimulatedActor bob = mastodon.createActor("bob", "Person");
    JsonObject channel = channelActor(bob);
    JsonObject follow = mastodon.profile().follow(bob, URI.create(channel.getString("id")));

    deliver(bob, follow, channel);
    HttpResult rejected = site.post("/api/v1/channels/kitchen/followers/reject",
        new JsonObject().put("actor", bob.id().toString()));

    assertThat(rejected.status()).as(rejected.text()).isEqualTo(204);
    ReceivedActivity reject = received("Reject", bob);
    assertThat(reject.activity().orElseThrow().getValue("object").toString()).contains(follow.getString("id"));
    assertThat(pendingFollowers()).doesNotContain(bob.id().toString());
  }

  @Test
  void replyUnderAVideoNeedingApproval_isHeldUntilApproved_thenApproveReplyArrivesAndTheCommentIsListed()
      throws Exception {
    SimulatedActor carol = mastodon.createActor("carol", "Person");
    JsonObject channel = channelActor(carol);
    UUID uuid = UUID.randomUUID();
    HttpResult published = site.putVideo(uuid, SiteBodies.video("kitchen", "Slow-cooked beans")
        .put("commentsPolicy", "approval"));
    URI videoId = URI.create(published.json().orElseThrow().getString("id"));
    JsonObject reply = mastodon.profile().reply(carol, videoId, URI.create(channel.getString("id")), "Lovely!");
    String note = reply.getJsonObject("object").getString("id");

    deliver(carol, reply, channel);

    assertThat(site.get("/api/v1/videos/" + uuid + "/comments?status=held").text()).contains(note);
    URI comments = URI.create(fetch(carol, videoId).getString("comments"));
    assertThat(fetch(carol, comments).getInteger("totalItems")).isZero();
    HttpResult approved = site.post("/api/v1/videos/" + uuid + "/comments/approve",
        new JsonObject().put("id", note));
    assertThat(approved.status()).as(approved.text()).isEqualTo(200);
    JsonObject approve = received("ApproveReply", carol).activity().orElseThrow();
    assertThat(approve.getString("object")).isEqualTo(note);
    assertThat(approve.getString("inReplyTo")).isEqualTo(videoId.toString());
    assertThat(approve.getString("actor")).endsWith("/accounts/chef");
    assertThat(fetch(carol, comments).getInteger("totalItems")).isEqualTo(1);
  }
}
