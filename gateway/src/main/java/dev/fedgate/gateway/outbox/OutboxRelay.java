package dev.fedgate.gateway.outbox;

import dev.fedgate.gateway.storage.DeliveryJobStore;
import dev.fedgate.gateway.storage.FederationSubject;
import dev.fedgate.gateway.storage.PendingFederation;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves the store's pending-federation marks into the delivery queue. The Site API calls {@link #federatePending}
 * after every write (so a retried request also federates what an interrupted one left pending); {@link #start} runs a
 * recovery sweep at once and then periodically for marks nobody federated (a crash, a failed enqueue). After queuing,
 * it nudges the delivery worker so the jobs go out at once instead of at its next poll. Idempotent throughout: the
 * store queues each mark's deliveries at most once.
 */
public final class OutboxRelay {
  /** How often the sweep looks for forgotten marks. */
  public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofMinutes(1);
  /** A periodic sweep leaves younger marks to the request that wrote them (it is most likely still federating). */
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);
  /**
   * How long a request waits for its change's deliveries to be queued. A fan-out to very many followers can take longer
   * on a loaded store; the request is answered then (its mark is durable), well inside the Site API's storage timeout.
   */
  public static final Duration DEFAULT_REQUEST_WAIT = Duration.ofSeconds(3);
  /** Marks read per sweep query; a sweep reads batches until one is not full. */
  static final int SWEEP_BATCH = 100;
  private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

  private final DeliveryJobStore queue;
  private final Publisher publisher;
  private final Runnable nudge;
  private final InstantSource clock;
  private final Duration requestWait;
  private final AtomicBoolean sweeping = new AtomicBoolean();
  private volatile Runnable cancelTimer = () -> { };

  /** Federates through {@code publisher} into {@code queue}; {@code nudge} wakes the delivery worker. */
  public OutboxRelay(DeliveryJobStore queue, Publisher publisher, Runnable nudge, InstantSource clock) {
    this(queue, publisher, nudge, clock, DEFAULT_REQUEST_WAIT);
  }

  /** As above, with requests waiting at most {@code requestWait} for their fan-out to be queued. */
  public OutboxRelay(DeliveryJobStore queue, Publisher publisher, Runnable nudge, InstantSource clock,
      Duration requestWait) {
    this.queue = Objects.requireNonNull(queue, "queue");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.nudge = Objects.requireNonNull(nudge, "nudge");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.requestWait = Objects.requireNonNull(requestWait, "requestWait");
  }

  /**
   * Federates the subject's pending change, if it has one, for a request that just wrote it. Completes once its
   * deliveries are durably queued (by this call or a concurrent one), or with {@code false} after the request wait:
   * the fan-out then goes on in the background, and if it fails the mark stays for the recovery sweep, so the change
   * is federated either way. A failure within the wait fails the stage (the request may be retried; it is
   * idempotent).
   *
   * @return whether this call queued it within the wait
   */
  public CompletionStage<Boolean> federatePending(FederationSubject subject) {
    CompletableFuture<Boolean> federated = queue.findPending(subject).thenCompose(pending -> pending.isEmpty()
        ? CompletableFuture.completedFuture(false) : federate(pending.get())).toCompletableFuture();
    CompletableFuture<Boolean> answered =
        federated.copy().completeOnTimeout(false, requestWait.toMillis(), TimeUnit.MILLISECONDS);
    federated.whenComplete((queued, failure) -> {
      if (failure != null && answered.isDone() && !answered.isCompletedExceptionally()) {
        LOG.log(Level.WARNING, "outbox: federating " + subject + " after its request was answered failed;"
            + " the recovery sweep will retry it", failure);
      }
    });
    return answered;
  }

  /**
   * Federates every mark written at or before {@code markedBefore}, one at a time, batch by batch. A mark that fails
   * is logged and left for the next sweep; the sweep stops when a full batch made no progress.
   *
   * @return how many marks this sweep queued
   */
  public CompletionStage<Integer> recover(Instant markedBefore) {
    return queue.pendingFederations(markedBefore, SWEEP_BATCH).thenCompose(marks ->
        federateEach(marks, 0, Tally.NONE).thenCompose(tally -> marks.size() == SWEEP_BATCH && tally.settled() > 0
            ? recover(markedBefore).thenApply(more -> tally.queued() + more)
            : CompletableFuture.completedFuture(tally.queued())));
  }

  /**
   * Sweeps at once (every mark left by an earlier run), then every {@code interval} for marks older than
   * {@link #DEFAULT_GRACE}; sweeps never overlap. The work runs on the store's threads, not the event loop.
   */
  public void start(Vertx vertx, Duration interval) {
    sweep(clock.instant());
    long timer = vertx.setPeriodic(interval.toMillis(), id -> sweep(clock.instant().minus(DEFAULT_GRACE)));
    cancelTimer = () -> vertx.cancelTimer(timer);
  }

  /** Stops the periodic sweep; a sweep in progress finishes its current mark's transaction. */
  public void stop() {
    cancelTimer.run();
  }

  private void sweep(Instant markedBefore) {
    if (!sweeping.compareAndSet(false, true)) {
      return;
    }
    recover(markedBefore).whenComplete((queued, failure) -> {
      sweeping.set(false);
      if (failure != null) {
        LOG.log(Level.WARNING, "outbox: recovery sweep failed; retrying on the next one", failure);
      } else if (queued > 0) {
        LOG.info("outbox: recovery sweep federated " + queued + " pending change(s)");
      }
    });
  }

  /** What a sweep did so far: marks it queued, and marks settled (queued here, or found done or superseded). */
  private record Tally(int queued, int settled) {
    static final Tally NONE = new Tally(0, 0);

    Tally plus(boolean queuedHere) {
      return new Tally(queued + (queuedHere ? 1 : 0), settled + 1);
    }
  }

  /** Federates {@code marks} from {@code index} on, one after the other; a failed mark is logged and skipped. */
  private CompletionStage<Tally> federateEach(List<PendingFederation> marks, int index, Tally tally) {
    if (index == marks.size()) {
      return CompletableFuture.completedFuture(tally);
    }
    PendingFederation mark = marks.get(index);
    return federate(mark).handle((queued, failure) -> {
      if (failure != null) {
        LOG.log(Level.WARNING, "outbox: federating " + mark + " failed; it stays pending", failure);
        return tally;
      }
      return tally.plus(queued);
    }).thenCompose(next -> federateEach(marks, index + 1, next));
  }

  private CompletionStage<Boolean> federate(PendingFederation pending) {
    return publisher.federate(pending).thenApply(queued -> {
      if (queued) {
        nudge.run();
      }
      return queued;
    });
  }
}
