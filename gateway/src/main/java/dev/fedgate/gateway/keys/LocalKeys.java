package dev.fedgate.gateway.keys;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.fedgate.gateway.storage.ActorKey;
import dev.fedgate.gateway.storage.LocalActorStore;
import dev.fedgate.signatures.HttpSigner;
import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.signatures.keys.EncryptedPrivateKey;
import dev.fedgate.signatures.keys.KeyExport;
import dev.fedgate.signatures.keys.KeyFormatException;
import dev.fedgate.signatures.keys.KeyPair;
import dev.fedgate.signatures.keys.KeyType;
import dev.fedgate.signatures.keys.KeyWrapper;
import dev.fedgate.signatures.keys.PrivateKeyMaterial;
import dev.fedgate.signatures.keys.PublicKeyMaterial;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The key pairs of local actors: an RSA-2048 key (the {@code #main-key} every peer verifies) and an Ed25519 key (the
 * FEP-521a {@code assertionMethod}), created once per actor and stored with the private half sealed by the
 * key-encryption key when one is configured. Private material never leaves this class: callers get signers.
 *
 * <p>Key generation and signing are CPU work (RSA-2048 generation takes tens of milliseconds), so they run on the
 * given executor, never on an event loop.
 */
public final class LocalKeys {
  /** The most actors whose private keys are kept parsed in memory; each is a few KiB. */
  static final int SIGNING_CACHE_SIZE = 10_000;
  private static final String RSA = "RSA";
  private static final String ED25519 = "Ed25519";

  private final LocalActorStore store;
  private final Optional<KeyWrapper> wrapper;
  private final Executor cpu;
  private final AsyncLoadingCache<String, PrivateKeyMaterial> signingKeys;

  /** Keys kept in {@code store}, sealed by {@code wrapper} when present, computed on {@code cpu}. */
  public LocalKeys(LocalActorStore store, Optional<KeyWrapper> wrapper, Executor cpu) {
    this.store = Objects.requireNonNull(store, "store");
    this.wrapper = Objects.requireNonNull(wrapper, "wrapper");
    this.cpu = Objects.requireNonNull(cpu, "cpu");
    this.signingKeys = Caffeine.newBuilder()
        .maximumSize(SIGNING_CACHE_SIZE)
        .recordStats()
        .executor(cpu)
        .buildAsync((name, executor) -> loadSigningKey(name));
  }

  /** The public keys of an actor, as its documents show them. */
  public record ActorPublicKeys(PublicKeyMaterial rsa, Optional<PublicKeyMaterial> ed25519) {}

  /**
   * Makes sure the actor has its RSA and Ed25519 keys. Called when an actor is created (and at start for the instance
   * actor). Idempotent and race-free: concurrent calls keep exactly one key per algorithm.
   */
  public CompletionStage<Void> ensureKeys(String actorName) {
    return store.findKeys(actorName).thenCompose(existing -> {
      CompletionStage<Void> rsa = has(existing, RSA) ? done() : create(actorName, RSA, KeyPair::generateRsa);
      return rsa.thenCompose(ignored -> has(existing, ED25519) ? done()
          : create(actorName, ED25519, KeyPair::generateEd25519));
    });
  }

  /**
   * The actor's public keys.
   *
   * @return the keys, or a stage failed with {@link IllegalStateException} when the actor has no RSA key
   */
  public CompletionStage<ActorPublicKeys> publicKeys(String actorName) {
    return store.findKeys(actorName).thenApplyAsync(keys -> {
      PublicKeyMaterial rsa = find(keys, RSA).map(LocalKeys::publicKey)
          .orElseThrow(() -> new IllegalStateException("actor " + actorName + " has no RSA key"));
      return new ActorPublicKeys(rsa, find(keys, ED25519).map(LocalKeys::publicKey));
    }, cpu);
  }

  /**
   * A signer for requests made as the actor, with its RSA main key (the key every peer can verify), in
   * {@code scheme}. Signing itself is CPU work: call {@link HttpSigner#sign} off the event loop.
   */
  public CompletionStage<HttpSigner> signer(String actorName, URI actorId, SignatureScheme scheme) {
    return signingKeys.get(actorName)
        .thenApply(key -> HttpSigner.create(key, actorId + "#main-key", scheme));
  }

  private CompletionStage<Void> create(String actorName, String algorithm, java.util.function.Supplier<KeyPair> generate) {
    return CompletableFuture.supplyAsync(() -> toStored(actorName, algorithm, generate.get()), cpu)
        .thenCompose(key -> store.putKeyIfAbsent(actorName, key))
        .thenAccept(stored -> {
          if (stored.isEmpty()) {
            throw new IllegalStateException("no local actor named " + actorName);
          }
        });
  }

  private ActorKey toStored(String actorName, String algorithm, KeyPair pair) {
    byte[] privateBytes = wrapper
        .map(w -> w.wrap(pair.privateKey(), associatedData(actorName)).toBytes())
        .orElseGet(() -> pair.privateKey().toPkcs8(KeyExport.UNSAFE));
    return new ActorKey(algorithm, pair.publicKey().toSpki(), privateBytes);
  }

  private CompletableFuture<PrivateKeyMaterial> loadSigningKey(String actorName) {
    return store.findKeys(actorName).thenApplyAsync(keys -> {
      ActorKey key = find(keys, RSA)
          .orElseThrow(() -> new IllegalStateException("actor " + actorName + " has no RSA key"));
      try {
        PrivateKeyMaterial material = wrapper.isPresent()
            ? wrapper.get().unwrap(EncryptedPrivateKey.fromBytes(key.privateKey()), associatedData(actorName))
            : PrivateKeyMaterial.fromPkcs8(key.privateKey());
        if (material.type() != KeyType.RSA) {
          throw new IllegalStateException("actor " + actorName + "'s RSA key is of type " + material.type());
        }
        return material;
      } catch (KeyFormatException e) {
        throw new IllegalStateException("cannot open the private key of " + actorName
            + (wrapper.isPresent() ? " (wrong key-encryption key?)" : " (sealed? configure the key-encryption key)"), e);
      }
    }, cpu).toCompletableFuture();
  }

  /** Binds a sealed key to its actor, so a key copied to another actor's row does not open. */
  private static byte[] associatedData(String actorName) {
    return ("fedgate-actor-key:" + actorName.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8);
  }

  private static PublicKeyMaterial publicKey(ActorKey key) {
    try {
      return PublicKeyMaterial.fromSpki(key.publicKey());
    } catch (KeyFormatException e) {
      throw new IllegalStateException("stored public key of type " + key.algorithm() + " is unreadable", e);
    }
  }

  private static Optional<ActorKey> find(List<ActorKey> keys, String algorithm) {
    return keys.stream().filter(k -> k.algorithm().equals(algorithm)).findFirst();
  }

  private static boolean has(List<ActorKey> keys, String algorithm) {
    return find(keys, algorithm).isPresent();
  }

  private static CompletionStage<Void> done() {
    return CompletableFuture.completedFuture(null);
  }

  /** Hit, miss and eviction counts of the cache, for {@code /metrics}. */
  public CacheStats cacheStats() {
    return signingKeys.synchronous().stats();
  }
}
