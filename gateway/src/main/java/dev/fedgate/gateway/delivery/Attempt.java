package dev.fedgate.gateway.delivery;

import dev.fedgate.gateway.fetch.FetchException;
import dev.fedgate.gateway.fetch.OutboundResponse;
import io.vertx.core.AsyncResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * How one attempt to POST a job ended, classified by the HTTP layer (GoToSocial's {@code DoOnce}); a
 * {@link RetryPolicy} turns it into the queue's outcome.
 */
public sealed interface Attempt permits Attempt.Delivered, Attempt.Retry, Attempt.GiveUp, Attempt.HostUnavailable {

  /** The remote accepted it (2xx). */
  record Delivered() implements Attempt {}

  /** A transient failure: try again, not before {@code after} when the remote said so ({@code Retry-After}). */
  record Retry(Optional<Duration> after, String reason) implements Attempt {
    /** Checks presence. */
    public Retry {
      Objects.requireNonNull(after, "after");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** A permanent refusal: trying again cannot succeed. */
  record GiveUp(String reason) implements Attempt {
    /** Checks presence. */
    public GiveUp {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The target host is marked unavailable, so nothing was sent. */
  record HostUnavailable(String host) implements Attempt {
    /** Checks presence. */
    public HostUnavailable {
      Objects.requireNonNull(host, "host");
    }
  }

  /** Classifies the result of sending: an answer by its status and {@code Retry-After}, a failure by its kind. */
  public static Attempt of(AsyncResult<OutboundResponse> result, Instant now) {
    if (result.failed()) {
      return fromFailure(result.cause());
    }
    OutboundResponse response = result.result();
    return fromStatus(response.status(), RetryAfter.parse(response.headers().first("Retry-After"), now));
  }

  /**
   * Classifies an HTTP answer as Mastodon's delivery worker does: 2xx delivered; 4xx other than 401, 408 and 429, and
   * 501, are unsalvageable; everything else (5xx, 401 for a key the remote has not fetched yet, 408, 429) is retried.
   */
  static Attempt fromStatus(int status, Optional<Duration> retryAfter) {
    if (status >= 200 && status < 300) {
      return new Delivered();
    }
    boolean retryable4xx = status == 401 || status == 408 || status == 429;
    if (status >= 400 && status < 500 && !retryable4xx || status == 501) {
      return new GiveUp("answered " + status);
    }
    return new Retry(retryAfter, "answered " + status);
  }

  /** Classifies a failure to get an answer: network trouble and timeouts are retried, refusals by the guard are not. */
  static Attempt fromFailure(Throwable thrown) {
    Throwable failure = thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
    if (failure instanceof FetchException fetch) {
      return fetch.failure().retryable() ? new Retry(Optional.empty(), fetch.failure().name())
          : new GiveUp(fetch.failure().name());
    }
    return new Retry(Optional.empty(), failure.getClass().getSimpleName());
  }
}
