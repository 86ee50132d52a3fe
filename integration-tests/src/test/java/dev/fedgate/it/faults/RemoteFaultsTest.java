package dev.fedgate.it.faults;

import static dev.fedgate.it.support.Federation.WAIT;
import static dev.fedgate.it.support.Federation.accepted;
import static dev.fedgate.it.support.Federation.awaitActivity;
import static dev.fedgate.it.support.Federation.items;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.delivery.DeliverySettings;
import dev.fedgate.gateway.delivery.QueueWorker;
import dev.fedgate.gateway.delivery.RetryPolicy;
import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.gateway.storage.Job;
import dev.fedgate.gateway.storage.JobOutcome;
import dev.fedgate.gateway.storage.JobState;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.RemoteHost;
import dev.fedgate.it.support.Federation;
import dev.fedgate.signatures.SchemePreference;
import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.testkit.junit.Eventually;
import dev.fedgate.testkit.junit.FedgateExtension;
import dev.fedgate.testkit.junit.SiteApiClient;
import dev.fedgate.testkit.peers.ArrivalLog;
import dev.fedgate.testkit.peers.InboxFault;
import dev.fedgate.testkit.peers.PeerProfile;
import dev.fedgate.testkit.peers.SimulatedActor;
import dev.fedgate.testkit.peers.SimulatedInstance;
import dev.fedgate.testkit.storage.TestClock;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Remote faults against a real gateway on a compressed clock: the gateway and the simulated instance share a
 * {@link TestClock} that the test moves to each retry's due time, so backoff and failing days pass in milliseconds;
 * the worker polls every 100 ms of real time and a POST may take 2 s.
 */
class RemoteFaultsTest {
  private static final TestClock CLOCK = new TestClock(Instant.parse("2026-11-25T06:00:00Z"));
  private static final RetryPolicy RETRY = new RetryPolicy(10, Duration.ofMinutes(1), Duration.ofHours(1), 0,
      Duration.ofDays(1));
  /** Two failing days make a host unavailable; the lease outlasts every clock jump of a test. */
  private static final DeliverySettings SETTINGS = new DeliverySettings(
      new QueueWorker.Settings(8, Duration.ofMillis(100), Duration.ofDays(30)), 4, Duration.ofSeconds(2), RETRY, 2,
      SchemePreference.CAVAGE_FIRST);

  @RegisterExtension
  static FedgateExtension fedgate = FedgateExtension.embedded().withClock(CLOCK).configure(b -> b.delivery(SETTINGS));

  /** Every delivery outcome the gateway recorded, as the worker reports it. */
  private static final ArrivalLog<Completed> OUTCOMES = new ArrivalLog<>();

  private SiteApiClient site;
  private SimulatedInstance remote;
  private SimulatedActor alice;
  private JsonObject channel;
  private String name;

  private record Completed(Job<Delivery> job, JobOutcome outcome) {}

  @BeforeAll
  static void listen() {
    fedgate.gateway().deliveries().onCompleted((job, outcome) -> OUTCOMES.add(new Completed(job, outcome)));
  }

  @BeforeEach
  void setUp() {
    site = fedgate.siteApi();
    name = Federation.channel(site, "faults");
    remote = SimulatedInstance.start(PeerProfile.mastodon(CLOCK), CLOCK);
    alice = remote.createActor("alice", "Person");
    channel = Federation.discover(fedgate, remote, alice, name, SignatureScheme.CAVAGE_12);
  }

  @AfterEach
  void tearDown() {
    remote.close();
  }

  @Test
  void remoteDownThenUp_getsEverythingAfterRecovery() {
    Federation.follow(remote, alice, channel, SignatureScheme.CAVAGE_12);
    remote.failInbox(InboxFault.down());
    List<URI> videos = List.of(publish("Down one"), publish("Down two"), publish("Down three"));
    for (URI video : videos) {
      retryFor(video);
    }

    remote.healInbox();
    advanceToDue(videos.get(0));

    for (URI video : videos) {
      assertThat(awaitActivity(remote, "Create", video.toString()).verified()).isTrue();
    }
    awaitHost(host -> host.failureDays() == 0 && host.lastSuccessAt().isPresent(), "healthy after a success");
  }

  @Test
  void failingDays_markTheHostUnavailable_andASignedRequestRevivesIt() {
    Federation.follow(remote, alice, channel, SignatureScheme.CAVAGE_12);
    remote.failInbox(InboxFault.down());
    URI video = publish("Unavailable");
    retryFor(video);
    CLOCK.advance(Duration.ofDays(1));
    fedgate.gateway().deliveries().nudge();
    awaitHost(RemoteHost::unavailable, "marked unavailable after two failing days");
    CLOCK.advance(Duration.ofDays(1));
    fedgate.gateway().deliveries().nudge();
    OUTCOMES.await(c -> about(c, video) && c.outcome() instanceof JobOutcome.GiveUp giveUp
        && giveUp.reason().contains("unavailable"), WAIT).orElseThrow(() -> new AssertionError("not skipped"));

    remote.healInbox();
    accepted(remote.deliver(alice, remote.profile().like(alice, video), channel, SignatureScheme.CAVAGE_12));
    awaitHost(host -> !host.unavailable(), "revived by a signed request from it");

    URI next = publish("Available again");
    assertThat(awaitActivity(remote, "Create", next.toString()).verified()).isTrue();
  }

  @Test
  void slowRemote_isRetriedAfterTheDeadline() {
    Federation.follow(remote, alice, channel, SignatureScheme.CAVAGE_12);
    remote.failNextPosts(1, InboxFault.slow(Duration.ofSeconds(6)));
    URI video = publish("Slow");
    retryFor(video);

    advanceToDue(video);

    assertThat(awaitActivity(remote, "Create", video.toString()).verified()).isTrue();
  }

  @Test
  void serverErrorThenOk_isDeliveredOnTheRetry() {
    Federation.follow(remote, alice, channel, SignatureScheme.CAVAGE_12);
    remote.failNextPosts(1, InboxFault.status(500));
    URI video = publish("Error then fine");
    retryFor(video);

    advanceToDue(video);

    assertThat(awaitActivity(remote, "Create", video.toString()).verified()).isTrue();
    assertThat(remote.faulted()).hasSize(1);
  }

  @Test
  void goneFollowerInbox_removesTheFollower() {
    remote.failNextPosts(1, InboxFault.status(410));
    JsonObject follow = remote.profile().follow(alice, URI.create(channel.getString("id")));
    accepted(remote.deliver(alice, follow, channel, SignatureScheme.CAVAGE_12));
    assertThat(remote.awaitFaulted(f -> "Accept".equals(f.type()), WAIT)).isPresent();

    Eventually.await("the follower removed after 410", () -> items(site.get("/api/v1/channels/" + name
        + "/followers")).encode(), list -> !list.contains(alice.id().toString()), WAIT);
  }

  @Test
  void tooManyRequests_retryAfterIsHonoured() {
    Federation.follow(remote, alice, channel, SignatureScheme.CAVAGE_12);
    remote.failNextPosts(1, InboxFault.tooManyRequests(Duration.ofHours(2)));
    Instant attempt = CLOCK.instant();
    URI video = publish("Slow down");

    JobOutcome.RetryAt retry = retryFor(video);

    assertThat(retry.at()).as("not before Retry-After (the backoff alone says 1 minute)")
        .isAfterOrEqualTo(attempt.plus(Duration.ofHours(2)));
    assertThat(queued(video).dueAt()).isEqualTo(retry.at());
    advanceToDue(video);
    assertThat(awaitActivity(remote, "Create", video.toString()).verified()).isTrue();
  }

  private URI publish(String title) {
    return Federation.publish(site, UUID.randomUUID(), name, title);
  }

  private boolean about(Completed completed, URI video) {
    return completed.job().payload().objectId().equals(Optional.of(video))
        && completed.job().payload().host().equals(remote.host());
  }

  /** Waits for the failed attempt at delivering {@code video}'s Create and the retry time it was given. */
  private JobOutcome.RetryAt retryFor(URI video) {
    return (JobOutcome.RetryAt) OUTCOMES.await(c -> about(c, video) && c.outcome() instanceof JobOutcome.RetryAt,
        WAIT).orElseThrow(() -> new AssertionError("no failed attempt for " + video)).outcome();
  }

  private Job<Delivery> queued(URI video) {
    return fedgate.gateway().storage().deliveryJobs().pageByHost(remote.host(), JobState.QUEUED,
        PageRequest.first(100)).toCompletableFuture().join().items().stream()
        .filter(job -> job.payload().objectId().equals(Optional.of(video))).findFirst()
        .orElseThrow(() -> new AssertionError("no queued delivery of " + video));
  }

  /** Moves the shared clock to when {@code video}'s delivery is due again and wakes the worker. */
  private void advanceToDue(URI video) {
    Duration wait = Duration.between(CLOCK.instant(), queued(video).dueAt());
    CLOCK.advance(wait.isNegative() ? Duration.ZERO : wait);
    fedgate.gateway().deliveries().nudge();
  }

  private void awaitHost(Predicate<RemoteHost> state, String what) {
    Eventually.await(remote.host() + " " + what, () -> fedgate.gateway().storage().remoteHosts()
        .find(remote.host()).toCompletableFuture().join(), found -> found.filter(state).isPresent(), WAIT);
  }
}
