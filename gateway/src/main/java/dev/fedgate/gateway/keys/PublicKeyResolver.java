package dev.fedgate.gateway.keys;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.fedgate.gateway.fetch.FetchBudget;
import dev.fedgate.gateway.fetch.FetchException;
import dev.fedgate.gateway.fetch.FetchFailure;
import dev.fedgate.gateway.storage.RemoteActor;
import dev.fedgate.gateway.storage.RemoteActorStore;
import dev.fedgate.gateway.storage.RemoteKey;
import io.vertx.core.Future;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Finds the public key an HTTP signature or document proof names by {@code keyId}: from a Caffeine cache, then the
 * {@link RemoteActorStore}, then by fetching the owner actor (the key id without its fragment, as Mastodon resolves
 * {@code #main-key}). A key id that is the bare actor URL names the actor's first key; an {@code acct:user@host} key
 * id names the first key of the actor WebFinger on that host gives (fetched within the same budget).
 *
 * <p>Failures are {@link FetchException}s: retryable ones mean "try again later" (the inbox answers 503), {@code GONE}
 * means the actor is deleted, {@code NOT_FOUND} also covers an actor that does not publish the key.
 */
public final class PublicKeyResolver {
  /** Enough keys for every active peer of a busy instance; a key is a few hundred bytes. */
  static final int DEFAULT_CACHE_SIZE = 10_000;
  /** How long a resolved key is trusted without a look at the store (GoToSocial's account freshness). */
  static final Duration DEFAULT_FRESHNESS = Duration.ofHours(6);

  private final RemoteActorStore store;
  private final RemoteActorLoader actors;
  private final AsyncCache<URI, ResolvedKey> cache;

  /** Keys cached in memory (time from {@code ticker}), backed by {@code store}, fetched through {@code actors}. */
  public PublicKeyResolver(RemoteActorStore store, RemoteActorLoader actors, Ticker ticker) {
    this.store = Objects.requireNonNull(store, "store");
    this.actors = Objects.requireNonNull(actors, "actors");
    this.cache = Caffeine.newBuilder()
        .maximumSize(DEFAULT_CACHE_SIZE)
        .recordStats()
        .expireAfterWrite(DEFAULT_FRESHNESS)
        .ticker(ticker)
        .buildAsync();
  }

  /** The key named {@code keyId}, fetching its owner (within {@code budget}) when neither cache nor store has it. */
  public Future<ResolvedKey> resolve(URI keyId, FetchBudget budget) {
    CompletableFuture<ResolvedKey> cached = cache.getIfPresent(keyId);
    if (cached != null) {
      return Future.fromCompletionStage(cached);
    }
    return Future.fromCompletionStage(store.findByKeyId(keyId))
        .compose(found -> found.isPresent() ? Future.succeededFuture(found)
            : Future.fromCompletionStage(store.find(ownerOf(keyId))))
        .compose(actor -> actor.flatMap(a -> pick(a, keyId, false))
            .map(Future::succeededFuture)
            .orElseGet(() -> refresh(keyId, budget)))
        .onSuccess(key -> remember(keyId, key));
  }

  /** Fetches the owner again (key rotation) and returns the key as it now publishes it. */
  public Future<ResolvedKey> refresh(URI keyId, FetchBudget budget) {
    Future<RemoteActor> owner = isAccount(keyId)
        ? actors.refetchAccount(keyId, budget) : actors.refetch(ownerOf(keyId), budget);
    return owner
        .compose(actor -> pick(actor, keyId, true)
            .map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(new FetchException(FetchFailure.NOT_FOUND, keyId,
                "the actor does not publish this key", null))))
        .onSuccess(key -> remember(keyId, key));
  }

  /** Forgets the cached keys of {@code owner} (its {@code Update} or {@code Delete} arrived). */
  public void invalidate(URI owner) {
    cache.synchronous().asMap().values().removeIf(key -> key.owner().equals(owner));
  }

  /** Forgets every cached key (changes may have been missed); the store is read again on the next use. */
  public void invalidateAll() {
    cache.synchronous().invalidateAll();
  }

  private void remember(URI keyId, ResolvedKey key) {
    cache.put(keyId, CompletableFuture.completedFuture(new ResolvedKey(key.keyId(), key.owner(), key.key(), false)));
  }

  private static Optional<ResolvedKey> pick(RemoteActor actor, URI keyId, boolean fresh) {
    Optional<RemoteKey> key = keyId.equals(actor.id()) || isAccount(keyId)
        ? actor.keys().stream().findFirst()
        : actor.keys().stream().filter(k -> k.keyId().equals(keyId)).findFirst();
    return key.flatMap(k -> RemoteActorLoader.decode(k).map(material -> new ResolvedKey(keyId, actor.id(), material, fresh)));
  }

  /** An {@code acct:user@host} key id: its actor is found through WebFinger, and its first key is used (Mastodon). */
  static boolean isAccount(URI keyId) {
    return "acct".equalsIgnoreCase(keyId.getScheme());
  }

  /** The actor a key id belongs to: the key id without its fragment. */
  static URI ownerOf(URI keyId) {
    try {
      return new URI(keyId.getScheme(), keyId.getSchemeSpecificPart(), null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a key id: " + keyId, e);
    }
  }

  /** Hit, miss and eviction counts of the cache, for {@code /metrics}. */
  public CacheStats cacheStats() {
    return cache.synchronous().stats();
  }
}
