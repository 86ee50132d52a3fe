package dev.fedgate.gateway.keys;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.fetch.FetchBudget;
import dev.fedgate.gateway.fetch.FetchException;
import dev.fedgate.gateway.fetch.FetchFailure;
import dev.fedgate.gateway.inbox.MapFetcher;
import dev.fedgate.gateway.inbox.RemotePeer;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.StorageProviders;
import dev.fedgate.gateway.storage.StorageSettings;
import dev.fedgate.vocab.json.ReadLimits;
import dev.fedgate.vocab.json.VocabReader;
import dev.fedgate.vocab.jsonld.JsonLdContextNormalizer;
import io.vertx.core.Future;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PublicKeyResolverTest {
  private final MapFetcher fetcher = new MapFetcher();
  private final RemotePeer bob = new RemotePeer("remote.example", "bob");
  private StorageBackend storage;
  private PublicKeyResolver resolver;

  @BeforeEach
  void setUp() {
    storage = await(StorageProviders.find("embedded").open(StorageSettings.builder()
        .url("mem:keys-" + UUID.randomUUID()).build()));
    fetcher.serve(bob.id(), bob.actorJson());
    resolver = newResolver();
  }

  private PublicKeyResolver newResolver() {
    VocabReader reader = VocabReader.create(JsonLdContextNormalizer.create(), ReadLimits.DEFAULT);
    InstantSource clock = InstantSource.fixed(Instant.parse("2026-11-01T00:00:00Z"));
    return new PublicKeyResolver(storage.remoteActors(), new RemoteActorLoader(storage.remoteActors(), fetcher,
        reader, clock), () -> 0L);
  }

  @AfterEach
  void tearDown() {
    await(storage.close());
  }

  private static <T> T join(Future<T> future) {
    return await(future.toCompletionStage());
  }

  @Test
  void acctKeyId_isTheFirstKeyOfTheActorWebFingerNames_fetchedWithinOneBudget() {
    URI account = URI.create("acct:bob@remote.example");
    fetcher.serveWebFinger(account, bob.id());

    ResolvedKey key = join(resolver.resolve(account, FetchBudget.perRequest()));

    assertThat(key.owner()).isEqualTo(bob.id());
    assertThat(key.key().toPem()).isEqualTo(bob.publicKeyPem());
    assertThat(fetcher.fetched()).containsExactly(account, bob.id());
    Future<ResolvedKey> spent = newResolver().resolve(account, FetchBudget.of(1));
    join(spent.otherwiseEmpty());
    assertThat(((FetchException) spent.cause()).failure()).isEqualTo(FetchFailure.BUDGET_EXHAUSTED);
  }

  @Test
  void acctKeyIdUnknownToWebFinger_isNotFound() {
    Future<ResolvedKey> result = resolver.resolve(URI.create("acct:nobody@remote.example"), FetchBudget.perRequest());
    join(result.otherwiseEmpty());

    assertThat(((FetchException) result.cause()).failure()).isEqualTo(FetchFailure.NOT_FOUND);
  }

  @Test
  void unknownKey_isFetchedOnceThenCached() {
    ResolvedKey first = join(resolver.resolve(bob.keyId(), FetchBudget.perRequest()));
    ResolvedKey second = join(resolver.resolve(bob.keyId(), FetchBudget.perRequest()));

    assertThat(first.owner()).isEqualTo(bob.id());
    assertThat(first.fresh()).isTrue();
    assertThat(second.fresh()).isFalse();
    assertThat(second.key()).isEqualTo(first.key());
    assertThat(fetcher.fetched()).containsExactly(bob.id());
  }

  @Test
  void keyInTheStore_isNotFetchedAgainAfterARestart() {
    join(resolver.resolve(bob.keyId(), FetchBudget.perRequest()));

    ResolvedKey fromStore = join(newResolver().resolve(bob.keyId(), FetchBudget.perRequest()));

    assertThat(fromStore.owner()).isEqualTo(bob.id());
    assertThat(fetcher.fetched()).hasSize(1);
  }

  @Test
  void bareActorUrlAsKeyId_namesTheActorsFirstKey() {
    ResolvedKey key = join(resolver.resolve(bob.id(), FetchBudget.perRequest()));

    assertThat(key.key().toPem()).isEqualTo(bob.publicKeyPem());
  }

  @Test
  void keyTheActorDoesNotPublish_isNotFound() {
    Future<ResolvedKey> result = resolver.resolve(URI.create(bob.id() + "#other-key"), FetchBudget.perRequest());
    join(result.otherwiseEmpty());

    assertThat(result.cause()).isInstanceOfSatisfying(FetchException.class,
        e -> assertThat(e.failure()).isEqualTo(FetchFailure.NOT_FOUND));
  }

  @Test
  void refresh_picksUpARotatedKey() {
    join(resolver.resolve(bob.keyId(), FetchBudget.perRequest()));
    bob.rotateKey();
    fetcher.serve(bob.id(), bob.actorJson());

    ResolvedKey refreshed = join(resolver.refresh(bob.keyId(), FetchBudget.perRequest()));

    assertThat(refreshed.key().toPem()).isEqualTo(bob.publicKeyPem());
    assertThat(join(resolver.resolve(bob.keyId(), FetchBudget.perRequest())).key().toPem())
        .isEqualTo(bob.publicKeyPem());
  }

  @Test
  void spentBudget_stopsTheFetch() {
    Future<ResolvedKey> result = resolver.resolve(bob.keyId(), FetchBudget.of(0));
    join(result.otherwiseEmpty());

    assertThat(((FetchException) result.cause()).failure()).isEqualTo(FetchFailure.BUDGET_EXHAUSTED);
    assertThat(fetcher.fetched()).isEmpty();
  }
}
