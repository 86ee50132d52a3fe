package dev.fedgate.it.storage;

import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.StorageProviders;
import dev.fedgate.gateway.storage.StorageSettings;
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
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract suite on the embedded backend: in-memory H2 per test, and a file database for reopening. */
class H2StorageTest {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  /** A fresh in-memory database, found through the provider registry as {@code Main} finds it. */
  static StorageBackend openInMemory(InstantSource clock) {
    StorageSettings settings = StorageSettings.builder().url("mem:contract-" + DATABASES.incrementAndGet())
        .clock(clock).build();
    return StoreContract.await(StorageProviders.find("embedded").open(settings));
  }

  @Nested
  class Backend extends StorageBackendContract {
    @Override
    protected StorageBackend openBackend() {
      return openInMemory(clock);
    }
  }

  @Nested
  class LocalActors extends LocalActorStoreContract {
    @Override
    protected StorageBackend openBackend() {
      return openInMemory(clock);
    }
  }

  @Nested
  class Videos extends VideoStoreContract {
    @Override
    protected StorageBackend openBackend() {
      return openInMemory(clock);
    }
  }

  @Nested
  class Comments extends CommentStoreContract {
    @Override
    protected StorageBackend openBackend() {
      return openInMemory(clock);
    }
  }

  @Nested
  class Follows extends FollowStoreContract {
    @Override
    protected StorageBackend openBackend() {
      return openInMemory(clock);
    }
  }

  @Nested
  class Outbound extends OutboundStoreContract {
    @Override
    protected StorageBackend openBackend() {
      return openInMemory(clock);
    }
  }

  @Nested
  class Replies extends ReplyStoreContract {
    @Override
    protected StorageBackend openBackend() {
      return openInMemory(clock);
    }
  }

  @Nested
  class RemoteActors extends RemoteActorStoreContract {
    @Override
    protected StorageBackend openBackend() {
      return openInMemory(clock);
    }
  }

  @Nested
  class Interactions extends InteractionStoreContract {
    @Override
    protected StorageBackend openBackend() {
      return openInMemory(clock);
    }
  }

  @Nested
  class RemoteHosts extends RemoteHostStoreContract {
    @Override
    protected StorageBackend openBackend() {
      return openInMemory(clock);
    }
  }

  @Nested
  class Inbox extends InboxStoreContract {
    @Override
    protected StorageBackend openBackend() {
      return openInMemory(clock);
    }
  }

  @Nested
  class DeliveryJobs extends DeliveryJobStoreContract {
    @Override
    protected StorageBackend openBackend() {
      return openInMemory(clock);
    }
  }
  @Nested
  class Outbox extends OutboxContract {
    @Override
    protected StorageBackend openBackend() {
      return openInMemory(clock);
    }
  }

  @Nested
  class WebhookJobs extends WebhookJobStoreContract {
    @Override
    protected StorageBackend openBackend() {
      return openInMemory(clock);
    }
  }

  @Nested
  class SiteEventLog extends SiteEventLogContract {
    @TempDir
    Path directory;

    @Override
    protected StorageBackend openOver(boolean webhooks) {
      StorageSettings settings = StorageSettings.builder().dataDirectory(directory).clock(clock).webhooks(webhooks)
          .build();
      return StoreContract.await(StorageProviders.find("embedded").open(settings));
    }
  }

  @Nested
  class Durability extends DurabilityContract {
    @TempDir
    Path directory;

    @Override
    protected StorageBackend openPersistentBackend() {
      StorageSettings settings = StorageSettings.builder().dataDirectory(directory).clock(clock).build();
      return StoreContract.await(StorageProviders.find("embedded").open(settings));
    }
  }
}
