package dev.fedgate.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedgate.gateway.storage.Account;
import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.gateway.storage.DeliveryJobStore;
import dev.fedgate.gateway.storage.FederationChange;
import dev.fedgate.gateway.storage.FederationSubject;
import dev.fedgate.gateway.storage.Job;
import dev.fedgate.gateway.storage.PendingFederation;
import dev.fedgate.gateway.storage.UpsertResult;
import dev.fedgate.gateway.storage.Video;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of the transactional outbox: video and actor changes leave a {@link PendingFederation} mark written
 * with the change, {@link DeliveryJobStore#enqueueFederation} queues a mark's jobs and clears it at most once and only
 * for its version, and {@link DeliveryJobStore#pendingFederations} lists what a recovery sweep must federate.
 */
public abstract class OutboxContract extends StoreContract {
  private static final Duration LEASE = Duration.ofMinutes(5);

  private DeliveryJobStore jobs() {
    return backend.deliveryJobs();
  }

  @BeforeEach
  final void createChannel() {
    await(backend.localActors().upsertAccount(Samples.account("alice")));
    await(backend.localActors().upsertChannel(Samples.channel("cooking", "alice")));
  }

  private Optional<PendingFederation> pending(FederationSubject subject) {
    return await(jobs().findPending(subject));
  }

  private UUID newVideo() {
    UUID uuid = UUID.randomUUID();
    assertThat(await(backend.videos().upsert(Samples.video(uuid, "cooking", START)))).isEqualTo(UpsertResult.CREATED);
    return uuid;
  }

  private void rename(UUID uuid, String name) {
    Video v = Samples.video(uuid, "cooking", START);
    assertThat(await(backend.videos().upsert(new Video(uuid, v.channel(), name, v.description(), v.durationSeconds(),
        v.publishedAt(), v.url(), v.embedUrl(), v.thumbnails(), v.files(), v.hls(), v.tags(), v.language(),
        v.licence(), v.category(), v.sensitive(), v.commentsPolicy(), v.live())))).isEqualTo(UpsertResult.UPDATED);
  }

  private static Delivery delivery(String host, UUID video) {
    URI object = URI.create(Samples.SITE + "/videos/watch/" + video);
    return new Delivery(URI.create("https://" + host + "/inbox"), "cooking", URI.create(object + "/activity/create"),
        Optional.of(object), "{\"type\":\"Create\"}");
  }

  private List<Job<Delivery>> claimAll() {
    return await(jobs().claimDue(clock.instant().plus(Duration.ofHours(1)), 100, LEASE));
  }

  @Test
  void videoUpsert_created_isMarkedWithTheWrite() {
    UUID uuid = newVideo();

    PendingFederation mark = pending(FederationSubject.video(uuid)).orElseThrow();
    assertThat(mark.change()).isEqualTo(FederationChange.CREATED);
    assertThat(mark.subject()).isEqualTo(FederationSubject.video(uuid));
    assertThat(mark.markedAt()).isEqualTo(clock.instant());
  }

  @Test
  void videoUpsert_refusedOrUnchanged_marksNothingNew() {
    UUID orphan = UUID.randomUUID();
    assertThat(await(backend.videos().upsert(Samples.video(orphan, "nobody", START))))
        .isEqualTo(UpsertResult.MISSING_REFERENCE);
    assertThat(pending(FederationSubject.video(orphan))).isEmpty();

    UUID uuid = newVideo();
    long version = pending(FederationSubject.video(uuid)).orElseThrow().version();
    assertThat(await(backend.videos().upsert(Samples.video(uuid, "cooking", START))))
        .isEqualTo(UpsertResult.UNCHANGED);
    assertThat(pending(FederationSubject.video(uuid)).orElseThrow().version()).isEqualTo(version);
  }

  @Test
  void videoUpdate_ofAnUnfederatedCreation_staysACreation_underANewerVersion() {
    UUID uuid = newVideo();
    PendingFederation created = pending(FederationSubject.video(uuid)).orElseThrow();

    rename(uuid, "Renamed");

    PendingFederation merged = pending(FederationSubject.video(uuid)).orElseThrow();
    assertThat(merged.change()).isEqualTo(FederationChange.CREATED);
    assertThat(merged.version()).isGreaterThan(created.version());
  }

  @Test
  void videoUpdate_afterFederation_andDelete_areMarkedAsSuch() {
    UUID uuid = newVideo();
    assertThat(await(jobs().enqueueFederation(pending(FederationSubject.video(uuid)).orElseThrow(), List.of())))
        .isTrue();

    rename(uuid, "Renamed");
    assertThat(pending(FederationSubject.video(uuid)).orElseThrow().change()).isEqualTo(FederationChange.UPDATED);

    assertThat(await(backend.videos().delete(uuid))).isTrue();
    PendingFederation deleted = pending(FederationSubject.video(uuid)).orElseThrow();
    assertThat(deleted.change()).isEqualTo(FederationChange.DELETED);
    assertThat(await(backend.videos().delete(uuid))).isFalse();
    assertThat(pending(FederationSubject.video(uuid))).contains(deleted);
  }

  @Test
  void actorUpsert_marksOnlyUpdates() {
    assertThat(pending(FederationSubject.actor("alice"))).as("a new actor has nobody to tell").isEmpty();
    Account alice = Samples.account("alice");

    await(backend.localActors().upsertAccount(new Account("alice", "Alice, renamed", alice.summary(), alice.url(),
        alice.avatar(), alice.banner())));

    assertThat(pending(FederationSubject.actor("alice")).orElseThrow().change())
        .isEqualTo(FederationChange.UPDATED);
  }

  @Test
  void enqueueFederation_queuesTheJobsAndClearsTheMark_once() {
    UUID uuid = newVideo();
    PendingFederation mark = pending(FederationSubject.video(uuid)).orElseThrow();
    List<Delivery> deliveries = List.of(delivery("a.example", uuid), delivery("b.example", uuid));

    assertThat(await(jobs().enqueueFederation(mark, deliveries))).isTrue();
    assertThat(await(jobs().enqueueFederation(mark, deliveries))).as("a retry of the same mark").isFalse();

    assertThat(pending(FederationSubject.video(uuid))).isEmpty();
    assertThat(claimAll()).extracting(Job::payload).containsExactlyInAnyOrderElementsOf(deliveries);
  }

  @Test
  void enqueueFederation_ofASupersededVersion_queuesNothing_andKeepsTheNewerMark() {
    UUID uuid = newVideo();
    PendingFederation stale = pending(FederationSubject.video(uuid)).orElseThrow();
    rename(uuid, "Renamed");

    assertThat(await(jobs().enqueueFederation(stale, List.of(delivery("a.example", uuid))))).isFalse();

    assertThat(claimAll()).isEmpty();
    assertThat(pending(FederationSubject.video(uuid)).orElseThrow().version()).isGreaterThan(stale.version());
  }

  @Test
  void enqueueFederation_racingCallsForOneMark_queueExactlyOnce() {
    UUID uuid = newVideo();
    PendingFederation mark = pending(FederationSubject.video(uuid)).orElseThrow();

    List<Boolean> outcomes = race(8, i -> jobs().enqueueFederation(mark, List.of(delivery("a.example", uuid))));

    assertThat(outcomes).containsOnlyOnce(true);
    assertThat(claimAll()).hasSize(1);
  }

  @Test
  void enqueueFederation_tooManyJobs_isRefused() {
    UUID uuid = newVideo();
    PendingFederation mark = pending(FederationSubject.video(uuid)).orElseThrow();
    List<Delivery> tooMany = Collections.nCopies(DeliveryJobStore.MAX_ENQUEUE + 1,
        delivery("a.example", uuid));

    assertThatThrownBy(() -> jobs().enqueueFederation(mark, tooMany)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pendingFederations_listsMarksUpToATime_oldestVersionFirst_bounded() {
    UUID first = newVideo();
    UUID second = newVideo();
    clock.advance(Duration.ofMinutes(1));
    UUID later = newVideo();

    assertThat(await(jobs().pendingFederations(START, 10))).extracting(p -> p.subject().key())
        .containsExactly(first.toString(), second.toString());
    assertThat(await(jobs().pendingFederations(clock.instant(), 10))).extracting(p -> p.subject().key())
        .containsExactly(first.toString(), second.toString(), later.toString());
    assertThat(await(jobs().pendingFederations(clock.instant(), 1))).hasSize(1);
    assertThatThrownBy(() -> jobs().pendingFederations(START, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> jobs().pendingFederations(START, DeliveryJobStore.MAX_PENDING_BATCH + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
