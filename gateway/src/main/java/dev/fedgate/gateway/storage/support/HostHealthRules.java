package dev.fedgate.gateway.storage.support;

import dev.fedgate.gateway.storage.RemoteHost;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * How a {@link RemoteHost}'s state changes on a success, a failure or a learned signature scheme; every backend reads
 * the row under a lock, applies one of these, and writes the result back.
 */
public final class HostHealthRules {
  private HostHealthRules() {}

  /** The state of a host nothing was recorded for yet. */
  public static RemoteHost blank(String host) {
    return new RemoteHost(host, Optional.empty(), Optional.empty(), 0, Optional.empty(), Optional.empty());
  }

  /** After an answer at {@code at}: failure days and unavailability cleared. */
  public static RemoteHost success(RemoteHost current, Instant at) {
    return new RemoteHost(current.host(), Optional.of(at), current.lastFailureAt(), 0, Optional.empty(),
        current.signatureScheme());
  }

  /**
   * After a failure at {@code at}: one more failure day unless the last failure since the last success was on the
   * same UTC day; unavailable from {@code at} once the days reach {@code unavailableAfterDays}.
   */
  public static RemoteHost failure(RemoteHost current, Instant at, int unavailableAfterDays) {
    boolean sameDay = current.failureDays() > 0 && current.lastFailureAt()
        .filter(last -> day(last).equals(day(at))).isPresent();
    int days = sameDay ? current.failureDays() : current.failureDays() + 1;
    Optional<Instant> unavailable = current.unavailableSince().isPresent() || days < unavailableAfterDays
        ? current.unavailableSince()
        : Optional.of(at);
    Instant lastFailure = current.lastFailureAt().filter(last -> last.isAfter(at)).orElse(at);
    return new RemoteHost(current.host(), current.lastSuccessAt(), Optional.of(lastFailure), days, unavailable,
        current.signatureScheme());
  }

  /** With the signature scheme the host accepted. */
  public static RemoteHost scheme(RemoteHost current, String scheme) {
    return new RemoteHost(current.host(), current.lastSuccessAt(), current.lastFailureAt(), current.failureDays(),
        current.unavailableSince(), Optional.of(scheme));
  }

  private static LocalDate day(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC).toLocalDate();
  }
}
