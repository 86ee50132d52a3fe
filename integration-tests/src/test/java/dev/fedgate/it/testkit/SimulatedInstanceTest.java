package dev.fedgate.it.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.signatures.RejectReason;
import dev.fedgate.signatures.Rejected;
import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.signatures.Verified;
import dev.fedgate.testkit.peers.HttpResult;
import dev.fedgate.testkit.peers.PeerProfile;
import dev.fedgate.testkit.peers.ReceivedActivity;
import dev.fedgate.testkit.peers.SignedHttpClient;
import dev.fedgate.testkit.peers.SimulatedActor;
import dev.fedgate.testkit.peers.SimulatedInstance;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Two simulated instances talking to each other: discovery, inbox verification and each profile's inbox choice. */
class SimulatedInstanceTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static SimulatedInstance mastodon;
  private static SimulatedInstance peerTube;
  private static SimulatedActor alice;
  private static SimulatedActor channel;

  @BeforeAll
  static void start() {
    mastodon = SimulatedInstance.start(PeerProfile.mastodon());
    peerTube = SimulatedInstance.start(PeerProfile.peerTube());
    alice = mastodon.createActor("alice", "Person");
    channel = peerTube.createActor("cooking", "Group");
  }

  @AfterAll
  static void stop() {
    mastodon.close();
    peerTube.close();
  }

  private static ReceivedActivity arrived(SimulatedInstance at, String id) {
    return at.awaitReceived(r -> r.activity().map(a -> id.equals(a.getString("id"))).orElse(false), WAIT)
        .orElseThrow(() -> new AssertionError(id + " did not arrive"));
  }

  @Test
  void resolve_findsTheActorByWebFinger() {
    assertThat(mastodon.resolve("@cooking@" + peerTube.host())).contains(channel.id());
    assertThat(mastodon.resolve("nobody@" + peerTube.host())).isEmpty();
  }

  @Test
  void actorDocuments_useEachPeersPaths() {
    assertThat(alice.id().getPath()).isEqualTo("/users/alice");
    assertThat(channel.id().getPath()).isEqualTo("/video-channels/cooking");
    HttpResult fetched = mastodon.fetch(alice, channel.id());
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.json().orElseThrow().getJsonObject("publicKey").getString("publicKeyPem"))
        .startsWith("-----BEGIN PUBLIC KEY-----");
  }

  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void inbox_verifiesSignaturesByFetchingTheSignersKey(SignatureScheme scheme) {
    JsonObject follow = mastodon.profile().follow(alice, channel.id());

    HttpResult answer = mastodon.deliver(alice, follow, peerTube.actorDocument(channel), scheme);

    ReceivedActivity received = arrived(peerTube, follow.getString("id"));
    assertThat(received.verified()).as("%s", received.verification()).isTrue();
    assertThat(answer.status()).isEqualTo(202);
    assertThat(((Verified) received.verification()).scheme()).isEqualTo(scheme);
    assertThat(received.path()).isEqualTo(channel.inbox().getPath());
  }

  @Test
  void inbox_recordsAndRefusesASignatureByAnotherKey() {
    JsonObject like = mastodon.profile().like(alice, channel.id());
    SignedHttpClient client = SignedHttpClient.create(InstantSource.system());
    byte[] body = like.encode().getBytes(StandardCharsets.UTF_8);
    // The same signer, but another actor's key id: the fetched key does not match the signature.
    SimulatedActor impostor = new SimulatedActor(alice.name(), alice.id(), alice.type(),
        mastodon.createActor("mallory", "Person").keys());

    HttpResult answer = client.post(impostor, channel.inbox(), body, SignatureScheme.CAVAGE_12);

    assertThat(answer.status()).isEqualTo(401);
    ReceivedActivity received = arrived(peerTube, like.getString("id"));
    assertThat(received.verified()).isFalse();
    assertThat(((Rejected) received.verification()).reason()).isEqualTo(RejectReason.BAD_SIGNATURE);
  }

  @Test
  void inbox_refusesASignatureWhoseKeyCannotBeFetched() {
    JsonObject like = mastodon.profile().like(alice, channel.id());
    SimulatedActor unknown = new SimulatedActor("ghost", URI.create(mastodon.baseUrl() + "/users/ghost"), "Person",
        alice.keys());

    mastodon.post(unknown, like, channel.inbox(), SignatureScheme.CAVAGE_12);

    assertThat(((Rejected) arrived(peerTube, like.getString("id")).verification()).reason())
        .isEqualTo(RejectReason.UNKNOWN_KEY);
  }

  @Test
  void mastodon_sendsFollowAndLikeToPersonalInboxesAndRepliesToTheSharedOne() {
    JsonObject recipient = peerTube.actorDocument(channel);
    PeerProfile profile = mastodon.profile();

    assertThat(profile.inboxFor(profile.follow(alice, channel.id()), recipient)).isEqualTo(channel.inbox());
    assertThat(profile.inboxFor(profile.like(alice, channel.id()), recipient)).isEqualTo(channel.inbox());
    assertThat(profile.inboxFor(profile.reply(alice, channel.id(), channel.id(), "hi"), recipient))
        .isEqualTo(peerTube.sharedInbox());
    assertThat(profile.inboxFor(profile.announce(alice, channel.id(), channel.id()), recipient))
        .isEqualTo(peerTube.sharedInbox());
  }

  @Test
  void peerTube_sendsFollowToTheActorInboxAndTheRestToSharedInboxes() {
    JsonObject recipient = mastodon.actorDocument(alice);
    PeerProfile profile = peerTube.profile();

    assertThat(profile.inboxFor(profile.follow(channel, alice.id()), recipient)).isEqualTo(alice.inbox());
    assertThat(profile.inboxFor(profile.like(channel, alice.id()), recipient)).isEqualTo(mastodon.sharedInbox());
  }

  @Test
  void mastodonShapes_matchTheReference() {
    PeerProfile profile = mastodon.profile();
    JsonObject follow = profile.follow(alice, channel.id());
    JsonObject undo = profile.undo(alice, follow);
    JsonObject reply = profile.reply(alice, URI.create(channel.id() + "/videos/1"), channel.id(), "nice video");

    assertThat(follow.getString("object")).isEqualTo(channel.id().toString());
    assertThat(undo.getJsonObject("object").getString("id")).isEqualTo(follow.getString("id"));
    assertThat(undo.getString("id")).startsWith(alice.id() + "#follows/").endsWith("/undo");
    JsonObject note = reply.getJsonObject("object");
    assertThat(reply.getString("id")).isEqualTo(note.getString("id") + "/activity");
    assertThat(note.getJsonArray("tag").getJsonObject(0).getString("href")).isEqualTo(channel.id().toString());
    assertThat(note.getJsonArray("cc").getList()).contains(channel.id().toString());
    assertThat(profile.delete(alice, URI.create(note.getString("id"))).getJsonObject("object").getString("type"))
        .isEqualTo("Tombstone");
  }

  @Test
  void publish_listsActivitiesInTheOutboxNewestFirst() {
    SimulatedActor bob = mastodon.createActor("bob", "Person");
    JsonObject first = mastodon.profile().announce(bob, channel.id(), channel.id());
    JsonObject second = mastodon.profile().announce(bob, channel.id(), channel.id());
    mastodon.publish(bob, first);
    mastodon.publish(bob, second);

    JsonObject outbox = mastodon.fetch(bob, bob.outbox()).json().orElseThrow();
    JsonObject page = mastodon.fetch(bob, URI.create(outbox.getString("first"))).json().orElseThrow();

    assertThat(outbox.getInteger("totalItems")).isEqualTo(2);
    assertThat(page.getJsonArray("orderedItems").stream().map(o -> ((JsonObject) o).getString("id")).toList())
        .isEqualTo(List.of(second.getString("id"), first.getString("id")));
  }

  @Test
  void authorizedFetch_refusesUnsignedGetsButServesTheInstanceActor() {
    try (SimulatedInstance secure = SimulatedInstance.start(PeerProfile.mastodon())) {
      SimulatedActor carol = secure.createActor("carol", "Person");
      secure.requireSignedFetch(true);
      SignedHttpClient client = SignedHttpClient.create(InstantSource.system());

      assertThat(client.get(carol.id(), SignedHttpClient.ACCEPT_ACTIVITY).status()).isEqualTo(401);
      assertThat(client.get(secure.instanceActor().id(), SignedHttpClient.ACCEPT_ACTIVITY).status()).isEqualTo(200);
      assertThat(peerTube.fetch(channel, carol.id()).status()).isEqualTo(200);
    }
  }

  @Test
  void signedGet_withAKeyThatDoesNotVerify_isRefusedEvenWithoutAuthorizedFetch() {
    SimulatedActor impostor = new SimulatedActor(alice.name(), alice.id(), alice.type(),
        mastodon.createActor("trudy", "Person").keys());

    assertThat(mastodon.fetch(impostor, channel.id()).status()).isEqualTo(401);
  }

  @Test
  void peerTubeShapes_matchTheReference() {
    PeerProfile profile = peerTube.profile();
    URI video = URI.create(peerTube.baseUrl() + "/videos/watch/8b6d2a34-1c1c-4a5b-9f0e-6c1f0e2b7a10");
    JsonObject follow = profile.follow(channel, alice.id());
    JsonObject reply = profile.reply(channel, video, alice.id(), "Nice");

    assertThat(follow.getString("id")).startsWith(channel.id() + "/follows/");
    assertThat(profile.undo(channel, follow).getString("id")).isEqualTo(follow.getString("id") + "/undo");
    assertThat(profile.accept(channel, follow).getJsonObject("object").getString("id"))
        .isEqualTo(follow.getString("id"));
    assertThat(reply.getJsonObject("object").getString("mediaType")).isEqualTo("text/markdown");
    assertThat(profile.announce(channel, video, alice.id()).getString("id")).isEqualTo(video + "/announces/cooking");
    assertThat(profile.announce(channel, URI.create("https://video.example/videos/watch/abc"), alice.id())
        .getString("id")).isEqualTo(peerTube.baseUrl() + "/videos/watch/abc/announces/cooking");
    assertThat(profile.delete(channel, video).getString("object")).isEqualTo(video.toString());
    assertThat(peerTube.actorDocument(channel).getJsonArray("attributedTo")).isNotEmpty();
  }
}
