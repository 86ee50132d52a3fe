package dev.fedgate.gateway.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Proof that a claimer holds a job until {@code until}. Only the holder of the current lease can complete the job:
 * once a lease expires and another claimer takes the job, the old lease no longer completes it.
 */
public record JobLease(JobId job, UUID token, Instant until) {
  /** Checks that every component is present. */
  public JobLease {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(until, "until");
  }
}
