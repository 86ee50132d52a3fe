package dev.fedgate.gateway.storage.h2;

import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.UsageCounts;
import dev.fedgate.gateway.storage.support.StoreSetBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The embedded backend: every store over one H2 database and its JDBC threads, and the upkeep of its file. Its
 * {@link #replayable()} view runs the same stores over the database's deferring view ({@link H2Database#deferring()}).
 */
final class H2StorageBackend extends StoreSetBackend {
  private static final Logger LOG = Logger.getLogger(H2StorageBackend.class.getName());

  private final H2Database database;
  private final H2InboxStore inboxStore;
  /** The backend that owns the database and its upkeep: this one, or the one this is the deferring view of. */
  private final H2StorageBackend owner;
  private final H2Maintenance maintenance;
  private final H2Maintenance bodySweep;
  private final H2StorageBackend replayable;

  /** {@code webhooks}: whether site events are queued as webhook jobs too (see {@code StorageSettings#webhooks}). */
  H2StorageBackend(H2Database database, InstantSource clock, boolean webhooks) {
    this(database, clock, webhooks, null);
  }

  /** The owning backend when {@code owner} is null, else {@code owner}'s deferring view. */
  private H2StorageBackend(H2Database database, InstantSource clock, boolean webhooks, H2StorageBackend owner) {
    this(database, clock, webhooks, new H2DeliveryJobStore(database, clock), new H2InboxStore(database, clock), owner);
  }

  /** The reply store writes its jobs through the same delivery queue. */
  private H2StorageBackend(H2Database database, InstantSource clock, boolean webhooks,
      H2DeliveryJobStore deliveries, H2InboxStore inbox, H2StorageBackend owner) {
    super(new H2LocalActorStore(database, clock),
        new H2VideoStore(database, clock),
        new H2CommentStore(database, clock),
        new H2FollowStore(database, clock),
        new H2RemoteActorStore(database),
        new H2InteractionStore(database, clock),
        new H2RemoteHostStore(database),
        inbox,
        deliveries,
        new H2WebhookJobStore(database, clock, webhooks),
        new H2OutboundStore(database, clock),
        new H2ReplyStore(database, deliveries, clock));
    this.database = database;
    this.inboxStore = inbox;
    this.owner = owner == null ? this : owner;
    this.maintenance = owner == null ? H2Maintenance.start(database) : null;
    this.bodySweep = owner == null
        ? H2Maintenance.start(database, H2DeliveryJobStore.SWEEP_INTERVAL, H2DeliveryJobStore.SWEEP_ACTIVITIES) : null;
    this.replayable = owner == null ? new H2StorageBackend(database.deferring(), clock, webhooks, this) : this;
  }

  /**
   * The stores whose writes complete at their commit and reach the file with the next store (at the latest a
   * checkpoint interval later, see {@link H2Flusher}), before any later write that waits for the file.
   */
  @Override
  public StorageBackend replayable() {
    return replayable;
  }

  /**
   * Accepts again what the journal holds from a process that ended before a store covered it, then deletes those
   * segments; completes once they are written to the file.
   */
  CompletionStage<H2InboxStore.Replayed> replay(H2Journal journal) {
    H2Journal.LeftRecords left = journal.readLeft();
    return inboxStore.replay(left).whenComplete((replayed, failure) -> closeQuietly(left)).thenApply(replayed -> {
      try {
        journal.deleteLeft();
      } catch (IOException e) {
        throw new UncheckedIOException("could not delete the replayed journal", e);
      }
      if (replayed.read() > 0) {
        LOG.info("journal replayed: " + replayed.read() + " accepted activities, " + replayed.queued()
            + " of them queued again (the file held the others)");
      }
      return replayed;
    });
  }

  private static void closeQuietly(H2Journal.LeftRecords left) {
    try {
      left.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "could not close a journal segment after reading it", e);
    }
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
    if (owner != this) {
      return owner.close();
    }
    maintenance.close();
    bodySweep.close();
    return database.close();
  }
}
