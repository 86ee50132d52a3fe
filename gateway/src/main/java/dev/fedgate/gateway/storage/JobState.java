package dev.fedgate.gateway.storage;

/** Where a job is in its life. Completed jobs are removed, so they have no state. */
public enum JobState {
  /** Waiting for its due time, or claimed under a lease that has not expired. */
  QUEUED,
  /** Given up on; kept for inspection until redriven. */
  DEAD
}
