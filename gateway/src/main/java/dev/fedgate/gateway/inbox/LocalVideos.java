package dev.fedgate.gateway.inbox;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.fedgate.gateway.cache.CacheChange;
import dev.fedgate.gateway.cache.StaleCache;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.gateway.storage.Video;
import dev.fedgate.gateway.storage.VideoStore;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Local videos as the inbox's handlers read them (a reply's video and its comments policy, a view's video), from a
 * bounded cache over the {@link VideoStore}: most activities name one of a few recent videos, and the store read was
 * a transaction per activity. Registered with the node's {@code CacheInvalidation}, it hears of every change (the
 * Site API's writes, on this node and the others); entries also expire after {@link #DEFAULT_EXPIRY}, which bounds staleness
 * when another node's notice was lost. Unknown videos are not cached, so a new video is found at once. A comment is
 * still stored only when its video is live in the comment's own transaction.
 */
final class LocalVideos implements StaleCache {
  /** Enough for the videos a busy site's remote users are replying to and watching at once. */
  static final int DEFAULT_MAXIMUM_SIZE = 10_000;
  /** How long a video is served from memory without a look at the store. */
  static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(1);

  private final AsyncLoadingCache<UUID, Stored<Video>> cache;

  /** Videos of {@code store}, with the default size and expiry, timed by {@code ticker}. */
  LocalVideos(VideoStore store, Ticker ticker) {
    Objects.requireNonNull(store, "store");
    this.cache = Caffeine.newBuilder()
        .maximumSize(DEFAULT_MAXIMUM_SIZE)
        .expireAfterWrite(DEFAULT_EXPIRY)
        .ticker(ticker)
        .recordStats()
        .buildAsync((uuid, executor) -> store.find(uuid).thenApply(found -> found.orElse(null)).toCompletableFuture());
  }

  /** The live video {@code uuid}; empty when there is none. */
  Future<Optional<Stored<Video>>> find(UUID uuid) {
    return Future.fromCompletionStage(cache.get(uuid)).map(Optional::ofNullable);
  }

  /** Forgets a video that was created, changed or deleted. */
  @Override
  public void invalidate(CacheChange change) {
    if (change instanceof CacheChange.Video video) {
      cache.synchronous().invalidate(video.uuid());
    }
  }

  /** Forgets every video: changes may have been missed. */
  @Override
  public void invalidateAll() {
    cache.synchronous().invalidateAll();
  }

  /** Hit, miss and eviction counts, for {@code /metrics}. */
  CacheStats cacheStats() {
    return cache.synchronous().stats();
  }
}
