package dev.fedgate.it.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.testkit.peers.FaultedPost;
import dev.fedgate.testkit.peers.HttpResult;
import dev.fedgate.testkit.peers.InboxFault;
import dev.fedgate.testkit.peers.PeerProfile;
import dev.fedgate.testkit.peers.SimulatedActor;
import dev.fedgate.testkit.peers.SimulatedInstance;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulated inbox's programmable faults and key rotation, seen from a second simulated instance. */
class InboxFaultsTest {
  private SimulatedInstance sender;
  private SimulatedInstance target;
  private SimulatedActor alice;
  private SimulatedActor bob;

  @BeforeEach
  void start() {
    sender = SimulatedInstance.start(PeerProfile.mastodon());
    target = SimulatedInstance.start(PeerProfile.mastodon());
    alice = sender.createActor("alice", "Person");
    bob = target.createActor("bob", "Person");
  }

  @AfterEach
  void stop() {
    sender.close();
    target.close();
  }

  private HttpResult follow(SimulatedActor signer) {
    return sender.post(signer, sender.profile().follow(signer, bob.id()), bob.inbox(), SignatureScheme.CAVAGE_12);
  }

  @Test
  void failNextPosts_answersTheStatus_thenTakesPostsAgain() {
    target.failNextPosts(1, InboxFault.tooManyRequests(Duration.ofSeconds(120)));

    HttpResult first = follow(alice);
    HttpResult second = follow(alice);

    assertThat(first.status()).isEqualTo(429);
    assertThat(second.status()).isEqualTo(202);
    assertThat(target.faulted()).singleElement().extracting(FaultedPost::type).isEqualTo("Follow");
    assertThat(target.received()).hasSize(1);
  }

  @Test
  void failInbox_holdsUntilHealed() {
    target.failInbox(InboxFault.status(500));
    assertThat(follow(alice).status()).isEqualTo(500);
    assertThat(follow(alice).status()).isEqualTo(500);

    target.healInbox();

    assertThat(follow(alice).status()).isEqualTo(202);
  }

  @Test
  void down_dropsTheConnection() {
    target.failInbox(InboxFault.down());

    assertThatThrownBy(() -> follow(alice)).isInstanceOf(RuntimeException.class);
    assertThat(target.awaitFaulted(f -> f.fault() instanceof InboxFault.Down, Duration.ofSeconds(10))).isPresent();
  }

  @Test
  void slow_answersAfterTheDelay() {
    target.failNextPosts(1, InboxFault.slow(Duration.ofMillis(300)));
    long start = System.nanoTime();

    HttpResult answer = follow(alice);

    assertThat(answer.status()).isEqualTo(202);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(target.received()).isEmpty();
  }

  @Test
  void rotateKey_servesTheNewKey_andTheOldOneNoLongerVerifies() {
    SimulatedActor rotated = sender.rotateKey(alice);

    assertThat(rotated.id()).isEqualTo(alice.id());
    assertThat(sender.actorDocument(rotated).getJsonObject("publicKey").getString("publicKeyPem"))
        .isEqualTo(rotated.keys().publicKey().toPem()).isNotEqualTo(alice.keys().publicKey().toPem());
    assertThat(follow(rotated).status()).isEqualTo(202);
    assertThat(follow(alice).status()).isEqualTo(401);
  }

  @Test
  void updateActor_embedsTheDocument_inEachProfilesShape() {
    URI mastodonId = URI.create(sender.profile().updateActor(alice, sender.actorDocument(alice)).getString("id"));
    try (SimulatedInstance peerTube = SimulatedInstance.start(PeerProfile.peerTube())) {
      SimulatedActor channel = peerTube.createActor("tube", "Group");
      String peerTubeId = peerTube.profile().updateActor(channel, peerTube.actorDocument(channel)).getString("id");

      assertThat(mastodonId.getFragment()).startsWith("updates/");
      assertThat(peerTubeId).startsWith(channel.id() + "/updates/");
    }
  }
}
