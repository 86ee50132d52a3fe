package dev.fedgate.gateway.storage.h2;

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
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.concurrent.CompletionStage;

/** The embedded backend: every store over one H2 database and its JDBC threads. */
final class H2StorageBackend implements StorageBackend {
  private final H2Database database;
  private final H2LocalActorStore localActors;
  private final H2VideoStore videos;
  private final H2CommentStore comments;
  private final H2FollowStore follows;
  private final H2RemoteActorStore remoteActors;
  private final H2InteractionStore interactions;
  private final H2RemoteHostStore remoteHosts;
  private final H2InboxStore inbox;
  private final H2DeliveryJobStore deliveryJobs;
  private final H2WebhookJobStore webhookJobs;

  H2StorageBackend(H2Database database, InstantSource clock) {
    this.database = database;
    this.localActors = new H2LocalActorStore(database, clock);
    this.videos = new H2VideoStore(database, clock);
    this.comments = new H2CommentStore(database, clock);
    this.follows = new H2FollowStore(database, clock);
    this.remoteActors = new H2RemoteActorStore(database);
    this.interactions = new H2InteractionStore(database, clock);
    this.remoteHosts = new H2RemoteHostStore(database);
    this.inbox = new H2InboxStore(database, clock);
    this.deliveryJobs = new H2DeliveryJobStore(database, clock);
    this.webhookJobs = new H2WebhookJobStore(database, clock);
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
    return database.transaction(c -> {
      try (Statement statement = c.createStatement()) {
        statement.execute("SELECT 1");
      }
      return null;
    });
  }

  @Override
  public CompletionStage<UsageCounts> usage() {
    return database.transaction(c -> {
      try (Statement statement = c.createStatement();
          ResultSet rows = statement.executeQuery("SELECT"
              + " (SELECT COUNT(*) FROM local_actor WHERE kind = 'ACCOUNT'),"
              + " (SELECT COUNT(*) FROM local_actor WHERE kind = 'CHANNEL'),"
              + " (SELECT COUNT(*) FROM video WHERE deleted_at IS NULL),"
              + " (SELECT COUNT(*) FROM video_comment WHERE author_account IS NOT NULL AND status = 'VISIBLE')")) {
        rows.next();
        return new UsageCounts(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4));
      }
    });
  }

  @Override
  public CompletionStage<Void> close() {
    return database.close();
  }
}
