package dev.fedgate.it.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.Gateway;
import dev.fedgate.gateway.config.GatewayConfig;
import dev.fedgate.gateway.config.PostgresUrl;
import dev.fedgate.gateway.config.StorageKind;
import dev.fedgate.gateway.fetch.CachingRemoteFetcher;
import dev.fedgate.gateway.fetch.FetchBudget;
import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.testkit.junit.SiteApiClient;
import dev.fedgate.testkit.junit.SiteBodies;
import dev.fedgate.testkit.peers.HttpResult;
import dev.fedgate.testkit.peers.PeerProfile;
import dev.fedgate.testkit.peers.SignedHttpClient;
import dev.fedgate.testkit.peers.SimulatedActor;
import dev.fedgate.testkit.peers.SimulatedInstance;
import dev.fedgate.testkit.postgres.TestPostgres;
import dev.fedgate.testkit.storage.StoreContract;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.InstantSource;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two in-process gateways on one PostgreSQL database: what one node changes, the other stops serving from its
 * caches at once (rendered documents expire only after 10 minutes, fetched actors after a day and the inbox's videos
 * after a minute, so without the cross-node invalidation these tests would time out).
 */
class CrossNodeCacheIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final SignedHttpClient HTTP = SignedHttpClient.create(InstantSource.system());

  private Gateway first;
  private Gateway second;
  private SiteApiClient site;

  @BeforeEach
  void start() throws Exception {
    PostgresUrl database = TestPostgres.freshDatabase("cross_node_cache");
    first = StoreContract.await(Gateway.start(config(database, null), InstantSource.system()));
    second = StoreContract.await(Gateway.start(config(database, first.publicUrl()), InstantSource.system()));
    site = new SiteApiClient(first.listenUrl(), first.apiToken().reveal());
    FanOut.createChannel(first.listenUrl(), first.apiToken().reveal());
  }

  /** Both nodes share the first node's public URL, as behind one load balancer. */
  private static GatewayConfig config(PostgresUrl database, URI publicUrl) throws Exception {
    GatewayConfig.Builder config = GatewayConfig.builder().port(0).storage(StorageKind.POSTGRES).postgresUrl(database)
        .dataDirectory(Files.createTempDirectory("fedgate-node")).allowPrivateAddresses(true)
        .shutdownGrace(Duration.ofSeconds(1));
    return (publicUrl == null ? config : config.publicUrl(publicUrl)).build();
  }

  @AfterEach
  void stop() {
    for (Gateway node : new Gateway[] {first, second}) {
      if (node != null) {
        StoreContract.await(node.stop());
      }
    }
  }

  private String fromSecond(String path) {
    HttpResult result = HTTP.get(second.listenUrl().resolve(path), SignedHttpClient.ACCEPT_ACTIVITY);
    return result.status() + " " + result.text();
  }

  /** Checks {@code condition} until it holds; a store round trip between checks keeps the loop from spinning. */
  private void awaitTrue(Supplier<Boolean> condition, String what) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.get()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      StoreContract.await(second.storage().ping());
    }
  }

  @Test
  void channelChangedOnOneNode_theOtherServesTheNewDocument() {
    String path = "/video-channels/" + FanOut.CHANNEL;
    assertThat(fromSecond(path)).startsWith("200").doesNotContain("Renamed kitchen");

    assertThat(site.putChannel(FanOut.CHANNEL, SiteBodies.channel(FanOut.ACCOUNT, FanOut.CHANNEL)
        .put("displayName", "Renamed kitchen")).success()).isTrue();

    awaitTrue(() -> fromSecond(path).contains("Renamed kitchen"), "the second node serves the renamed channel");
  }

  @Test
  void videoChangedAndDeletedOnOneNode_theOtherFollows() {
    UUID uuid = UUID.randomUUID();
    String path = "/videos/watch/" + uuid;
    assertThat(site.putVideo(uuid, SiteBodies.video(FanOut.CHANNEL, "First title")).success()).isTrue();
    assertThat(fromSecond(path)).startsWith("200").contains("First title");

    assertThat(site.putVideo(uuid, SiteBodies.video(FanOut.CHANNEL, "Second title")).success()).isTrue();
    awaitTrue(() -> fromSecond(path).contains("Second title"), "the second node serves the new title");

    assertThat(site.deleteVideo(uuid).success()).isTrue();
    awaitTrue(() -> fromSecond(path).startsWith("410"), "the second node serves the tombstone");
  }

  @Test
  void remoteActorUpdatedThroughOneNode_theOtherFetchesItAgain() {
    try (SimulatedInstance mastodon = SimulatedInstance.start(PeerProfile.mastodon())) {
      SimulatedActor alice = mastodon.createActor("alice", "Person");
      CachingRemoteFetcher fetcher = second.fetcher();
      assertThat(name(fetcher, alice)).isEqualTo(mastodon.actorDocument(alice).getString("name"));
      JsonObject renamed = mastodon.actorDocument(alice).copy().put("name", "Alice renamed");
      mastodon.serveJson(alice.id().getPath(), renamed);
      JsonObject update = new JsonObject().put("@context", "https://www.w3.org/ns/activitystreams")
          .put("id", alice.id() + "#updates/1").put("type", "Update").put("actor", alice.id().toString())
          .put("to", "https://www.w3.org/ns/activitystreams#Public").put("object", renamed);

      HttpResult answer = mastodon.post(alice, update, first.listenUrl().resolve("/inbox"), SignatureScheme.CAVAGE_12);
      assertThat(answer.status()).as("%s", answer.text()).isEqualTo(202);

      awaitTrue(() -> "Alice renamed".equals(name(fetcher, alice)), "the second node fetched the actor again");
    }
  }

  @Test
  void commentsPolicyChangedOnOneNode_theOtherNodesInboxHoldsTheNextReply() {
    try (SimulatedInstance mastodon = SimulatedInstance.start(PeerProfile.mastodon())) {
      SimulatedActor carol = mastodon.createActor("carol", "Person");
      UUID uuid = UUID.randomUUID();
      JsonObject video = SiteBodies.video(FanOut.CHANNEL, "Open to comments");
      URI videoId = URI.create(site.putVideo(uuid, video).json().orElseThrow().getString("id"));
      URI channel = second.publicUrl().resolve("/video-channels/" + FanOut.CHANNEL);
      assertThat(replyThroughSecond(mastodon, carol, videoId, channel, uuid, 0)).as("the video as first read")
          .isEqualTo("visible");

      assertThat(site.putVideo(uuid, video.copy().put("commentsPolicy", "approval")).success()).isTrue();

      long deadline = System.nanoTime() + WAIT.toNanos();
      int reply = 1;
      while (!replyThroughSecond(mastodon, carol, videoId, channel, uuid, reply).equals("held")) {
        assertThat(System.nanoTime()).as("the second node's inbox holds a reply after the policy changed")
            .isLessThan(deadline);
        reply++;
      }
    }
  }

  /** Posts reply {@code n} to the second node's inbox; once processed, whether its comment is visible or held. */
  private String replyThroughSecond(SimulatedInstance mastodon, SimulatedActor author, URI videoId, URI channel,
      UUID uuid, int n) {
    JsonObject reply = mastodon.profile().reply(author, videoId, channel, "Reply " + n);
    String note = reply.getJsonObject("object").getString("id");
    HttpResult answer = mastodon.post(author, reply, second.listenUrl().resolve("/inbox"), SignatureScheme.CAVAGE_12);
    assertThat(answer.status()).as("%s", answer.text()).isEqualTo(202);
    String[] status = new String[1];
    awaitTrue(() -> {
      for (String listed : new String[] {"visible", "held"}) {
        if (site.get("/api/v1/videos/" + uuid + "/comments?status=" + listed).text().contains(note)) {
          status[0] = listed;
        }
      }
      return status[0] != null;
    }, "reply " + n + " stored");
    return status[0];
  }

  /** The actor's name as the second node's fetcher answers it (from its cache while fresh for actors). */
  private static String name(CachingRemoteFetcher fetcher, SimulatedActor actor) {
    byte[] body = StoreContract.await(fetcher.fetch(actor.id(), CachingRemoteFetcher.Freshness.ACTOR,
        FetchBudget.perRequest()).toCompletionStage()).body();
    return new JsonObject(new String(body, StandardCharsets.UTF_8)).getString("name");
  }
}
