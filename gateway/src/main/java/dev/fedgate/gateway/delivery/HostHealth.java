package dev.fedgate.gateway.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Per-host circuit breaker, as Mastodon's {@code DeliveryFailureTracker}: every failed attempt marks its UTC day;
 * a host that failed on {@code unavailableAfterDays} distinct days is unavailable, and deliveries to it are skipped,
 * until any success (or a signed request from it, {@link #recordSuccess}) revives it. Kept in memory: after a restart
 * a dead host is found again within its next failing days.
 */
public final class HostHealth {
  /** Mastodon's threshold. */
  public static final int DEFAULT_UNAVAILABLE_AFTER_DAYS = 7;
  /** Hosts remembered; the least recently touched are forgotten first. */
  public static final int DEFAULT_MAX_HOSTS = 100_000;

  private final int unavailableAfterDays;
  private final Cache<String, HostState> hosts;

  /** A tracker that marks a host unavailable after failures on {@code unavailableAfterDays} days. */
  public HostHealth(int unavailableAfterDays, int maxHosts) {
    if (unavailableAfterDays < 1) {
      throw new IllegalArgumentException("unavailableAfterDays must be at least 1");
    }
    this.unavailableAfterDays = unavailableAfterDays;
    this.hosts = Caffeine.newBuilder().maximumSize(maxHosts).build();
  }

  /**
   * What is known of a host: the distinct UTC days with failures since its last success, when it last succeeded, and
   * since when it is unavailable.
   */
  public record HostState(Set<LocalDate> failureDays, Optional<Instant> lastSuccess, Optional<Instant> unavailableSince) {
    /** Copies the days. */
    public HostState {
      failureDays = Set.copyOf(failureDays);
      Objects.requireNonNull(lastSuccess, "lastSuccess");
      Objects.requireNonNull(unavailableSince, "unavailableSince");
    }
  }

  /** Whether deliveries to {@code host} are skipped. */
  public boolean isUnavailable(String host) {
    return state(host).flatMap(HostState::unavailableSince).isPresent();
  }

  /** The host's state; empty when nothing is known. */
  public Optional<HostState> state(String host) {
    return Optional.ofNullable(hosts.getIfPresent(host));
  }

  /** Every host known, with its state; a copy, for {@code GET /api/v1/hosts}. */
  public Map<String, HostState> snapshot() {
    return Map.copyOf(hosts.asMap());
  }

  /** A failed attempt at {@code at}. */
  public void recordFailure(String host, Instant at) {
    LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
    hosts.asMap().compute(host, (key, old) -> {
      HostState current = old == null ? new HostState(Set.of(), Optional.empty(), Optional.empty()) : old;
      if (current.unavailableSince().isPresent() || current.failureDays().contains(day)) {
        return current;
      }
      Set<LocalDate> days = new HashSet<>(current.failureDays());
      days.add(day);
      Optional<Instant> unavailable = days.size() >= unavailableAfterDays ? Optional.of(at) : Optional.empty();
      return new HostState(days, current.lastSuccess(), unavailable);
    });
  }

  /** A success at {@code at}: the failure days are forgotten and the host is available again. */
  public void recordSuccess(String host, Instant at) {
    hosts.put(host, new HostState(Set.of(), Optional.of(at), Optional.empty()));
  }
}
