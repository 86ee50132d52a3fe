package dev.fedgate.gateway.keys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.fedgate.gateway.cache.CacheChange;
import dev.fedgate.gateway.cache.ClockTicker;
import dev.fedgate.gateway.cache.StaleCache;
import dev.fedgate.gateway.fetch.FetchBudget;
import dev.fedgate.gateway.fetch.FetchException;
import dev.fedgate.gateway.fetch.FetchedDocument;
import dev.fedgate.gateway.fetch.FetchFailure;
import dev.fedgate.gateway.fetch.RemoteFetcher;
import dev.fedgate.gateway.storage.RemoteActor;
import dev.fedgate.gateway.storage.RemoteActorStore;
import dev.fedgate.gateway.storage.RemoteKey;
import dev.fedgate.signatures.keys.KeyFormatException;
import dev.fedgate.signatures.keys.PublicKeyMaterial;
import dev.fedgate.vocab.Actor;
import dev.fedgate.vocab.Multikey;
import dev.fedgate.vocab.PublicKey;
import dev.fedgate.vocab.VocabException;
import dev.fedgate.vocab.json.VocabReader;
import io.vertx.core.Future;
import java.net.URI;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remote actors as the inbox needs them (inboxes and keys): from the {@link RemoteActorStore} when cached, else fetched
 * through the {@link RemoteFetcher} (a signed GET as the instance actor), read with vocab and cached in the store.
 * Actors found or stored are also kept in memory (bounded, for the key cache's freshness), so the actor of every
 * activity is not a store read; register it with the node's {@code CacheInvalidation} to forget those refreshed or
 * deleted elsewhere.
 */
public final class RemoteActorLoader implements StaleCache {
  /** Mastodon keeps at most 10 public keys per actor; more is noise or an attack. */
  static final int MAX_KEYS = 10;
  /** Enough actors for every active peer of a busy instance, as the key cache. */
  static final int MEMORY_SIZE = PublicKeyResolver.DEFAULT_CACHE_SIZE;

  private final RemoteActorStore store;
  private final RemoteFetcher fetcher;
  private final VocabReader reader;
  private final InstantSource clock;
  private final Cache<URI, RemoteActor> memory;
  /** Counts changes, so a store read that raced one is not kept in memory (rare: actors change seldom). */
  private final AtomicLong changes = new AtomicLong();

  /** Actors cached in {@code store}, fetched with {@code fetcher}, read with {@code reader}, stamped by {@code clock}. */
  public RemoteActorLoader(RemoteActorStore store, RemoteFetcher fetcher, VocabReader reader, InstantSource clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.memory = Caffeine.newBuilder()
        .maximumSize(MEMORY_SIZE)
        .expireAfterWrite(PublicKeyResolver.DEFAULT_FRESHNESS)
        .ticker(ClockTicker.of(clock))
        .recordStats()
        .build();
  }

  /** The cached actor, or the actor fetched now and cached. */
  public Future<RemoteActor> load(URI actorId, FetchBudget budget) {
    RemoteActor known = memory.getIfPresent(actorId);
    if (known != null) {
      return Future.succeededFuture(known);
    }
    long before = changes.get();
    return Future.fromCompletionStage(store.find(actorId))
        .compose(found -> {
          if (found.isPresent()) {
            keep(actorId, found.get(), before);
            return Future.succeededFuture(found.get());
          }
          return read(actorId, fetcher.fetch(actorId, budget));
        });
  }

  /** Forgets the in-memory copy of a remote actor that was refreshed or deleted. */
  @Override
  public void invalidate(CacheChange change) {
    if (change instanceof CacheChange.RemoteActor remote) {
      forget(remote.id());
    }
  }

  private void forget(URI actorId) {
    changes.incrementAndGet();
    memory.invalidate(actorId);
  }

  private void keep(URI actorId, RemoteActor actor, long changesBefore) {
    memory.asMap().compute(actorId, (id, current) -> changes.get() == changesBefore ? actor : current);
  }

  /** Forgets every in-memory copy: changes may have been missed. */
  @Override
  public void invalidateAll() {
    changes.incrementAndGet();
    memory.invalidateAll();
  }

  /** Hit, miss and eviction counts of the in-memory copies, for {@code /metrics}. */
  public CacheStats cacheStats() {
    return memory.stats();
  }

  /** Fetches the actor WebFinger names for an {@code acct:user@host} URI (see {@link #refetch}). */
  public Future<RemoteActor> refetchAccount(URI account, FetchBudget budget) {
    return fetcher.webfinger(account, budget).compose(actorId -> refetch(actorId, budget));
  }

  /**
   * Fetches the actor again from its origin (key rotation, profile change), past any cached document, and replaces
   * the cached copy.
   */
  public Future<RemoteActor> refetch(URI actorId, FetchBudget budget) {
    return read(actorId, fetcher.fetchFromOrigin(actorId, budget));
  }

  private Future<RemoteActor> read(URI actorId, Future<FetchedDocument> fetched) {
    return fetched.compose(document -> {
      Actor actor;
      try {
        actor = reader.read(document.body(), Actor.class);
      } catch (VocabException e) {
        return Future.failedFuture(new FetchException(FetchFailure.BAD_CONTENT_TYPE, actorId,
            "not a readable actor: " + e.getMessage(), e));
      }
      if (!actor.id().equals(actorId)) {
        return Future.failedFuture(new FetchException(FetchFailure.ID_MISMATCH, actorId,
            "the document's id is " + actor.id(), null));
      }
      return remember(actor);
    });
  }

  /**
   * Caches a verified actor document (fetched from its origin, or sent by the actor itself in an {@code Update}).
   *
   * @return the cached form; a future failed with {@link FetchException} {@code BAD_CONTENT_TYPE} when the actor has
   *     no inbox (Mastodon refuses those too)
   */
  public Future<RemoteActor> remember(Actor actor) {
    Optional<RemoteActor> cached = toRemoteActor(actor);
    if (cached.isEmpty()) {
      return Future.failedFuture(new FetchException(FetchFailure.BAD_CONTENT_TYPE, actor.id(), "actor has no inbox", null));
    }
    forget(actor.id());
    long before = changes.get();
    return Future.fromCompletionStage(store.upsert(cached.get())).map(result -> {
      keep(actor.id(), cached.get(), before);
      return cached.get();
    });
  }

  /** The store's form of an actor: its inbox, shared inbox, and readable keys (keys owned by someone else skipped). */
  Optional<RemoteActor> toRemoteActor(Actor actor) {
    if (actor.inbox().isEmpty()) {
      return Optional.empty();
    }
    List<RemoteKey> keys = new ArrayList<>();
    for (PublicKey key : actor.publicKeys()) {
      if (key.owner().map(owner -> owner.equals(actor.id())).orElse(true)) {
        pem(key.publicKeyPem()).ifPresent(material -> keys.add(encode(key.id(), material)));
      }
    }
    for (Multikey key : actor.assertionMethods()) {
      if (key.controller().equals(actor.id())) {
        multikey(key.publicKeyMultibase()).ifPresent(material -> keys.add(encode(key.id(), material)));
      }
    }
    return Optional.of(new RemoteActor(actor.id(), actor.type().wireName(), actor.preferredUsername(),
        actor.inbox().get(), actor.sharedInbox(), keys.stream().distinct().limit(MAX_KEYS).toList(), clock.instant()));
  }

  /** Reads a key the store holds back into key material. */
  static Optional<PublicKeyMaterial> decode(RemoteKey key) {
    return pem(key.encoded());
  }

  private static RemoteKey encode(URI keyId, PublicKeyMaterial material) {
    return new RemoteKey(keyId, material.type().name(), material.toPem());
  }

  private static Optional<PublicKeyMaterial> pem(String pem) {
    try {
      return Optional.of(PublicKeyMaterial.fromPem(pem));
    } catch (KeyFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<PublicKeyMaterial> multikey(String multibase) {
    try {
      return Optional.of(PublicKeyMaterial.fromMultikey(multibase));
    } catch (KeyFormatException e) {
      return Optional.empty();
    }
  }
}
