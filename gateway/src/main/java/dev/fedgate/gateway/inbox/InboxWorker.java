package dev.fedgate.gateway.inbox;

import dev.fedgate.gateway.fetch.FetchBudget;
import dev.fedgate.gateway.fetch.FetchException;
import dev.fedgate.gateway.storage.ClaimableQueue;
import dev.fedgate.gateway.storage.InboundActivity;
import dev.fedgate.gateway.storage.InboxStore;
import dev.fedgate.gateway.storage.Job;
import dev.fedgate.gateway.storage.JobOutcome;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.VocabException;
import dev.fedgate.vocab.json.VocabReader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Processes the durable inbound queue: claims accepted activities under a lease, dispatches each to its handler, and
 * completes it; a transient failure (a fetch that may succeed later, a store hiccup) is retried with backoff, a
 * permanent one is given up. The outcomes of a round's activities are completed together in one transaction. An
 * activity claimed by a worker that dies becomes due again when its lease expires. Activities the inbox leased to the
 * worker as it accepted them ({@link #take}) are processed first, without a claim.
 */
public final class InboxWorker {
  /** Activities claimed per round. */
  static final int BATCH = 32;
  /** Long enough for a handler's fetches; a crashed worker's claims come back after it. */
  public static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);
  /** How often the queue is polled when idle; new activities are also picked up right after they are accepted. */
  static final Duration POLL = Duration.ofSeconds(1);
  /** Attempts before an activity is given up. */
  static final int MAX_ATTEMPTS = 8;
  /**
   * Most activities leased at their accept that wait here to be processed; past it the inbox queues activities for a
   * claim instead, so a burst costs bounded memory.
   */
  static final int MAX_HANDED = 1024;

  private static final Logger LOG = Logger.getLogger(InboxWorker.class.getName());

  private final Vertx vertx;
  private final InboxStore store;
  private final ActivityHandlers handlers;
  private final VocabReader reader;
  private final InboxCounters counters;
  private final InstantSource clock;
  private final Duration lease;
  private long timer = -1;
  private int pending;
  private Future<Integer> tail = Future.succeededFuture(0);
  private final ArrayDeque<Job<InboundActivity>> handed = new ArrayDeque<>();

  /**
   * A worker over {@code store}, dispatching to {@code handlers}, holding each claim for {@code lease}; call
   * {@link #start()} to poll.
   */
  public InboxWorker(Vertx vertx, InboxStore store, ActivityHandlers handlers, VocabReader reader,
      InboxCounters counters, InstantSource clock, Duration lease) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.store = Objects.requireNonNull(store, "store");
    this.handlers = Objects.requireNonNull(handlers, "handlers");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.counters = Objects.requireNonNull(counters, "counters");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lease = Objects.requireNonNull(lease, "lease");
  }

  /** How long the activities leased to this worker at their accept are leased for: as long as its claims. */
  public Duration lease() {
    return lease;
  }

  /** Whether {@code count} more activities leased at their accept may wait here. */
  public synchronized boolean hasRoom(int count) {
    return handed.size() + count <= MAX_HANDED;
  }

  /**
   * Takes an activity leased to this worker at its accept: the next round processes it without claiming it from the
   * queue. Call {@link #poke()} after.
   */
  public synchronized void take(Job<InboundActivity> job) {
    if (job.lease().isEmpty()) {
      throw new IllegalArgumentException("only a leased job can be handed to the worker");
    }
    handed.add(job);
  }

  /** Polls the queue every {@link #POLL} until {@link #stop()}. */
  public synchronized void start() {
    if (timer == -1) {
      timer = vertx.setPeriodic(POLL.toMillis(), id -> poke());
    }
  }

  /** Stops polling; activities in progress finish, unprocessed ones stay queued. */
  public synchronized void stop() {
    if (timer != -1) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  /**
   * Drains soon: called after an activity was accepted, and by the timer. Skipped when a drain is already waiting to
   * run after the current one, which will see this activity too.
   */
  public void poke() {
    synchronized (this) {
      if (pending > 1) {
        return;
      }
    }
    drain().onFailure(failure -> LOG.log(Level.WARNING, "inbox queue round failed", failure));
  }

  /**
   * Processes due activities until none is left, after any drain already running (drains never overlap, so a caller
   * that waits on this sees everything accepted before the call processed); completes with how many were taken.
   */
  public synchronized Future<Integer> drain() {
    pending++;
    Future<Integer> next = tail.transform(previous -> drainAll()).andThen(done -> {
      synchronized (this) {
        pending--;
      }
    });
    tail = next;
    return next;
  }

  private Future<Integer> drainAll() {
    return round().compose(count -> count == 0 ? Future.succeededFuture(0) : drainAll().map(more -> count + more));
  }

  /**
   * Takes a batch (the activities handed over at their accept first, else a claim from the queue), processes its
   * activities together and completes them all in one store call once the last is processed: one completion
   * transaction per batch rather than one for each activity (or each few).
   */
  private Future<Integer> round() {
    List<Job<InboundActivity>> taken = takeHanded();
    Future<List<Job<InboundActivity>>> batch = taken.isEmpty()
        ? Future.fromCompletionStage(store.claimDue(clock.instant(), BATCH, lease))
        : Future.succeededFuture(taken);
    return batch.compose(jobs -> {
      List<Future<JobOutcome>> outcomes = jobs.stream().map(this::process).toList();
      return Future.join(outcomes).compose(all -> complete(jobs, outcomes)).map(jobs.size());
    });
  }

  /**
   * Up to a batch of the handed activities. One whose lease ends within half a lease is left to the queue, which gives
   * it to a claim once the lease has run out, rather than risk processing it while another claimer has it.
   */
  private synchronized List<Job<InboundActivity>> takeHanded() {
    Instant keptUntil = clock.instant().plus(lease.dividedBy(2));
    List<Job<InboundActivity>> taken = new ArrayList<>(Math.min(handed.size(), BATCH));
    while (taken.size() < BATCH && !handed.isEmpty()) {
      Job<InboundActivity> job = handed.poll();
      if (job.lease().orElseThrow().until().isAfter(keptUntil)) {
        taken.add(job);
      }
    }
    return taken;
  }

  /** How the job ended; never fails (a handler's failure is a retry or a give-up). */
  private Future<JobOutcome> process(Job<InboundActivity> job) {
    InboundActivity activity = job.payload();
    ApObject object;
    try {
      object = reader.read(activity.json().getBytes(StandardCharsets.UTF_8));
    } catch (VocabException e) {
      counters.processed("dropped");
      return Future.succeededFuture(JobOutcome.giveUp("unreadable: " + e.getMessage()));
    }
    if (!handlers.handles(object.getClass())) {
      counters.processed("unhandled");
    }
    InboxDelivery delivery = new InboxDelivery(activity.recipient(), activity.signer(), FetchBudget.perRequest(),
        activity.json());
    Instant started = clock.instant();
    Future<Void> handled;
    try {
      handled = handlers.dispatch(delivery, object);
    } catch (RuntimeException e) {
      handled = Future.failedFuture(e);
    }
    return handled.transform(result -> {
      counters.processingTook(Duration.between(started, clock.instant()));
      if (result.succeeded()) {
        if (handlers.handles(object.getClass())) {
          counters.processed("handled");
        }
        return Future.succeededFuture(JobOutcome.done());
      }
      return Future.succeededFuture(failed(job, result.cause()));
    });
  }

  private JobOutcome failed(Job<InboundActivity> job, Throwable cause) {
    boolean permanent = cause instanceof FetchException fetch && !fetch.failure().retryable();
    if (permanent || job.attempts() >= MAX_ATTEMPTS) {
      counters.processed("dropped");
      LOG.log(Level.INFO, "giving up on " + job.payload().activityId() + ": " + cause);
      return JobOutcome.giveUp(String.valueOf(cause));
    }
    counters.processed("retried");
    Duration backoff = Duration.ofSeconds(30L << Math.min(job.attempts(), 10));
    return JobOutcome.retryAt(clock.instant().plus(backoff), String.valueOf(cause));
  }

  private Future<Void> complete(List<Job<InboundActivity>> jobs, List<Future<JobOutcome>> outcomes) {
    List<ClaimableQueue.Completion> completions = new ArrayList<>(jobs.size());
    for (int i = 0; i < jobs.size(); i++) {
      completions.add(new ClaimableQueue.Completion(jobs.get(i).lease().orElseThrow(), outcomes.get(i).result()));
    }
    return completions.isEmpty() ? Future.succeededFuture()
        : Future.fromCompletionStage(store.completeAll(completions)).mapEmpty();
  }
}
