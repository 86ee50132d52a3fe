package dev.fedgate.gateway.storage;

import java.time.Instant;
import java.util.Objects;

/** How a claimed job ended: done (removed), to be retried at a time, or given up (kept as dead). */
public sealed interface JobOutcome permits JobOutcome.Done, JobOutcome.RetryAt, JobOutcome.GiveUp {

  /** The job succeeded; the queue forgets it. */
  record Done() implements JobOutcome {}

  /** The job failed for now; it becomes due again at {@code at}, remembering {@code error}. */
  record RetryAt(Instant at, String error) implements JobOutcome {
    /** Checks that every component is present. */
    public RetryAt {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(error, "error");
    }
  }

  /** The job will never succeed; it is kept as {@link JobState#DEAD} with {@code reason}. */
  record GiveUp(String reason) implements JobOutcome {
    /** Checks that the reason is present. */
    public GiveUp {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The job succeeded. */
  static JobOutcome done() {
    return new Done();
  }

  /** Retry at {@code at}. */
  static JobOutcome retryAt(Instant at, String error) {
    return new RetryAt(at, error);
  }

  /** Give up for good. */
  static JobOutcome giveUp(String reason) {
    return new GiveUp(reason);
  }
}
