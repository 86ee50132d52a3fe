package dev.fedgate.testkit.peers;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a simulated inbox does instead of taking a {@code POST} ({@link SimulatedInstance#failInbox},
 * {@link SimulatedInstance#failNextPosts}): answer a status, answer too late, or drop the connection as a host that is
 * down. A faulted {@code POST} is recorded in {@link SimulatedInstance#faulted()}, never in
 * {@link SimulatedInstance#received()}.
 */
public sealed interface InboxFault permits InboxFault.Status, InboxFault.Slow, InboxFault.Down {

  /** Answers {@code status}, with {@code Retry-After} when {@code retryAfter} is present. */
  record Status(int status, Optional<Duration> retryAfter) implements InboxFault {
    /** Checks the status is an HTTP status. */
    public Status {
      Objects.requireNonNull(retryAfter, "retryAfter");
      if (status < 100 || status > 599) {
        throw new IllegalArgumentException("not an HTTP status: " + status);
      }
    }
  }

  /** Takes the request and answers {@code 202} only after {@code delay}: longer than the sender waits. */
  record Slow(Duration delay) implements InboxFault {
    /** Checks the delay is positive. */
    public Slow {
      if (delay.isNegative() || delay.isZero()) {
        throw new IllegalArgumentException("the delay must be positive");
      }
    }
  }

  /** Closes the connection without answering, as a host that is down or restarting. */
  record Down() implements InboxFault {}

  /** Answers {@code status} (e.g. 500, 410). */
  static InboxFault status(int status) {
    return new Status(status, Optional.empty());
  }

  /** Answers {@code 429 Too Many Requests} with {@code Retry-After: <seconds>}. */
  static InboxFault tooManyRequests(Duration retryAfter) {
    return new Status(429, Optional.of(retryAfter));
  }

  /** Answers {@code 202} after {@code delay}. */
  static InboxFault slow(Duration delay) {
    return new Slow(delay);
  }

  /** Drops the connection. */
  static InboxFault down() {
    return new Down();
  }
}
