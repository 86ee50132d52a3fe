package dev.fedgate.gateway.fetch;

import static dev.fedgate.gateway.TestGateway.await;

import dev.fedgate.gateway.keys.LocalKeys;
import dev.fedgate.gateway.mapping.LocalUrls;
import dev.fedgate.gateway.storage.Account;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.StorageProviders;
import dev.fedgate.gateway.storage.StorageSettings;
import dev.fedgate.signatures.keys.PublicKeyMaterial;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What outbound tests share: Vert.x, an in-memory H2 store holding the account {@code alice} and the instance actor
 * with their keys, a hand-moved clock, and a signer.
 */
public final class OutboundFixture implements AutoCloseable {
  /** The public base URL of the gateway under test. */
  public static final URI BASE = URI.create("https://gateway.example");

  public final Vertx vertx = Vertx.vertx();
  public final ExecutorService cpu = Executors.newFixedThreadPool(2);
  public final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
  public final LocalUrls urls = new LocalUrls(BASE);
  public final StorageBackend storage;
  public final LocalKeys keys;
  public final OutboundSigner signer;

  /** Opens the store and creates the actors and keys. */
  public OutboundFixture() {
    storage = await(StorageProviders.find("embedded").open(StorageSettings.builder()
        .url("mem:outbound-" + UUID.randomUUID()).clock(clock).build()));
    await(storage.localActors().upsertAccount(new Account("alice", "Alice", "", URI.create("https://site.example/a"),
        Optional.empty(), Optional.empty())));
    await(storage.localActors().ensureInstanceActor(LocalUrls.INSTANCE_ACTOR_NAME));
    keys = new LocalKeys(storage.localActors(), Optional.empty(), cpu);
    await(keys.ensureKeys("alice"));
    await(keys.ensureKeys(LocalUrls.INSTANCE_ACTOR_NAME));
    signer = new OutboundSigner(keys, storage.localActors(), urls, cpu, clock);
  }

  /** The RSA public key of a local actor, as a peer would fetch it. */
  public PublicKeyMaterial publicKey(String actor) {
    return await(keys.publicKeys(actor)).rsa();
  }

  /** An outbound client; {@code allowPrivate} as {@code --allow-private-addresses}, resolving with the JVM. */
  public OutboundHttp http(boolean allowPrivate) {
    return http(AddressGuard.create(HostResolver.system(vertx), allowPrivate));
  }

  /** An outbound client behind {@code guard}. */
  public OutboundHttp http(AddressGuard guard) {
    return OutboundHttp.create(vertx, guard, Duration.ofSeconds(5), "Fedgate-test");
  }

  @Override
  public void close() {
    await(storage.close());
    await(vertx.close().toCompletionStage());
    cpu.shutdown();
  }
}
