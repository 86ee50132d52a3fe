package dev.fedgate.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.ClaimableQueue;
import dev.fedgate.gateway.storage.InboundActivity;
import dev.fedgate.gateway.storage.InboxStore;
import dev.fedgate.gateway.storage.Job;
import dev.fedgate.gateway.storage.JobOutcome;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract of {@link InboxStore}: atomic de-duplication plus the shared queue semantics. */
public abstract class InboxStoreContract extends ClaimableQueueContract<InboundActivity> {
  private static final int RACERS = 16;

  private InboxStore inbox() {
    return backend.inbox();
  }

  @Override
  protected ClaimableQueue<InboundActivity> queue() {
    return inbox();
  }

  @Override
  protected InboundActivity payload(int n) {
    return new InboundActivity(URI.create("https://mastodon.example/users/bob/statuses/" + n + "/activity"),
        n % 2 == 0 ? Optional.of("cooking") : Optional.empty(), URI.create("https://mastodon.example/users/bob"),
        "{\"id\":\"" + n + "\",\"type\":\"Like\"}");
  }

  @Override
  protected void enqueue(List<InboundActivity> payloads) {
    for (InboundActivity activity : payloads) {
      assertThat(await(inbox().accept(activity))).isTrue();
    }
  }

  @Test
  void accept_sameActivityIdTwice_queuesItOnce() {
    assertThat(await(inbox().accept(payload(1)))).isTrue();
    assertThat(await(inbox().accept(payload(1)))).isFalse();

    assertThat(await(inbox().claimDue(clock.instant(), 10, LEASE))).singleElement()
        .extracting(Job::payload).isEqualTo(payload(1));
  }

  @Test
  void accept_seenIdStaysSeenAfterProcessing() {
    enqueue(List.of(payload(1)));
    Job<InboundActivity> job = await(inbox().claimDue(clock.instant(), 10, LEASE)).get(0);
    await(inbox().complete(lease(job), JobOutcome.done()));

    assertThat(await(inbox().accept(payload(1)))).isFalse();
  }

  @Test
  void accept_concurrentDeliveriesOfOneId_exactlyOneIsNew() {
    List<Boolean> results = race(RACERS, i -> inbox().accept(payload(7)));

    assertThat(results).containsOnlyOnce(true);
    assertThat(await(inbox().claimDue(clock.instant(), 100, LEASE))).hasSize(1);
  }

  @Test
  void pruneSeen_forgetsOnlyOlderMarks() {
    enqueue(List.of(payload(1)));
    Instant firstSeen = clock.instant();
    clock.advance(Duration.ofHours(1));
    enqueue(List.of(payload(2)));

    assertThat(await(inbox().pruneSeen(firstSeen.plus(Duration.ofMinutes(30))))).isEqualTo(1);

    assertThat(await(inbox().accept(payload(1)))).isTrue();
    assertThat(await(inbox().accept(payload(2)))).isFalse();
  }
}
