package dev.fedgate.gateway.inbox;

import static dev.fedgate.gateway.TestGateway.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedgate.gateway.cache.CacheChange;
import dev.fedgate.gateway.cache.CacheInvalidation;
import dev.fedgate.gateway.keys.PublicKeyResolver;
import dev.fedgate.gateway.keys.RemoteActorLoader;
import dev.fedgate.gateway.mapping.LocalUrls;
import dev.fedgate.gateway.storage.Account;
import dev.fedgate.gateway.storage.Channel;
import dev.fedgate.gateway.storage.CommentsPolicy;
import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.gateway.storage.InboundActivity;
import dev.fedgate.gateway.storage.InboxStore;
import dev.fedgate.gateway.storage.InteractionKind;
import dev.fedgate.gateway.storage.Job;
import dev.fedgate.gateway.storage.QueueStats;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.StorageProviders;
import dev.fedgate.gateway.storage.StorageSettings;
import dev.fedgate.gateway.storage.Video;
import dev.fedgate.gateway.storage.WebhookEvent;
import dev.fedgate.vocab.activity.Like;
import dev.fedgate.vocab.json.ReadLimits;
import dev.fedgate.vocab.json.VocabReader;
import dev.fedgate.vocab.jsonld.JsonLdContextNormalizer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An inbox over a real in-memory H2 store with a local account {@code alice}, her channel {@code cooking} and a video
 * on it, a {@link MapFetcher} for the remote side, and a clock the test sets.
 */
final class InboxHarness implements AutoCloseable {
  static final URI BASE = URI.create("https://video.example");
  static final ObjectMapper JSON = new ObjectMapper();

  final LocalUrls urls = new LocalUrls(BASE);
  final MapFetcher fetcher = new MapFetcher();
  final Vertx vertx = Vertx.vertx();
  final ExecutorService cpu = Executors.newFixedThreadPool(2);
  final UUID video = UUID.randomUUID();
  Instant now = Instant.parse("2026-11-01T12:00:00Z");
  final InstantSource clock = () -> now;
  final CacheInvalidation invalidation = CacheInvalidation.inProcess();
  final StorageBackend storage;
  final Inbox inbox;

  InboxHarness() {
    this(DomainBlocks.NONE);
  }

  InboxHarness(DomainBlocks blocks) {
    this(blocks, "mem:inbox-" + UUID.randomUUID());
  }

  InboxHarness(DomainBlocks blocks, String storageUrl) {
    storage = await(StorageProviders.find("embedded").open(StorageSettings.builder().url(storageUrl)
        .clock(clock).build()));
    await(storage.localActors().upsertAccount(new Account("alice", "Alice", "", URI.create("https://site.example/a"),
        Optional.empty(), Optional.empty())));
    await(storage.localActors().upsertChannel(new Channel("cooking", "alice", "Cooking", "",
        URI.create("https://site.example/c"), Optional.empty(), Optional.empty())));
    putVideo(video, CommentsPolicy.ENABLED);
    inbox = Inbox.create(vertx, storage, fetcher, urls, clock, cpu, 1 << 20, blocks, invalidation,
        InboxWorker.DEFAULT_LEASE);
  }

  /**
   * A pipeline over {@code store} with this harness's keys, fetcher and clock, accepting one group at a time, leasing
   * to {@code worker} when one is given (null for none).
   */
  InboxPipeline pipeline(InboxStore store, InboxWorker worker) {
    JsonLdContextNormalizer normalizer = JsonLdContextNormalizer.create();
    RemoteActorLoader actors = new RemoteActorLoader(storage.remoteActors(), fetcher, reader(), clock);
    PublicKeyResolver keys = new PublicKeyResolver(storage.remoteActors(), actors, System::nanoTime);
    InboxPipeline.Builder builder = InboxPipeline.builder().inbox(store).keys(keys).fetcher(fetcher)
        .normalizer(normalizer).clock(clock).cpu(cpu).counters(new InboxCounters()).acceptWrites(1);
    return (worker == null ? builder : builder.worker(worker)).build();
  }

  /** A vocabulary reader as the inbox's. */
  static VocabReader reader() {
    return VocabReader.create(JsonLdContextNormalizer.create(), ReadLimits.DEFAULT);
  }

  /** The inbox's handler of likes alone. */
  ActivityHandlers likeHandlers() {
    return ActivityHandlers.builder().on(Like.class, new InteractionHandler<Like>(InteractionKind.LIKE,
        new LocalTargets(urls), storage.interactions(), new SiteEvents(storage.webhookJobs()))).build();
  }

  /** Creates or replaces a video of {@code cooking} with {@code policy}, and says so as the Site API does. */
  void putVideo(UUID uuid, CommentsPolicy policy) {
    await(storage.videos().upsert(new Video(uuid, "cooking", "Soup", "", 60, now, URI.create("https://site.example/v"),
        Optional.empty(), List.of(), List.of(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
        Optional.empty(), false, policy, false)));
    videoChanged(uuid);
  }

  /** Tells the node's caches that video {@code uuid} changed, as the Site API does after each write. */
  void videoChanged(UUID uuid) {
    await(invalidation.changed(new CacheChange.Video(uuid)));
  }

  /** Serves {@code peer}'s actor document. */
  RemotePeer peer(String host, String name) {
    RemotePeer peer = new RemotePeer(host, name);
    fetcher.serve(peer.id(), peer.actorJson());
    return peer;
  }

  /** Runs the pipeline on {@code json} signed by {@code peer}, posted to the shared inbox. */
  InboxOutcome post(RemotePeer peer, String json) {
    return receive(peer.post(urls.sharedInbox(), json, now, Optional.empty()));
  }

  /** Runs the pipeline on a request. */
  InboxOutcome receive(InboxRequest request) {
    return await(inbox.pipeline().receive(request).toCompletionStage());
  }

  /** Posts and processes at once. */
  void deliver(RemotePeer peer, String json) {
    InboxOutcome outcome = post(peer, json);
    if (!(outcome instanceof InboxOutcome.Accepted)) {
      throw new AssertionError("refused: " + outcome);
    }
    drain();
  }

  /** Processes everything queued. */
  int drain() {
    return await(inbox.worker().drain().toCompletionStage());
  }

  /** Waits for a Vert.x future. */
  static <T> T join(Future<T> future) {
    return await(future.toCompletionStage());
  }

  /** How many activities wait in the inbound queue. */
  long queued() {
    QueueStats stats = await(storage.inbox().stats(now));
    return stats.waiting() + stats.inFlight();
  }

  /**
   * Claims what the inbound queue holds once the leases the worker took at accept have run out (the worker has not
   * processed it: tests that do not drain).
   */
  List<Job<InboundActivity>> queuedJobs() {
    return await(storage.inbox().claimDue(now.plus(InboxWorker.DEFAULT_LEASE), 100, Duration.ofMinutes(1)));
  }

  /** Takes every due webhook job. */
  List<WebhookEvent> webhooks() {
    return await(storage.webhookJobs().claimDue(now, 100, Duration.ofMinutes(1))).stream().map(Job::payload).toList();
  }

  /** Takes every due delivery job. */
  List<Delivery> deliveries() {
    return await(storage.deliveryJobs().claimDue(now, 100, Duration.ofMinutes(1))).stream().map(Job::payload).toList();
  }

  /** Parses JSON text. */
  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The id of our video {@code uuid}. */
  URI videoId(UUID uuid) {
    return urls.video(uuid);
  }

  @Override
  public void close() {
    await(storage.close());
    await(vertx.close().toCompletionStage());
    cpu.shutdown();
  }
}
