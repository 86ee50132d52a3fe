package dev.fedgate.gateway.delivery;

import dev.fedgate.gateway.storage.ClaimableQueue;
import dev.fedgate.gateway.storage.Job;
import dev.fedgate.gateway.storage.JobOutcome;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Claims due jobs from a {@link ClaimableQueue} and runs them, at most {@code maxInFlight} at once. It claims on a
 * short interval, when jobs finish while more were due than slots were free, and when {@link #nudge() nudged} (so a
 * freshly queued job goes out at once). Under a backlog it claims once a quarter of the slots is free rather than
 * once per finished job, and completes finished jobs a quarter of the slots at a time in one store transaction
 * ({@link ClaimableQueue#completeAll}), which also claims the jobs for the slots it frees while the backlog lasts
 * ({@link ClaimableQueue#completeAllAndClaim}); a finished job waits at most {@link #COMPLETION_LINGER} for others, and
 * none when it was the last one running. So a busy queue pays for one commit per quarter of its slots, not two per
 * job.
 * The store hands out never-tried jobs before retries. A job whose run fails unexpectedly is left to its lease, after
 * which it is due again. Used by deliveries and webhooks alike.
 *
 * @param <P> the job payload
 */
public final class QueueWorker<P> {
  private static final Logger LOG = Logger.getLogger(QueueWorker.class.getName());
  /**
   * Longest a finished job waits for others to share its completion's transaction. Short beside a delivery, and a
   * crash within it only sends the job again, as a crash before any completion would.
   */
  static final Duration COMPLETION_LINGER = Duration.ofMillis(20);

  /**
   * How a worker claims.
   *
   * @param maxInFlight jobs run at once (the global cap)
   * @param pollInterval how often it looks for due jobs when not nudged
   * @param lease how long a claimed job is hidden from other claimers; longer than a job's longest run
   */
  public record Settings(int maxInFlight, Duration pollInterval, Duration lease) {
    /** Checks the values. */
    public Settings {
      Objects.requireNonNull(pollInterval, "pollInterval");
      Objects.requireNonNull(lease, "lease");
      if (maxInFlight < 1 || pollInterval.toMillis() < 1 || lease.toMillis() < 1) {
        throw new IllegalArgumentException("maxInFlight, pollInterval and lease must be positive");
      }
    }
  }

  private final String name;
  private final Vertx vertx;
  private final Context context;
  private final ClaimableQueue<P> queue;
  private final Function<Job<P>, Future<JobOutcome>> runner;
  private final InstantSource clock;
  private final Settings settings;
  private final int minClaim;
  private final List<BiConsumer<Job<P>, JobOutcome>> listeners = new CopyOnWriteArrayList<>();
  // Touched only on the worker's context.
  private int inFlight;
  private boolean claiming;
  private boolean claimAgain;
  private boolean backlog;
  private boolean stopped = true;
  private long timer = -1;
  private Promise<Void> drained;
  private final List<Finished<P>> unrecorded = new ArrayList<>();
  private long linger = -1;

  /** A job that ran to an outcome, waiting for its completion to be written. */
  private record Finished<P>(Job<P> job, JobOutcome outcome) {}

  /** A worker named {@code name} (for logs) running each claimed job through {@code runner}. */
  public QueueWorker(String name, Vertx vertx, ClaimableQueue<P> queue, Function<Job<P>, Future<JobOutcome>> runner,
      InstantSource clock, Settings settings) {
    this.name = Objects.requireNonNull(name, "name");
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.context = vertx.getOrCreateContext();
    this.queue = Objects.requireNonNull(queue, "queue");
    this.runner = Objects.requireNonNull(runner, "runner");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.minClaim = Math.max(1, Math.min(settings.maxInFlight() / 4, ClaimableQueue.MAX_CLAIM));
  }

  /** Starts polling; the first claim happens at once. */
  public void start() {
    context.runOnContext(v -> {
      if (stopped) {
        stopped = false;
        timer = vertx.setPeriodic(settings.pollInterval().toMillis(), id -> claim());
        claim();
      }
    });
  }

  /** Calls {@code listener} with each job and its outcome once the store has recorded it (for metrics). */
  public void onCompleted(BiConsumer<Job<P>, JobOutcome> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Looks for due jobs now, e.g. right after new ones were queued. */
  public void nudge() {
    context.runOnContext(v -> claim());
  }

  /** Stops claiming; completes once the jobs in flight have finished and been completed in the store. */
  public Future<Void> stop() {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      stopped = true;
      vertx.cancelTimer(timer);
      if (inFlight == 0) {
        done.complete();
      } else {
        drained = done;
      }
    });
    return done.future();
  }

  private void claim() {
    if (claiming) {
      claimAgain = true;
      return;
    }
    int free = settings.maxInFlight() - inFlight;
    // With jobs running, a claim waits for enough free slots to be worth its transaction.
    boolean tooFew = free <= 0 || inFlight > 0 && free < minClaim;
    if (tooFew) {
      backlog = true;
    }
    if (stopped || tooFew) {
      return;
    }
    claiming = true;
    claimAgain = false;
    Future.fromCompletionStage(queue.claimDue(clock.instant(), free, settings.lease()), context)
        .onComplete(claimed -> {
          claiming = false;
          if (claimed.failed()) {
            LOG.log(Level.WARNING, name + ": claiming due jobs failed; retrying on the next tick", claimed.cause());
            return;
          }
          claimed(claimed.result(), free);
        });
  }

  /** Runs the jobs a claim of {@code asked} got, then claims again when more may be due. */
  private void claimed(List<Job<P>> jobs, int asked) {
    jobs.forEach(this::run);
    // A full batch may mean more are due; a nudge during the claim may have queued more.
    backlog = jobs.size() == asked;
    if (backlog || claimAgain) {
      claim();
    }
  }

  private void run(Job<P> job) {
    inFlight++;
    Future<JobOutcome> outcome;
    try {
      outcome = runner.apply(job);
    } catch (RuntimeException e) {
      outcome = Future.failedFuture(e);
    }
    outcome.onComplete(result -> context.runOnContext(v -> {
      if (result.succeeded()) {
        hold(new Finished<>(job, result.result()));
      } else {
        finished(job, result.cause());
      }
    }));
  }

  /** Holds a job's outcome until a quarter of the slots' worth is waiting, nothing else runs, or the linger ends. */
  private void hold(Finished<P> job) {
    unrecorded.add(job);
    if (unrecorded.size() >= minClaim || unrecorded.size() == inFlight) {
      completeFinished();
    } else if (linger == -1) {
      linger = vertx.setTimer(COMPLETION_LINGER.toMillis(), id -> {
        linger = -1;
        completeFinished();
      });
    }
  }

  /** Writes the waiting outcomes in one transaction; each job's slot is freed once it is recorded. */
  private void completeFinished() {
    if (linger != -1) {
      vertx.cancelTimer(linger);
      linger = -1;
    }
    if (unrecorded.isEmpty()) {
      return;
    }
    List<Finished<P>> group = List.copyOf(unrecorded);
    unrecorded.clear();
    List<ClaimableQueue.Completion> completions = group.stream()
        .map(each -> new ClaimableQueue.Completion(each.job().lease().orElseThrow(), each.outcome())).toList();
    int freed = settings.maxInFlight() - inFlight + group.size();
    if (backlog && !claiming && !stopped && freed >= minClaim) {
      completeAndClaim(group, completions, freed);
      return;
    }
    Future.fromCompletionStage(queue.completeAll(completions), context)
        .onComplete(written -> recorded(group, written.cause()));
  }

  /**
   * Under a backlog, writes the group's outcomes and claims the {@code free} slots they leave (at least a quarter, as
   * any claim) in one transaction. The claimed jobs start before the group's slots are freed, so freeing them starts
   * no claim of its own unless the claim got fewer jobs than it asked for.
   */
  private void completeAndClaim(List<Finished<P>> group, List<ClaimableQueue.Completion> completions, int free) {
    claiming = true;
    claimAgain = false;
    Future.fromCompletionStage(queue.completeAllAndClaim(completions, clock.instant(), free, settings.lease()),
        context).onComplete(written -> {
          claiming = false;
          if (written.succeeded()) {
            claimed(written.result().claimed(), free);
          }
          recorded(group, written.cause());
        });
  }

  /** Tells the listeners of a group whose outcomes are written, and frees its slots; {@code failure} when not. */
  private void recorded(List<Finished<P>> group, Throwable failure) {
    for (Finished<P> each : group) {
      if (failure == null) {
        listeners.forEach(listener -> listener.accept(each.job(), each.outcome()));
      }
      finished(each.job(), failure);
    }
  }

  private void finished(Job<P> job, Throwable failure) {
    if (failure != null) {
      LOG.log(Level.WARNING, name + ": job " + job.id().value() + " failed; it is due again when its lease ends",
          failure);
    }
    inFlight--;
    if (stopped) {
      if (inFlight == 0 && drained != null) {
        drained.complete();
      }
    } else if (backlog) {
      // Only when the last claim filled every slot can due jobs be waiting for the slots just freed.
      claim();
    }
  }
}
