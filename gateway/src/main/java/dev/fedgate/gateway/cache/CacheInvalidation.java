package dev.fedgate.gateway.cache;

import dev.fedgate.gateway.storage.pg.PgChangeNotifier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the {@link StaleCache}s of this node, and with PostgreSQL those of every node on the same database, that
 * something changed. A change is applied here at once (a Site API client reads its own write through this node), then
 * published; every node, this one included, applies what it hears. When the listening connection was lost and came
 * back, changes may have been missed, so every cache is cleared.
 */
public final class CacheInvalidation {
  /** The key that clears every cache on every node. */
  static final String CLEAR_ALL = "all";
  private static final Logger LOG = Logger.getLogger(CacheInvalidation.class.getName());

  private final List<StaleCache> caches = new CopyOnWriteArrayList<>();
  private final AtomicReference<PgChangeNotifier> notifier = new AtomicReference<>();

  private CacheInvalidation() {}

  /** Invalidation within this process only: the embedded store has a single node. */
  public static CacheInvalidation inProcess() {
    return new CacheInvalidation();
  }

  /**
   * Invalidation across every node listening on the PostgreSQL database a libpq URI names; completes once this node
   * hears notifications.
   */
  public static CompletionStage<CacheInvalidation> overPostgres(String uri) {
    CacheInvalidation invalidation = new CacheInvalidation();
    return PgChangeNotifier.open(uri, invalidation::heard, invalidation::resubscribed).thenApply(opened -> {
      invalidation.notifier.set(opened);
      return invalidation;
    });
  }

  /** Adds a cache to keep current. */
  public void register(StaleCache cache) {
    caches.add(Objects.requireNonNull(cache, "cache"));
  }

  /**
   * Applies {@code change} to this node's caches, then publishes it to the other nodes. A change whose key is too
   * long to publish (a remote actor URL of several KiB) clears the other nodes' caches instead. The stage fails when
   * publishing failed; the other nodes then serve their copies until those expire.
   */
  public CompletionStage<Void> changed(CacheChange change) {
    caches.forEach(cache -> cache.invalidate(change));
    PgChangeNotifier published = notifier.get();
    if (published == null) {
      return CompletableFuture.completedFuture(null);
    }
    String key = change.key();
    boolean fits = key.getBytes(StandardCharsets.UTF_8).length <= PgChangeNotifier.MAX_KEY_BYTES;
    return published.publish(fits ? key : CLEAR_ALL).whenComplete((sent, failure) -> {
      if (failure != null) {
        LOG.log(Level.WARNING, "could not tell other nodes about " + change.key() + "; their copies expire", failure);
      }
    });
  }

  /** Stops listening; the caches stay as they are. Idempotent. */
  public CompletionStage<Void> close() {
    return Optional.ofNullable(notifier.getAndSet(null)).map(PgChangeNotifier::close)
        .orElseGet(() -> CompletableFuture.completedFuture(null));
  }

  private void heard(String key) {
    if (key.equals(CLEAR_ALL)) {
      resubscribed();
      return;
    }
    CacheChange.parse(key).ifPresent(change -> caches.forEach(cache -> cache.invalidate(change)));
  }

  private void resubscribed() {
    caches.forEach(StaleCache::invalidateAll);
  }
}
