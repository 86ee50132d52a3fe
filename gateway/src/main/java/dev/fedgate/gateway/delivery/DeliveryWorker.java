package dev.fedgate.gateway.delivery;

import dev.fedgate.gateway.fetch.OutboundHttp;
import dev.fedgate.gateway.fetch.OutboundResponse;
import dev.fedgate.gateway.fetch.OutboundSigner;
import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.gateway.storage.Job;
import dev.fedgate.gateway.storage.JobOutcome;
import dev.fedgate.gateway.storage.StorageBackend;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;

/**
 * Sends the queued deliveries: claims due jobs, skips hosts marked unavailable, waits for a per-host slot, POSTs
 * signed at send time ({@link InboxPoster}), classifies the answer ({@link Attempt}), records host health, removes
 * the follower whose personal inbox is gone (410), and completes the job as the {@link RetryPolicy} says. Call
 * {@link #nudge()} after queueing so new jobs go out at once.
 */
public final class DeliveryWorker {
  private final StorageBackend storage;
  private final InboxPoster poster;
  private final GoneInboxes gone;
  private final HostHealth health;
  private final HostSlots slots;
  private final DeliverySettings settings;
  private final InstantSource clock;
  private final RandomGenerator random;
  private final QueueWorker<Delivery> worker;

  private DeliveryWorker(Vertx vertx, StorageBackend storage, OutboundHttp http, OutboundSigner signer,
      InstantSource clock, RandomGenerator random, DeliverySettings settings) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.health = new HostHealth(storage.remoteHosts(), settings.unavailableAfterDays(), HostHealth.DEFAULT_MAX_HOSTS);
    this.poster = new InboxPoster(vertx, http, signer, settings.schemes(), settings.deadline(), health);
    this.gone = new GoneInboxes(storage.follows(), storage.remoteActors());
    this.slots = new HostSlots(settings.perHost());
    this.worker = new QueueWorker<>("delivery", vertx, storage.deliveryJobs(), this::deliver, clock,
        settings.worker());
  }

  /** A worker on {@code storage}'s delivery queue; call {@link #start()} to begin. */
  public static DeliveryWorker create(Vertx vertx, StorageBackend storage, OutboundHttp http, OutboundSigner signer,
      InstantSource clock, RandomGenerator random, DeliverySettings settings) {
    return new DeliveryWorker(vertx, storage, http, signer, clock, random, settings);
  }

  /** Starts claiming. */
  public void start() {
    worker.start();
  }

  /** Calls {@code listener} with each job and its outcome once recorded (for metrics and tests). */
  public void onCompleted(BiConsumer<Job<Delivery>, JobOutcome> listener) {
    worker.onCompleted(listener);
  }

  /** Claims at once: new jobs were queued. */
  public void nudge() {
    worker.nudge();
  }

  /** Stops claiming and waits for the deliveries in flight. */
  public Future<Void> stop() {
    return worker.stop();
  }

  /** Per-host delivery health; the inbox calls {@link HostHealth#recordSuccess} on a signed request from a host. */
  public HostHealth hostHealth() {
    return health;
  }

  private Future<JobOutcome> deliver(Job<Delivery> job) {
    Delivery delivery = job.payload();
    String host = delivery.host();
    return Future.fromCompletionStage(health.isUnavailable(host)).compose(unavailable -> unavailable
        ? Future.succeededFuture(decide(job, new Attempt.HostUnavailable(host)))
        : slots.run(host, () -> poster.post(delivery)).transform(sent -> {
          AsyncResult<OutboundResponse> result = sent.map(InboxPoster.Sent::response);
          Optional<String> learned = sent.succeeded() ? sent.result().learnedScheme() : Optional.empty();
          return afterGone(delivery, result, Attempt.of(result, clock.instant()))
              .compose(attempt -> track(host, attempt, learned).map(ignored -> decide(job, attempt)));
        }));
  }

  private Future<Attempt> afterGone(Delivery delivery, AsyncResult<OutboundResponse> result, Attempt attempt) {
    if (result.failed() || result.result().status() != 410) {
      return Future.succeededFuture(attempt);
    }
    // 410 on an actor's own inbox: the actor is gone, so it no longer follows anyone here.
    return Future.fromCompletionStage(gone.inboxGone(delivery.inbox())).map(removed -> attempt);
  }

  /**
   * Records the host's health, with the signature scheme it accepted when that is new, before the job completes, so a
   * crash cannot lose a failure day.
   */
  private Future<Void> track(String host, Attempt attempt, Optional<String> learnedScheme) {
    Instant now = clock.instant();
    if (attempt instanceof Attempt.Delivered) {
      return Future.fromCompletionStage(health.recordSuccess(host, now, learnedScheme));
    }
    if (attempt instanceof Attempt.Retry) {
      return Future.fromCompletionStage(health.recordFailure(host, now));
    }
    return Future.succeededFuture();
  }

  private JobOutcome decide(Job<Delivery> job, Attempt attempt) {
    return settings.retry().decide(attempt, job.attempts(), clock.instant(), random);
  }
}
