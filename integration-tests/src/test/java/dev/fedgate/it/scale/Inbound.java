package dev.fedgate.it.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.RemoteActor;
import dev.fedgate.gateway.storage.RemoteKey;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.testkit.junit.SiteApiClient;
import dev.fedgate.testkit.junit.SiteBodies;
import dev.fedgate.testkit.peers.HttpResult;
import dev.fedgate.testkit.peers.SimulatedActor;
import dev.fedgate.testkit.peers.SimulatedInstance;
import dev.fedgate.testkit.storage.StoreContract;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Inbound traffic for fault tests: signed replies from a simulated Mastodon user to a video, the ids of those the
 * gateway answered 202, and a check that each of them was processed (its {@code comment.created} event is logged).
 * The author is seeded into the store: the gateways sign their fetches with keys under {@link FanOut#PUBLIC_URL},
 * which the simulated instance cannot fetch, so it would refuse to serve the author to them.
 */
final class Inbound {
  private final SimulatedInstance mastodon;
  private final SimulatedActor author;
  private final URI channel = FanOut.PUBLIC_URL.resolve("/video-channels/" + FanOut.CHANNEL);
  private URI video;
  private final Set<String> accepted = ConcurrentHashMap.newKeySet();

  /** Replies by a new user of {@code mastodon}. */
  Inbound(SimulatedInstance mastodon) {
    this.mastodon = mastodon;
    this.author = mastodon.createActor("alice", "Person");
  }

  /** Stores the author with its key, as if the gateway had fetched it. */
  void seedAuthor(StorageBackend storage) {
    StoreContract.await(storage.remoteActors().upsert(new RemoteActor(author.id(), "Person", Optional.of("alice"),
        author.inbox(), Optional.empty(), List.of(new RemoteKey(URI.create(author.keyId()),
            author.keys().publicKey().type().name(), author.keys().publicKey().toPem())), Instant.now())));
  }

  /** Creates a video of the channel (which must exist) through the Site API at {@code base}; replies go to it. */
  void toNewVideo(URI base, String token) {
    UUID uuid = UUID.randomUUID();
    assertThat(new SiteApiClient(base, token).putVideo(uuid, SiteBodies.video(FanOut.CHANNEL, "Bread")).success())
        .isTrue();
    video = FanOut.PUBLIC_URL.resolve("/videos/watch/" + uuid);
  }

  /**
   * Posts one new reply to the shared inbox of the gateway {@code base} names now; remembers its id when answered
   * 202 and returns the status, or -1 when the connection failed (the gateway is down).
   */
  int post(Supplier<URI> base) {
    JsonObject reply = mastodon.profile().reply(author, video, channel, "Reply " + UUID.randomUUID());
    try {
      HttpResult answer = mastodon.post(author, reply, base.get().resolve("/inbox"), SignatureScheme.CAVAGE_12);
      if (answer.status() == 202) {
        synchronized (accepted) {
          accepted.add(reply.getString("id"));
          accepted.notifyAll();
        }
      }
      return answer.status();
    } catch (RuntimeException connectionFailed) {
      return -1;
    }
  }

  /** Waits up to {@code timeout} until {@code count} replies were answered 202; whether they were. */
  boolean awaitAccepted(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (accepted) {
      while (accepted.size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        accepted.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  /** How many replies were answered 202. */
  int acceptedCount() {
    return accepted.size();
  }

  /** Waits until every reply answered 202 shows as processed in the event log of the gateway at {@code base}. */
  void awaitAllProcessed(URI base, String token, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<String> events = FanOut.events(base, token);
      long missing = accepted.stream()
          .filter(id -> events.stream().noneMatch(event -> event.contains(id))).count();
      if (missing == 0) {
        return;
      }
      assertThat(System.nanoTime()).as("%d of %d accepted replies processed within %s", accepted.size() - missing,
          accepted.size(), timeout).isLessThan(deadline);
    }
  }
}
