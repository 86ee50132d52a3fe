package dev.fedgate.gateway.delivery;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedgate.gateway.fetch.MutableClock;
import dev.fedgate.gateway.storage.Job;
import dev.fedgate.gateway.storage.JobOutcome;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.StorageProviders;
import dev.fedgate.gateway.storage.StorageSettings;
import dev.fedgate.gateway.storage.WebhookEvent;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
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
