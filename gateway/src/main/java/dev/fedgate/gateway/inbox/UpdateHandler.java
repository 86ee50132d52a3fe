package dev.fedgate.gateway.inbox;

import dev.fedgate.gateway.cache.CacheChange;
import dev.fedgate.gateway.cache.CacheInvalidation;
import dev.fedgate.gateway.keys.RemoteActorLoader;
import dev.fedgate.gateway.storage.CommentAuthor;
import dev.fedgate.gateway.storage.CommentStatus;
import dev.fedgate.gateway.storage.CommentStore;
import dev.fedgate.vocab.Actor;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Note;
import dev.fedgate.vocab.activity.Update;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * {@code Update} of the actor itself (the cached actor is replaced and its cached keys and documents are forgotten on
 * every node, so a rotated key is used at once) or of a Note stored as a comment (its content is replaced, sanitized,
 * only when the actor wrote it; a visible one's {@code Update} is forwarded like its {@code Create}).
 */
final class UpdateHandler implements ActivityHandler<Update> {
  private final CommentStore comments;
  private final RemoteNotes notes;
  private final RemoteActorLoader actors;
  private final CacheInvalidation invalidation;
  private final SiteEvents events;
  private final InboxForwarding forwarding;

  UpdateHandler(CommentStore comments, RemoteNotes notes, RemoteActorLoader actors, CacheInvalidation invalidation,
      SiteEvents events, InboxForwarding forwarding) {
    this.comments = comments;
    this.notes = notes;
    this.actors = actors;
    this.invalidation = invalidation;
    this.events = events;
    this.forwarding = forwarding;
  }

  @Override
  public Future<Void> handle(InboxDelivery delivery, Update update) {
    if (update.object().id().equals(delivery.actor())) {
      Optional<ApObject> embedded = update.object().embedded();
      Future<?> refreshed = embedded.isPresent() && embedded.get() instanceof Actor actor
          ? actors.remember(actor) : actors.refetch(delivery.actor(), delivery.budget());
      return refreshed.onSuccess(ignored -> invalidation.changed(new CacheChange.RemoteActor(delivery.actor())))
          .mapEmpty();
    }
    return notes.note(update.object(), delivery.budget()).compose(note -> {
      if (note.isEmpty() || !RemoteNotes.writtenBy(note.get(), delivery.actor())) {
        return Future.succeededFuture();
      }
      return editComment(delivery, update, note.get());
    });
  }

  private Future<Void> editComment(InboxDelivery delivery, Update update, Note note) {
    return Future.fromCompletionStage(comments.findByRemoteId(note.id())).compose(found -> {
      if (found.isEmpty() || !found.get().value().author().equals(new CommentAuthor.Remote(delivery.actor()))) {
        return Future.succeededFuture();
      }
      long id = found.get().value().id();
      return notes.content(note)
          .compose(content -> Future.fromCompletionStage(comments.edit(id, content)).compose(edited -> edited
              ? events.send(SiteEvents.event("comment.updated", delivery.actor(), update.id())
                  .put("video", found.get().value().video().toString()).put("comment", id)
                  .put("object", note.id().toString()).put("content", content))
                  .compose(told -> found.get().value().status() == CommentStatus.VISIBLE
                      ? forwarding.forward(delivery, update, found.get().value().video()) : Future.succeededFuture())
              : Future.succeededFuture()));
    });
  }
}
