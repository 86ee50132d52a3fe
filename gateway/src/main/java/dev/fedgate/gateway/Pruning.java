package dev.fedgate.gateway;

import dev.fedgate.gateway.storage.StorageBackend;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Forgets what the store keeps only for a while: inbox activity ids older than the seen retention and site events
 * older than the event retention. Runs on a timer; the store does the deleting on its own connections or executor,
 * so the event loop only starts the calls. A failed round is logged and the next one catches up. On several nodes each
 * prunes; the deletes are idempotent, so overlapping rounds only repeat work.
 */
final class Pruning {
  /** Hourly: the tables grow by at most an hour of traffic between rounds. */
  static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);
  /** The first round soon after start, not at once, so it does not compete with the start itself. */
  static final Duration FIRST_ROUND_DELAY = Duration.ofMinutes(1);
  private static final Logger LOG = Logger.getLogger(Pruning.class.getName());

  /** What one round removed. */
  record Pruned(int seenIds, int events) {}

  private final StorageBackend storage;
  private final InstantSource clock;
  private final Duration seenRetention;
  private final Duration eventRetention;

  Pruning(StorageBackend storage, InstantSource clock, Duration seenRetention, Duration eventRetention) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.seenRetention = Objects.requireNonNull(seenRetention, "seenRetention");
    this.eventRetention = Objects.requireNonNull(eventRetention, "eventRetention");
  }

  /** One round: both prunes run, each relative to the clock's now; fails if either failed. */
  Future<Pruned> prune() {
    Instant now = clock.instant();
    Future<Integer> seen = Future.fromCompletionStage(storage.inbox().pruneSeen(now.minus(seenRetention)));
    Future<Integer> events = Future.fromCompletionStage(storage.webhookJobs().pruneEvents(now.minus(eventRetention)));
    return Future.all(seen, events).map(done -> new Pruned(seen.result(), events.result()));
  }

  /** Runs {@link #prune()} after {@code firstDelay}, then every {@code interval}; returns the timer to cancel. */
  long schedule(Vertx vertx, Duration firstDelay, Duration interval) {
    return vertx.setPeriodic(firstDelay.toMillis(), interval.toMillis(), id -> prune().onComplete(round -> {
      if (round.failed()) {
        LOG.log(Level.WARNING, "pruning failed; the next round catches up", round.cause());
      } else if (round.result().seenIds() + round.result().events() > 0) {
        LOG.fine(() -> "pruned " + round.result());
      }
    }));
  }
}
