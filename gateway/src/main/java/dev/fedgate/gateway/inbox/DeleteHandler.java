package dev.fedgate.gateway.inbox;

import dev.fedgate.gateway.cache.CacheChange;
import dev.fedgate.gateway.cache.CacheInvalidation;
import dev.fedgate.gateway.storage.CommentAuthor;
import dev.fedgate.gateway.storage.CommentStatus;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.vocab.activity.Delete;
import io.vertx.core.Future;
import java.net.URI;

/**
 * {@code Delete} of the actor itself (its follows, likes and shares go, its comments become tombstones, its cached
 * keys and documents are forgotten on every node) or of a Note stored as a comment (tombstoned, only when the actor
 * wrote it; the {@code Delete} of a visible one is forwarded like its {@code Create}).
 */
final class DeleteHandler implements ActivityHandler<Delete> {
  private final StorageBackend storage;
  private final CacheInvalidation invalidation;
  private final SiteEvents events;
  private final InboxForwarding forwarding;

  DeleteHandler(StorageBackend storage, CacheInvalidation invalidation, SiteEvents events, InboxForwarding forwarding) {
    this.storage = storage;
    this.invalidation = invalidation;
    this.events = events;
    this.forwarding = forwarding;
  }

  @Override
  public Future<Void> handle(InboxDelivery delivery, Delete delete) {
    URI object = delete.object().id();
    return object.equals(delivery.actor()) ? deleteActor(delivery.actor(), delete) : deleteNote(delivery, delete);
  }

  private Future<Void> deleteActor(URI actor, Delete delete) {
    return Future.fromCompletionStage(storage.follows().removeFollower(actor))
        .compose(follows -> Future.fromCompletionStage(storage.interactions().removeActor(actor))
            .compose(interactions -> Future.fromCompletionStage(storage.comments().deleteByAuthor(actor))
                .compose(comments -> Future.fromCompletionStage(storage.remoteActors().delete(actor))
                    .compose(forgotten -> {
                      invalidation.changed(new CacheChange.RemoteActor(actor));
                      return events.send(SiteEvents.event("actor.deleted", actor, delete.id())
                          .put("followsRemoved", follows).put("interactionsRemoved", interactions)
                          .put("commentsDeleted", comments));
                    }))));
  }

  private Future<Void> deleteNote(InboxDelivery delivery, Delete delete) {
    URI actor = delivery.actor();
    URI object = delete.object().id();
    return Future.fromCompletionStage(storage.comments().findByRemoteId(object)).compose(found -> {
      if (found.isEmpty() || !found.get().value().author().equals(new CommentAuthor.Remote(actor))) {
        return Future.succeededFuture();
      }
      long id = found.get().value().id();
      return Future.fromCompletionStage(storage.comments().setStatus(id, CommentStatus.DELETED))
          .compose(deleted -> deleted
              ? events.send(SiteEvents.event("comment.deleted", actor, delete.id())
                  .put("video", found.get().value().video().toString()).put("comment", id)
                  .put("object", object.toString()))
                  .compose(told -> found.get().value().status() == CommentStatus.VISIBLE
                      ? forwarding.forward(delivery, delete, found.get().value().video()) : Future.succeededFuture())
              : Future.succeededFuture());
    });
  }
}
