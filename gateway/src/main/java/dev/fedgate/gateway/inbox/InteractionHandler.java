package dev.fedgate.gateway.inbox;

import dev.fedgate.gateway.storage.Interaction;
import dev.fedgate.gateway.storage.InteractionKind;
import dev.fedgate.gateway.storage.InteractionStore;
import dev.fedgate.gateway.storage.UpsertResult;
import dev.fedgate.vocab.activity.ObjectActivity;
import io.vertx.core.Future;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code Like}, {@code Dislike} and {@code Announce} of a local video: one interaction per actor, video and kind
 * (repeats change nothing, so counts stay right); the site hears of each new one. One class serves the three kinds
 * because they differ only in the {@link InteractionKind} stored.
 *
 * @param <A> the activity type this instance handles
 */
final class InteractionHandler<A extends ObjectActivity> implements ActivityHandler<A> {
  private final InteractionKind kind;
  private final LocalTargets targets;
  private final InteractionStore interactions;
  private final SiteEvents events;

  InteractionHandler(InteractionKind kind, LocalTargets targets, InteractionStore interactions, SiteEvents events) {
    this.kind = kind;
    this.targets = targets;
    this.interactions = interactions;
    this.events = events;
  }

  @Override
  public Future<Void> handle(InboxDelivery delivery, A activity) {
    Optional<UUID> video = targets.video(activity.object().id());
    if (video.isEmpty()) {
      return Future.succeededFuture();
    }
    Interaction interaction = new Interaction(video.get(), delivery.actor(), kind, activity.id());
    return Future.fromCompletionStage(interactions.record(interaction)).compose(result -> result != UpsertResult.CREATED
        ? Future.succeededFuture()
        : events.send(SiteEvents.event(eventType(kind, "created"), delivery.actor(), activity.id())
            .put("video", video.get().toString())));
  }

  /** {@code like.created}, {@code share.deleted}, ... */
  static String eventType(InteractionKind kind, String change) {
    return kind.name().toLowerCase(Locale.ROOT) + "." + change;
  }
}
