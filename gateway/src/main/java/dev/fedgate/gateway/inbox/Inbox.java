package dev.fedgate.gateway.inbox;

import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.fedgate.gateway.cache.CacheChange;
import dev.fedgate.gateway.cache.CacheInvalidation;
import dev.fedgate.gateway.cache.ClockTicker;
import dev.fedgate.gateway.cache.StaleCache;
import dev.fedgate.gateway.fetch.RemoteFetcher;
import dev.fedgate.gateway.keys.PublicKeyResolver;
import dev.fedgate.gateway.keys.RemoteActorLoader;
import dev.fedgate.gateway.mapping.LocalUrls;
import dev.fedgate.gateway.outbox.RequestAnswers;
import dev.fedgate.gateway.storage.InteractionKind;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.vocab.activity.Accept;
import dev.fedgate.vocab.activity.Announce;
import dev.fedgate.vocab.activity.Block;
import dev.fedgate.vocab.activity.Create;
import dev.fedgate.vocab.activity.Delete;
import dev.fedgate.vocab.activity.Dislike;
import dev.fedgate.vocab.activity.Flag;
import dev.fedgate.vocab.activity.Follow;
import dev.fedgate.vocab.activity.Like;
import dev.fedgate.vocab.activity.Reject;
import dev.fedgate.vocab.activity.Undo;
import dev.fedgate.vocab.activity.Update;
import dev.fedgate.vocab.activity.View;
import dev.fedgate.vocab.json.ReadLimits;
import dev.fedgate.vocab.json.VocabReader;
import dev.fedgate.vocab.jsonld.JsonLdContextNormalizer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Executor;

/**
 * The inbound side assembled: the {@link InboxPipeline} the routes call, the {@link InboxWorker} that processes the
 * durable queue with the standard handlers, and the {@link ViewCounter} flushed on an interval. {@link #start()} and
 * {@link #stop()} run the worker and the flush timer.
 */
public final class Inbox {
  /** How often aggregated views are flushed to the site. */
  static final Duration VIEW_FLUSH = Duration.ofSeconds(30);

  private final Vertx vertx;
  private final InboxPipeline pipeline;
  private final InboxWorker worker;
  private final ViewCounter views;
  private final InboxCounters counters;
  private final PublicKeyResolver keys;
  private final RemoteActorLoader actors;
  private final LocalVideos videos;
  private long flushTimer = -1;

  private Inbox(Vertx vertx, InboxPipeline pipeline, InboxWorker worker, ViewCounter views, InboxCounters counters,
      PublicKeyResolver keys, RemoteActorLoader actors, LocalVideos videos) {
    this.vertx = vertx;
    this.pipeline = pipeline;
    this.worker = worker;
    this.views = views;
    this.counters = counters;
    this.keys = keys;
    this.actors = actors;
    this.videos = videos;
  }

  /**
   * Builds the inbox over {@code durable}: keys and objects fetched with {@code fetcher}, our ids recognised by
   * {@code urls}, RSA and HTML work on {@code cpu}, bodies capped at {@code maxBodyBytes}, {@code blocks} refused;
   * remote actors' updates and deletes are announced to {@code invalidation}, which keeps the key cache current;
   * the worker holds each claimed activity for {@code lease}. The pipeline accepts into it, and views are flushed to
   * it (they live in memory until then); everything done with an accepted activity goes through
   * {@link StorageBackend#replayable()}, since the activity stays queued until that is done and is processed again
   * if a crash loses it.
   */
  public static Inbox create(Vertx vertx, StorageBackend durable, RemoteFetcher fetcher, LocalUrls urls,
      InstantSource clock, Executor cpu, long maxBodyBytes, DomainBlocks blocks, CacheInvalidation invalidation,
      Duration lease) {
    StorageBackend storage = durable.replayable();
    InboxCounters counters = new InboxCounters();
    JsonLdContextNormalizer normalizer = JsonLdContextNormalizer.create();
    VocabReader reader = VocabReader.create(normalizer, ReadLimits.DEFAULT);
    RemoteActorLoader actors = new RemoteActorLoader(storage.remoteActors(), fetcher, reader, clock);
    Ticker ticker = ClockTicker.of(clock);
    PublicKeyResolver keys = new PublicKeyResolver(storage.remoteActors(), actors, ticker);
    LocalVideos videos = new LocalVideos(storage.videos(), ticker);
    invalidation.register(actors);
    invalidation.register(videos);
    invalidation.register(new StaleCache() {
      @Override
      public void invalidate(CacheChange change) {
        if (change instanceof CacheChange.RemoteActor remote) {
          keys.invalidate(remote.id());
        }
      }

      @Override
      public void invalidateAll() {
        keys.invalidateAll();
      }
    });
    ViewCounter views = new ViewCounter(durable.webhookJobs());
    ActivityHandlers handlers = handlers(storage, videos, fetcher, urls, clock, cpu, reader, actors, invalidation,
        views);
    InboxWorker worker = new InboxWorker(vertx, storage.inbox(), handlers, reader, counters, clock, lease);
    InboxPipeline pipeline = InboxPipeline.builder().inbox(durable.inbox()).keys(keys).fetcher(fetcher)
        .normalizer(normalizer).clock(clock).cpu(cpu).counters(counters).blocks(blocks).maxBodyBytes(maxBodyBytes)
        .worker(worker).build();
    return new Inbox(vertx, pipeline, worker, views, counters, keys, actors, videos);
  }

  /** The standard handler for each activity kind the gateway acts on. */
  static ActivityHandlers handlers(StorageBackend storage, LocalVideos videos, RemoteFetcher fetcher, LocalUrls urls,
      InstantSource clock, Executor cpu, VocabReader reader, RemoteActorLoader actors, CacheInvalidation invalidation,
      ViewCounter views) {
    LocalTargets targets = new LocalTargets(urls);
    SiteEvents events = new SiteEvents(storage.webhookJobs());
    RemoteNotes notes = new RemoteNotes(fetcher, reader, new HtmlSanitizer(), cpu);
    InboxForwarding forwarding = new InboxForwarding(videos, storage.follows(), storage.deliveryJobs());
    return ActivityHandlers.builder()
        .on(Follow.class, new FollowHandler(targets, storage.localActors(), storage.follows(),
            new RequestAnswers(storage.deliveryJobs(), urls), actors, events))
        .on(Undo.class, new UndoHandler(targets, storage.localActors(), storage.follows(), storage.interactions(),
            events))
        .on(Create.class, new RemoteVideoHandler<>("published", new CreateHandler(targets, videos,
            storage.comments(), notes, actors, events, forwarding, clock), storage.outbound(), events))
        .on(Update.class, new RemoteVideoHandler<>("updated", new UpdateHandler(storage.comments(), notes, actors,
            invalidation, events, forwarding), storage.outbound(), events))
        .on(Delete.class, new RemoteVideoHandler<>("deleted", new DeleteHandler(storage, invalidation, events,
            forwarding), storage.outbound(), events))
        .on(Accept.class, FollowAnswerHandler.<Accept>accepting(targets, storage.outbound(), events))
        .on(Reject.class, FollowAnswerHandler.<Reject>rejecting(targets, storage.outbound(), events))
        .on(Like.class, new InteractionHandler<Like>(InteractionKind.LIKE, targets, storage.interactions(), events))
        .on(Dislike.class, new InteractionHandler<Dislike>(InteractionKind.DISLIKE, targets, storage.interactions(),
            events))
        .on(Announce.class, new InteractionHandler<Announce>(InteractionKind.SHARE, targets, storage.interactions(),
            events))
        .on(View.class, new ViewHandler(targets, videos, views))
        .on(Flag.class, new FlagHandler(events))
        .on(Block.class, new BlockHandler(targets, storage.localActors(), storage.follows(), events))
        .build();
  }

  /** The request pipeline. */
  public InboxPipeline pipeline() {
    return pipeline;
  }

  /** The queue worker. */
  public InboxWorker worker() {
    return worker;
  }

  /** The view aggregator. */
  public ViewCounter views() {
    return views;
  }

  /** The inbox's counters. */
  public InboxCounters counters() {
    return counters;
  }

  /** The signing-key cache's hit, miss and eviction counts. */
  public CacheStats keyCacheStats() {
    return keys.cacheStats();
  }

  /** The remote actor cache's hit, miss and eviction counts. */
  public CacheStats actorCacheStats() {
    return actors.cacheStats();
  }

  /** The video cache's hit, miss and eviction counts. */
  public CacheStats videoCacheStats() {
    return videos.cacheStats();
  }

  /** Starts processing the queue and flushing views. */
  public synchronized void start() {
    worker.start();
    if (flushTimer == -1) {
      flushTimer = vertx.setPeriodic(VIEW_FLUSH.toMillis(), id -> views.flush());
    }
  }

  /** Stops the worker and the timer, then flushes the views counted so far. */
  public Future<Void> stop() {
    synchronized (this) {
      worker.stop();
      if (flushTimer != -1) {
        vertx.cancelTimer(flushTimer);
        flushTimer = -1;
      }
    }
    return views.flush();
  }
}
