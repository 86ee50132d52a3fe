package dev.fedgate.gateway.outbox;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedgate.gateway.SiteFixtures;
import dev.fedgate.gateway.api.ChangeListener;
import dev.fedgate.gateway.api.SiteApi;
import dev.fedgate.gateway.delivery.DeliverySettings;
import dev.fedgate.gateway.delivery.DeliveryWorker;
import dev.fedgate.gateway.delivery.QueueWorker;
import dev.fedgate.gateway.fetch.LoopbackPeer;
import dev.fedgate.gateway.fetch.OutboundFixture;
import dev.fedgate.gateway.mapping.LocalObjects;
import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.gateway.storage.FederationSubject;
import dev.fedgate.gateway.storage.Video;
import dev.fedgate.signatures.Verified;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Site API over a real embedded store and a real delivery worker that polls only once an hour: what reaches the
 * peer got there through the outbox's nudge, and an enqueue that failed after the write is made good by a retried
 * request or a recovery sweep, exactly once.
 */
class OutboxRelayTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INBOX = "/users/bob/inbox";
  private static final Duration REQUEST_WAIT = Duration.ofSeconds(1);

  private final OutboundFixture fixture = new OutboundFixture();
  private final EnqueueFailingBackend storage = new EnqueueFailingBackend(fixture.storage);
  private final UUID uuid = UUID.randomUUID();
  private final Video video = SiteFixtures.video(uuid, "science", SiteFixtures.PUBLISHED);
  private LoopbackPeer peer;
  private DeliveryWorker worker;
  private OutboxRelay relay;
  private SiteApi api;

  @BeforeEach
  void start() {
    await(storage.localActors().upsertChannel(SiteFixtures.channel("science", "alice")));
    await(fixture.keys.ensureKeys("science"));
    peer = LoopbackPeer.start(fixture.vertx, fixture.publicKey("science"), fixture.clock);
    peer.answer(INBOX, 202);
    await(storage.follows().upsert(SiteFixtures.follow("science", peer.url("/users/bob"), Optional.empty())));
    relay = new OutboxRelay(storage.deliveryJobs(), new QueueingPublisher(fixture.urls, storage,
        LocalObjects.of(fixture.urls, storage, fixture.keys)), this::nudge,
        fixture.clock, REQUEST_WAIT);
    api = new SiteApi(storage, fixture.keys, relay, new ChangeListener() {
      @Override
      public void actorChanged(String name) {
      }

      @Override
      public void videoChanged(UUID changed) {
      }
    }, fixture.clock);
    startIdleWorker();
  }

  @AfterEach
  void stop() {
    await(worker.stop().toCompletionStage());
    peer.close();
    fixture.close();
  }

  private void nudge() {
    worker.nudge();
  }

  /**
   * A worker that polls once an hour, after its first claim is over: a sentinel job queued before the start is
   * delivered by that claim, and from then on only a nudge makes it claim within the test.
   */
  private void startIdleWorker() {
    DeliverySettings hourly = new DeliverySettings(new QueueWorker.Settings(8, Duration.ofHours(1),
        Duration.ofMinutes(10)), 4, Duration.ofSeconds(10), DeliverySettings.DEFAULT.retry(), 3,
        DeliverySettings.DEFAULT.schemes());
    await(storage.deliveryJobs().enqueueAll(List.of(new Delivery(peer.url(INBOX), "science",
        URI.create(fixture.urls.base() + "/sentinel"), Optional.empty(), "{\"type\":\"Sentinel\"}"))));
    worker = DeliveryWorker.create(fixture.vertx, storage, fixture.http(true), fixture.signer, fixture.clock,
        () -> 0L, hourly);
    worker.start();
    assertThat(type(peer.next())).isEqualTo("Sentinel");
  }

  private static String type(LoopbackPeer.Received received) {
    try {
      return JSON.readTree(received.request().body()).get("type").asText();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Stops the worker (its in-flight jobs finish) and checks nothing else reached the peer nor waits in the queue. */
  private void assertNothingMoreSent() {
    await(worker.stop().toCompletionStage());
    assertThat(peer.pending()).isZero();
    assertThat(await(storage.deliveryJobs().claimDue(fixture.clock.instant().plus(Duration.ofDays(1)), 10,
        Duration.ofMinutes(1)))).isEmpty();
  }

  @Test
  void publish_isDeliveredAtOnce_notAtTheWorkersNextPoll() {
    await(api.putVideo(video));

    LoopbackPeer.Received create = peer.next();

    assertThat(type(create)).isEqualTo("Create");
    assertThat(create.verification()).isInstanceOf(Verified.class);
  }

  @Test
  void publish_whoseFanOutOutlastsTheRequestWait_isAnsweredThenFederatedInTheBackground_once() {
    CompletableFuture<Void> loadedStore = new CompletableFuture<>();
    storage.slowEnqueue.set(loadedStore);

    assertThat(await(api.putVideo(video)).created()).isTrue();
    assertThat(await(storage.deliveryJobs().findPending(FederationSubject.video(uuid))))
        .as("answered while the fan-out is still being queued, its mark durable").isPresent();

    loadedStore.complete(null);
    assertThat(type(peer.next())).isEqualTo("Create");
    assertThat(await(storage.deliveryJobs().findPending(FederationSubject.video(uuid)))).isEmpty();
    assertNothingMoreSent();
  }

  @Test
  void retriedPut_afterTheEnqueueFailed_federatesTheCreation_once() {
    storage.failing.set(true);
    assertThatThrownBy(() -> await(api.putVideo(video))).hasMessageContaining("went away");
    assertThat(await(storage.videos().find(uuid))).as("the write itself was stored").isPresent();
    assertThat(await(storage.deliveryJobs().findPending(FederationSubject.video(uuid)))).isPresent();
    storage.failing.set(false);

    assertThat(await(api.putVideo(video)).created()).as("the retry changes nothing").isFalse();

    assertThat(type(peer.next())).isEqualTo("Create");
    await(api.putVideo(video));
    assertNothingMoreSent();
  }

  @Test
  void recover_federatesWhatAFailedRequestLeftPending_once() {
    storage.failing.set(true);
    assertThatThrownBy(() -> await(api.putVideo(video))).hasMessageContaining("went away");
    storage.failing.set(false);

    assertThat(await(relay.recover(fixture.clock.instant()))).isEqualTo(1);
    assertThat(await(relay.recover(fixture.clock.instant()))).isZero();

    assertThat(type(peer.next())).isEqualTo("Create");
    assertNothingMoreSent();
  }

  @Test
  void recover_leavesMarksYoungerThanItsBound() {
    storage.failing.set(true);
    assertThatThrownBy(() -> await(api.putVideo(video))).hasMessageContaining("went away");
    storage.failing.set(false);

    assertThat(await(relay.recover(fixture.clock.instant().minus(OutboxRelay.DEFAULT_GRACE)))).isZero();
    assertThat(await(storage.deliveryJobs().findPending(FederationSubject.video(uuid)))).isPresent();
  }

  @Test
  void recover_whileTheEnqueueStillFails_leavesTheMarkForTheNextSweep() {
    storage.failing.set(true);
    assertThatThrownBy(() -> await(api.putVideo(video))).hasMessageContaining("went away");

    assertThat(await(relay.recover(fixture.clock.instant()))).isZero();

    assertThat(await(storage.deliveryJobs().findPending(FederationSubject.video(uuid)))).isPresent();
  }
}
