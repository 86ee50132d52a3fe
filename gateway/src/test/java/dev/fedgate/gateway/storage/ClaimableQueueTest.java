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

  /** A queue whose only state is which leases are still current; it records the order of completions. */
  private static final class LeaseQueue implements ClaimableQueue<String> {
    private final Set<UUID> current;
    private final List<UUID> completed = new ArrayList<>();

    LeaseQueue(Set<UUID> current) {
      this.current = new HashSet<>(current);
    }

    @Override
    public CompletionStage<List<Job<String>>> claimDue(Instant now, int max, Duration lease) {
      return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletionStage<Boolean> complete(JobLease lease, JobOutcome outcome) {
      completed.add(lease.token());
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
    assertThat(queue.completed).containsExactly(first, stale, last, first);
  }

  @Test
  void completeAll_moreThanOneClaim_isRefused() {
    LeaseQueue queue = new LeaseQueue(Set.of());

    assertThatThrownBy(() -> queue.completeAll(Collections.nCopies(ClaimableQueue.MAX_CLAIM + 1,
        done(UUID.randomUUID())))).isInstanceOf(IllegalArgumentException.class);
  }
}
