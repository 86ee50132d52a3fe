package dev.fedgate.gateway.storage.pg;

import dev.fedgate.gateway.storage.CommentStore;
import dev.fedgate.gateway.storage.DeliveryJobStore;
import dev.fedgate.gateway.storage.FollowStore;
import dev.fedgate.gateway.storage.InboxStore;
import dev.fedgate.gateway.storage.InteractionStore;
import dev.fedgate.gateway.storage.LocalActorStore;
import dev.fedgate.gateway.storage.RemoteActorStore;
import dev.fedgate.gateway.storage.RemoteHostStore;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.UsageCounts;
import dev.fedgate.gateway.storage.VideoStore;
import dev.fedgate.gateway.storage.WebhookJobStore;
import io.vertx.sqlclient.Row;
import java.time.InstantSource;
import java.util.concurrent.CompletionStage;

/** The PostgreSQL backend: every store over one connection pool. */
final class PgStorageBackend implements StorageBackend {
  private final PgDatabase database;
  private final PgLocalActorStore localActors;
  private final PgVideoStore videos;
  private final PgCommentStore comments;
  private final PgFollowStore follows;
  private final PgRemoteActorStore remoteActors;
  private final PgInteractionStore interactions;
  private final PgRemoteHostStore remoteHosts;
  private final PgInboxStore inbox;
  private final PgDeliveryJobStore deliveryJobs;
  private final PgWebhookJobStore webhookJobs;

  PgStorageBackend(PgDatabase database, InstantSource clock) {
    this.database = database;
    this.localActors = new PgLocalActorStore(database, clock);
    this.videos = new PgVideoStore(database, clock);
    this.comments = new PgCommentStore(database, clock);
    this.follows = new PgFollowStore(database, clock);
    this.remoteActors = new PgRemoteActorStore(database);
    this.interactions = new PgInteractionStore(database, clock);
    this.remoteHosts = new PgRemoteHostStore(database);
    this.inbox = new PgInboxStore(database, clock);
    this.deliveryJobs = new PgDeliveryJobStore(database, clock);
    this.webhookJobs = new PgWebhookJobStore(database, clock);
  }

  @Override
  public LocalActorStore localActors() {
    return localActors;
  }

  @Override
  public VideoStore videos() {
    return videos;
  }

  @Override
  public CommentStore comments() {
    return comments;
  }

  @Override
  public FollowStore follows() {
    return follows;
  }

  @Override
  public RemoteActorStore remoteActors() {
    return remoteActors;
  }

  @Override
  public InteractionStore interactions() {
    return interactions;
  }

  @Override
  public RemoteHostStore remoteHosts() {
    return remoteHosts;
  }

  @Override
  public InboxStore inbox() {
    return inbox;
  }

  @Override
  public DeliveryJobStore deliveryJobs() {
    return deliveryJobs;
  }

  @Override
  public WebhookJobStore webhookJobs() {
    return webhookJobs;
  }

  @Override
  public CompletionStage<Void> ping() {
    return database.once(c -> c.query("SELECT 1").execute().mapEmpty());
  }

  @Override
  public CompletionStage<UsageCounts> usage() {
    return database.once(c -> c.query("SELECT"
        + " (SELECT COUNT(*) FROM local_actor WHERE kind = 'ACCOUNT'),"
        + " (SELECT COUNT(*) FROM local_actor WHERE kind = 'CHANNEL'),"
        + " (SELECT COUNT(*) FROM video WHERE deleted_at IS NULL),"
        + " (SELECT COUNT(*) FROM video_comment WHERE author_account IS NOT NULL AND status = 'VISIBLE')")
        .execute().map(rows -> {
          Row row = rows.iterator().next();
          return new UsageCounts(row.getLong(0), row.getLong(1), row.getLong(2), row.getLong(3));
        }));
  }

  @Override
  public CompletionStage<Void> close() {
    return database.close();
  }
}
