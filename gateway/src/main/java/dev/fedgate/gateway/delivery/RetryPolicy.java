package dev.fedgate.gateway.delivery;

import dev.fedgate.gateway.storage.JobOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When to try a failed job again: exponential backoff from {@code base}, capped at {@code maxDelay}, stretched by a
 * random factor in {@code [1, 1 + jitter)} so retries of one outage spread out, for at most {@code maxAttempts}
 * attempts. A {@code Retry-After} answer is honoured as a lower bound, up to {@code maxRetryAfter}. Shared by
 * deliveries and webhooks.
 *
 * @param maxAttempts attempts in all, the first one included
 * @param base the wait after the first failure
 * @param maxDelay the longest wait between two attempts
 * @param jitter the random stretch, 0 for none
 * @param maxRetryAfter the longest {@code Retry-After} obeyed
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration maxDelay, double jitter, Duration maxRetryAfter) {
  /**
   * Mastodon's 16 attempts over about two to three days: waits of 1, 2, 4 … 256 minutes, then six of 7 hours, each
   * stretched by up to half, so the last attempt comes 50 to 76 hours after the first (Mastodon: 50 to 75).
   */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(16, Duration.ofMinutes(1), Duration.ofHours(7), 0.5, Duration.ofDays(1));

  /** Checks the values. */
  public RetryPolicy {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (base.isNegative() || base.isZero() || maxDelay.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 0 < base <= maxDelay");
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("jitter must be within [0, 1]");
    }
  }

  /** The wait after failed attempt number {@code attempt} (1 for the first). */
  public Duration delay(int attempt, RandomGenerator random) {
    int doublings = Math.min(Math.max(attempt - 1, 0), 40);
    double millis = Math.min((double) base.toMillis() * Math.pow(2, doublings), maxDelay.toMillis());
    return Duration.ofMillis((long) (millis * (1 + jitter * random.nextDouble())));
  }

  /** What the queue should do with a job after {@code attempt}, its {@code attempts}-th. */
  public JobOutcome decide(Attempt attempt, int attempts, Instant now, RandomGenerator random) {
    if (attempt instanceof Attempt.Delivered) {
      return JobOutcome.done();
    }
    if (attempt instanceof Attempt.GiveUp giveUp) {
      return JobOutcome.giveUp(giveUp.reason());
    }
    if (attempt instanceof Attempt.HostUnavailable unavailable) {
      return JobOutcome.giveUp("host " + unavailable.host() + " is unavailable");
    }
    Attempt.Retry retry = (Attempt.Retry) attempt;
    if (attempts >= maxAttempts) {
      return JobOutcome.giveUp("gave up after " + attempts + " attempts: " + retry.reason());
    }
    Duration wait = delay(attempts, random);
    Duration asked = retry.after().map(a -> a.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : a).orElse(Duration.ZERO);
    return JobOutcome.retryAt(now.plus(asked.compareTo(wait) > 0 ? asked : wait), retry.reason());
  }
}
