package dev.fedgate.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedgate.gateway.storage.ClaimableQueue.Completion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class ClaimableQueueTest {
  private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

  /**
   * A queue whose only state is which leases are still current and one due job; it records the order of completions
   * and claims.
   */
  private static final class LeaseQueue implements ClaimableQueue<String> {
    private final Set<UUID> current;
    private final List<String> calls = new ArrayList<>();

    LeaseQueue(Set<UUID> current) {
      this.current = new HashSet<>(current);
    }

    @Override
    public CompletionStage<List<Job<String>>> claimDue(Instant now, int max, Duration lease) {
      calls.add("claim " + max);
      return CompletableFuture.completedFuture(List.of(new Job<>(new JobId(7), JobState.QUEUED, 1, now, now,
          Optional.empty(), Optional.of(new JobLease(new JobId(7), UUID.randomUUID(), now.plus(lease))), "due")));
    }

    @Override
    public CompletionStage<Boolean> complete(JobLease lease, JobOutcome outcome) {
      calls.add("complete " + lease.token());
      return CompletableFuture.completedFuture(current.remove(lease.token()));
    }

    @Override
    public CompletionStage<QueueStats> stats(Instant now) {
      return CompletableFuture.completedFuture(new QueueStats(0, 0, 0, Optional.empty()));
    }
  }

  private static Completion done(UUID token) {
    return new Completion(new JobLease(new JobId(1), token, NOW), JobOutcome.done());
  }

  @Test
  void completeAll_byDefault_completesOneByOneInOrder() {
    UUID first = UUID.randomUUID();
    UUID stale = UUID.randomUUID();
    UUID last = UUID.randomUUID();
    LeaseQueue queue = new LeaseQueue(Set.of(first, last));

    List<Boolean> applied = queue.completeAll(List.of(done(first), done(stale), done(last), done(first)))
        .toCompletableFuture().join();

    assertThat(applied).containsExactly(true, false, true, false);
    assertThat(queue.calls).containsExactly("complete " + first, "complete " + stale, "complete " + last,
        "complete " + first);
  }

  @Test
  void completeAllAndClaim_byDefault_completesThenClaims() {
    UUID current = UUID.randomUUID();
    UUID stale = UUID.randomUUID();
    LeaseQueue queue = new LeaseQueue(Set.of(current));

    ClaimableQueue.CompletedAndClaimed<String> both = queue.completeAllAndClaim(List.of(done(stale), done(current)),
        NOW, 5, Duration.ofMinutes(1)).toCompletableFuture().join();

    assertThat(both.applied()).containsExactly(false, true);
    assertThat(both.claimed()).extracting(Job::payload).containsExactly("due");
    assertThat(queue.calls).containsExactly("complete " + stale, "complete " + current, "claim 5");
  }

  @Test
  void completeAllAndClaim_outOfBoundsClaim_isRefusedBeforeAnyCompletion() {
    LeaseQueue queue = new LeaseQueue(Set.of());

    assertThatThrownBy(() -> queue.completeAllAndClaim(List.of(done(UUID.randomUUID())), NOW, 0,
        Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> queue.completeAllAndClaim(List.of(done(UUID.randomUUID())), NOW, 1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(queue.calls).isEmpty();
  }

  @Test
  void completeAll_moreThanOneClaim_isRefused() {
    LeaseQueue queue = new LeaseQueue(Set.of());

    assertThatThrownBy(() -> queue.completeAll(Collections.nCopies(ClaimableQueue.MAX_CLAIM + 1,
        done(UUID.randomUUID())))).isInstanceOf(IllegalArgumentException.class);
  }
}
