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
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Processes the durable inbound queue: claims accepted activities under a lease, dispatches each to its handler, and
 * completes it; a transient failure (a fetch that may succeed later, a store hiccup) is retried with backoff, a
 * permanent one is given up. An activity claimed by a worker that dies becomes due again when its lease expires.
 * Activities the inbox leased to the worker as it accepted them ({@link #take}) are processed first, without a claim.
 *
 * <p>Activities are taken in batches (those handed over, else one claim) and the outcomes of a batch are completed
 * together in one transaction. Several batches run at once, up to {@link #WINDOW} activities: a batch waiting on a
 * slow peer's fetch holds its own activities only, and while one batch waits for its writes the next is processed,
 * so the store sees larger groups.
 */
public final class InboxWorker {
  /** Most activities per batch: those handed over, or one claim. */
  static final int BATCH = 32;
  /** Most activities in processing at once, over all running batches. */
  static final int WINDOW = 256;
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
  private final ArrayDeque<Handed> handed = new ArrayDeque<>();
  private final List<IdleWaiter> idleWaiters = new ArrayList<>();
  private long timer = -1;
  /** Activities taken (handed over or claimed) and not yet completed, plus the slots a running claim reserved. */
  private int inFlight;
  private boolean claiming;
  /** Whether the queue may hold due activities no claim has seen: set by a poll or a queued accept. */
  private boolean queueMayHaveDue;
  /** Counts the times {@link #queueMayHaveDue} was set, so a claim begun before the last one does not clear it. */
  private long queueSignals;
  private long taken;

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
   * Takes an activity leased to this worker at its accept: it is processed without claiming it from the queue, and
   * without reading its JSON again when the inbox passes what it {@code read} from the very same JSON. Call
   * {@link #poke()} after.
   */
  public synchronized void take(Job<InboundActivity> job, Optional<ApObject> read) {
    if (job.lease().isEmpty()) {
      throw new IllegalArgumentException("only a leased job can be handed to the worker");
    }
    handed.add(new Handed(job, Objects.requireNonNull(read, "read")));
  }

  /** A job leased at its accept, with its activity as the inbox read it when that was from the job's own JSON. */
  private record Handed(Job<InboundActivity> job, Optional<ApObject> read) {}

  /** Tells the worker an activity was queued without a lease to it: the next claim looks for it. Call {@link #poke()} after. */
  public synchronized void queued() {
    signalQueue();
  }

  /** Polls the queue every {@link #POLL} until {@link #stop()}. */
  public synchronized void start() {
    if (timer == -1) {
      timer = vertx.setPeriodic(POLL.toMillis(), id -> {
        synchronized (this) {
          signalQueue();
        }
        poke();
      });
    }
  }

  /** Stops polling; activities in progress finish, unprocessed ones stay queued. */
  public synchronized void stop() {
    if (timer != -1) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  /** Starts processing what was handed over or queued, as far as the window has room: called after each accept. */
  public void poke() {
    fill();
  }

  /**
   * Processes due activities until none is left: completes, once the worker is idle (nothing handed over, in
   * processing or due in the queue), with how many activities it took meanwhile, or fails when a claim or a
   * completion failed meanwhile. A caller that waits on this sees everything accepted before the call processed.
   */
  public Future<Integer> drain() {
    Promise<Integer> idle = Promise.promise();
    synchronized (this) {
      signalQueue();
      idleWaiters.add(new IdleWaiter(idle, taken));
    }
    fill();
    return idle.future();
  }

  private record IdleWaiter(Promise<Integer> idle, long takenBefore) {}

  private void signalQueue() {
    queueMayHaveDue = true;
    queueSignals++;
  }

  /** Starts batches while the window has room and there is work: handed activities first, else one claim at a time. */
  private void fill() {
    while (true) {
      List<Handed> batch;
      int claim = 0;
      long signals = 0;
      synchronized (this) {
        int room = Math.min(BATCH, WINDOW - inFlight);
        batch = room > 0 ? takeHanded(room) : List.of();
        if (!batch.isEmpty()) {
          inFlight += batch.size();
          taken += batch.size();
        } else if (room > 0 && queueMayHaveDue && !claiming) {
          claiming = true;
          claim = room;
          signals = queueSignals;
          inFlight += room;
        } else {
          break;
        }
      }
      if (claim > 0) {
        claim(claim, signals);
        return;
      }
      run(batch);
    }
    settleIdle();
  }

  /**
   * Up to {@code max} of the handed activities. One whose lease ends within half a lease is left to the queue, which
   * gives it to a claim once the lease has run out, rather than risk processing it while another claimer has it.
   */
  private List<Handed> takeHanded(int max) {
    Instant keptUntil = clock.instant().plus(lease.dividedBy(2));
    List<Handed> batch = new ArrayList<>(Math.min(handed.size(), max));
    while (batch.size() < max && !handed.isEmpty()) {
      Handed next = handed.poll();
      if (next.job().lease().orElseThrow().until().isAfter(keptUntil)) {
        batch.add(next);
      }
    }
    return batch;
  }

  /** Claims up to {@code reserved} due activities (their slots already counted) and runs them as a batch. */
  private void claim(int reserved, long signalsAtStart) {
    Future.fromCompletionStage(store.claimDue(clock.instant(), reserved, lease)).onComplete(claimed -> {
      List<Handed> batch = claimed.succeeded()
          ? claimed.result().stream().map(job -> new Handed(job, Optional.empty())).toList() : List.of();
      if (claimed.failed()) {
        LOG.log(Level.WARNING, "inbox queue claim failed; the next poll tries again", claimed.cause());
        failDrains(claimed.cause());
      }
      synchronized (this) {
        claiming = false;
        inFlight -= reserved - batch.size();
        taken += batch.size();
        // A claim that found fewer than it asked for saw every due activity, unless one was queued after it began.
        if ((claimed.failed() || batch.size() < reserved) && queueSignals == signalsAtStart) {
          queueMayHaveDue = false;
        }
      }
      if (!batch.isEmpty()) {
        run(batch);
      }
      fill();
    });
  }

  /**
   * Processes a batch's activities together and completes them all in one store call once the last is processed: one
   * completion transaction per batch rather than one for each activity.
   */
  private void run(List<Handed> batch) {
    List<Future<JobOutcome>> outcomes = batch.stream().map(this::process).toList();
    Future.join(outcomes).compose(all -> complete(batch, outcomes)).onComplete(completed -> {
      if (completed.failed()) {
        LOG.log(Level.WARNING, "inbox batch completion failed; its activities come back when their lease ends",
            completed.cause());
        failDrains(completed.cause());
      }
      synchronized (this) {
        inFlight -= batch.size();
      }
      fill();
    });
  }

  /** Fails the drains waiting now: what they wait for could not be claimed or completed. */
  private void failDrains(Throwable cause) {
    List<IdleWaiter> failed;
    synchronized (this) {
      failed = List.copyOf(idleWaiters);
      idleWaiters.clear();
    }
    failed.forEach(waiter -> waiter.idle().fail(cause));
  }

  /** Completes the drains waiting for the worker to be idle, if it is. */
  private void settleIdle() {
    List<IdleWaiter> settled;
    long takenNow;
    synchronized (this) {
      if (idleWaiters.isEmpty() || inFlight > 0 || claiming || queueMayHaveDue || !handed.isEmpty()) {
        return;
      }
      settled = List.copyOf(idleWaiters);
      idleWaiters.clear();
      takenNow = taken;
    }
    settled.forEach(waiter -> waiter.idle().complete((int) (takenNow - waiter.takenBefore())));
  }

  /** How the job ended; never fails (a handler's failure is a retry or a give-up). */
  private Future<JobOutcome> process(Handed taken) {
    Job<InboundActivity> job = taken.job();
    InboundActivity activity = job.payload();
    ApObject object;
    try {
      object = taken.read().isPresent() ? taken.read().get()
          : reader.read(activity.json().getBytes(StandardCharsets.UTF_8));
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

  private Future<Void> complete(List<Handed> batch, List<Future<JobOutcome>> outcomes) {
    List<ClaimableQueue.Completion> completions = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      completions.add(new ClaimableQueue.Completion(batch.get(i).job().lease().orElseThrow(),
          outcomes.get(i).result()));
    }
    return completions.isEmpty() ? Future.succeededFuture()
        : Future.fromCompletionStage(store.completeAll(completions)).mapEmpty();
  }
}
