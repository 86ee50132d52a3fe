package dev.fedgate.gateway.delivery;

import dev.fedgate.gateway.storage.ClaimableQueue;
import dev.fedgate.signatures.SchemePreference;
import java.time.Duration;
import java.util.Objects;

/**
 * How deliveries go out.
 *
 * @param worker the global cap, polling interval and lease
 * @param perHost POSTs in flight to one host at once
 * @param deadline the total time for one POST, answer included (Mastodon: 30 s read deadline)
 * @param retry when to try again
 * @param unavailableAfterDays distinct failing days after which a host is skipped
 * @param schemes the signature double-knock
 */
public record DeliverySettings(QueueWorker.Settings worker, int perHost, Duration deadline, RetryPolicy retry,
    int unavailableAfterDays, SchemePreference schemes) {
  /**
   * Global cap. A peer answers a POST in 50 to 300 ms, so sustaining 2,000 deliveries per second (what 2 cores sign)
   * takes 100 to 600 in flight; and the worker claims and records a quarter of the cap per transaction, so a larger
   * cap also costs the store fewer transactions per delivery. The per-host cap keeps a small instance from a flood.
   */
  public static final int DEFAULT_MAX_IN_FLIGHT = 128;
  /** The most {@code maxInFlight} may be: one claim takes at most {@value ClaimableQueue#MAX_CLAIM} jobs. */
  public static final int MAX_IN_FLIGHT = ClaimableQueue.MAX_CLAIM;
  /** Per host: one slow host cannot take the whole global cap. */
  public static final int DEFAULT_PER_HOST = 4;
  /** Polling when nobody nudges: retries come due on their own. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);
  /** A lease longer than the longest wait for a host slot plus one POST. */
  public static final Duration DEFAULT_LEASE = Duration.ofMinutes(10);
  /** Mastodon's 30 s read deadline. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);

  /** The defaults above, {@link RetryPolicy#DEFAULT} and {@link SchemePreference#CAVAGE_FIRST}. */
  public static final DeliverySettings DEFAULT = new DeliverySettings(
      new QueueWorker.Settings(DEFAULT_MAX_IN_FLIGHT, DEFAULT_POLL_INTERVAL, DEFAULT_LEASE), DEFAULT_PER_HOST,
      DEFAULT_DEADLINE, RetryPolicy.DEFAULT, HostHealth.DEFAULT_UNAVAILABLE_AFTER_DAYS, SchemePreference.CAVAGE_FIRST);

  /** Checks presence and ranges. */
  public DeliverySettings {
    Objects.requireNonNull(worker, "worker");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(schemes, "schemes");
    if (perHost < 1 || unavailableAfterDays < 1 || deadline.toMillis() < 1) {
      throw new IllegalArgumentException("perHost, unavailableAfterDays and deadline must be positive");
    }
  }

  /** A copy with another deadline. */
  public DeliverySettings withDeadline(Duration value) {
    return new DeliverySettings(worker, perHost, value, retry, unavailableAfterDays, schemes);
  }

  /** A copy with other worker settings (cap, polling, lease). */
  public DeliverySettings withWorker(QueueWorker.Settings value) {
    return new DeliverySettings(value, perHost, deadline, retry, unavailableAfterDays, schemes);
  }

  /** A copy with another per-host cap. */
  public DeliverySettings withPerHost(int value) {
    return new DeliverySettings(worker, value, deadline, retry, unavailableAfterDays, schemes);
  }

  /** A copy with another retry policy. */
  public DeliverySettings withRetry(RetryPolicy value) {
    return new DeliverySettings(worker, perHost, deadline, value, unavailableAfterDays, schemes);
  }
}
