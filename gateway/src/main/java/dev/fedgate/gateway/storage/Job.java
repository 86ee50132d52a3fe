package dev.fedgate.gateway.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A job as a queue holds it: its payload, how many times it was claimed ({@code attempts}, counting the claim that
 * returned it), when it is due, the last failure, and the lease when it was returned by a claim.
 */
public record Job<P>(
    JobId id,
    JobState state,
    int attempts,
    Instant dueAt,
    Instant createdAt,
    Optional<String> lastError,
    Optional<JobLease> lease,
    P payload) {
  /** Checks that every component is present. */
  public Job {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(lastError, "lastError");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(payload, "payload");
  }
}
