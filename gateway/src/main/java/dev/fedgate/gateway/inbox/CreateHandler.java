package dev.fedgate.gateway.inbox;

import dev.fedgate.gateway.keys.RemoteActorLoader;
import dev.fedgate.gateway.storage.Comment;
import dev.fedgate.gateway.storage.CommentAuthor;
import dev.fedgate.gateway.storage.CommentStatus;
import dev.fedgate.gateway.storage.CommentStore;
import dev.fedgate.gateway.storage.CommentsPolicy;
import dev.fedgate.gateway.storage.NewComment;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.gateway.storage.support.GroupCommit;
import dev.fedgate.vocab.Note;
import dev.fedgate.vocab.activity.Create;
import io.vertx.core.Future;
import java.net.URI;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code Create{Note}} replying to a local video, to a comment under one, or to a remote reply stored under one:
 * stores the comment with sanitized HTML, threaded under its parent, as the video's {@code commentsPolicy} says
 * ({@code DISABLED} drops it, {@code APPROVAL} holds it); the author is cached, the site hears of it, and a visible
 * reply addressed to the channel's followers is forwarded to them ({@link InboxForwarding}). Notes that
 * reply to nothing of ours, or whose author is not the activity's actor, are ignored. The replies of the activities
 * the inbox worker handles together are stored in one transaction ({@link CommentStore#addAll}).
 */
final class CreateHandler implements ActivityHandler<Create> {
  /** Most comments stored in one transaction: a few of the worker's batches. */
  static final int GROUP = 4 * InboxWorker.BATCH;
  /** One group written at a time: the replies handled meanwhile join the next, which keeps commits few. */
  private static final int WRITES = 1;

  private final LocalTargets targets;
  private final LocalVideos videos;
  private final CommentStore comments;
  private final GroupCommit<NewComment, Optional<Stored<Comment>>> grouped;
  private final RemoteNotes notes;
  private final RemoteActorLoader actors;
  private final SiteEvents events;
  private final InboxForwarding forwarding;
  private final InstantSource clock;

  CreateHandler(LocalTargets targets, LocalVideos videos, CommentStore comments, RemoteNotes notes,
      RemoteActorLoader actors, SiteEvents events, InboxForwarding forwarding, InstantSource clock) {
    this.targets = targets;
    this.videos = videos;
    this.comments = comments;
    this.grouped = new GroupCommit<>(GROUP, WRITES, comments::addAll);
    this.notes = notes;
    this.actors = actors;
    this.events = events;
    this.forwarding = forwarding;
    this.clock = clock;
  }

  /** Where a reply goes: the video, and the comment it answers (empty for a reply to the video itself). */
  private record Parent(UUID video, Optional<Long> comment) {}

  @Override
  public Future<Void> handle(InboxDelivery delivery, Create create) {
    return notes.note(create.object(), delivery.budget()).compose(note -> {
      if (note.isEmpty() || !RemoteNotes.writtenBy(note.get(), delivery.actor())
          || note.get().inReplyTo().isEmpty()) {
        return Future.succeededFuture();
      }
      return parent(note.get().inReplyTo().get().id()).compose(parent -> parent.isEmpty()
          ? Future.succeededFuture()
          : store(delivery, create, note.get(), parent.get()));
    });
  }

  private Future<Optional<Parent>> parent(URI inReplyTo) {
    Optional<LocalTargets.Target> local = targets.parse(inReplyTo);
    if (local.isPresent() && local.get().comment().isEmpty()) {
      return Future.succeededFuture(Optional.of(new Parent(local.get().video(), Optional.empty())));
    }
    Future<Optional<Stored<Comment>>> found = local.isPresent()
        ? Future.fromCompletionStage(comments.find(local.get().comment().getAsLong()))
            .map(c -> c.filter(stored -> stored.value().video().equals(local.get().video())))
        : Future.fromCompletionStage(comments.findByRemoteId(inReplyTo));
    return found.map(c -> c.map(stored -> new Parent(stored.value().video(), Optional.of(stored.value().id()))));
  }

  private Future<Void> store(InboxDelivery delivery, Create create, Note note, Parent parent) {
    return videos.find(parent.video()).compose(video -> {
      if (video.isEmpty() || video.get().value().commentsPolicy() == CommentsPolicy.DISABLED) {
        return Future.succeededFuture();
      }
      CommentStatus status = video.get().value().commentsPolicy() == CommentsPolicy.APPROVAL
          ? CommentStatus.HELD : CommentStatus.VISIBLE;
      return actors.load(delivery.actor(), delivery.budget())
          .compose(author -> notes.content(note))
          .compose(content -> Future.fromCompletionStage(grouped.submit(new NewComment(parent.video(),
              Optional.of(note.id()), new CommentAuthor.Remote(delivery.actor()), content, parent.comment(), status,
              note.published().orElse(clock.instant())))))
          .compose(added -> added.isEmpty() ? Future.succeededFuture() : events.send(
              SiteEvents.event(status == CommentStatus.HELD ? "comment.held" : "comment.created", delivery.actor(),
                  create.id())
                  .put("video", parent.video().toString())
                  .put("comment", added.get().value().id())
                  .put("object", note.id().toString())
                  .put("content", added.get().value().content()))
              .compose(told -> added.get().value().status() == CommentStatus.VISIBLE
                  ? forwarding.forward(delivery, create, video.get().value()) : Future.succeededFuture()));
    });
  }
}
