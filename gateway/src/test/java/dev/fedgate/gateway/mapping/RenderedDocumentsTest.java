package dev.fedgate.gateway.mapping;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedgate.gateway.SiteFixtures;
import dev.fedgate.gateway.TestGateway;
import dev.fedgate.gateway.mapping.RenderedDocuments.Rendered;
import dev.fedgate.gateway.storage.Account;
import dev.fedgate.gateway.storage.Channel;
import dev.fedgate.gateway.storage.StorageBackend;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderedDocumentsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDirectory;
  private TestGateway test;
  private StorageBackend storage;
  private ExecutorService cpu;
  private final AtomicLong nanos = new AtomicLong();
  private RenderedDocuments documents;

  @BeforeEach
  void start() {
    test = TestGateway.start(dataDirectory);
    storage = test.gateway().storage();
    cpu = Executors.newSingleThreadExecutor();
    LocalUrls urls = new LocalUrls(test.gateway().publicUrl());
    documents = new RenderedDocuments(new LocalObjects(urls, storage.localActors(), storage.videos(),
        storage.comments(), storage.replies(), test.gateway().keys()), cpu, 100, Duration.ofMinutes(10), nanos::get);
    SiteFixtures.createActors(test.gateway(), "alice", "science");
  }

  @AfterEach
  void stop() {
    cpu.shutdown();
    test.close();
  }

  @Test
  void actor_isServedFromCacheUntilInvalidated() throws IOException {
    assertThat(name(await(documents.accountPath("alice")))).isEqualTo("Alice alice");
    rename("alice", "Alice Renamed");
    assertThat(name(await(documents.accountPath("alice")))).as("cached").isEqualTo("Alice alice");
    documents.invalidateActor("alice");
    assertThat(name(await(documents.accountPath("alice")))).isEqualTo("Alice Renamed");
  }

  @Test
  void actors_sayWhetherTheyApproveFollowersManually() throws IOException {
    Channel science = await(storage.localActors().findChannel("science")).orElseThrow().value();
    await(storage.localActors().upsertChannel(new Channel("science", science.account(), science.displayName(),
        science.summary(), science.url(), science.avatar(), science.banner(), true)));

    JsonNode channel = JSON.readTree(await(documents.channelPath("science")).orElseThrow().json());
    JsonNode account = JSON.readTree(await(documents.accountPath("alice")).orElseThrow().json());

    assertThat(channel.get("manuallyApprovesFollowers").asBoolean()).isTrue();
    assertThat(account.get("manuallyApprovesFollowers").isBoolean()).isTrue();
    assertThat(account.get("manuallyApprovesFollowers").asBoolean()).isFalse();
  }

  @Test
  void actor_expiresAfterTheConfiguredTime() throws Exception {
    await(documents.accountPath("alice"));
    // The cache stamps an entry's write time in a completion callback on the rendering thread; a task queued
    // behind it on that single thread runs once the stamp is taken, before the clock moves.
    cpu.submit(() -> { }).get();
    rename("alice", "Alice Later");
    nanos.addAndGet(Duration.ofMinutes(11).toNanos());
    assertThat(name(await(documents.accountPath("alice")))).isEqualTo("Alice Later");
  }

  @Test
  void unknownName_isNotCached() {
    assertThat(await(documents.accountPath("bob"))).isEmpty();
    await(storage.localActors().upsertAccount(SiteFixtures.account("bob")));
    await(test.gateway().keys().ensureKeys("bob"));
    assertThat(await(documents.accountPath("bob"))).isPresent();
  }

  @Test
  void video_isServedFromCacheUntilInvalidated_thenAsTombstone() throws IOException {
    UUID uuid = UUID.randomUUID();
    await(storage.videos().upsert(SiteFixtures.video(uuid, "science", SiteFixtures.PUBLISHED)));
    Rendered live = await(documents.video(uuid)).orElseThrow();
    assertThat(live.gone()).isFalse();
    assertThat(live.page()).contains(URI.create("https://site.example/w/" + uuid));
    await(storage.videos().delete(uuid));
    assertThat(await(documents.video(uuid)).orElseThrow().gone()).as("cached").isFalse();
    documents.invalidateVideo(uuid);
    Rendered gone = await(documents.video(uuid)).orElseThrow();
    assertThat(gone.gone()).isTrue();
    assertThat(JSON.readTree(gone.json()).get("type").asText()).isEqualTo("Tombstone");
  }

  @Test
  void invalidatingAChannel_dropsItsVideos() throws IOException {
    SiteFixtures.createActors(test.gateway(), "bob", "other");
    UUID ofScience = UUID.randomUUID();
    UUID ofOther = UUID.randomUUID();
    await(storage.videos().upsert(SiteFixtures.video(ofScience, "science", SiteFixtures.PUBLISHED)));
    await(storage.videos().upsert(SiteFixtures.video(ofOther, "other", SiteFixtures.PUBLISHED)));
    await(documents.video(ofScience));
    await(documents.video(ofOther));
    // The channel moves to another account: its videos' attributedTo changes with it.
    Channel moved = SiteFixtures.channel("science", "bob");
    await(storage.localActors().upsertChannel(moved));
    await(storage.localActors().upsertChannel(new Channel("other", "alice", "Other", "", moved.url(),
        Optional.empty(), Optional.empty())));
    documents.invalidateActor("science");
    assertThat(owner(await(documents.video(ofScience)).orElseThrow())).endsWith("/accounts/bob");
    assertThat(owner(await(documents.video(ofOther)).orElseThrow())).as("other channel still cached")
        .endsWith("/accounts/bob");
  }

  private void rename(String name, String displayName) {
    Account account = SiteFixtures.account(name);
    await(storage.localActors().upsertAccount(new Account(name, displayName, account.summary(), account.url(),
        account.avatar(), account.banner())));
  }

  private static String name(Optional<Rendered> rendered) throws IOException {
    return JSON.readTree(rendered.orElseThrow().json()).get("name").asText();
  }

  private static String owner(Rendered rendered) throws IOException {
    JsonNode attributedTo = JSON.readTree(rendered.json()).get("attributedTo");
    return attributedTo.get(1).asText();
  }
}
