package dev.fedgate.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedgate.gateway.storage.ClaimableQueue;
import dev.fedgate.gateway.storage.ClaimableQueue.Completion;
import dev.fedgate.gateway.storage.Job;
import dev.fedgate.gateway.storage.JobId;
import dev.fedgate.gateway.storage.JobLease;
import dev.fedgate.gateway.storage.JobOutcome;
import dev.fedgate.gateway.storage.JobState;
import dev.fedgate.gateway.storage.QueueStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The claim, lease and completion semantics every durable queue shares (deliveries, webhooks, the inbox). A queue's
 * contract extends this with how to reach the queue, make a distinct payload, and put one in.
 *
 * @param <P> the queue's payload
 */
public abstract class ClaimableQueueContract<P> extends StoreContract {
  /** The lease the tests claim under. */
  protected static final Duration LEASE = Duration.ofMinutes(5);
  private static final int CLAIMERS = 8;
  private static final int RACED_JOBS = 300;

  /** The queue under test, from {@link #backend}. */
  protected abstract ClaimableQueue<P> queue();

  /** A payload that differs from the payload of every other {@code n}. */
  protected abstract P payload(int n);

  /** Puts payloads in the queue, due at the clock's time, in one durable step. */
  protected abstract void enqueue(List<P> payloads);

  @Test
  void claimDue_returnsDueJobsUnderALease() {
    enqueue(List.of(payload(1), payload(2)));
    Instant now = clock.instant();

    List<Job<P>> jobs = await(queue().claimDue(now, 10, LEASE));

    assertThat(jobs).extracting(Job::payload).containsExactlyInAnyOrder(payload(1), payload(2));
    assertThat(jobs).allSatisfy(job -> {
      assertThat(job.state()).isEqualTo(JobState.QUEUED);
      assertThat(job.attempts()).isEqualTo(1);
      assertThat(job.createdAt()).isEqualTo(now);
      assertThat(job.lease()).hasValueSatisfying(lease -> {
        assertThat(lease.job()).isEqualTo(job.id());
        assertThat(lease.until()).isEqualTo(now.plus(LEASE));
      });
    });
  }

  @Test
  void claimDue_emptyQueue_isEmpty() {
    assertThat(await(queue().claimDue(clock.instant(), 10, LEASE))).isEmpty();
  }

  @Test
  void claimDue_outOfBoundsArguments_areRefused() {
    assertThatThrownBy(() -> queue().claimDue(clock.instant(), 0, LEASE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> queue().claimDue(clock.instant(), ClaimableQueue.MAX_CLAIM + 1, LEASE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> queue().claimDue(clock.instant(), 1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void claimDue_takesAtMostMax() {
    enqueue(List.of(payload(1), payload(2), payload(3)));

    assertThat(await(queue().claimDue(clock.instant(), 2, LEASE))).hasSize(2);
    assertThat(await(queue().claimDue(clock.instant(), 2, LEASE))).hasSize(1);
  }

  @Test
  void claimDue_jobUnderAnUnexpiredLease_isNotClaimedAgain() {
    enqueue(List.of(payload(1)));
    await(queue().claimDue(clock.instant(), 10, LEASE));

    assertThat(await(queue().claimDue(clock.instant().plus(LEASE).minusMillis(1), 10, LEASE))).isEmpty();
  }

  @Test
  void claimDue_afterTheLeaseExpires_theJobIsDueAgainAndTheOldLeaseIsVoid() {
    enqueue(List.of(payload(1)));
    Job<P> first = await(queue().claimDue(clock.instant(), 10, LEASE)).get(0);

    List<Job<P>> again = await(queue().claimDue(clock.instant().plus(LEASE), 10, LEASE));

    assertThat(again).singleElement().satisfies(job -> {
      assertThat(job.id()).isEqualTo(first.id());
      assertThat(job.attempts()).isEqualTo(2);
      assertThat(job.lease().orElseThrow().token()).isNotEqualTo(first.lease().orElseThrow().token());
    });
    assertThat(await(queue().complete(lease(first), JobOutcome.done()))).isFalse();
    assertThat(await(queue().complete(lease(again.get(0)), JobOutcome.done()))).isTrue();
  }

  @Test
  void complete_done_removesTheJob() {
    enqueue(List.of(payload(1)));
    Job<P> job = await(queue().claimDue(clock.instant(), 10, LEASE)).get(0);

    assertThat(await(queue().complete(lease(job), JobOutcome.done()))).isTrue();

    assertThat(await(queue().claimDue(clock.instant().plus(Duration.ofDays(30)), 10, LEASE))).isEmpty();
    assertThat(await(queue().stats(clock.instant()))).isEqualTo(new QueueStats(0, 0, 0, Optional.empty()));
  }

  @Test
  void complete_twice_appliesOnlyOnce() {
    enqueue(List.of(payload(1)));
    Job<P> job = await(queue().claimDue(clock.instant(), 10, LEASE)).get(0);

    assertThat(await(queue().complete(lease(job), JobOutcome.retryAt(clock.instant(), "timeout")))).isTrue();
    assertThat(await(queue().complete(lease(job), JobOutcome.done()))).isFalse();
    assertThat(await(queue().claimDue(clock.instant(), 10, LEASE))).hasSize(1);
  }

  @Test
  void complete_retryAt_makesTheJobDueAtThatTimeWithItsError() {
    enqueue(List.of(payload(1)));
    Job<P> job = await(queue().claimDue(clock.instant(), 10, LEASE)).get(0);
    Instant retry = clock.instant().plus(Duration.ofMinutes(1));

    await(queue().complete(lease(job), JobOutcome.retryAt(retry, "HTTP 503")));

    assertThat(await(queue().claimDue(retry.minusMillis(1), 10, LEASE))).isEmpty();
    assertThat(await(queue().claimDue(retry, 10, LEASE))).singleElement().satisfies(again -> {
      assertThat(again.id()).isEqualTo(job.id());
      assertThat(again.attempts()).isEqualTo(2);
      assertThat(again.dueAt()).isEqualTo(retry);
      assertThat(again.lastError()).contains("HTTP 503");
      assertThat(again.payload()).isEqualTo(payload(1));
    });
  }

  @Test
  void complete_giveUp_keepsTheJobDeadAndUnclaimable() {
    enqueue(List.of(payload(1)));
    Job<P> job = await(queue().claimDue(clock.instant(), 10, LEASE)).get(0);

    assertThat(await(queue().complete(lease(job), JobOutcome.giveUp("HTTP 404")))).isTrue();

    assertThat(await(queue().claimDue(clock.instant().plus(Duration.ofDays(30)), 10, LEASE))).isEmpty();
    assertThat(await(queue().stats(clock.instant())).dead()).isEqualTo(1);
  }

  @Test
  void complete_longError_isKeptTruncated() {
    enqueue(List.of(payload(1)));
    Job<P> job = await(queue().claimDue(clock.instant(), 10, LEASE)).get(0);

    await(queue().complete(lease(job), JobOutcome.retryAt(clock.instant(), "x".repeat(100_000))));

    Job<P> again = await(queue().claimDue(clock.instant(), 10, LEASE)).get(0);
    assertThat(again.lastError().orElseThrow()).hasSizeBetween(100, 100_000);
  }

  @Test
  void claimDue_freshJobsComeBeforeRetries() {
    enqueue(List.of(payload(1)));
    Job<P> retried = await(queue().claimDue(clock.instant(), 10, LEASE)).get(0);
    await(queue().complete(lease(retried), JobOutcome.retryAt(clock.instant(), "HTTP 500")));
    clock.advance(Duration.ofSeconds(1));
    enqueue(List.of(payload(2)));

    assertThat(await(queue().claimDue(clock.instant(), 1, LEASE))).extracting(Job::payload)
        .containsExactly(payload(2));
  }

  @Test
  void stats_countWaitingInFlightAndDead_andTheOldestDueAge() {
    enqueue(List.of(payload(1), payload(2), payload(3)));
    Instant enqueued = clock.instant();
    List<Job<P>> claimed = await(queue().claimDue(enqueued, 2, LEASE));
    await(queue().complete(lease(claimed.get(0)), JobOutcome.giveUp("gone")));
    Instant later = clock.advance(Duration.ofSeconds(90));

    QueueStats stats = await(queue().stats(later));

    assertThat(stats).isEqualTo(new QueueStats(1, 1, 1, Optional.of(Duration.ofSeconds(90))));
  }

  @Test
  void claimDue_manyConcurrentClaimers_neverGetTheSameJob() throws Exception {
    List<P> payloads = new ArrayList<>();
    for (int i = 0; i < RACED_JOBS; i++) {
      payloads.add(payload(i));
    }
    enqueue(payloads);
    Instant now = clock.instant();
    List<JobId> claimed = Collections.synchronizedList(new ArrayList<>());
    ExecutorService claimers = Executors.newFixedThreadPool(CLAIMERS);
    try {
      List<Callable<Void>> loops = new ArrayList<>();
      for (int i = 0; i < CLAIMERS; i++) {
        loops.add(() -> {
          List<Job<P>> batch;
          do {
            batch = await(queue().claimDue(now, 7, LEASE));
            batch.forEach(job -> claimed.add(job.id()));
          } while (!batch.isEmpty());
          return null;
        });
      }
      for (Future<Void> loop : claimers.invokeAll(loops)) {
        loop.get();
      }
    } finally {
      claimers.shutdownNow();
    }

    assertThat(claimed).hasSize(RACED_JOBS).doesNotHaveDuplicates();
  }

  @Test
  void completeAll_mixedOutcomes_eachAppliedAsCompleteWouldApplyIt() {
    enqueue(List.of(payload(1), payload(2), payload(3)));
    List<Job<P>> jobs = await(queue().claimDue(clock.instant(), 10, LEASE));
    Instant retry = clock.instant().plus(Duration.ofMinutes(1));

    List<Boolean> applied = await(queue().completeAll(List.of(
        new Completion(lease(jobs.get(0)), JobOutcome.done()),
        new Completion(lease(jobs.get(1)), JobOutcome.retryAt(retry, "HTTP 503")),
        new Completion(lease(jobs.get(2)), JobOutcome.giveUp("HTTP 404")),
        new Completion(lease(jobs.get(0)), JobOutcome.giveUp("repeated")))));

    assertThat(applied).containsExactly(true, true, true, false);
    assertThat(await(queue().stats(clock.instant()))).isEqualTo(new QueueStats(1, 0, 1, Optional.empty()));
    assertThat(await(queue().claimDue(retry, 10, LEASE))).singleElement().satisfies(again -> {
      assertThat(again.id()).isEqualTo(jobs.get(1).id());
      assertThat(again.lastError()).contains("HTTP 503");
    });
  }

  @Test
  void completeAll_staleLeaseInTheGroup_answersFalseAndTheOthersApply() {
    enqueue(List.of(payload(1)));
    Job<P> stale = await(queue().claimDue(clock.instant(), 10, LEASE)).get(0);
    Instant later = clock.advance(LEASE);
    Job<P> reclaimed = await(queue().claimDue(later, 10, LEASE)).get(0);
    enqueue(List.of(payload(2)));
    Job<P> other = await(queue().claimDue(later, 10, LEASE)).get(0);

    List<Boolean> applied = await(queue().completeAll(List.of(
        new Completion(lease(stale), JobOutcome.done()),
        new Completion(lease(other), JobOutcome.done()))));

    assertThat(applied).containsExactly(false, true);
    assertThat(await(queue().stats(later))).isEqualTo(new QueueStats(0, 1, 0, Optional.empty()));
    assertThat(await(queue().complete(lease(reclaimed), JobOutcome.done()))).isTrue();
  }

  @Test
  void completeAll_emptyGroup_answersNothing() {
    assertThat(await(queue().completeAll(List.of()))).isEmpty();
  }

  @Test
  void completeAll_moreThanOneClaim_isRefused() {
    Completion any = new Completion(new JobLease(new JobId(1), UUID.randomUUID(), clock.instant()),
        JobOutcome.done());

    assertThatThrownBy(() -> queue().completeAll(Collections.nCopies(ClaimableQueue.MAX_CLAIM + 1, any)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void completeAllAndClaim_appliesTheCompletionsThenClaimsWhatIsDue() {
    enqueue(List.of(payload(1), payload(2)));
    Instant now = clock.instant();
    List<Job<P>> jobs = await(queue().claimDue(now, 10, LEASE));
    Job<P> done = jobs.get(0);
    Job<P> retried = jobs.get(1);
    enqueue(List.of(payload(3)));

    ClaimableQueue.CompletedAndClaimed<P> both = await(queue().completeAllAndClaim(List.of(
        new Completion(lease(done), JobOutcome.done()),
        new Completion(lease(retried), JobOutcome.retryAt(now, "HTTP 503")),
        new Completion(lease(done), JobOutcome.giveUp("repeated"))), now, 10, LEASE));

    assertThat(both.applied()).containsExactly(true, true, false);
    assertThat(both.claimed()).extracting(Job::payload).containsExactly(payload(3), retried.payload());
    assertThat(both.claimed()).allSatisfy(job -> assertThat(lease(job).until()).isEqualTo(now.plus(LEASE)));
    assertThat(both.claimed().get(1)).satisfies(again -> {
      assertThat(again.id()).isEqualTo(retried.id());
      assertThat(again.attempts()).isEqualTo(2);
      assertThat(again.lastError()).contains("HTTP 503");
    });
    assertThat(await(queue().stats(now))).isEqualTo(new QueueStats(0, 2, 0, Optional.empty()));
  }

  @Test
  void completeAllAndClaim_staleLease_answersFalseAndTheClaimStillHappens() {
    enqueue(List.of(payload(1)));
    Job<P> stale = await(queue().claimDue(clock.instant(), 10, LEASE)).get(0);
    Instant later = clock.advance(LEASE);
    Job<P> reclaimed = await(queue().claimDue(later, 10, LEASE)).get(0);
    enqueue(List.of(payload(2)));

    ClaimableQueue.CompletedAndClaimed<P> both = await(queue().completeAllAndClaim(List.of(
        new Completion(lease(stale), JobOutcome.done())), later, 10, LEASE));

    assertThat(both.applied()).containsExactly(false);
    assertThat(both.claimed()).extracting(Job::payload).containsExactly(payload(2));
    assertThat(await(queue().complete(lease(reclaimed), JobOutcome.done()))).isTrue();
  }

  @Test
  void completeAllAndClaim_noCompletionsAndNothingDue_answersNothing() {
    ClaimableQueue.CompletedAndClaimed<P> both =
        await(queue().completeAllAndClaim(List.of(), clock.instant(), 10, LEASE));

    assertThat(both.applied()).isEmpty();
    assertThat(both.claimed()).isEmpty();
  }

  @Test
  void completeAllAndClaim_outOfBoundsArguments_areRefused() {
    Completion any = new Completion(new JobLease(new JobId(1), UUID.randomUUID(), clock.instant()),
        JobOutcome.done());
    List<Completion> tooMany = Collections.nCopies(ClaimableQueue.MAX_CLAIM + 1, any);

    assertThatThrownBy(() -> queue().completeAllAndClaim(List.of(any), clock.instant(), 0, LEASE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> queue().completeAllAndClaim(List.of(any), clock.instant(),
        ClaimableQueue.MAX_CLAIM + 1, LEASE)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> queue().completeAllAndClaim(List.of(any), clock.instant(), 1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> queue().completeAllAndClaim(tooMany, clock.instant(), 1, LEASE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void completeAll_concurrentOverlappingGroups_completeEachJobExactlyOnce() throws Exception {
    List<P> payloads = new ArrayList<>();
    for (int i = 0; i < RACED_JOBS; i++) {
      payloads.add(payload(i));
    }
    enqueue(payloads);
    List<Job<P>> jobs = new ArrayList<>();
    List<Job<P>> batch;
    while (!(batch = await(queue().claimDue(clock.instant(), ClaimableQueue.MAX_CLAIM, LEASE))).isEmpty()) {
      jobs.addAll(batch);
    }
    // Every job is in two groups with different neighbours, so concurrent groups race for the same rows.
    List<List<Job<P>>> groups = new ArrayList<>();
    for (int shift : new int[] {0, 5}) {
      for (int from = 0; from < jobs.size(); from += 10) {
        List<Job<P>> group = new ArrayList<>();
        for (int i = from; i < from + 10; i++) {
          group.add(jobs.get((i + shift) % jobs.size()));
        }
        group.sort(Comparator.comparingLong(job -> job.id().value()));
        groups.add(group);
      }
    }
    Map<JobId, Integer> applied = new ConcurrentHashMap<>();
    ExecutorService completers = Executors.newFixedThreadPool(CLAIMERS);
    try {
      List<Callable<Void>> calls = new ArrayList<>();
      for (List<Job<P>> group : groups) {
        calls.add(() -> {
          List<Boolean> answers = await(queue().completeAll(group.stream()
              .map(job -> new Completion(lease(job), JobOutcome.done())).toList()));
          for (int i = 0; i < group.size(); i++) {
            applied.merge(group.get(i).id(), answers.get(i) ? 1 : 0, Integer::sum);
          }
          return null;
        });
      }
      for (Future<Void> call : completers.invokeAll(calls)) {
        call.get();
      }
    } finally {
      completers.shutdownNow();
    }

    assertThat(jobs).hasSize(RACED_JOBS);
    assertThat(applied).hasSize(RACED_JOBS).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
    assertThat(await(queue().stats(clock.instant()))).isEqualTo(new QueueStats(0, 0, 0, Optional.empty()));
  }

  /** The lease a claim returned with the job. */
  protected static JobLease lease(Job<?> job) {
    return job.lease().orElseThrow(() -> new AssertionError("a claimed job carries its lease"));
  }
}
