package dev.fedgate.gateway.api;

import dev.fedgate.gateway.fetch.FetchBudget;
import dev.fedgate.gateway.keys.RemoteActorLoader;
import dev.fedgate.gateway.mapping.CommentMapper;
import dev.fedgate.gateway.mapping.LocalObjects;
import dev.fedgate.gateway.mapping.LocalUrls;
import dev.fedgate.gateway.outbox.DeliveryQueue;
import dev.fedgate.gateway.problem.FedgateException;
import dev.fedgate.gateway.problem.ProblemType;
import dev.fedgate.gateway.storage.Comment;
import dev.fedgate.gateway.storage.CommentAuthor;
import dev.fedgate.gateway.storage.CommentStatus;
import dev.fedgate.gateway.storage.CommentsPolicy;
import dev.fedgate.gateway.storage.NewComment;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.gateway.storage.Video;
import dev.fedgate.vocab.Extensions;
import dev.fedgate.vocab.Note;
import dev.fedgate.vocab.Ref;
import dev.fedgate.vocab.activity.Create;
import dev.fedgate.vocab.activity.Delete;
import dev.fedgate.vocab.activity.Envelope;
import io.vertx.core.Future;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Comments the site's accounts write under local videos: stored VISIBLE, served as Notes at their id, federated as
 * {@code Create{Note}} by the account (and, once deleted, {@code Delete} with the Tombstone) to the followers of the
 * video's channel and of the account, and to the author of a remote comment replied to (mentioned, as Mastodon
 * expects). Deliveries are queued before the call completes.
 */
public final class LocalComments {
  private final LocalUrls urls;
  private final StorageBackend storage;
  private final LocalObjects objects;
  private final RemoteActorLoader actors;
  private final CommentMapper comments;
  private final DeliveryQueue queue;
  private final InstantSource clock;

  /** Comments in {@code storage}, rendered through {@code objects}, remote authors' inboxes from {@code actors}. */
  public LocalComments(LocalUrls urls, StorageBackend storage, LocalObjects objects, RemoteActorLoader actors,
      InstantSource clock) {
    this.urls = urls;
    this.storage = storage;
    this.objects = objects;
    this.actors = actors;
    this.comments = new CommentMapper(urls);
    this.queue = new DeliveryQueue(storage.deliveryJobs());
    this.clock = clock;
  }

  /**
   * Adds a local account's comment under a live video, optionally answering one of its comments, and federates it.
   *
   * @return the stored comment; problems name the field: {@code /account} not a local account, {@code /inReplyTo}
   *     not a comment of this video; {@code conflict} when the video's comments are disabled
   */
  public CompletionStage<Stored<Comment>> add(UUID video, AccountInputs.LocalComment input) {
    return Future.fromCompletionStage(storage.localActors().findAccount(input.account())).compose(account -> {
      if (account.isEmpty()) {
        return Future.failedFuture(ApiInput.invalid("/account", "must name a local account"));
      }
      return liveVideo(video);
    }).compose(live -> {
      if (live.value().commentsPolicy() == CommentsPolicy.DISABLED) {
        return Future.failedFuture(new FedgateException(ProblemType.CONFLICT,
            "comments are disabled on video " + video));
      }
      return parent(video, input.inReplyTo()).compose(parent -> Future.fromCompletionStage(storage.comments().add(
          new NewComment(video, Optional.empty(), new CommentAuthor.Local(input.account()),
              AccountInputs.html(input.text()), parent, CommentStatus.VISIBLE, clock.instant()))))
          .compose(added -> added.isPresent() ? Future.succeededFuture(added.get())
              : Future.failedFuture(new FedgateException(ProblemType.CONFLICT,
                  "the video or the comment replied to changed concurrently; retry the request")))
          .compose(stored -> publish(stored, input.account(), live.value().channel()).map(stored));
    }).toCompletionStage();
  }

  /**
   * Deletes a local comment: it becomes a Tombstone (410 at its id), its queued {@code Create} is cancelled and
   * {@code Delete} is queued to the same audience. Deleting it again is a no-op.
   */
  public CompletionStage<Void> delete(UUID video, long id) {
    return Future.fromCompletionStage(storage.comments().find(id)).compose(found -> {
      Optional<Stored<Comment>> comment = found.filter(c -> c.value().video().equals(video));
      if (comment.isEmpty()) {
        return Future.failedFuture(new FedgateException(ProblemType.NOT_FOUND,
            "no comment " + id + " under video " + video));
      }
      if (!(comment.get().value().author() instanceof CommentAuthor.Local local)) {
        return Future.failedFuture(new FedgateException(ProblemType.CONFLICT,
            "comment " + id + " is a remote actor's; only local comments are deleted here"));
      }
      URI noteId = comments.id(comment.get().value());
      return Future.fromCompletionStage(storage.comments().setStatus(id, CommentStatus.DELETED)).compose(deleted ->
          !deleted ? Future.succeededFuture() : Future.fromCompletionStage(storage.deliveryJobs()
              .cancelForObject(noteId))
              .compose(cancelled -> Future.fromCompletionStage(storage.comments().find(id)))
              .compose(tombstoned -> federateDelete(tombstoned.orElseThrow(), local.account())));
    }).toCompletionStage();
  }

  private Future<Void> federateDelete(Stored<Comment> deleted, String account) {
    return Future.fromCompletionStage(objects.inReplyTo(deleted.value())).compose(parent -> {
      Note note = comments.note(deleted, account, parent.target(), parent.mentioned());
      Delete delete = new Delete(envelope(LocalUrls.activity(note.id(), "delete"), account, note,
          deleted.updatedAt()), Ref.embed(comments.tombstone(deleted)));
      return channel(deleted.value().video()).compose(channel -> inboxes(account, channel, parent.mentioned()))
          .compose(inboxes -> Future.fromCompletionStage(queue.enqueue(inboxes, account, delete, Optional.empty())));
    });
  }

  private Future<Void> publish(Stored<Comment> stored, String account, String channel) {
    return Future.fromCompletionStage(objects.inReplyTo(stored.value())).compose(parent -> {
      Note note = comments.note(stored, account, parent.target(), parent.mentioned());
      Create create = new Create(envelope(LocalUrls.activity(note.id(), "create"), account, note,
          stored.value().publishedAt()), Ref.embed(note));
      return inboxes(account, Optional.of(channel), parent.mentioned()).compose(inboxes -> Future.fromCompletionStage(
          queue.enqueue(inboxes, account, create, Optional.of(note.id()))));
    });
  }

  private Envelope envelope(URI id, String account, Note note, Instant published) {
    return new Envelope(id, Ref.of(urls.account(account)), note.audience(), Optional.of(published), Extensions.NONE);
  }

  /**
   * The followers of the channel and the account, and the mentioned remote author's inbox (its shared inbox when it
   * has one). An author whose actor cannot be loaded now is left out rather than failing the comment.
   */
  private Future<List<URI>> inboxes(String account, Optional<String> channel, Optional<URI> mentioned) {
    List<String> owners = new ArrayList<>(List.of(account));
    channel.ifPresent(owners::add);
    Future<Set<URI>> followers = Future.fromCompletionStage(storage.follows().deliveryInboxes(owners));
    Future<Optional<URI>> author = mentioned.map(actor -> actors.load(actor, FetchBudget.perRequest())
        .map(remote -> Optional.of(remote.sharedInbox().orElse(remote.inbox())))
        .otherwise(Optional.empty())).orElse(Future.succeededFuture(Optional.empty()));
    return Future.all(followers, author).map(both -> {
      List<URI> inboxes = new ArrayList<>(followers.result());
      author.result().ifPresent(inboxes::add);
      return inboxes;
    });
  }

  private Future<Optional<String>> channel(UUID video) {
    return Future.fromCompletionStage(storage.videos().find(video))
        .map(found -> found.map(stored -> stored.value().channel()));
  }

  private Future<Stored<Video>> liveVideo(UUID video) {
    return Future.fromCompletionStage(storage.videos().find(video)).compose(found -> found.isPresent()
        ? Future.succeededFuture(found.get())
        : Future.fromCompletionStage(storage.videos().findTombstone(video)).compose(tombstone -> Future.failedFuture(
            tombstone.isPresent() ? new FedgateException(ProblemType.GONE, "video " + video + " was deleted")
                : new FedgateException(ProblemType.NOT_FOUND, "no video " + video))));
  }

  /** The parent comment's number, when given: a live comment under the same video. */
  private Future<Optional<Long>> parent(UUID video, Optional<Long> inReplyTo) {
    if (inReplyTo.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    return Future.fromCompletionStage(storage.comments().find(inReplyTo.get())).compose(found -> found
        .filter(c -> c.value().video().equals(video) && c.value().status() != CommentStatus.DELETED).isPresent()
        ? Future.succeededFuture(inReplyTo)
        : Future.failedFuture(ApiInput.invalid("/inReplyTo", "is not a comment under video " + video)));
  }
}
