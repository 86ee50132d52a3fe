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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The contract of {@link InboxStore}: atomic de-duplication plus the shared queue semantics. */
public abstract class InboxStoreContract extends ClaimableQueueContract<InboundActivity> {
  private static final int RACERS = 16;
  private static final int GROUP = 12;
  private static final int ID_SPACE = 24;

  private InboxStore inbox() {
    return backend.inbox();
  }

  /**
   * Whether the store leases activities to the caller in {@link InboxStore#acceptAllLeased} (the embedded and
   * PostgreSQL backends do); a store that keeps the SPI's default, which leases nothing, overrides this to answer
   * {@code false}.
   */
  protected boolean leasesAtAccept() {
    return true;
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
  void accept_bodyOfAMebibyte_isQueuedWhole() {
    InboundActivity large = new InboundActivity(payload(1).activityId(), Optional.empty(), payload(1).signer(),
        "{\"content\":\"" + "x".repeat(1 << 20) + "\"}");

    assertThat(await(inbox().accept(large))).isTrue();

    assertThat(await(inbox().claimDue(clock.instant(), 1, LEASE))).singleElement().extracting(Job::payload)
        .isEqualTo(large);
  }

  @Test
  void acceptAll_newSeenAndRepeatedIds_answersAsAcceptOneByOne() {
    assertThat(await(inbox().accept(payload(1)))).isTrue();

    assertThat(await(inbox().acceptAll(List.of(payload(2), payload(1), payload(3), payload(2), payload(4)))))
        .containsExactly(true, false, true, false, true);

    assertThat(await(inbox().claimDue(clock.instant(), 100, LEASE))).extracting(Job::payload)
        .containsExactly(payload(1), payload(2), payload(3), payload(4));
    assertThat(await(inbox().accept(payload(3)))).isFalse();
  }

  @Test
  void acceptAll_emptyGroup_answersNothing() {
    assertThat(await(inbox().acceptAll(List.of()))).isEmpty();
  }

  @Test
  void acceptAll_concurrentGroupsWithOverlappingIds_exactlyOneTruePerIdAndTheQueueHoldsThem() {
    // Each group takes 12 ids of 0..23 starting at a different place, half of them in reverse order.
    List<List<InboundActivity>> groups = IntStream.range(0, RACERS).mapToObj(g -> {
      List<InboundActivity> group = IntStream.range(0, GROUP).mapToObj(i -> payload((g + i) % ID_SPACE))
          .collect(Collectors.toCollection(ArrayList::new));
      if (g % 2 == 1) {
        Collections.reverse(group);
      }
      return List.copyOf(group);
    }).toList();

    List<List<Boolean>> answers = race(RACERS, g -> inbox().acceptAll(groups.get(g)));

    Map<InboundActivity, Integer> trues = new HashMap<>();
    for (int g = 0; g < RACERS; g++) {
      assertThat(answers.get(g)).hasSize(GROUP);
      for (int i = 0; i < GROUP; i++) {
        if (answers.get(g).get(i)) {
          trues.merge(groups.get(g).get(i), 1, Integer::sum);
        }
      }
    }
    assertThat(trues.keySet()).containsExactlyInAnyOrderElementsOf(
        IntStream.range(0, ID_SPACE).mapToObj(this::payload).toList());
    assertThat(trues).allSatisfy((id, count) -> assertThat(count).as("%s", id.activityId()).isEqualTo(1));
    assertThat(await(inbox().claimDue(clock.instant(), 100, LEASE))).extracting(Job::payload)
        .containsExactlyInAnyOrderElementsOf(trues.keySet());
  }

  @Test
  void acceptAllLeased_newIds_areQueuedAndLeasedToTheCaller_asAClaimWouldLeaseThem() {
    Instant now = clock.instant();
    assertThat(await(inbox().accept(payload(1)))).isTrue();

    List<InboxStore.Acceptance> answers =
        await(inbox().acceptAllLeased(List.of(payload(2), payload(1), payload(3), payload(2)), now, LEASE));

    assertThat(answers).extracting(InboxStore.Acceptance::queued).containsExactly(true, false, true, false);
    assertThat(answers.get(1).leased()).isEmpty();
    assertThat(answers.get(3).leased()).isEmpty();
    List<Job<InboundActivity>> leased = answers.stream().flatMap(answer -> answer.leased().stream()).toList();
    assertThat(leased).extracting(Job::payload)
        .isEqualTo(leasesAtAccept() ? List.of(payload(2), payload(3)) : List.of());
    assertThat(leased).allSatisfy(job -> {
      assertThat(job.attempts()).isEqualTo(1);
      assertThat(job.lease()).hasValueSatisfying(lease -> {
        assertThat(lease.job()).isEqualTo(job.id());
        assertThat(lease.until()).isEqualTo(now.plus(LEASE));
      });
    });
    List<InboundActivity> claimable = new ArrayList<>(List.of(payload(1), payload(2), payload(3)));
    claimable.removeAll(leased.stream().map(Job::payload).toList());
    assertThat(await(inbox().claimDue(now, 100, LEASE))).extracting(Job::payload)
        .containsExactlyInAnyOrderElementsOf(claimable);
    assertThat(await(inbox().accept(payload(3)))).isFalse();
  }

  @Test
  void acceptAllLeased_aLeasedActivity_isCompletedByItsLease_orClaimedOnceTheLeaseRunsOut() {
    Assumptions.assumeTrue(leasesAtAccept(), "this store leases nothing at accept");
    Instant now = clock.instant();
    List<Job<InboundActivity>> leased = await(inbox().acceptAllLeased(List.of(payload(1), payload(2)), now, LEASE))
        .stream().flatMap(answer -> answer.leased().stream()).toList();
    assertThat(leased).hasSize(2);

    assertThat(await(inbox().complete(lease(leased.get(0)), JobOutcome.done()))).isTrue();
    assertThat(await(inbox().claimDue(now.plus(LEASE).minusMillis(1), 10, LEASE))).isEmpty();
    List<Job<InboundActivity>> again = await(inbox().claimDue(now.plus(LEASE), 10, LEASE));
    assertThat(again).singleElement().satisfies(job -> {
      assertThat(job.payload()).isEqualTo(payload(2));
      assertThat(job.attempts()).isEqualTo(2);
    });
    assertThat(await(inbox().complete(lease(leased.get(1)), JobOutcome.done()))).isFalse();
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
