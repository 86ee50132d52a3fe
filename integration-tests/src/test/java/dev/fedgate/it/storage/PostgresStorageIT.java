package dev.fedgate.it.storage;

import dev.fedgate.gateway.config.PostgresUrl;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.StorageProviders;
import dev.fedgate.gateway.storage.StorageSettings;
import dev.fedgate.testkit.postgres.TestPostgres;
import dev.fedgate.testkit.storage.CommentStoreContract;
import dev.fedgate.testkit.storage.DeliveryJobStoreContract;
import dev.fedgate.testkit.storage.DurabilityContract;
import dev.fedgate.testkit.storage.FollowStoreContract;
import dev.fedgate.testkit.storage.InboxStoreContract;
import dev.fedgate.testkit.storage.InteractionStoreContract;
import dev.fedgate.testkit.storage.LocalActorStoreContract;
import dev.fedgate.testkit.storage.OutboundStoreContract;
import dev.fedgate.testkit.storage.OutboxContract;
import dev.fedgate.testkit.storage.RemoteActorStoreContract;
import dev.fedgate.testkit.storage.RemoteHostStoreContract;
import dev.fedgate.testkit.storage.ReplyStoreContract;
import dev.fedgate.testkit.storage.SiteEventLogContract;
import dev.fedgate.testkit.storage.StorageBackendContract;
import dev.fedgate.testkit.storage.StoreContract;
import dev.fedgate.testkit.storage.VideoStoreContract;
import dev.fedgate.testkit.storage.WebhookJobStoreContract;
import java.time.InstantSource;
import org.junit.jupiter.api.Nested;

/**
 * The storage contract suite on the {@code postgres} backend: a fresh database per test on the server
 * {@link TestPostgres} chooses (skipped with its message when there is none; failed under
 * {@code FEDGATE_TEST_REQUIRE_PG=true}), and one database opened twice for the durability contract.
 */
class PostgresStorageIT {
  /** A backend over a new, empty database, found through the provider registry as {@code Main} finds it. */
  static StorageBackend openFresh(String purpose, InstantSource clock) {
    return open(TestPostgres.freshDatabase(purpose), clock);
  }

  static StorageBackend open(PostgresUrl database, InstantSource clock) {
    return open(StorageSettings.builder().url(database.toConnectionUri()).clock(clock));
  }

  private static StorageBackend open(StorageSettings.Builder settings) {
    return StoreContract.await(StorageProviders.find("postgres").open(settings.build()));
  }

  @Nested
  class Backend extends StorageBackendContract {
    @Override
    protected StorageBackend openBackend() {
      return openFresh("backend", clock);
    }
  }

  @Nested
  class LocalActors extends LocalActorStoreContract {
    @Override
    protected StorageBackend openBackend() {
      return openFresh("localactors", clock);
    }
  }

  @Nested
  class Videos extends VideoStoreContract {
    @Override
    protected StorageBackend openBackend() {
      return openFresh("videos", clock);
    }
  }

  @Nested
  class Comments extends CommentStoreContract {
    @Override
    protected StorageBackend openBackend() {
      return openFresh("comments", clock);
    }
  }

  @Nested
  class Follows extends FollowStoreContract {
    @Override
    protected StorageBackend openBackend() {
      return openFresh("follows", clock);
    }
  }

  @Nested
  class Outbound extends OutboundStoreContract {
    @Override
    protected StorageBackend openBackend() {
      return openFresh("follows", clock);
    }
  }

  @Nested
  class Replies extends ReplyStoreContract {
    @Override
    protected StorageBackend openBackend() {
      return openFresh("replies", clock);
    }
  }

  @Nested
  class RemoteActors extends RemoteActorStoreContract {
    @Override
    protected StorageBackend openBackend() {
      return openFresh("remoteactors", clock);
    }
  }

  @Nested
  class Interactions extends InteractionStoreContract {
    @Override
    protected StorageBackend openBackend() {
      return openFresh("interactions", clock);
    }
  }

  @Nested
  class RemoteHosts extends RemoteHostStoreContract {
    @Override
    protected StorageBackend openBackend() {
      return openFresh("remotehosts", clock);
    }
  }

  @Nested
  class Inbox extends InboxStoreContract {
    @Override
    protected StorageBackend openBackend() {
      return openFresh("inbox", clock);
    }
  }

  @Nested
  class DeliveryJobs extends DeliveryJobStoreContract {
    @Override
    protected StorageBackend openBackend() {
      return openFresh("deliveryjobs", clock);
    }
  }
  @Nested
  class Outbox extends OutboxContract {
    @Override
    protected StorageBackend openBackend() {
      return openFresh("outbox", clock);
    }
  }

  @Nested
  class WebhookJobs extends WebhookJobStoreContract {
    @Override
    protected StorageBackend openBackend() {
      return openFresh("webhookjobs", clock);
    }
  }

  @Nested
  class SiteEventLog extends SiteEventLogContract {
    private PostgresUrl database;

    @Override
    protected StorageBackend openOver(boolean webhooks) {
      if (database == null) {
        database = TestPostgres.freshDatabase("eventlog");
      }
      return open(StorageSettings.builder().url(database.toConnectionUri()).clock(clock).webhooks(webhooks));
    }
  }

  @Nested
  class Durability extends DurabilityContract {
    private PostgresUrl database;

    @Override
    protected StorageBackend openPersistentBackend() {
      if (database == null) {
        database = TestPostgres.freshDatabase("durability");
      }
      return open(database, clock);
    }
  }
}
