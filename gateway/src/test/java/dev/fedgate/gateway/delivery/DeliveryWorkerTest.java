package dev.fedgate.gateway.delivery;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.fetch.LoopbackPeer;
import dev.fedgate.gateway.fetch.OutboundFixture;
import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.gateway.storage.Follow;
import dev.fedgate.gateway.storage.FollowState;
import dev.fedgate.gateway.storage.Job;
import dev.fedgate.gateway.storage.JobOutcome;
import dev.fedgate.gateway.storage.JobState;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.QueueStats;
import dev.fedgate.gateway.storage.RemoteHost;
import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.signatures.Verified;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeliveryWorkerTest {
  private static final String ACTIVITY =
      "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"https://gateway.example/a/1\","
          + "\"type\":\"Create\",\"actor\":\"https://gateway.example/accounts/alice\"}";
  private static final RetryPolicy NO_JITTER =
      new RetryPolicy(16, Duration.ofMinutes(1), Duration.ofHours(7), 0, Duration.ofDays(1));

  private final OutboundFixture fixture = new OutboundFixture();
  private final LoopbackPeer peer = LoopbackPeer.start(fixture.vertx, fixture.publicKey("alice"), fixture.clock);
  private final BlockingQueue<JobOutcome> outcomes = new LinkedBlockingQueue<>();
  private DeliveryWorker worker;

  @AfterEach
  void close() {
    if (worker != null) {
      await(worker.stop().toCompletionStage());
    }
    peer.close();
    fixture.close();
  }

  private DeliveryWorker start(DeliverySettings settings) {
    DeliverySettings quiet = new DeliverySettings(
        new QueueWorker.Settings(8, Duration.ofHours(1), Duration.ofMinutes(10)), settings.perHost(),
        settings.deadline(), settings.retry(), settings.unavailableAfterDays(), settings.schemes());
    worker = DeliveryWorker.create(fixture.vertx, fixture.storage, fixture.http(true), fixture.signer, fixture.clock,
        () -> 0L, quiet);
    worker.onCompleted((job, outcome) -> outcomes.add(outcome));
    worker.start();
    return worker;
  }

  private DeliveryWorker start() {
    return start(DeliverySettings.DEFAULT.withRetry(NO_JITTER));
  }

  private void enqueue(URI inbox) {
    await(fixture.storage.deliveryJobs().enqueueAll(List.of(new Delivery(inbox, "alice",
        URI.create("https://gateway.example/a/1"), Optional.empty(), ACTIVITY))));
  }

  private JobOutcome nextOutcome() {
    try {
      JobOutcome outcome = outcomes.poll(15, TimeUnit.SECONDS);
      assertThat(outcome).as("a job outcome").isNotNull();
      return outcome;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private Job<Delivery> onlyJob(JobState state) {
    String host = "127.0.0.1:" + peer.port();
    List<Job<Delivery>> jobs = await(fixture.storage.deliveryJobs().pageByHost(host, state, PageRequest.first(10)))
        .items();
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }

  private QueueStats stats() {
    return await(fixture.storage.deliveryJobs().stats(fixture.clock.instant()));
  }

  @Test
  void delivered_postsSignedActivity_andCompletesJob() {
    peer.answer("/users/bob/inbox", 202);
    enqueue(peer.url("/users/bob/inbox"));
    start();

    LoopbackPeer.Received got = peer.next();

    assertThat(nextOutcome()).isInstanceOf(JobOutcome.Done.class);
    assertThat(got.request().method()).isEqualTo("POST");
    assertThat(new String(got.request().body(), StandardCharsets.UTF_8)).isEqualTo(ACTIVITY);
    assertThat(got.request().headers().first("Content-Type")).hasValue("application/activity+json");
    assertThat(got.request().headers().first("Digest")).isPresent();
    assertThat(got.request().headers().contains("Content-Encoding")).isFalse();
    assertThat(got.verification()).isInstanceOfSatisfying(Verified.class, v -> {
      assertThat(v.scheme()).isEqualTo(SignatureScheme.CAVAGE_12);
      assertThat(v.keyId()).isEqualTo("https://gateway.example/accounts/alice#main-key");
      assertThat(v.coveredComponents()).containsExactly("(request-target)", "host", "date", "digest", "content-type");
    });
    QueueStats stats = stats();
    assertThat(stats.waiting() + stats.inFlight() + stats.dead()).isZero();
  }

  @Test
  void serverError_isRetriedAfterBackoff_thenDelivered() {
    peer.answer("/inbox", 500);
    enqueue(peer.url("/inbox"));
    start();
    peer.next();

    assertThat(nextOutcome()).isInstanceOf(JobOutcome.RetryAt.class);
    Job<Delivery> waiting = onlyJob(JobState.QUEUED);
    assertThat(waiting.dueAt()).isEqualTo(fixture.clock.instant().plus(Duration.ofMinutes(1)));
    assertThat(waiting.lastError()).hasValue("answered 500");

    peer.answer("/inbox", 200);
    fixture.clock.advance(Duration.ofMinutes(1));
    worker.nudge();
    peer.next();

    assertThat(nextOutcome()).isInstanceOf(JobOutcome.Done.class);
    assertThat(stats().waiting()).isZero();
  }

  @Test
  void tooManyRequests_honoursRetryAfter() {
    peer.on("/inbox", (r, response) -> response.setStatusCode(429).putHeader("Retry-After", "3600").end());
    enqueue(peer.url("/inbox"));
    start();
    peer.next();

    assertThat(nextOutcome()).isInstanceOf(JobOutcome.RetryAt.class);
    assertThat(onlyJob(JobState.QUEUED).dueAt()).isEqualTo(fixture.clock.instant().plus(Duration.ofHours(1)));
  }

  @Test
  void gone_onFollowersPersonalInbox_removesTheFollower_andGivesUp() {
    URI bob = peer.url("/users/bob");
    await(fixture.storage.follows().upsert(new Follow("alice", bob, peer.url("/users/bob/inbox"),
        Optional.of(peer.url("/inbox")), FollowState.ACCEPTED, URI.create(bob + "/follows/1"))));
    peer.answer("/users/bob/inbox", 410);
    enqueue(peer.url("/users/bob/inbox"));
    start();
    peer.next();

    assertThat(nextOutcome()).isInstanceOf(JobOutcome.GiveUp.class);
    assertThat(await(fixture.storage.follows().find("alice", bob))).isEmpty();
    assertThat(onlyJob(JobState.DEAD).lastError()).hasValue("answered 410");
  }

  @Test
  void gone_onSharedInbox_keepsFollowers() {
    URI bob = peer.url("/users/bob");
    await(fixture.storage.follows().upsert(new Follow("alice", bob, peer.url("/users/bob/inbox"),
        Optional.of(peer.url("/inbox")), FollowState.ACCEPTED, URI.create(bob + "/follows/1"))));
    peer.answer("/inbox", 410);
    enqueue(peer.url("/inbox"));
    start();
    peer.next();

    assertThat(nextOutcome()).isInstanceOf(JobOutcome.GiveUp.class);
    assertThat(await(fixture.storage.follows().find("alice", bob))).isPresent();
  }

  @Test
  void clientError_givesUpAtOnce() {
    peer.answer("/inbox", 403);
    enqueue(peer.url("/inbox"));
    start();
    peer.next();

    assertThat(nextOutcome()).isEqualTo(JobOutcome.giveUp("answered 403"));
    assertThat(onlyJob(JobState.DEAD).attempts()).isEqualTo(1);
  }

  @Test
  void unauthorized_isRetried_afterTryingRfc9421Once() {
    peer.answer("/inbox", 401);
    enqueue(peer.url("/inbox"));
    start();

    LoopbackPeer.Received first = peer.next();
    LoopbackPeer.Received second = peer.next();

    assertThat(nextOutcome()).isInstanceOf(JobOutcome.RetryAt.class);
    assertThat(((Verified) first.verification()).scheme()).isEqualTo(SignatureScheme.CAVAGE_12);
    assertThat(((Verified) second.verification()).scheme()).isEqualTo(SignatureScheme.RFC_9421);
  }

  /** The peer takes only RFC 9421; one delivery is sent (knocking twice) and done. */
  private void deliverOnceToAnRfc9421OnlyPeer() {
    peer.on("/inbox", (r, response) -> response.setStatusCode(
        r.request().headers().contains("Signature-Input") ? 202 : 401).end());
    enqueue(peer.url("/inbox"));
    start();
    peer.next();
    peer.next();
    assertThat(nextOutcome()).isEqualTo(JobOutcome.done());
  }

  private String peerHost() {
    return Delivery.hostOf(peer.url("/inbox"));
  }

  private void assertNextDeliveryUsesRfc9421First() {
    assertThat(((Verified) peer.next().verification()).scheme()).isEqualTo(SignatureScheme.RFC_9421);
    assertThat(nextOutcome()).isEqualTo(JobOutcome.done());
    assertThat(peer.pending()).isZero();
  }

  @Test
  void rfc9421AcceptedAfterCavageRefused_isUsedFirstForThatHostNextTime() {
    deliverOnceToAnRfc9421OnlyPeer();

    enqueue(peer.url("/inbox"));
    worker.nudge();

    assertNextDeliveryUsesRfc9421First();
  }

  @Test
  void schemeThatWorked_isStoredForTheHost_andAWorkerStartedLaterBeginsWithIt() {
    deliverOnceToAnRfc9421OnlyPeer();
    assertThat(await(fixture.storage.remoteHosts().find(peerHost())).flatMap(RemoteHost::signatureScheme))
        .contains("rfc9421");
    await(worker.stop().toCompletionStage());

    enqueue(peer.url("/inbox"));
    start();

    assertNextDeliveryUsesRfc9421First();
  }

  @Test
  void schemeStoredByAnotherNode_isUsedFirst() {
    peer.on("/inbox", (r, response) -> response.setStatusCode(202).end());
    await(fixture.storage.remoteHosts().rememberSignatureScheme(peerHost(), "rfc9421"));
    enqueue(peer.url("/inbox"));
    start();

    assertNextDeliveryUsesRfc9421First();
  }

  @Test
  void slowRemote_timesOut_andIsRetried() {
    peer.on("/inbox", (r, response) -> { });
    enqueue(peer.url("/inbox"));
    start(DeliverySettings.DEFAULT.withRetry(NO_JITTER).withDeadline(Duration.ofMillis(300)));
    peer.next();

    assertThat(nextOutcome()).isInstanceOf(JobOutcome.RetryAt.class);
    assertThat(onlyJob(JobState.QUEUED).lastError()).hasValue("TIMEOUT");
  }

  @Test
  void hostFailingOnSevenDays_isMarkedUnavailable_andSkipped() {
    String host = "127.0.0.1:" + peer.port();
    peer.answer("/inbox", 503);
    enqueue(peer.url("/inbox"));
    start();
    for (int day = 1; day <= HostHealth.DEFAULT_UNAVAILABLE_AFTER_DAYS; day++) {
      assertThat(await(worker.hostHealth().isUnavailable(host))).as("day %d", day).isFalse();
      peer.next();
      assertThat(nextOutcome()).isInstanceOf(JobOutcome.RetryAt.class);
      fixture.clock.advance(Duration.ofDays(1));
      worker.nudge();
    }

    assertThat(nextOutcome()).isEqualTo(JobOutcome.giveUp("host " + host + " is unavailable"));
    assertThat(await(worker.hostHealth().isUnavailable(host))).isTrue();
    assertThat(peer.pending()).isZero();
  }
}
