package dev.fedgate.gateway.mapping;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.fedgate.vocab.json.VocabWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The JSON of local actor and video documents, rendered once and cached (bounded). The Site API calls
 * {@link #invalidateActor} and {@link #invalidateVideo} after every change; entries also expire after
 * {@link #DEFAULT_EXPIRY}, which bounds staleness from a change made by another gateway node. Unknown names and
 * uuids are not cached, so a new actor or video is served at once. Rendering runs on the given executor, never on
 * an event loop.
 */
public final class RenderedDocuments {
  /** Enough for every actor and the recent videos of a large site; a document is a few KiB. */
  public static final int DEFAULT_MAXIMUM_SIZE = 10_000;
  /** How long a document may be served after another node changed it. */
  public static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(10);

  private final LocalObjects objects;
  private final Executor cpu;
  private final VocabWriter writer = VocabWriter.create();
  private final AsyncCache<Key, Rendered> cache;

  /**
   * One rendered document: its JSON, where browsers go (absent for a tombstone, served with 410), and the channel a
   * video belongs to.
   */
  public record Rendered(byte[] json, Optional<URI> page, Optional<String> channel) {
    /** Checks presence and copies the bytes. */
    public Rendered {
      json = Objects.requireNonNull(json, "json").clone();
      Objects.requireNonNull(page, "page");
      Objects.requireNonNull(channel, "channel");
    }

    /** A copy of the UTF-8 JSON. */
    @Override
    public byte[] json() {
      return json.clone();
    }

    /** Whether this is a deleted video's tombstone. */
    public boolean gone() {
      return page.isEmpty();
    }
  }

  private enum Kind { ACCOUNT_PATH, CHANNEL_PATH, VIDEO }

  private record Key(Kind kind, String name) {}

  /** Documents of {@code objects}, rendered on {@code cpu}, with the default size and expiry and the system ticker. */
  public RenderedDocuments(LocalObjects objects, Executor cpu) {
    this(objects, cpu, DEFAULT_MAXIMUM_SIZE, DEFAULT_EXPIRY, Ticker.systemTicker());
  }

  /** Documents of {@code objects}, rendered on {@code cpu}, at most {@code maximumSize}, each kept {@code expiry}. */
  public RenderedDocuments(LocalObjects objects, Executor cpu, int maximumSize, Duration expiry, Ticker ticker) {
    this.objects = Objects.requireNonNull(objects, "objects");
    this.cpu = Objects.requireNonNull(cpu, "cpu");
    this.cache = Caffeine.newBuilder()
        .maximumSize(maximumSize)
        .recordStats()
        .expireAfterWrite(expiry)
        .ticker(ticker)
        .executor(cpu)
        .buildAsync();
  }

  /** The document at {@code /accounts/{name}} (an account or the instance actor); empty when there is none. */
  public CompletionStage<Optional<Rendered>> accountPath(String name) {
    return get(new Key(Kind.ACCOUNT_PATH, name), () -> objects.accountPath(name));
  }

  /** The document at {@code /video-channels/{name}}; empty when there is no such channel. */
  public CompletionStage<Optional<Rendered>> channelPath(String name) {
    return get(new Key(Kind.CHANNEL_PATH, name), () -> objects.channelPath(name));
  }

  /** The document at a video's id: the Video, or its Tombstone once deleted; empty for an unknown uuid. */
  public CompletionStage<Optional<Rendered>> video(UUID uuid) {
    return get(new Key(Kind.VIDEO, uuid.toString()), () -> objects.videoPath(uuid));
  }

  /**
   * A local comment's document, rendered on each request rather than cached: a comment changes with its thread and
   * is small to render.
   */
  public CompletionStage<Optional<Rendered>> comment(UUID video, long id) {
    return objects.commentPath(video, id).thenApplyAsync(document -> document.map(this::render), cpu);
  }

  /** An account's reply to remote content, rendered on each request like a comment. */
  public CompletionStage<Optional<Rendered>> reply(String account, String key) {
    return objects.replyPath(account, key).thenApplyAsync(document -> document.map(this::render), cpu);
  }

  /**
   * Forgets an account's or channel's document, and, for a channel, the documents of its videos (they name the
   * channel's account). Call after the actor changed.
   */
  public void invalidateActor(String name) {
    cache.synchronous().invalidate(new Key(Kind.ACCOUNT_PATH, name));
    cache.synchronous().invalidate(new Key(Kind.CHANNEL_PATH, name));
    cache.asMap().keySet().removeIf(key -> key.kind() == Kind.VIDEO && mayBelongTo(key, name));
  }

  /** Forgets a video's document. Call after the video changed or was deleted. */
  public void invalidateVideo(UUID uuid) {
    cache.synchronous().invalidate(new Key(Kind.VIDEO, uuid.toString()));
  }

  /** Forgets every document. */
  public void invalidateAll() {
    cache.synchronous().invalidateAll();
  }

  /** Whether a cached video is of {@code channel}; one still loading might be, so it counts. */
  private boolean mayBelongTo(Key key, String channel) {
    CompletableFuture<Rendered> value = cache.getIfPresent(key);
    if (value == null) {
      return false;
    }
    if (!value.isDone() || value.isCompletedExceptionally()) {
      return true;
    }
    Rendered rendered = value.join();
    return rendered != null && rendered.channel().filter(channel::equals).isPresent();
  }

  private CompletionStage<Optional<Rendered>> get(Key key,
      Supplier<CompletionStage<Optional<LocalDocument>>> load) {
    // A null value is not cached: an unknown name is looked up again next time.
    return cache.get(key, (k, executor) -> load.get()
            .thenApplyAsync(document -> document.map(this::render).orElse(null), cpu)
            .toCompletableFuture())
        .thenApply(Optional::ofNullable);
  }

  private Rendered render(LocalDocument document) {
    byte[] json = writer.write(document.object());
    if (document instanceof LocalDocument.Live live) {
      return new Rendered(json, Optional.of(live.page()), live.channel());
    }
    return new Rendered(json, Optional.empty(), Optional.empty());
  }

  /** Hit, miss and eviction counts of the cache, for {@code /metrics}. */
  public CacheStats cacheStats() {
    return cache.synchronous().stats();
  }
}
