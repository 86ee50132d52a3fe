package dev.fedgate.gateway.keys;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.cache.CacheChange;
import dev.fedgate.gateway.fetch.FetchBudget;
import dev.fedgate.gateway.inbox.MapFetcher;
import dev.fedgate.gateway.inbox.RemotePeer;
import dev.fedgate.gateway.storage.RemoteActor;
import dev.fedgate.gateway.storage.RemoteActorStore;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.StorageProviders;
import dev.fedgate.gateway.storage.StorageSettings;
import dev.fedgate.gateway.storage.UpsertResult;
import dev.fedgate.vocab.Actor;
import dev.fedgate.vocab.json.ReadLimits;
import dev.fedgate.vocab.json.VocabReader;
import dev.fedgate.vocab.jsonld.JsonLdContextNormalizer;
import io.vertx.core.Future;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RemoteActorLoaderTest {
  private static final VocabReader READER = VocabReader.create(JsonLdContextNormalizer.create(), ReadLimits.DEFAULT);

  private final MapFetcher fetcher = new MapFetcher();
  private final RemotePeer bob = new RemotePeer("remote.example", "bob");
  private Instant now = Instant.parse("2026-11-01T00:00:00Z");
  private final InstantSource clock = () -> now;
  private StorageBackend storage;
  private RemoteActorLoader loader;

  @BeforeEach
  void setUp() {
    storage = await(StorageProviders.find("embedded").open(StorageSettings.builder()
        .url("mem:actor-loader-" + UUID.randomUUID()).build()));
    fetcher.serve(bob.id(), bob.actorJson());
    loader = new RemoteActorLoader(storage.remoteActors(), fetcher, READER, clock);
  }

  @AfterEach
  void tearDown() {
    await(storage.close());
  }

  private static <T> T join(Future<T> future) {
    return await(future.toCompletionStage());
  }

  private URI loadedInbox() {
    return join(loader.load(bob.id(), FetchBudget.perRequest())).inbox();
  }

  /** Replaces bob's stored row behind the loader's back, as another node would. */
  private void storeInbox(URI inbox) {
    RemoteActor stored = await(storage.remoteActors().find(bob.id())).orElseThrow();
    assertThat(await(storage.remoteActors().upsert(new RemoteActor(stored.id(), stored.type(), stored.username(),
        inbox, stored.sharedInbox(), stored.keys(), stored.fetchedAt())))).isEqualTo(UpsertResult.UPDATED);
  }

  @Test
  void anUnknownActor_isFetchedOnceAndStored_thenServedFromMemory() {
    assertThat(loadedInbox()).isEqualTo(bob.inbox());
    storeInbox(URI.create("https://remote.example/elsewhere"));

    assertThat(loadedInbox()).as("from memory").isEqualTo(bob.inbox());
    assertThat(fetcher.fetched()).containsExactly(bob.id());
    assertThat(loader.cacheStats().hitCount()).isEqualTo(1);
  }

  @Test
  void aStoredActor_isReadOnce_untilItsChangeIsHeard() {
    join(loader.load(bob.id(), FetchBudget.perRequest()));
    RemoteActorLoader fresh = new RemoteActorLoader(storage.remoteActors(), fetcher, READER, clock);
    assertThat(join(fresh.load(bob.id(), FetchBudget.perRequest())).inbox()).isEqualTo(bob.inbox());
    URI moved = URI.create("https://remote.example/moved");
    storeInbox(moved);

    assertThat(join(fresh.load(bob.id(), FetchBudget.perRequest())).inbox()).isEqualTo(bob.inbox());
    fresh.invalidate(new CacheChange.LocalActor("bob"));
    fresh.invalidate(new CacheChange.RemoteActor(URI.create("https://remote.example/users/carol")));
    assertThat(join(fresh.load(bob.id(), FetchBudget.perRequest())).inbox()).as("other changes").isEqualTo(bob.inbox());

    fresh.invalidate(new CacheChange.RemoteActor(bob.id()));
    assertThat(join(fresh.load(bob.id(), FetchBudget.perRequest())).inbox()).isEqualTo(moved);
    assertThat(fetcher.fetched()).as("only the first loader fetched").containsExactly(bob.id());
  }

  @Test
  void remember_replacesTheCopyInMemory() {
    assertThat(loadedInbox()).isEqualTo(bob.inbox());
    URI moved = URI.create("https://remote.example/moved");
    String json = bob.actorJson().replace("\"inbox\":\"" + bob.inbox() + "\"", "\"inbox\":\"" + moved + "\"");
    assertThat(json).contains(moved.toString());

    join(loader.remember(READER.read(json.getBytes(StandardCharsets.UTF_8), Actor.class)));

    assertThat(loadedInbox()).isEqualTo(moved);
  }

  @Test
  void aDeletedActor_isFetchedAgainOnceItsChangeIsHeard() {
    loadedInbox();
    assertThat(await(storage.remoteActors().delete(bob.id()))).isTrue();

    loader.invalidate(new CacheChange.RemoteActor(bob.id()));
    loadedInbox();

    assertThat(fetcher.fetched()).containsExactly(bob.id(), bob.id());
  }

  @Test
  void copiesExpireAfterTheKeyCachesFreshness_andInvalidateAllForgetsEveryOne() {
    loadedInbox();
    URI moved = URI.create("https://remote.example/moved");
    storeInbox(moved);

    now = now.plus(PublicKeyResolver.DEFAULT_FRESHNESS);
    assertThat(loadedInbox()).isEqualTo(moved);

    URI again = URI.create("https://remote.example/again");
    storeInbox(again);
    loader.invalidateAll();
    assertThat(loadedInbox()).isEqualTo(again);
  }

  @Test
  void aStoreReadThatRacedAChange_isNotKeptInMemory() {
    join(loader.load(bob.id(), FetchBudget.perRequest()));
    CompletableFuture<Optional<RemoteActor>> pendingRead = new CompletableFuture<>();
    RemoteActorLoader racing = new RemoteActorLoader(new PausedFinds(storage.remoteActors(), pendingRead), fetcher,
        READER, clock);

    Future<RemoteActor> read = racing.load(bob.id(), FetchBudget.perRequest());
    RemoteActor before = await(storage.remoteActors().find(bob.id())).orElseThrow();
    racing.invalidate(new CacheChange.RemoteActor(bob.id()));
    pendingRead.complete(Optional.of(before));
    assertThat(join(read).inbox()).isEqualTo(bob.inbox());

    URI moved = URI.create("https://remote.example/moved");
    storeInbox(moved);
    assertThat(join(racing.load(bob.id(), FetchBudget.perRequest())).inbox()).isEqualTo(moved);
  }

  /** A store whose first {@code find} answers when the test says; everything else is the real store's. */
  private static final class PausedFinds implements RemoteActorStore {
    private final RemoteActorStore store;
    private CompletableFuture<Optional<RemoteActor>> paused;

    PausedFinds(RemoteActorStore store, CompletableFuture<Optional<RemoteActor>> paused) {
      this.store = store;
      this.paused = paused;
    }

    @Override
    public CompletionStage<UpsertResult> upsert(RemoteActor actor) {
      return store.upsert(actor);
    }

    @Override
    public synchronized CompletionStage<Optional<RemoteActor>> find(URI id) {
      CompletionStage<Optional<RemoteActor>> answer = paused != null ? paused : store.find(id);
      paused = null;
      return answer;
    }

    @Override
    public CompletionStage<Optional<RemoteActor>> findByKeyId(URI keyId) {
      return store.findByKeyId(keyId);
    }

    @Override
    public CompletionStage<Boolean> delete(URI id) {
      return store.delete(id);
    }
  }
}
