package dev.fedgate.gateway.delivery;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedgate.gateway.fetch.MutableClock;
import dev.fedgate.gateway.storage.ClaimableQueue;
import dev.fedgate.gateway.storage.Job;
import dev.fedgate.gateway.storage.JobLease;
import dev.fedgate.gateway.storage.JobOutcome;
import dev.fedgate.gateway.storage.QueueStats;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.StorageProviders;
import dev.fedgate.gateway.storage.StorageSettings;
import dev.fedgate.gateway.storage.WebhookEvent;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueueWorkerTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
  private final Vertx vertx = Vertx.vertx();
  private final StorageBackend storage = await(StorageProviders.find("embedded").open(StorageSettings.builder()
      .url("mem:queue-worker-" + UUID.randomUUID()).clock(clock).build()));
  private final BlockingQueue<Running> running = new LinkedBlockingQueue<>();
  private final BlockingQueue<JobOutcome> outcomes = new LinkedBlockingQueue<>();
  private final QueueWorker<WebhookEvent> worker = new QueueWorker<>("test", vertx, storage.webhookJobs(),
      this::run, clock, new QueueWorker.Settings(2, Duration.ofHours(1), Duration.ofMinutes(5)));

  private record Running(Job<WebhookEvent> job, Promise<JobOutcome> outcome) {}

  private Future<JobOutcome> run(Job<WebhookEvent> job) {
    Promise<JobOutcome> outcome = Promise.promise();
    running.add(new Running(job, outcome));
    return outcome.future();
  }

  /**
   * The store's queue, recording how many jobs each claim took and each grouped completion carried, and which calls
   * did both at once.
   */
  private static final class RecordingQueue implements ClaimableQueue<WebhookEvent> {
    private final ClaimableQueue<WebhookEvent> store;
    private final List<Integer> claims = new CopyOnWriteArrayList<>();
    private final List<Integer> groups = new CopyOnWriteArrayList<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();

    RecordingQueue(ClaimableQueue<WebhookEvent> store) {
      this.store = store;
    }

    @Override
    public CompletionStage<List<Job<WebhookEvent>>> claimDue(Instant now, int max, Duration lease) {
      return store.claimDue(now, max, lease).thenApply(jobs -> {
        calls.add("claim");
        claims.add(jobs.size());
        return jobs;
      });
    }

    @Override
    public CompletionStage<Boolean> complete(JobLease lease, JobOutcome outcome) {
      return store.complete(lease, outcome);
    }

    @Override
    public CompletionStage<List<Boolean>> completeAll(List<Completion> completions) {
      calls.add("complete");
      groups.add(completions.size());
      return store.completeAll(completions);
    }

    @Override
    public CompletionStage<CompletedAndClaimed<WebhookEvent>> completeAllAndClaim(List<Completion> completions,
        Instant now, int max, Duration lease) {
      return store.completeAllAndClaim(completions, now, max, lease).thenApply(both -> {
        calls.add("complete and claim");
        groups.add(completions.size());
        claims.add(both.claimed().size());
        return both;
      });
    }

    @Override
    public CompletionStage<QueueStats> stats(Instant now) {
      return store.stats(now);
    }
  }

  @AfterEach
  void close() {
    await(storage.close());
    await(vertx.close().toCompletionStage());
  }

  private static <T> T next(BlockingQueue<T> queue) throws InterruptedException {
    T next = queue.poll(10, TimeUnit.SECONDS);
    assertThat(next).as("arrived in time").isNotNull();
    return next;
  }

  private void enqueue(int count) {
    for (int i = 0; i < count; i++) {
      await(storage.webhookJobs().enqueueAll(List.of(new WebhookEvent("t", "{}"))));
    }
  }

  @Test
  void runsAtMostMaxInFlight_andClaimsTheRestWhenASlotFrees() throws InterruptedException {
    enqueue(3);
    worker.onCompleted((job, outcome) -> outcomes.add(outcome));
    worker.start();
    Running first = next(running);
    next(running);
    assertThat(running.poll(200, TimeUnit.MILLISECONDS)).as("a third job beyond the cap").isNull();

    first.outcome().complete(JobOutcome.done());

    assertThat(next(outcomes)).isEqualTo(JobOutcome.done());
    assertThat(next(running).job().id()).isNotEqualTo(first.job().id());
  }

  /** Queues {@code jobs} and starts a worker with eight slots over a recording view of the queue. */
  private RecordingQueue startEightSlots(int jobs) {
    RecordingQueue queue = new RecordingQueue(storage.webhookJobs());
    QueueWorker<WebhookEvent> eight = new QueueWorker<>("test", vertx, queue, this::run, clock,
        new QueueWorker.Settings(8, Duration.ofHours(1), Duration.ofMinutes(5)));
    enqueue(jobs);
    eight.onCompleted((job, outcome) -> outcomes.add(outcome));
    eight.start();
    return queue;
  }

  @Test
  void jobsFinishingTogether_areCompletedInGroups() throws InterruptedException {
    RecordingQueue queue = startEightSlots(8);
    List<Running> all = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      all.add(next(running));
    }

    all.forEach(each -> each.outcome().complete(JobOutcome.done()));

    for (int i = 0; i < 8; i++) {
      next(outcomes);
    }
    assertThat(queue.groups).as("completions per store call, a quarter of the slots at least")
        .allSatisfy(size -> assertThat(size).isGreaterThanOrEqualTo(2))
        .satisfies(groups -> assertThat(groups.stream().mapToInt(Integer::intValue).sum()).isEqualTo(8));
    assertThat(await(storage.webhookJobs().stats(clock.instant())).waiting()).isZero();
  }

  @Test
  void aJobFinishingAlone_isCompletedAfterTheLinger() throws InterruptedException {
    RecordingQueue queue = startEightSlots(3);
    Running first = next(running);
    next(running);
    next(running);

    first.outcome().complete(JobOutcome.retryAt(clock.instant(), "HTTP 503"));

    assertThat(next(outcomes)).isEqualTo(JobOutcome.retryAt(clock.instant(), "HTTP 503"));
    assertThat(queue.groups).containsExactly(1);
  }

  @Test
  void underABacklog_theSlotsACompletionFrees_areClaimedInTheSameCall() throws InterruptedException {
    RecordingQueue queue = startEightSlots(20);
    List<Running> first = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      first.add(next(running));
    }

    first.get(0).outcome().complete(JobOutcome.done());
    first.get(1).outcome().complete(JobOutcome.done());
    next(outcomes);
    next(outcomes);
    next(running);
    next(running);

    // One group of two, or two of one when the first lingered alone: either way the claim has no commit of its own.
    assertThat(queue.calls).startsWith("claim").endsWith("complete and claim");
    assertThat(queue.calls.subList(1, queue.calls.size())).doesNotContain("claim");
    assertThat(queue.groups.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2);
    assertThat(queue.claims).containsExactly(8, 2);
    assertThat(running.poll(200, TimeUnit.MILLISECONDS)).as("a job beyond the cap").isNull();
  }

  @Test
  void underABacklog_aJobFinishingAlone_isRecordedWithoutAClaim_untilAQuarterOfTheSlotsIsFree()
      throws InterruptedException {
    RecordingQueue queue = startEightSlots(20);
    List<Running> first = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      first.add(next(running));
    }

    first.get(0).outcome().complete(JobOutcome.done());
    next(outcomes);
    assertThat(running.poll(200, TimeUnit.MILLISECONDS)).as("a claim for one free slot of eight").isNull();
    first.get(1).outcome().complete(JobOutcome.done());
    next(outcomes);
    next(running);
    next(running);

    assertThat(queue.calls).containsExactly("claim", "complete", "complete and claim");
    assertThat(queue.claims).containsExactly(8, 2);
  }

  @Test
  void withoutABacklog_completionsClaimNothing() throws InterruptedException {
    RecordingQueue queue = startEightSlots(3);
    List<Running> all = List.of(next(running), next(running), next(running));

    all.forEach(each -> each.outcome().complete(JobOutcome.done()));
    for (int i = 0; i < 3; i++) {
      next(outcomes);
    }

    assertThat(queue.calls).startsWith("claim", "complete").doesNotContain("complete and claim");
    assertThat(await(storage.webhookJobs().stats(clock.instant())).waiting()).isZero();
  }

  @Test
  void nudge_claimsNewJobsAtOnce() throws InterruptedException {
    worker.start();
    enqueue(1);

    worker.nudge();

    assertThat(next(running).job().attempts()).isEqualTo(1);
  }

  @Test
  void stop_waitsForJobsInFlight() throws InterruptedException {
    enqueue(1);
    worker.start();
    Running only = next(running);

    CompletableFuture<Void> stopped = worker.stop().toCompletionStage().toCompletableFuture();
    assertThatThrownBy(() -> stopped.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
    only.outcome().complete(JobOutcome.done());

    await(stopped);
    assertThat(await(storage.webhookJobs().stats(clock.instant())).waiting()).isZero();
  }
}
