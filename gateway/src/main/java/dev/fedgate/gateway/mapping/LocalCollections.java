package dev.fedgate.gateway.mapping;

import dev.fedgate.gateway.storage.ActorKind;
import dev.fedgate.gateway.storage.CommentStatus;
import dev.fedgate.gateway.storage.FollowState;
import dev.fedgate.gateway.storage.InteractionKind;
import dev.fedgate.gateway.storage.LocalActor;
import dev.fedgate.gateway.storage.OutboundKind;
import dev.fedgate.gateway.storage.Page;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Collection;
import dev.fedgate.vocab.Ref;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The collections of local actors and videos, read page by page from the store with its keyset cursors: a request
 * without a position gets the collection ({@code totalItems} and {@code first}), one with a position gets that
 * {@code OrderedCollectionPage}. Everything answers empty when the actor or video does not exist (or is gone).
 */
public final class LocalCollections {
  /** Items per page: PeerTube pages its collections by 10 to 100; 50 keeps a page of ids well under 8 KiB. */
  public static final int DEFAULT_PAGE_SIZE = 50;

  private final LocalUrls urls;
  private final StorageBackend storage;
  private final ActivityMapper activities;
  private final CommentMapper comments;
  private final int pageSize;

  /** Collections of what is in {@code storage}, {@code pageSize} (1 to {@link PageRequest#MAX_LIMIT}) per page. */
  public LocalCollections(LocalUrls urls, StorageBackend storage, int pageSize) {
    this.urls = Objects.requireNonNull(urls, "urls");
    this.storage = Objects.requireNonNull(storage, "storage");
    this.activities = new ActivityMapper(urls);
    this.comments = new CommentMapper(urls);
    if (pageSize < 1 || pageSize > PageRequest.MAX_LIMIT) {
      throw new IllegalArgumentException("pageSize must be 1.." + PageRequest.MAX_LIMIT + ", was " + pageSize);
    }
    this.pageSize = pageSize;
  }

  /** Which actors a path segment serves: {@code /accounts/} (accounts and the instance) or {@code /video-channels/}. */
  public enum ActorPath {
    /** {@code /accounts/{name}}: an account or the instance actor. */
    ACCOUNTS(kind -> kind != ActorKind.CHANNEL),
    /** {@code /video-channels/{name}}: a channel. */
    VIDEO_CHANNELS(kind -> kind == ActorKind.CHANNEL);

    private final Predicate<ActorKind> serves;

    ActorPath(Predicate<ActorKind> serves) {
      this.serves = serves;
    }
  }

  /** An actor's accepted followers, oldest first, as actor ids. */
  public CompletionStage<Optional<Collection>> followers(ActorPath path, String name, Optional<PagePosition> position) {
    return withActor(path, name, actor -> {
      URI id = LocalUrls.followers(urls.actor(actor.kind(), actor.name()));
      return paged(id, position, storage.follows().count(name, FollowState.ACCEPTED),
          request -> storage.follows().page(name, FollowState.ACCEPTED, request)
              .thenApply(page -> items(page, follow -> Ref.of(follow.value().follower()))));
    });
  }

  /**
   * Whom an actor follows, oldest first, as actor ids: an account's accepted follows of remote actors (made through the
   * Site API); channels and the instance actor follow nobody.
   */
  public CompletionStage<Optional<Collection>> following(ActorPath path, String name, Optional<PagePosition> position) {
    return withActor(path, name, actor -> {
      URI id = LocalUrls.following(urls.actor(actor.kind(), actor.name()));
      if (actor.kind() != ActorKind.ACCOUNT) {
        return empty(id, position);
      }
      return paged(id, position, storage.outbound().count(name, OutboundKind.FOLLOW, FollowState.ACCEPTED),
          request -> storage.outbound().page(name, OutboundKind.FOLLOW, FollowState.ACCEPTED, request)
              .thenApply(page -> items(page, follow -> Ref.of(follow.value().object()))));
    });
  }

  /**
   * An actor's outbox, newest first, as PeerTube's: a channel's lists a {@code Create} of each of its live videos
   * (PeerTube crawls it after its follow is accepted, reference §8.2, and refetches each video by id); an account's
   * the {@code Create} of each video of its channels (by the channel, as sent); the instance actor's the
   * {@code Announce} of every live video (what an instance that follows it mirrors, reference §8.3).
   */
  public CompletionStage<Optional<Collection>> outbox(ActorPath path, String name, Optional<PagePosition> position) {
    return withActor(path, name, actor -> {
      URI id = LocalUrls.outbox(urls.actor(actor.kind(), actor.name()));
      if (actor.kind() == ActorKind.CHANNEL) {
        return paged(id, position, storage.videos().countByChannel(name),
            request -> storage.videos().pageByChannel(name, request).thenApply(page -> items(page, this::create)));
      }
      if (actor.kind() == ActorKind.ACCOUNT) {
        return paged(id, position, storage.videos().countByAccount(name),
            request -> storage.videos().pageByAccount(name, request).thenApply(page -> items(page, this::create)));
      }
      return paged(id, position, storage.videos().countAll(), request -> storage.videos().pageAll(request)
          .thenApply(page -> items(page, video -> Ref.embed(activities.announce(urls.video(video.value().uuid()))))));
    });
  }

  private Ref<ApObject> create(Stored<dev.fedgate.gateway.storage.Video> video) {
    return Ref.embed(activities.createById(urls.video(video.value().uuid()), video.value().channel()));
  }

  /** A live video's visible comments, oldest first, as comment ids (ours, or the remote author's). */
  public CompletionStage<Optional<Collection>> comments(UUID video, Optional<PagePosition> position) {
    return withVideo(video, () -> paged(urls.videoComments(video), position,
        storage.comments().countByVideo(video, CommentStatus.VISIBLE),
        request -> storage.comments().pageByVideo(video, Set.of(CommentStatus.VISIBLE), request)
            .thenApply(page -> items(page, comment -> Ref.of(comments.id(comment.value()))))));
  }

  /**
   * A live video's likes, dislikes or shares, in the order received, as the ids of the remote {@code Like},
   * {@code Dislike} and {@code Announce} activities (what PeerTube lists, and what it refetches to check them).
   */
  public CompletionStage<Optional<Collection>> interactions(UUID video, InteractionKind kind,
      Optional<PagePosition> position) {
    URI id = switch (kind) {
      case LIKE -> urls.videoLikes(video);
      case DISLIKE -> urls.videoDislikes(video);
      case SHARE -> urls.videoShares(video);
    };
    return withVideo(video, () -> paged(id, position, storage.interactions().count(video, kind),
        request -> storage.interactions().page(video, kind, request)
            .thenApply(page -> page.map(interaction -> Ref.<ApObject>of(interaction.activityId())))));
  }

  private CompletionStage<Optional<Collection>> withActor(ActorPath path, String name,
      Function<LocalActor, CompletionStage<Collection>> read) {
    return storage.localActors().findActor(name).thenCompose(actor -> actor.filter(a -> path.serves.test(a.kind()))
        .map(a -> read.apply(a).thenApply(Optional::of))
        .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty())));
  }

  private CompletionStage<Optional<Collection>> withVideo(UUID video,
      Supplier<CompletionStage<Collection>> read) {
    return storage.videos().find(video).thenCompose(found -> found.isPresent()
        ? read.get().thenApply(Optional::of) : CompletableFuture.completedFuture(Optional.empty()));
  }

  private CompletionStage<Collection> empty(URI id, Optional<PagePosition> position) {
    return paged(id, position, CompletableFuture.completedFuture(0L),
        request -> CompletableFuture.completedFuture(Page.empty()));
  }

  /** The summary, or the page at {@code position}; both carry the count, read alongside the page. */
  private CompletionStage<Collection> paged(URI id, Optional<PagePosition> position, CompletionStage<Long> total,
      Function<PageRequest, CompletionStage<Page<Ref<ApObject>>>> read) {
    if (position.isEmpty()) {
      return total.thenApply(count -> CollectionMapper.summary(id, count));
    }
    PagePosition at = position.get();
    return read.apply(at.request(pageSize)).thenCombine(total, (page, count) ->
        CollectionMapper.page(id, at, count, page));
  }

  private static <T> Page<Ref<ApObject>> items(Page<Stored<T>> page, Function<Stored<T>, Ref<ApObject>> item) {
    return page.map(item);
  }
}
