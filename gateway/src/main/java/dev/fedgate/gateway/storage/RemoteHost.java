package dev.fedgate.gateway.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Delivery health of one remote host (as {@link Delivery#host()} names it): the last success and failure, on how many
 * distinct UTC days deliveries failed since the last success, since when it is considered unavailable, and the
 * signature scheme it is known to accept.
 */
public record RemoteHost(
    String host,
    Optional<Instant> lastSuccessAt,
    Optional<Instant> lastFailureAt,
    int failureDays,
    Optional<Instant> unavailableSince,
    Optional<String> signatureScheme) {
  /** Checks presence and that the day count is not negative. */
  public RemoteHost {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(lastSuccessAt, "lastSuccessAt");
    Objects.requireNonNull(lastFailureAt, "lastFailureAt");
    Objects.requireNonNull(unavailableSince, "unavailableSince");
    Objects.requireNonNull(signatureScheme, "signatureScheme");
    if (failureDays < 0) {
      throw new IllegalArgumentException("failureDays must not be negative");
    }
  }

  /** Whether deliveries to this host are skipped until it answers again. */
  public boolean unavailable() {
    return unavailableSince.isPresent();
  }
}
