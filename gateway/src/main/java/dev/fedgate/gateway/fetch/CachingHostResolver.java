package dev.fedgate.gateway.fetch;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.fedgate.gateway.cache.ClockTicker;
import io.vertx.core.Future;
import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A {@link HostResolver} that keeps each host's addresses for a while, as the JVM's own cache does, so that a request
 * to a host resolved recently needs no worker thread: the JVM's resolver blocks, and {@link HostResolver#system} runs
 * every lookup on a worker, a cache hit included. Failed lookups are not kept.
 */
public final class CachingHostResolver implements HostResolver {
  /** How long addresses are kept: the JVM's default for successful lookups ({@code networkaddress.cache.ttl}). */
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);
  /** Hosts kept at most; beyond, the least used are dropped. */
  static final long MAX_HOSTS = 20_000;

  private final HostResolver resolver;
  private final Cache<String, List<InetAddress>> addresses;

  /** Keeps what {@code resolver} finds for {@code ttl} of {@code clock}'s time. */
  public CachingHostResolver(HostResolver resolver, Duration ttl, InstantSource clock) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.addresses = Caffeine.newBuilder()
        .maximumSize(MAX_HOSTS)
        .expireAfterWrite(ttl)
        .ticker(ClockTicker.of(clock))
        .recordStats()
        .build();
  }

  @Override
  public Future<List<InetAddress>> resolve(String host) {
    String key = host.toLowerCase(Locale.ROOT);
    List<InetAddress> known = addresses.getIfPresent(key);
    if (known != null) {
      return Future.succeededFuture(known);
    }
    return resolver.resolve(host).map(found -> {
      List<InetAddress> copy = List.copyOf(found);
      if (!copy.isEmpty()) {
        addresses.put(key, copy);
      }
      return copy;
    });
  }

  /** Hits, misses and evictions, for the metrics. */
  public CacheStats cacheStats() {
    return addresses.stats();
  }
}
