package dev.fedgate.gateway.mapping;

import dev.fedgate.gateway.keys.LocalKeys;
import dev.fedgate.gateway.storage.ActorKind;
import dev.fedgate.gateway.storage.Comment;
import dev.fedgate.gateway.storage.CommentAuthor;
import dev.fedgate.gateway.storage.CommentStatus;
import dev.fedgate.gateway.storage.CommentStore;
import dev.fedgate.gateway.storage.LocalActor;
import dev.fedgate.gateway.storage.LocalActorStore;
import dev.fedgate.gateway.storage.ReplyState;
import dev.fedgate.gateway.storage.ReplyStore;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.gateway.storage.VideoStore;
import dev.fedgate.vocab.Actor;
import dev.fedgate.vocab.peertube.Video;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * Reads local actors, videos and comments from the store and maps them to their ActivityPub documents: the one place that
 * knows which store reads a document needs (an actor's keys, a video's channel and its account).
 */
public final class LocalObjects {
  private final LocalUrls urls;
  private final LocalActorStore actors;
  private final VideoStore videos;
  private final CommentStore comments;
  private final ReplyStore replies;
  private final LocalKeys keys;
  private final ActorMapper actorMapper;
  private final VideoMapper videoMapper;
  private final CommentMapper commentMapper;

  /** Documents of everything local in {@code storage}, with keys from {@code keys} and ids from {@code urls}. */
  public static LocalObjects of(LocalUrls urls, StorageBackend storage, LocalKeys keys) {
    return new LocalObjects(urls, storage.localActors(), storage.videos(), storage.comments(), storage.replies(),
        keys);
  }

  /**
   * Documents of the actors, videos, local comments and replies in the store, with keys from {@code keys} and ids
   * from {@code urls}.
   */
  public LocalObjects(LocalUrls urls, LocalActorStore actors, VideoStore videos, CommentStore comments,
      ReplyStore replies, LocalKeys keys) {
    this.urls = Objects.requireNonNull(urls, "urls");
    this.actors = Objects.requireNonNull(actors, "actors");
    this.videos = Objects.requireNonNull(videos, "videos");
    this.comments = Objects.requireNonNull(comments, "comments");
    this.replies = Objects.requireNonNull(replies, "replies");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.actorMapper = new ActorMapper(urls);
    this.videoMapper = new VideoMapper(urls);
    this.commentMapper = new CommentMapper(urls);
  }

  /** An actor document and when its content last changed (what versions its {@code Update}). */
  public record VersionedActor(Actor actor, Instant changedAt) {}

  /**
   * The document at {@code /accounts/{name}}: an account's Person or the instance Application; empty when the name
   * is unknown or a channel's.
   */
  public CompletionStage<Optional<LocalDocument>> accountPath(String name) {
    return actorPath(name, kind -> kind != ActorKind.CHANNEL);
  }

  /** The document at {@code /video-channels/{name}}: a channel's Group; empty when there is no such channel. */
  public CompletionStage<Optional<LocalDocument>> channelPath(String name) {
    return actorPath(name, kind -> kind == ActorKind.CHANNEL);
  }

  private CompletionStage<Optional<LocalDocument>> actorPath(String name, Predicate<ActorKind> servedHere) {
    return actors.findActor(name).thenCompose(actor -> actor.filter(a -> servedHere.test(a.kind())).isEmpty()
        ? CompletableFuture.completedFuture(Optional.empty())
        : actor(actor.get()).thenApply(found -> found.map(versioned -> live(versioned.actor()))));
  }

  /** The current document of a local actor of any kind; empty when it vanished meanwhile. */
  public CompletionStage<Optional<VersionedActor>> actor(LocalActor actor) {
    String name = actor.name();
    return keys.publicKeys(name).thenCompose(publicKeys -> switch (actor.kind()) {
      case ACCOUNT -> actors.findAccount(name).thenApply(found -> found.map(
          stored -> new VersionedActor(actorMapper.account(stored, publicKeys), stored.updatedAt())));
      case CHANNEL -> actors.findChannel(name).thenApply(found -> found.map(
          stored -> new VersionedActor(actorMapper.channel(stored, publicKeys), stored.updatedAt())));
      case APPLICATION -> CompletableFuture.completedFuture(Optional.of(
          new VersionedActor(actorMapper.instance(actor, publicKeys), actor.createdAt())));
    });
  }

  /** The document at a video's id: live, gone (a tombstone), or empty when the uuid was never used. */
  public CompletionStage<Optional<LocalDocument>> videoPath(UUID uuid) {
    return videos.find(uuid).thenCompose(found -> {
      if (found.isPresent()) {
        return video(found.get()).thenApply(video -> Optional.<LocalDocument>of(new LocalDocument.Live(video,
            found.get().value().url(), Optional.of(found.get().value().channel()))));
      }
      return videos.findTombstone(uuid).thenApply(tombstone -> tombstone.map(
          t -> new LocalDocument.Gone(videoMapper.tombstone(t))));
    });
  }

  /**
   * The document at {@code /videos/watch/{uuid}/comments/{id}}: a local account's visible comment under that video as
   * a Note (browsers go to the video's page), or its Tombstone once deleted; empty for a held comment, a remote one
   * (its origin serves it) or one under another video.
   */
  public CompletionStage<Optional<LocalDocument>> commentPath(UUID video, long id) {
    return comments.find(id).thenCompose(found -> {
      Optional<Stored<Comment>> local = found.filter(c -> c.value().video().equals(video)
          && c.value().author() instanceof CommentAuthor.Local && c.value().status() != CommentStatus.HELD);
      if (local.isEmpty()) {
        return CompletableFuture.completedFuture(Optional.empty());
      }
      Stored<Comment> comment = local.get();
      if (comment.value().status() == CommentStatus.DELETED) {
        return CompletableFuture.completedFuture(Optional.of(new LocalDocument.Gone(commentMapper.tombstone(comment))));
      }
      return inReplyTo(comment.value()).thenCombine(videos.find(video), (parent, live) -> live.map(v -> {
        String account = ((CommentAuthor.Local) comment.value().author()).account();
        return new LocalDocument.Live(commentMapper.note(comment, account, parent.target(), parent.mentioned()),
            v.value().url(), Optional.empty());
      }));
    });
  }

  /**
   * The document at {@code /accounts/{name}/replies/{key}}: the account's reply to remote content as a Note (browsers
   * go to the account's page), or its Tombstone once deleted; empty when there is no such reply.
   */
  public CompletionStage<Optional<LocalDocument>> replyPath(String name, String key) {
    Optional<URI> id = urls.reply(name, key);
    if (id.isEmpty()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return replies.find(id.get()).thenCombine(actors.findAccount(name), (found, account) -> found
        .filter(reply -> account.isPresent())
        .map(reply -> reply.value().state() == ReplyState.DELETED
            ? new LocalDocument.Gone(commentMapper.replyTombstone(reply))
            : new LocalDocument.Live(commentMapper.note(reply.value()), account.get().value().url(),
                Optional.empty())));
  }

  /** What a local comment answers: its parent comment (mentioning a remote parent's author), or the video. */
  public CompletionStage<CommentParent> inReplyTo(Comment comment) {
    if (comment.parent().isEmpty()) {
      return CompletableFuture.completedFuture(new CommentParent(urls.video(comment.video()), Optional.empty()));
    }
    return comments.find(comment.parent().get()).thenApply(parent -> parent.map(p -> new CommentParent(
        commentMapper.id(p.value()), p.value().author() instanceof CommentAuthor.Remote remote
            ? Optional.of(remote.actor()) : Optional.<URI>empty()))
        .orElse(new CommentParent(urls.video(comment.video()), Optional.empty())));
  }

  /** The id a comment replies to, and the remote author to mention when that is a remote comment. */
  public record CommentParent(URI target, Optional<URI> mentioned) {}

  /**
   * The {@code Video} of a stored video, attributed to its channel and the channel's account.
   *
   * @return the video, or a stage failed with {@link IllegalStateException} when its channel is gone (the store
   *     keeps videos only of existing channels)
   */
  public CompletionStage<Video> video(Stored<dev.fedgate.gateway.storage.Video> stored) {
    String channel = stored.value().channel();
    return actors.findChannel(channel).thenApply(found -> videoMapper.video(stored, found
        .orElseThrow(() -> new IllegalStateException("video " + stored.value().uuid() + " has no channel " + channel))
        .value().account()));
  }

  /** Browsers are sent to the actor's page on the site (the instance actor's is the base URL). */
  private LocalDocument live(Actor actor) {
    return new LocalDocument.Live(actor, actor.url().isEmpty() ? urls.base() : actor.url().get(0).href(),
        Optional.empty());
  }
}
