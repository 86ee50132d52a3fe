package dev.fedgate.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedgate.gateway.storage.ClaimableQueue;
import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.gateway.storage.DeliveryJobStore;
import dev.fedgate.gateway.storage.Job;
import dev.fedgate.gateway.storage.JobId;
import dev.fedgate.gateway.storage.JobOutcome;
import dev.fedgate.gateway.storage.JobQueue;
import dev.fedgate.gateway.storage.JobState;
import dev.fedgate.gateway.storage.PageRequest;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The contract of {@link DeliveryJobStore}: the shared queue semantics plus cancellation and per-host views. */
public abstract class DeliveryJobStoreContract extends ClaimableQueueContract<Delivery> {
  private static final URI VIDEO = URI.create(Samples.SITE + "/videos/watch/1");
  private static final URI OTHER_VIDEO = URI.create(Samples.SITE + "/videos/watch/2");

  private DeliveryJobStore jobs() {
    return backend.deliveryJobs();
  }

  @Override
  protected ClaimableQueue<Delivery> queue() {
    return jobs();
  }

  @Override
  protected Delivery payload(int n) {
    return delivery("https://peer" + (n % 3) + ".example/inbox", n, VIDEO);
  }

  @Override
  protected void enqueue(List<Delivery> payloads) {
    await(jobs().enqueueAll(payloads));
  }

  private static Delivery delivery(String inbox, int n, URI object) {
    return new Delivery(URI.create(inbox), "cooking", URI.create(Samples.SITE + "/activities/" + n),
        Optional.of(object), "{\"type\":\"Create\",\"n\":" + n + ",\"text\":\"caf\u00e9 \ud83c\udf70\"}");
  }

  @Test
  void enqueueAll_returnsDistinctIdsInOrder() {
    List<JobId> ids = await(jobs().enqueueAll(List.of(payload(1), payload(2), payload(3))));

    assertThat(ids).hasSize(3).doesNotHaveDuplicates();
    List<Job<Delivery>> claimed = await(jobs().claimDue(clock.instant(), 10, LEASE));
    assertThat(claimed.stream().collect(Collectors.toMap(Job::id, Job::payload)))
        .containsEntry(ids.get(0), payload(1)).containsEntry(ids.get(2), payload(3));
  }

  @Test
  void enqueueAll_tooMany_isRefused() {
    List<Delivery> tooMany = Collections.nCopies(JobQueue.MAX_ENQUEUE + 1, payload(1));

    assertThatThrownBy(() -> jobs().enqueueAll(tooMany)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void enqueueAll_nothing_addsNothing() {
    assertThat(await(jobs().enqueueAll(List.of()))).isEmpty();
    assertThat(await(jobs().claimDue(clock.instant(), 10, LEASE))).isEmpty();
  }

  @Test
  void cancelForObject_removesQueuedAndLeasedJobsOfThatObjectOnly() {
    Delivery other = delivery("https://peer1.example/inbox", 9, OTHER_VIDEO);
    Delivery noObject = new Delivery(URI.create("https://peer1.example/inbox"), "cooking",
        URI.create(Samples.SITE + "/activities/follow-accept"), Optional.empty(), "{}");
    enqueue(List.of(payload(1)));
    Job<Delivery> leased = await(jobs().claimDue(clock.instant(), 10, LEASE)).get(0);
    enqueue(List.of(payload(2), other, noObject));

    assertThat(await(jobs().cancelForObject(VIDEO))).isEqualTo(2);

    assertThat(await(jobs().complete(lease(leased), JobOutcome.done()))).isFalse();
    assertThat(await(jobs().claimDue(clock.instant(), 10, LEASE))).extracting(Job::payload)
        .containsExactlyInAnyOrder(other, noObject);
    assertThat(await(jobs().cancelForObject(VIDEO))).isZero();
  }

  @Test
  void pageByHost_listsOneHostsJobsInOneState_oldestFirst() {
    for (int i = 0; i < 9; i++) {
      enqueue(List.of(payload(i)));
    }
    List<Job<Delivery>> peer0 = readAllPagesBothWays(
        page -> await(jobs().pageByHost("peer0.example", JobState.QUEUED, page)), 2);

    assertThat(peer0).extracting(Job::payload).containsExactly(payload(0), payload(3), payload(6));
    assertThat(await(jobs().pageByHost("peer0.example", JobState.DEAD,
        PageRequest.first(10))).items()).isEmpty();
  }

  @Test
  void redrive_revivesOneHostsDeadJobs() {
    enqueue(List.of(payload(0), payload(1)));
    for (Job<Delivery> job : await(jobs().claimDue(clock.instant(), 10, LEASE))) {
      await(jobs().complete(lease(job), JobOutcome.giveUp("host unavailable")));
    }

    assertThat(await(jobs().redrive("peer0.example", clock.instant()))).isEqualTo(1);

    assertThat(await(jobs().claimDue(clock.instant(), 10, LEASE))).singleElement().satisfies(job -> {
      assertThat(job.payload()).isEqualTo(payload(0));
      assertThat(job.attempts()).isEqualTo(1);
    });
    assertThat(await(jobs().stats(clock.instant())).dead()).isEqualTo(1);
    assertThat(await(jobs().redrive("peer0.example", clock.instant()))).isZero();
  }

  @Test
  void pageByHost_malformedCursor_fails() {
    assertMalformedCursorsFail(request -> jobs().pageByHost("peer0.example", JobState.DEAD, request));
  }

  @Test
  void host_isLowerCasedWithItsPort() {
    assertThat(delivery("https://Peer.Example:8443/inbox", 1, VIDEO).host()).isEqualTo("peer.example:8443");
    assertThat(delivery("https://PEER.example/inbox", 1, VIDEO).host()).isEqualTo("peer.example");
  }
}
