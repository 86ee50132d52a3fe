package dev.fedgate.gateway.storage.pg;

import dev.fedgate.gateway.storage.UsageCounts;
import dev.fedgate.gateway.storage.support.StoreSetBackend;
import io.vertx.sqlclient.Row;
import java.time.InstantSource;
import java.util.concurrent.CompletionStage;

/** The PostgreSQL backend: every store over one connection pool. */
final class PgStorageBackend extends StoreSetBackend {
  private final PgDatabase database;

  /** {@code webhooks}: whether site events are queued as webhook jobs too (see {@code StorageSettings#webhooks}). */
  PgStorageBackend(PgDatabase database, InstantSource clock, boolean webhooks) {
    this(database, clock, webhooks, new PgDeliveryJobStore(database, clock));
  }

  /** The reply store writes its jobs through the same delivery queue. */
  private PgStorageBackend(PgDatabase database, InstantSource clock, boolean webhooks,
      PgDeliveryJobStore deliveries) {
    super(new PgLocalActorStore(database, clock),
        new PgVideoStore(database, clock),
        new PgCommentStore(database, clock),
        new PgFollowStore(database, clock),
        new PgRemoteActorStore(database),
        new PgInteractionStore(database, clock),
        new PgRemoteHostStore(database),
        new PgInboxStore(database, clock),
        deliveries,
        new PgWebhookJobStore(database, clock, webhooks),
        new PgOutboundStore(database, clock),
        new PgReplyStore(database, deliveries, clock));
    this.database = database;
  }

  @Override
  public CompletionStage<Void> ping() {
    return database.once(c -> c.query("SELECT 1").execute().mapEmpty());
  }

  @Override
  public CompletionStage<UsageCounts> usage() {
    return database.once(c -> c.query(USAGE_SQL)
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
