package dev.fedgate.gateway.storage.h2;

import dev.fedgate.gateway.storage.UsageCounts;
import dev.fedgate.gateway.storage.support.StoreSetBackend;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.concurrent.CompletionStage;

/** The embedded backend: every store over one H2 database and its JDBC threads, and the upkeep of its file. */
final class H2StorageBackend extends StoreSetBackend {
  private final H2Database database;
  private final H2Maintenance maintenance;

  /** {@code webhooks}: whether site events are queued as webhook jobs too (see {@code StorageSettings#webhooks}). */
  H2StorageBackend(H2Database database, InstantSource clock, boolean webhooks) {
    this(database, clock, webhooks, new H2DeliveryJobStore(database, clock));
  }

  /** The reply store writes its jobs through the same delivery queue. */
  private H2StorageBackend(H2Database database, InstantSource clock, boolean webhooks,
      H2DeliveryJobStore deliveries) {
    super(new H2LocalActorStore(database, clock),
        new H2VideoStore(database, clock),
        new H2CommentStore(database, clock),
        new H2FollowStore(database, clock),
        new H2RemoteActorStore(database),
        new H2InteractionStore(database, clock),
        new H2RemoteHostStore(database),
        new H2InboxStore(database, clock),
        deliveries,
        new H2WebhookJobStore(database, clock, webhooks),
        new H2OutboundStore(database, clock),
        new H2ReplyStore(database, deliveries, clock));
    this.database = database;
    this.maintenance = H2Maintenance.start(database);
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
          ResultSet rows = statement.executeQuery(USAGE_SQL)) {
        rows.next();
        return new UsageCounts(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4));
      }
    });
  }

  @Override
  public CompletionStage<Void> close() {
    maintenance.close();
    return database.close();
  }
}
