package dev.fedgate.gateway.storage;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A queue's depth for metrics, at a given time: jobs waiting (due or not), jobs under an unexpired lease, dead jobs,
 * and how long the oldest due, unclaimed job has been due (empty when none is).
 */
public record QueueStats(long waiting, long inFlight, long dead, Optional<Duration> oldestDueAge) {
  /** Checks presence. */
  public QueueStats {
    Objects.requireNonNull(oldestDueAge, "oldestDueAge");
  }
}
