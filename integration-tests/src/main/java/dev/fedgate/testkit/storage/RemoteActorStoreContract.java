package dev.fedgate.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.RemoteActor;
import dev.fedgate.gateway.storage.RemoteActorStore;
import dev.fedgate.gateway.storage.RemoteKey;
import dev.fedgate.gateway.storage.UpsertResult;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract of {@link RemoteActorStore}: the actor cache, lookups by key id, key rotation and ownership. */
public abstract class RemoteActorStoreContract extends StoreContract {
  private static final URI BOB = URI.create("https://mastodon.example/users/bob");

  private RemoteActorStore actors() {
    return backend.remoteActors();
  }

  private RemoteActor bob(List<RemoteKey> keys) {
    return new RemoteActor(BOB, "Person", Optional.of("bob"), URI.create(BOB + "/inbox"),
        Optional.of(URI.create("https://mastodon.example/inbox")), keys, clock.instant());
  }

  private static RemoteKey key(URI owner, String fragment) {
    return new RemoteKey(URI.create(owner + "#" + fragment), "RSA",
        "-----BEGIN PUBLIC KEY-----\n" + fragment + "\n-----END PUBLIC KEY-----\n");
  }

  @Test
  void upsert_cachesTheActorWithItsKeysInOrder() {
    RemoteActor bob = bob(List.of(key(BOB, "main-key"),
        new RemoteKey(URI.create(BOB + "#ed25519-key"), "Ed25519",
            "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2")));

    assertThat(await(actors().upsert(bob))).isEqualTo(UpsertResult.CREATED);
    assertThat(await(actors().find(BOB))).contains(bob);
    assertThat(await(actors().find(URI.create("https://mastodon.example/users/alice")))).isEmpty();
  }

  @Test
  void upsert_sameActor_isUnchanged_andARefetchIsUpdated() {
    await(actors().upsert(bob(List.of(key(BOB, "main-key")))));

    assertThat(await(actors().upsert(bob(List.of(key(BOB, "main-key")))))).isEqualTo(UpsertResult.UNCHANGED);
    clock.advance(Duration.ofHours(1));
    assertThat(await(actors().upsert(bob(List.of(key(BOB, "main-key")))))).isEqualTo(UpsertResult.UPDATED);
    assertThat(await(actors().find(BOB)).orElseThrow().fetchedAt()).isEqualTo(clock.instant());
  }

  @Test
  void findByKeyId_findsTheOwner_andARotatedKeyIsGone() {
    await(actors().upsert(bob(List.of(key(BOB, "main-key")))));
    await(actors().upsert(bob(List.of(key(BOB, "key-2")))));

    assertThat(await(actors().findByKeyId(URI.create(BOB + "#key-2")))).map(RemoteActor::id).contains(BOB);
    assertThat(await(actors().findByKeyId(URI.create(BOB + "#main-key")))).isEmpty();
  }

  @Test
  void upsert_keyIdOwnedByAnotherActor_isRefused() {
    await(actors().upsert(bob(List.of(key(BOB, "main-key")))));
    URI mallory = URI.create("https://mastodon.example/users/mallory");
    RemoteActor thief = new RemoteActor(mallory, "Person", Optional.empty(), URI.create(mallory + "/inbox"),
        Optional.empty(), List.of(key(BOB, "main-key")), clock.instant());

    assertThat(await(actors().upsert(thief))).isEqualTo(UpsertResult.NAME_TAKEN);
    assertThat(await(actors().find(mallory))).isEmpty();
    assertThat(await(actors().findByKeyId(URI.create(BOB + "#main-key")))).map(RemoteActor::id).contains(BOB);
  }

  @Test
  void delete_forgetsTheActorAndItsKeys() {
    await(actors().upsert(bob(List.of(key(BOB, "main-key")))));

    assertThat(await(actors().delete(BOB))).isTrue();
    assertThat(await(actors().delete(BOB))).isFalse();
    assertThat(await(actors().find(BOB))).isEmpty();
    assertThat(await(actors().findByKeyId(URI.create(BOB + "#main-key")))).isEmpty();
  }
}
