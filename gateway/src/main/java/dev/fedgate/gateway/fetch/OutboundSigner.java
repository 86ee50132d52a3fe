package dev.fedgate.gateway.fetch;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.fedgate.gateway.keys.LocalKeys;
import dev.fedgate.gateway.mapping.LocalUrls;
import dev.fedgate.gateway.storage.LocalActor;
import dev.fedgate.gateway.storage.LocalActorStore;
import dev.fedgate.signatures.HttpRequest;
import dev.fedgate.signatures.SignatureScheme;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Signs outbound requests as a local actor, named as deliveries name it, at the moment of sending. The RSA work runs
 * on the CPU executor, never on an event loop.
 */
public final class OutboundSigner {
  /** Local actor ids kept in memory; a name's kind does not change while it exists. */
  static final int ACTOR_ID_CACHE_SIZE = 10_000;

  private final LocalKeys keys;
  private final Executor cpu;
  private final InstantSource clock;
  private final AsyncLoadingCache<String, URI> actorIds;

  /** Signs with {@code keys}, looking actors up in {@code actors}, on {@code cpu}, dated by {@code clock}. */
  public OutboundSigner(LocalKeys keys, LocalActorStore actors, LocalUrls urls, Executor cpu, InstantSource clock) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.cpu = Objects.requireNonNull(cpu, "cpu");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.actorIds = Caffeine.newBuilder()
        .maximumSize(ACTOR_ID_CACHE_SIZE)
        .recordStats()
        .expireAfterWrite(Duration.ofMinutes(10))
        .executor(cpu)
        .buildAsync((name, executor) -> actors.findActor(name)
            .thenApply(actor -> actor.map(LocalActor::kind).map(kind -> urls.actor(kind, name))
                .orElseThrow(() -> new IllegalStateException("no local actor named " + name)))
            .toCompletableFuture());
  }

  /**
   * {@code request} signed by the local actor {@code actorName} with {@code scheme}, with {@code Host}, {@code Date}
   * and the digest added.
   *
   * @return the signed request, or a stage failed with {@link IllegalStateException} when the actor or its key is gone
   */
  public CompletionStage<HttpRequest> sign(String actorName, SignatureScheme scheme, HttpRequest request) {
    CompletableFuture<URI> actorId = actorIds.get(actorName);
    return actorId.thenCompose(id -> keys.signer(actorName, id, scheme))
        .thenApplyAsync(signer -> signer.sign(request, clock.instant()).request(), cpu);
  }

  /** Hit, miss and eviction counts of the cache, for {@code /metrics}. */
  public CacheStats cacheStats() {
    return actorIds.synchronous().stats();
  }
}
