package dev.fedgate.gateway.delivery;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.fedgate.gateway.storage.RemoteHost;
import dev.fedgate.gateway.storage.RemoteHostStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Per-host circuit breaker, as Mastodon's {@code DeliveryFailureTracker}: every failed attempt marks its UTC day; a
 * host that failed on {@code unavailableAfterDays} distinct days is unavailable, and deliveries to it are skipped,
 * until any success (or a signed request from it, {@link #recordSuccess}) revives it. The state lives in the
 * {@link RemoteHostStore}, so it survives restarts and is shared by every node, like the signature scheme each host
 * accepted; this class keeps a short-lived read cache so a fan-out does not ask the store once per delivery.
 */
public final class HostHealth {
  /** Mastodon's threshold. */
  public static final int DEFAULT_UNAVAILABLE_AFTER_DAYS = 7;
  /** Hosts whose state is cached; the least recently used are dropped first. */
  public static final int DEFAULT_MAX_HOSTS = 100_000;
  /** Another node's change is seen within this time. */
  static final Duration CACHE_TTL = Duration.ofMinutes(1);

  private final RemoteHostStore store;
  private final int unavailableAfterDays;
  private final AsyncLoadingCache<String, Optional<RemoteHost>> hosts;

  /** A breaker over {@code store} that marks a host unavailable after failures on {@code unavailableAfterDays} days. */
  public HostHealth(RemoteHostStore store, int unavailableAfterDays, int maxHosts) {
    if (unavailableAfterDays < 1) {
      throw new IllegalArgumentException("unavailableAfterDays must be at least 1");
    }
    this.store = Objects.requireNonNull(store, "store");
    this.unavailableAfterDays = unavailableAfterDays;
    this.hosts = Caffeine.newBuilder()
        .maximumSize(maxHosts)
        .recordStats()
        .expireAfterWrite(CACHE_TTL)
        .buildAsync((host, executor) -> store.find(host).toCompletableFuture());
  }

  /** Whether deliveries to {@code host} are skipped. */
  public CompletionStage<Boolean> isUnavailable(String host) {
    return hosts.get(host).thenApply(state -> state.flatMap(RemoteHost::unavailableSince).isPresent());
  }

  /** The signature scheme the host is known to accept, by its stored name; empty when none is known. */
  public CompletionStage<Optional<String>> signatureScheme(String host) {
    return hosts.get(host).thenApply(state -> state.flatMap(RemoteHost::signatureScheme));
  }

  /** A failed attempt at {@code at}; completes once recorded. */
  public CompletionStage<Void> recordFailure(String host, Instant at) {
    return remember(host, store.recordFailure(host, at, unavailableAfterDays));
  }

  /**
   * A success at {@code at}: the failure days are forgotten and the host is available again. A host cached as healthy
   * with a success less than {@link #CACHE_TTL} before {@code at} is not written again: a fan-out would otherwise write
   * the same row once per delivery (as stale as the read cache, at most).
   */
  public CompletionStage<Void> recordSuccess(String host, Instant at) {
    if (cached(host).filter(state -> recentlyHealthy(state, at)).isPresent()) {
      return CompletableFuture.completedFuture(null);
    }
    return remember(host, store.recordSuccess(host, at));
  }

  /**
   * A delivery accepted at {@code at}, with the signature scheme to remember when the host accepted one it was not
   * known to accept: the success and the scheme are then stored in one write, else as
   * {@link #recordSuccess(String, Instant)}. A scheme the cached state already holds is not new: the deliveries sent
   * to a new host before its first answer all learn the same scheme, and only the first needs to write it.
   */
  public CompletionStage<Void> recordSuccess(String host, Instant at, Optional<String> learnedScheme) {
    boolean known = learnedScheme.isEmpty()
        || cached(host).flatMap(RemoteHost::signatureScheme).equals(learnedScheme);
    return known ? recordSuccess(host, at) : remember(host, store.recordSuccess(host, at, learnedScheme.get()));
  }

  /**
   * Contact from {@code host} at {@code at} (a signed request from it): revives it when it is unavailable; costs no
   * write when it is not, so every inbound request can report contact.
   */
  public CompletionStage<Void> contact(String host, Instant at) {
    return isUnavailable(host).thenCompose(unavailable -> unavailable ? recordSuccess(host, at)
        : CompletableFuture.completedFuture(null));
  }

  /** The cached state of {@code host}, when it is loaded; empty while it loads, or when it failed to. */
  private Optional<RemoteHost> cached(String host) {
    CompletableFuture<Optional<RemoteHost>> cached = hosts.getIfPresent(host);
    return cached != null && cached.isDone() && !cached.isCompletedExceptionally()
        ? cached.join() : Optional.empty();
  }

  private static boolean recentlyHealthy(RemoteHost state, Instant at) {
    return state.failureDays() == 0 && state.unavailableSince().isEmpty()
        && state.lastSuccessAt().filter(last -> last.plus(CACHE_TTL).isAfter(at)).isPresent();
  }

  private CompletionStage<Void> remember(String host, CompletionStage<RemoteHost> recorded) {
    return recorded.thenAccept(state -> hosts.put(host, CompletableFuture.completedFuture(Optional.of(state))));
  }

  /** Hit, miss and eviction counts of the cache, for {@code /metrics}. */
  public CacheStats cacheStats() {
    return hosts.synchronous().stats();
  }
}
