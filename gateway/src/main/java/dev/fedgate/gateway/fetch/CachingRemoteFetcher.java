package dev.fedgate.gateway.fetch;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.fedgate.gateway.cache.ClockTicker;
import io.vertx.core.Future;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link RemoteFetcher} decorator that keeps fetched documents for a named {@link Freshness}, remembers documents
 * that are {@code GONE} (a deleted actor is not fetched again and again), and lets concurrent fetches of one URL share
 * one request. A cached answer costs no fetch budget. Other failures are not cached.
 */
public final class CachingRemoteFetcher implements RemoteFetcher {
  /** Total body bytes kept; each document is at most 1 MiB. */
  public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

  /** How old a cached answer may be for a use (GoToSocial's named freshness windows). */
  public enum Freshness {
    /** Actors and their keys: Mastodon refreshes an actor after a day ({@code possibly_stale?}). */
    ACTOR(Duration.ofDays(1)),
    /** Notes, videos and other objects: they change more often than actors. */
    OBJECT(Duration.ofHours(1)),
    /** Always fetch, e.g. to refetch a key after a signature failed with the cached one. */
    NOW(Duration.ZERO);

    private final Duration maxAge;

    Freshness(Duration maxAge) {
      this.maxAge = maxAge;
    }

    /** The oldest a cached answer may be. */
    public Duration maxAge() {
      return maxAge;
    }
  }

  /** A cached answer: the document, or empty when the remote said it is gone. */
  private record Entry(Optional<FetchedDocument> document, Instant fetchedAt) {
    long weight() {
      return document.map(d -> (long) d.body().length).orElse(0L) + 256;
    }
  }

  private final RemoteFetcher inner;
  private final InstantSource clock;
  private final AsyncCache<URI, Entry> cache;

  /** Caches {@code inner}'s answers, aged by {@code clock}, up to {@code maxBytes} of bodies. */
  public CachingRemoteFetcher(RemoteFetcher inner, InstantSource clock, long maxBytes) {
    this.inner = Objects.requireNonNull(inner, "inner");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.cache = Caffeine.newBuilder()
        .maximumWeight(maxBytes)
        .recordStats()
        .weigher((URI id, Entry entry) -> (int) Math.min(Integer.MAX_VALUE, entry.weight()))
        .expireAfterWrite(Freshness.ACTOR.maxAge())
        .ticker(ClockTicker.of(clock))
        .buildAsync();
  }

  /** Fetches with {@link Freshness#OBJECT}. */
  @Override
  public Future<FetchedDocument> fetch(URI id, FetchBudget budget) {
    return fetch(id, Freshness.OBJECT, budget);
  }

  /** Fetches with {@link Freshness#NOW}, replacing the cached answer. */
  @Override
  public Future<FetchedDocument> fetchFromOrigin(URI id, FetchBudget budget) {
    return fetch(id, Freshness.NOW, budget);
  }

  /** Answers from the cache when its entry is within {@code freshness}, else fetches through the inner fetcher. */
  public Future<FetchedDocument> fetch(URI id, Freshness freshness, FetchBudget budget) {
    CompletableFuture<Entry> created = new CompletableFuture<>();
    CompletableFuture<Entry> chosen = cache.asMap().compute(id,
        (key, existing) -> reusable(existing, freshness) ? existing : created);
    if (chosen == created) {
      inner.fetch(id, budget).onComplete(result -> {
        if (result.succeeded()) {
          created.complete(new Entry(Optional.of(result.result()), clock.instant()));
        } else if (result.cause() instanceof FetchException e && e.failure() == FetchFailure.GONE) {
          created.complete(new Entry(Optional.empty(), clock.instant()));
        } else {
          created.completeExceptionally(result.cause());
        }
      });
    }
    return Future.fromCompletionStage(chosen).compose(entry -> entry.document().map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(new FetchException(FetchFailure.GONE, id, "gone (cached)", null))));
  }

  /** Not cached: an {@code acct:} key is resolved once, then its key is cached by the key resolver. */
  @Override
  public Future<URI> webfinger(URI account, FetchBudget budget) {
    return inner.webfinger(account, budget);
  }

  /** Forgets {@code id}, e.g. on {@code Update} or {@code Delete} of the remote object. */
  public void invalidate(URI id) {
    cache.synchronous().invalidate(id);
  }

  /** Forgets every cached answer. */
  public void invalidateAll() {
    cache.synchronous().invalidateAll();
  }

  private boolean reusable(CompletableFuture<Entry> existing, Freshness freshness) {
    if (existing == null || existing.isCompletedExceptionally()) {
      return false;
    }
    if (!existing.isDone()) {
      return true; // a fetch in flight is as fresh as it gets
    }
    Duration age = Duration.between(existing.join().fetchedAt(), clock.instant());
    return age.compareTo(freshness.maxAge()) < 0;
  }

  /** Hit, miss and eviction counts of the cache, for {@code /metrics}. */
  public CacheStats cacheStats() {
    return cache.synchronous().stats();
  }
}
