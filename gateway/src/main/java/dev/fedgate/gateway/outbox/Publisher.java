package dev.fedgate.gateway.outbox;

import dev.fedgate.gateway.storage.LocalActor;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.gateway.storage.Video;
import dev.fedgate.gateway.storage.VideoTombstone;
import java.util.concurrent.CompletionStage;

/**
 * Turns changes the site made into activities queued for delivery. Each method completes only once the deliveries it
 * causes are durably queued, so the Site API can answer 2xx knowing nothing will be lost. Activity ids are stable, so
 * a retried call queues deliveries that receivers de-duplicate.
 */
public interface Publisher {
  /** An account's or channel's profile changed: {@code Update} of the actor to its followers. */
  CompletionStage<Void> actorUpdated(LocalActor actor);

  /**
   * A new public video: {@code Create{Video}} from the channel to the followers of the channel and of its account, and
   * {@code Announce} from the instance actor to its followers.
   */
  CompletionStage<Void> videoPublished(Stored<Video> video);

  /** A video changed: {@code Update{Video}} (with its newer {@code updated}) to the same audience as its creation. */
  CompletionStage<Void> videoUpdated(Stored<Video> video);

  /** A video was deleted: its still-queued Create/Update deliveries are cancelled, then {@code Delete} is queued. */
  CompletionStage<Void> videoDeleted(VideoTombstone tombstone);
}
